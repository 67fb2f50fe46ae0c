"""The review result tables as one Excel workbook (docs/spec/review-tables.md, "Workbook"): sheets
``Hộ nghèo``, ``Hộ cận nghèo``, ``Chỉ số thiếu hụt``, ``Nhóm hộ`` and the four name lists.

openpyxl write-only mode: rows go to the file as they are made and the name lists are streamed from
the database, so memory stays flat whatever the size of the commune. Counts and percentages are
numbers, never text; no formulas (a user's text starting with = + - @ is written as plain text);
frozen header, A4 landscape print set-up, title and signer blocks.
"""

from copy import copy

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from reporting.documents import review_tables as rt
from reporting.figures.review_tables import tables_transaction
from reporting.figures.review_tables_lists import LIST_HEADERS

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PERCENT = "0.00"
COUNT = "#,##0"

POOR_HEADERS = [
    ("TT", None), ("Khu phố", None), ("Tổng số hộ", None),
    ("Đầu năm", ["Số hộ nghèo", "Tỷ lệ %"]),
    ("Biến động trong năm", ["Thoát nghèo", "Tái nghèo", "Nghèo phát sinh"]),
    ("Cuối năm", ["Số hộ nghèo", "Tỷ lệ %", "Hộ nghèo dân tộc thiểu số", "Hộ nghèo không có khả năng lao động"]),
]  # fmt: skip
NEAR_HEADERS = [
    ("TT", None), ("Khu phố", None), ("Tổng số hộ", None),
    ("Đầu năm", ["Số hộ cận nghèo", "Tỷ lệ %"]),
    ("Biến động trong năm", ["Thoát cận nghèo", "Chuyển thành hộ nghèo", "Từ hộ nghèo chuyển sang",
                             "Cận nghèo phát sinh"]),
    ("Cuối năm", ["Số hộ cận nghèo", "Tỷ lệ %", "Hộ cận nghèo dân tộc thiểu số"]),
]  # fmt: skip
INDICATOR_HEADERS = [
    ("TT", None), ("Chỉ số", None),
    ("Hộ nghèo thiếu hụt chỉ số", ["Số hộ", "Tỷ lệ %"]),
    ("Hộ cận nghèo thiếu hụt chỉ số", ["Số hộ", "Tỷ lệ %"]),
]  # fmt: skip
GROUP_HEADERS = [
    ("TT", None), ("Nhóm hộ", None),
    ("Hộ nghèo trong nhóm", ["Số hộ", "Tỷ lệ %"]),
    ("Hộ cận nghèo trong nhóm", ["Số hộ", "Tỷ lệ %"]),
]  # fmt: skip
WIDTHS = {"A": 6, "B": 30}


_STYLES: dict = {}


def _style(ws, key):
    """The style array of a (bold, border, align, number format, wrap) combination, built once per
    workbook: styling every cell with fresh Font/Border objects costs more than writing it."""
    cache = _STYLES.setdefault(id(ws.parent), {})
    if key not in cache:
        bold, border, align, fmt, wrap = key
        proto = WriteOnlyCell(ws)
        proto.font = Font(name=FONT, size=11, bold=bold)
        proto.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
        if border:
            proto.border = BORDER
        if fmt:
            proto.number_format = fmt
        cache[key] = proto._style
    return copy(cache[key])


def _cell(ws, value, *, bold=False, border=True, align=None, fmt=None, wrap=False):
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text stays text: never a formula
    number = fmt if fmt and not isinstance(value, str) and value is not None else None
    cell._style = _style(ws, (bold, border, align, number, wrap))
    return cell


