"""The import preview: the uploaded workbook kept in a temporary store under a random token with its
checksum, and what confirming it would do — per household created, changed (field: old → new),
unchanged, and the reviews entered by hand it would overwrite — written to one line-per-row file per
kind beside the upload, read back a page at a time. The session keeps only the summary
(``PreviewSummary``: counts, checksum, the database fingerprint), so a 150,000-row file costs the
session a few hundred bytes and the page one page of rows.
"""

import hashlib
import json
import re
import time
import uuid
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from households.services.import_diff import diff_rows, new_fingerprint, target_for
from households.services.review import current_round
from households.services.workbook_checks import workbook_read

KINDS = {
    "change": "Sẽ thay đổi",
    "create": "Thêm mới",
    "same": "Không đổi",
    "manual": "Ghi đè kết quả nhập tay",
}
PAGE_SIZE = 50
STALE_SECONDS = 24 * 3600  # an upload nobody confirmed within a day is swept at the next upload
TOKEN = re.compile(r"^[0-9a-f]{32}$")


def store_dir() -> Path:
    directory = Path(settings.MEDIA_ROOT) / "imports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def upload_path(token: str, suffix: str = "xlsx") -> Path:
    if not TOKEN.match(token or ""):
        raise ValidationError("Mã phiên nhập không hợp lệ.")
    return store_dir() / f"{token}.{suffix}"


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def upload_store(chunks) -> tuple[str, str]:
    """Write an upload to the store; returns its token and checksum. Sweeps stale uploads."""
    cutoff = time.time() - STALE_SECONDS
    for old in store_dir().iterdir():
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    token = uuid.uuid4().hex
    path = upload_path(token)
    with path.open("wb") as target:
        for chunk in chunks:
            target.write(chunk)
    return token, file_checksum(path)


def upload_discard(token: str) -> None:
    if TOKEN.match(token or ""):
        for path in store_dir().glob(f"{token}.*"):
            path.unlink(missing_ok=True)


@dataclass
class PreviewSummary:
    token: str
    name: str
    checksum: str
    year: int
    opens_round: bool
    fingerprint: str = ""
    create: int = 0
    change: int = 0
    same: int = 0
    manual: int = 0

    def to_session(self) -> dict:
        return asdict(self)

    @classmethod
    def from_session(cls, data) -> "PreviewSummary | None":
        try:
            return cls(**data)
        except TypeError:
            return None

    @property
    def counts(self) -> dict[str, int]:
        return {kind: getattr(self, kind) for kind in KINDS}


def preview_build(*, commune, token: str, name: str, checksum: str) -> PreviewSummary:
    """Read and check the stored upload and write what confirming it would change, writing nothing to
    the database. ``ValidationError`` lists every problem of the file (grouped by kind)."""
    with upload_path(token).open("rb") as handle:
        plan = workbook_read(handle, commune=commune)
    if plan.errors:
        raise ValidationError(plan.errors)
    found = current_round(commune)
    year = found.year if found else plan.years[0]
    summary = PreviewSummary(token, name, checksum, year, opens_round=found is None)
    hasher = new_fingerprint(found)
    files = {kind: upload_path(token, f"{kind}.jsonl").open("w", encoding="utf-8") for kind in KINDS}
    try:
        for _, diffs in diff_rows(
            plan.rows, commune=commune, review_round=found, target=target_for(commune, year), hasher=hasher
        ):
            for diff in diffs:
                record = {
                    "row": diff.row.row,
                    "code": diff.row.code,
                    "head": diff.row.head_name,
                    "neighborhood": diff.row.neighborhood.name,
                    "changes": diff.household_changes + diff.review_changes,
                    "manual": diff.manual,
                }
                line = json.dumps(record, ensure_ascii=False) + "\n"
                kinds = [diff.kind, "manual"] if diff.manual else [diff.kind]
                for kind in kinds:
                    files[kind].write(line)
                    setattr(summary, kind, getattr(summary, kind) + 1)
    finally:
        for handle in files.values():
            handle.close()
    summary.fingerprint = hasher.hexdigest()
    return summary


def preview_rows(token: str, kind: str, page: int) -> tuple[list[dict], bool]:
    """One page of the preview's rows of ``kind`` and whether a next page exists (reads the file up to
    that page, holding one page)."""
    start = (page - 1) * PAGE_SIZE
    try:
        with upload_path(token, f"{kind}.jsonl").open(encoding="utf-8") as handle:
            lines = list(islice(handle, start, start + PAGE_SIZE + 1))
    except FileNotFoundError:
        return [], False
    return [json.loads(line) for line in lines[:PAGE_SIZE]], len(lines) > PAGE_SIZE
