"""Import of the household workbook: read and validate everything first, then write all or nothing.

Safety: openpyxl parses XML through defusedxml (installed), and before parsing the zip directory is
read to refuse archives whose unpacked size is absurd (a zip bomb) without inflating anything.
"""

import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from households import messages
from households import workbook as wb
from households.classification import classify, thresholds_for
from households.models import Household, Member, PovertyStandard, Review, ReviewRound, RoundStatus
from households.services.registry import build_search_key
from households.services.review import current_round
from thoxuan_gnbv.text import nfc

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A real 10 MB workbook unpacks to well under this; a zip bomb claims far more.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_COMPRESSION_RATIO = 500
CHUNK = 900  # below SQLite's bound-parameter limit
HISTORY_REASON = "Nhập từ tệp Excel hộ gia đình"
GROUPED_NUMBER = re.compile(r"^\d{1,3}([.,]\d{3})+$")


@dataclass
class WorkbookRow:
    row: int
    code: str
    neighborhood: object
    head_name: str
    head_national_id: str
    address: str | None
    size: int
    year: int
    income: int
    deprived: list[str]
    flags: dict


@dataclass
class ImportPlan:
    rows: list[WorkbookRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    creates: list[str] = field(default_factory=list)
    updates: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportResult:
    created: int
    updated: int
    review_round: ReviewRound | None


def check_archive(fileobj, *, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
    """Refuse files over the cap, non-zip files and zip bombs, reading only the zip directory."""
    fileobj.seek(0, 2)
    size = fileobj.tell()
    fileobj.seek(0)
    if size > max_bytes:
        raise ValidationError(messages.FILE_TOO_LARGE.format(limit=max_bytes // (1024 * 1024)))
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(messages.FILE_NOT_XLSX) from exc
    finally:
        fileobj.seek(0)
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES or any(
        info.file_size > 1024 * 1024 and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        for info in infos
    ):
        raise ValidationError(messages.FILE_UNPACKED_TOO_LARGE)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def _integer(value):
    """A whole number ≥ 0 from a cell, or None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = _text(value).replace(" ", "")
    if GROUPED_NUMBER.match(text):
        text = text.replace(".", "").replace(",", "")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return None


def _read_sheet(fileobj):
    from openpyxl import load_workbook

    check_archive(fileobj)
    try:
        book = load_workbook(fileobj, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ValidationError(messages.FILE_NOT_XLSX) from exc
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        yield header or ()
        yield from rows
    finally:
        book.close()


class _RowReader:
    def __init__(self, plan: ImportPlan, neighborhoods: dict):
        self.plan = plan
        self.neighborhoods = neighborhoods
        self.seen_codes: dict[str, int] = {}
        self.seen_ids: dict[str, int] = {}

    def error(self, template, row, header, **extra):
        self.plan.errors.append(template.format(row=row, header=header, **extra))

    def required_text(self, values, row, header, limit):
        text = _text(values.get(header))
        if not text:
            self.error(messages.CELL_REQUIRED, row, header)
            return None
        if len(text) > limit:
            self.error(messages.CELL_TOO_LONG, row, header, limit=limit)
            return None
        return text

    def number(self, values, row, header, minimum):
        raw = values.get(header)
        if _text(raw) == "":
            self.error(messages.CELL_REQUIRED, row, header)
            return None
        number = _integer(raw)
        if number is None or number < minimum:
            self.error(messages.CELL_NOT_POSITIVE if minimum == 1 else messages.CELL_NOT_INTEGER, row, header)
            return None
        return number

    def flag(self, values, row, header):
        mark = _text(values.get(header)).casefold()
        if mark in wb.TRUE_MARKS:
            return True
        if mark in wb.FALSE_MARKS:
            return False
        self.error(messages.CELL_FLAG, row, header)
        return None

    def read(self, row: int, values: dict) -> WorkbookRow | None:
        before = len(self.plan.errors)
        code = self.required_text(values, row, wb.CODE, 30)
        if code is not None:
            first = self.seen_codes.setdefault(code.casefold(), row)
            if first != row:
                self.error(messages.CELL_CODE_REPEATED, row, wb.CODE, code=code, first=first)
        neighborhood = None
        name = self.required_text(values, row, wb.NEIGHBORHOOD, 100)
        if name is not None:
            neighborhood = self.neighborhoods.get(wb.header_key(name))
            if neighborhood is None:
                self.error(messages.CELL_NEIGHBORHOOD_UNKNOWN, row, wb.NEIGHBORHOOD, name=name)
        head_name = self.required_text(values, row, wb.HEAD_NAME, 150)
        national_id = _text(values.get(wb.HEAD_NATIONAL_ID))
        if national_id:
            if not re.fullmatch(r"\d{12}", national_id):
                self.error(messages.CELL_NATIONAL_ID, row, wb.HEAD_NATIONAL_ID)
            elif self.seen_ids.setdefault(national_id, row) != row:
                self.error(messages.CELL_NATIONAL_ID_USED, row, wb.HEAD_NATIONAL_ID)
        address = _text(values.get(wb.ADDRESS)) if wb.ADDRESS in values else None
        if address and len(address) > 255:
            self.error(messages.CELL_TOO_LONG, row, wb.ADDRESS, limit=255)
        size = self.number(values, row, wb.SIZE, 1)
        year = self.number(values, row, wb.YEAR, 0)
        if year is not None and not 2000 <= year <= 2100:
            self.error(messages.CELL_YEAR_RANGE, row, wb.YEAR)
        income = self.number(values, row, wb.INCOME, 0)
        deprived = [header for header in wb.INDICATORS if self.flag(values, row, header)]
        flags = {
            attribute: self.flag(values, row, header)
            for header, attribute in wb.FLAG_COLUMNS.items()
            if header in values
        }
        if len(self.plan.errors) > before:
            return None
        return WorkbookRow(
            row, code, neighborhood, head_name, national_id, address, size, year, income, deprived, flags
        )


def workbook_read(fileobj, *, commune) -> ImportPlan:
    """Read and validate a household workbook against the commune, writing nothing."""
    plan = ImportPlan()
    sheet = _read_sheet(fileobj)
    header = next(sheet)
    columns = {}
    for index, title in enumerate(header):
        key = wb.header_key(title)
        if key and key not in columns:
            columns[key] = index
    canonical = {wb.header_key(h): h for h in wb.REQUIRED_COLUMNS + wb.OPTIONAL_COLUMNS}
    missing = [h for h in wb.REQUIRED_COLUMNS if wb.header_key(h) not in columns]
    if missing:
        plan.errors.extend(messages.COLUMN_MISSING.format(header=h) for h in missing)
        return plan
    positions = {canonical[key]: index for key, index in columns.items() if key in canonical}
    neighborhoods = {wb.header_key(n.name): n for n in commune.neighborhoods.all()}
    reader = _RowReader(plan, neighborhoods)
    seen_data = False
    for number, cells in enumerate(sheet, start=2):
        if not cells or all(_text(c) == "" for c in cells):
            continue
        seen_data = True
        values = {h: (cells[i] if i < len(cells) else None) for h, i in positions.items()}
        row = reader.read(number, values)
        if row is not None:
            plan.rows.append(row)
    if not seen_data:
        plan.errors.append(messages.FILE_NO_ROWS)
        return plan
    _check_against_database(plan, commune)
    return plan


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _check_against_database(plan: ImportPlan, commune) -> None:
    codes = [r.code for r in plan.rows]
    existing = set()
    for part in _chunks(codes):
        existing.update(
            Household.objects.filter(commune=commune, code__in=part).values_list("code", flat=True)
        )
    ids = {r.head_national_id: r for r in plan.rows if r.head_national_id}
    for part in _chunks(ids):
        for national_id, commune_id, code in Household.objects.filter(head_national_id__in=part).values_list(
            "head_national_id", "commune_id", "code"
        ):
            row = ids[national_id]
            if commune_id != commune.pk or code != row.code:
                plan.errors.append(
                    messages.CELL_NATIONAL_ID_USED.format(row=row.row, header=wb.HEAD_NATIONAL_ID)
                )
        for national_id, commune_id, code in Member.objects.filter(national_id__in=part).values_list(
            "national_id", "household__commune_id", "household__code"
        ):
            row = ids[national_id]
            if commune_id != commune.pk or code != row.code:
                plan.errors.append(
                    messages.CELL_NATIONAL_ID_USED.format(row=row.row, header=wb.HEAD_NATIONAL_ID)
                )
    in_progress = current_round(commune)
    years = sorted({r.year for r in plan.rows})
    plan.years = years
    openable = in_progress is None
    for year in years:
        standard = PovertyStandard.objects.in_force(year)
        usable = (
            in_progress is not None and in_progress.year == year and in_progress.status == RoundStatus.OPEN
        ) or (in_progress is None and openable)
        if in_progress is None and openable:
            openable = False  # only one round can be opened by an import
        for row in plan.rows:
            if row.year != year:
                continue
            if standard is None:
                plan.errors.append(messages.CELL_NO_STANDARD.format(row=row.row, header=wb.YEAR, year=year))
            elif not usable:
                plan.errors.append(messages.CELL_ROUND_FROZEN.format(row=row.row, header=wb.YEAR, year=year))
    plan.errors.sort(key=_row_of)
    plan.creates = [c for c in codes if c not in existing]
    plan.updates = [c for c in codes if c in existing]


def _row_of(message: str) -> int:
    match = re.match(r"Dòng (\d+)", message)
    return int(match.group(1)) if match else 0


def households_import(*, commune, fileobj, user, dry_run: bool = False) -> ImportResult:
    """Create or update every household of the workbook and its review for the year, classified by
    the standard in force. Any invalid row: nothing is written and ``ValidationError`` lists every
    problem (row and header named)."""
    plan = workbook_read(fileobj, commune=commune)
    if plan.errors:
        raise ValidationError(plan.errors)
    if dry_run:
        return ImportResult(len(plan.creates), len(plan.updates), None)
    with transaction.atomic():
        return _apply(plan, commune, user)


def _apply(plan: ImportPlan, commune, user) -> ImportResult:
    review_round = current_round(commune)
    if review_round is None:
        from households.services.review import review_round_open

        review_round = review_round_open(commune=commune, year=plan.years[0], user=user)
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    if review_round.status != RoundStatus.OPEN:
        raise ValidationError(messages.ROUND_NOT_OPEN)
    standard = PovertyStandard.objects.in_force(review_round.year)
    thresholds = thresholds_for(standard, commune.area_type)
    code_of_indicator = {i.name: i.code for i in standard.indicators.all()}

    existing: dict[str, Household] = {}
    for part in _chunks([r.code for r in plan.rows]):
        existing.update((h.code, h) for h in Household.objects.filter(commune=commune, code__in=part))
    member_text: dict[int, list[str]] = {}
    for part in _chunks([h.pk for h in existing.values()]):
        for household_id, name, national_id in Member.objects.filter(household_id__in=part).values_list(
            "household_id", "full_name", "national_id"
        ):
            member_text.setdefault(household_id, []).extend(t for t in (name, national_id) if t)

    new, changed = [], []
    for row in plan.rows:
        household = existing.get(row.code) or Household(commune=commune, code=row.code)
        household.neighborhood = row.neighborhood
        household.head_name = row.head_name
        household.head_national_id = row.head_national_id
        if row.address is not None:
            household.address = row.address
        for attribute, value in row.flags.items():
            setattr(household, attribute, value)
        household.search_key = build_search_key(
            household.code, household.head_name, household.head_national_id, member_text.get(household.pk, ())
        )
        (changed if household.pk else new).append(household)
    options = {"batch_size": 1000, "default_user": user, "default_change_reason": HISTORY_REASON}
    if new:
        bulk_create_with_history(new, Household, **options)
        if any(h.pk is None for h in new):  # a backend that does not return keys
            ids = dict(
                Household.objects.filter(commune=commune, code__in=[h.code for h in new]).values_list(
                    "code", "pk"
                )
            )
            for household in new:
                household.pk = household.id = ids[household.code]
    if changed:
        bulk_update_with_history(
            changed,
            Household,
            [
                "neighborhood",
                "head_name",
                "head_national_id",
                "address",
                "search_key",
                "is_ethnic_minority",
                "has_meritorious_person",
                "without_labour_capacity",
            ],  # fmt: skip
            **options,
        )

    households = {h.code: h for h in new + changed}
    reviews = {}
    for part in _chunks([h.pk for h in households.values()]):
        reviews.update(
            (r.household_id, r) for r in Review.objects.filter(round=review_round, household_id__in=part)
        )
    new_reviews, changed_reviews = [], []
    for row in plan.rows:
        household = households[row.code]
        codes = [code_of_indicator[h] for h in row.deprived if h in code_of_indicator]
        review = reviews.get(household.pk) or Review(household_id=household.pk, round_id=review_round.pk)
        review.year = review_round.year
        review.standard_id = standard.pk
        review.household_size = row.size
        review.income = row.income
        review.score = None
        review.deprivations = codes
        review.deprivation_count = len(codes)
        review.category = classify(thresholds, deprivation_count=len(codes), income=row.income)
        review.recorded_by_id = user.pk if user else None
        (changed_reviews if review.pk else new_reviews).append(review)
    if new_reviews:
        bulk_create_with_history(new_reviews, Review, **options)
    if changed_reviews:
        bulk_update_with_history(
            changed_reviews,
            Review,
            [
                "standard",
                "household_size",
                "income",
                "score",
                "deprivations",
                "deprivation_count",
                "category",
                "recorded_by",
            ],
            **options,
        )
    return ImportResult(len(new), len(changed), review_round)