def _sheet(book, name: str, width: int, header_rows: int, title_rows: int):
    ws = book.create_sheet(name)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    first_data = title_rows + header_rows + 1
    ws.freeze_panes = f"C{first_data}"
    ws.print_title_rows = f"{title_rows + 1}:{title_rows + header_rows}"
    for index in range(1, width + 1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = WIDTHS.get(letter, 14 if width > 6 else 18)
    return ws


def _title(ws, tables, number: str, title: str, width: int) -> int:
    """Issuer, form number, title with the year, the decision; returns the rows written."""
    lines = [
        (tables.frame.issuer_parent, True), (tables.frame.issuer_name, True), (number, True),
        (tables.title(title).upper(), True), (tables.decision_line, False), ("", False),
    ]  # fmt: skip
    for row, (text, bold) in enumerate(lines, start=1):
        align = "left" if row <= 3 else "center"
        ws.append([_cell(ws, text, bold=bold, border=False, align=align)])
        if row > 3 and text:
            ws.merged_cells.add(f"A{row}:{get_column_letter(width)}{row}")
    return len(lines)


def _headers(ws, groups, top: int) -> None:
    first, second, column = [], [], 1
    for label, subs in groups:
        span = len(subs) if subs else 1
        for offset in range(span):
            first.append(_cell(ws, label if offset == 0 else None, bold=True, align="center", wrap=True))
            sub = subs[offset] if subs else None
            second.append(_cell(ws, sub, bold=True, align="center", wrap=True))
        end = get_column_letter(column + span - 1)
        ws.merged_cells.add(f"{get_column_letter(column)}{top}:{end}{top if subs else top + 1}")
        column += span
    ws.append(first)
    ws.append(second)


def _data_row(ws, cells, *, bold=False):
    out = []
    for index, value in enumerate(cells):
        fmt = PERCENT if isinstance(value, float) else COUNT
        align = "left" if index == 1 else "center" if index == 0 else None
        out.append(_cell(ws, value, bold=bold, fmt=fmt, align=align))
    ws.append(out)


def _signer(ws, tables, width: int) -> None:
    signer = tables.frame.signer
    ws.append([])
    pad = [None] * max(width - 4, 1)
    for text, bold in (
        (tables.frame.date_line, False), (signer.authority, True), (signer.title, True),
        ("", False), ("", False), (signer.name, True),
    ):  # fmt: skip
        if text or not bold:
            ws.append([*pad, _cell(ws, text, bold=bold, border=False, align="center")])


def _table_sheet(book, tables, spec, groups, rows, width=12):
    name, number, title = spec
    ws = _sheet(book, name, width, header_rows=2, title_rows=6)
    top = _title(ws, tables, number, title, width) + 1
    _headers(ws, groups, top)
    for cells, bold in rows:
        _data_row(ws, cells, bold=bold)
    _signer(ws, tables, width)


def _list_sheet(book, tables, kind, name, title, number):
    ws = _sheet(book, name, len(LIST_HEADERS), header_rows=1, title_rows=6)
    for letter, width in zip("CDEF", (30, 16, 14, 18), strict=True):
        ws.column_dimensions[letter].width = width
    _title(ws, tables, number, title, len(LIST_HEADERS))
    ws.append([_cell(ws, h, bold=True, align="center", wrap=True) for h in LIST_HEADERS])
    for row in tables.list_rows(kind):
        _data_row(ws, row.cells())
    _signer(ws, tables, len(LIST_HEADERS))


def add_review_sheets(book, tables) -> None:
    """The eight sheets of ``tables`` added to ``book`` — the review workbook itself, or the annual
    report's workbook (the same layout, so the level above reads both alike)."""
    summary = tables.summary
    _table_sheet(
        book, tables, rt.POOR_SHEET, POOR_HEADERS, [(r.poor_cells(), r.number is None) for r in summary]
    )
    _table_sheet(
        book, tables, rt.NEAR_SHEET, NEAR_HEADERS, [(r.near_cells(), r.number is None) for r in summary]
    )
    indicators = [(r.cells(), False) for r in tables.indicators]
    _table_sheet(book, tables, rt.INDICATOR_SHEET, INDICATOR_HEADERS, indicators, width=6)
    _table_sheet(
        book, tables, rt.GROUP_SHEET, GROUP_HEADERS, [(r.cells(), False) for r in tables.groups], width=6
    )
    with tables_transaction():
        for kind, name, title, number in tables.list_kinds():
            _list_sheet(book, tables, kind, name, title, number)
    _STYLES.pop(id(book), None)


def write_review_xlsx(tables, out) -> None:
    """Write the workbook of ``tables`` (``build_review_tables``) to ``out`` (a path or binary file)."""
    book = Workbook(write_only=True)
    add_review_sheets(book, tables)
    book.save(out)
