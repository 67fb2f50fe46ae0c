"""Reading the household workbook: the file checked as a safe archive, the sheet's header matched
to the columns (``households.workbook``) and every row read cell by cell into a ``WorkbookRow`` or
an error naming its row and header. Nothing here writes; ``workbook_checks`` checks the rows against the
database and ``importing`` applies them.

Safety: openpyxl parses XML through defusedxml (installed), and before parsing the zip directory is
read to refuse archives whose unpacked size is absurd (a zip bomb) without inflating anything.
"""

import re
import zipfile
from dataclasses import dataclass, field
from types import MappingProxyType

from django.core.exceptions import ValidationError

from households import messages
from households import workbook as wb
from thoxuan_gnbv.text import has_invisible, nfc, strip_invisible

# A commune after the 2025 mergers may hold 150,000 households: about 80 bytes a row compressed, so
# 12 MB and more; the cap leaves room for addresses and member names.
MAX_UPLOAD_BYTES = 30 * 1024 * 1024
# A real 150,000-row workbook unpacks to well under this (about 1 KB a row); a zip bomb claims far more.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_COMPRESSION_RATIO = 500
GROUPED_NUMBER = re.compile(r"^\d{1,3}([.,]\d{3})+$")


@dataclass(slots=True)
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
    deprived: tuple[str, ...]
    flags: MappingProxyType


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


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def cell_integer(value):
    """A whole number ≥ 0 from a cell, or None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = cell_text(value).replace(" ", "")
    if GROUPED_NUMBER.match(text):
        text = text.replace(".", "").replace(",", "")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return None


def read_sheet(fileobj):
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
    except Exception as exc:  # rows are read lazily: a truncated or corrupt sheet fails here
        raise ValidationError(messages.FILE_NOT_XLSX) from exc
    finally:
        book.close()


class RowReader:
    def __init__(self, plan: ImportPlan, neighborhoods: dict, layout: wb.Layout):
        self.plan = plan
        self.layout = layout
        self.neighborhoods = neighborhoods
        self.seen_codes: dict[str, int] = {}
        self.seen_ids: dict[str, int] = {}
        # A commune's 150,000 rows hold a few dozen distinct indicator and flag combinations: rows share
        # one read-only instance of each instead of a list and a dict apiece (the import keeps every
        # row until it writes, and must stay under 200 MB extra at province scale).
        self.shared: dict = {}

    def share(self, key: tuple, make=tuple):
        found = self.shared.get(key)
        if found is None:
            found = self.shared[key] = make(key)
        return found

    def error(self, template, row, header, **extra):
        self.plan.errors.append(template.format(row=row, header=header, **extra))

    def required_text(self, values, row, header, limit):
        text = cell_text(values.get(header))
        if not text:
            self.error(messages.CELL_REQUIRED, row, header)
            return None
        if len(text) > limit:
            self.error(messages.CELL_TOO_LONG, row, header, limit=limit)
            return None
        return text

    def number(self, values, row, header, minimum):
        raw = values.get(header)
        if cell_text(raw) == "":
            self.error(messages.CELL_REQUIRED, row, header)
            return None
        number = cell_integer(raw)
        if number is None or number < minimum:
            self.error(messages.CELL_NOT_POSITIVE if minimum == 1 else messages.CELL_NOT_INTEGER, row, header)
            return None
        return number

    def flag(self, values, row, header):
        mark = cell_text(values.get(header)).casefold()
        if mark in wb.TRUE_MARKS:
            return True
        if mark in wb.FALSE_MARKS:
            return False
        self.error(messages.CELL_FLAG, row, header)
        return None

    def read(self, row: int, values: dict) -> WorkbookRow | None:
        before = len(self.plan.errors)
        code = self.required_text(values, row, wb.CODE, 30)
        if code is not None and has_invisible(code):
            self.error(messages.CELL_INVISIBLE, row, wb.CODE)
        elif code is not None:
            first = self.seen_codes.setdefault(code.casefold(), row)
            if first != row:
                self.error(messages.CELL_CODE_REPEATED, row, wb.CODE, code=code, first=first)
        neighborhood = None
        name = self.required_text(values, row, wb.NEIGHBORHOOD, 100)
        if name is not None:
            neighborhood = self.neighborhoods.get(wb.header_key(name))
            if neighborhood is None:
                self.error(messages.CELL_NEIGHBORHOOD_UNKNOWN, row, wb.NEIGHBORHOOD, name=name)
        head_name = strip_invisible(self.required_text(values, row, wb.HEAD_NAME, 150))
        national_id = cell_text(values.get(wb.HEAD_NATIONAL_ID))
        if national_id:
            if not re.fullmatch(r"\d{12}", national_id):
                self.error(messages.CELL_NATIONAL_ID, row, wb.HEAD_NATIONAL_ID)
            elif self.seen_ids.setdefault(national_id, row) != row:
                self.error(messages.CELL_NATIONAL_ID_USED, row, wb.HEAD_NATIONAL_ID)
        address = strip_invisible(cell_text(values.get(wb.ADDRESS))) if wb.ADDRESS in values else None
        if address and len(address) > 255:
            self.error(messages.CELL_TOO_LONG, row, wb.ADDRESS, limit=255)
        size = self.number(values, row, wb.SIZE, 1)
        year = self.number(values, row, wb.YEAR, 0)
        if year is not None and not 2000 <= year <= 2100:
            self.error(messages.CELL_YEAR_RANGE, row, wb.YEAR)
        income = self.number(values, row, wb.INCOME, 0)
        deprived = tuple(header for header in self.layout.indicators if self.flag(values, row, header))
        flags = tuple(
            (attribute, self.flag(values, row, header))
            for header, attribute in wb.FLAG_COLUMNS.items()
            if header in values
        )
        if len(self.plan.errors) > before:
            return None
        return WorkbookRow(
            row, code, neighborhood, head_name, national_id, address, size, year, income,
            self.share(deprived), self.share(("flags", *flags), lambda key: MappingProxyType(dict(key[1:]))),
        )  # fmt: skip
