"""The compiled report as an Excel workbook in the official style: a title block, merged headers,
column widths, frozen header rows, A4 landscape print set-up and a totals row, one sheet per table
(the component table, the budget table, the review-movement table by khu phố).

Text typed by users never becomes a formula: every string is written as a string cell, and one
starting with = + - @ is kept as text with Excel's quote prefix.
"""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FORMULA_STARTS = ("=", "+", "-", "@")
NUMBER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"


def put(cell, value, *, bold=False, number_format=None, align=None, wrap=False, border=True):
    """Write one cell; strings are always text (never a formula), numbers keep their type."""
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    else:
        cell.value = value
    cell.font = Font(name=FONT, size=11, bold=bold)
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
    if number_format:
        cell.number_format = number_format
    if border:
        cell.border = BORDER
    return cell


def _title_block(ws, doc, title: str, width: int) -> int:
    """Issuer at left, national motto at right, then the title; returns the next free row."""
    half = max(width // 2, 1)
    rows = [
        (doc.frame.issuer_parent, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (doc.frame.issuer_name, "Độc lập - Tự do - Hạnh phúc"),
        (doc.frame.number_line, doc.frame.date_line),
    ]
    for index, (left, right) in enumerate(rows, start=1):
        ws.merge_cells(start_row=index, start_column=1, end_row=index, end_column=half)
        ws.merge_cells(start_row=index, start_column=half + 1, end_row=index, end_column=width)
        put(ws.cell(index, 1), left, bold=index < 3, align="center", border=False)
        put(ws.cell(index, half + 1), right, bold=index < 3, align="center", border=False)
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
    put(ws.cell(5, 1), title, bold=True, align="center", border=False)
    ws.merge_cells(start_row=6, start_column=1, end_row=6, end_column=width)
    put(
        ws.cell(6, 1),
        f"(Kèm theo Báo cáo {doc.frame.number_line} – {doc.period_label})",
        align="center",
        border=False,
    )
    ws.row_dimensions[5].height = 22
    return 8


def _headers(ws, row: int, groups: list) -> int:
    """Two header rows: ``groups`` is a list of (label, [sub labels]) or (label, None) for a column
    spanning both rows. Returns the first data row."""
    column = 1
    for label, subs in groups:
        if subs:
            ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + len(subs) - 1)
            put(ws.cell(row, column), label, bold=True, align="center", wrap=True)
            for offset, sub in enumerate(subs):
                put(ws.cell(row + 1, column + offset), sub, bold=True, align="center", wrap=True)
                if offset:
                    ws.cell(row, column + offset).border = BORDER
            column += len(subs)
        else:
            ws.merge_cells(start_row=row, start_column=column, end_row=row + 1, end_column=column)
            put(ws.cell(row, column), label, bold=True, align="center", wrap=True)
            ws.cell(row + 1, column).border = BORDER
            column += 1
    ws.row_dimensions[row].height = 30
    ws.row_dimensions[row + 1].height = 45
    return row + 2


def _setup(ws, widths: list[int], header_row: int):
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = ws.cell(header_row, 1)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row - 2}:{header_row - 1}"
    ws.page_margins = PageMargins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    ws.print_options.horizontalCentered = True


def _row(ws, row: int, values: list, formats: list, *, bold=False):
    for column, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
        align = "right" if fmt else None
        put(ws.cell(row, column), value, bold=bold, number_format=fmt, align=align, wrap=fmt is None)


def _components_sheet(wb, doc):
    ws = wb.active
    ws.title = "Dự án, tiểu dự án"
    groups = [
        ("TT", None),
        ("Dự án, tiểu dự án", None),
        ("Đơn vị chủ trì", None),
        ("Hộ được hỗ trợ", ["Tổng số", "DTTS", "Có người có công", "Có người khuyết tật"]),
        ("Hoạt động", ["Số hoạt động", "Lượt người"]),
        ("Kinh phí lũy kế từ đầu năm (đồng)", ["Được giao", "Đã giải ngân", "Tỷ lệ"]),
        ("Tình trạng báo cáo", None),
    ]
    width = 13
    row = _headers(
        ws,
        _title_block(ws, doc, f"KẾT QUẢ THỰC HIỆN CÁC DỰ ÁN, TIỂU DỰ ÁN {doc.period_label.upper()}", width),
        groups,
    )
    first = row
    n = NUMBER_FORMAT
    formats = [None, None, None, n, n, n, n, n, n, n, n, PERCENT_FORMAT, None]
    for component in doc.components:
        _row(
            ws,
            row,
            [
                component.number,
                f"{component.code}. {component.title}",
                component.lead_unit,
                component.households,
                component.ethnic_minority,
                component.meritorious,
                component.disability,
                component.activities,
                component.participants,
                component.allocated,
                component.disbursed,
                component.rate,
                component.report_state,
            ],
            ["0", *formats[1:]],
        )
        row += 1
    totals = doc.totals
    _row(
        ws,
        row,
        [
            "",
            "Toàn xã (mỗi hộ tính một lần)",
            "",
            totals["households"],
            totals.get("ethnic_minority", ""),
            totals.get("meritorious", ""),
            totals.get("disability", ""),
            totals["activities"],
            totals["participants"],
            totals["allocated"],
            totals["disbursed"],
            totals["rate"],
            "",
        ],
        formats,
        bold=True,
    )
    _setup(ws, [5, 42, 22, 10, 8, 10, 11, 10, 10, 15, 15, 9, 16], first)


def _movement_sheet(wb, doc):
    ws = wb.create_sheet("Biến động hộ nghèo")
    groups = [
        ("Khu phố", None),
        ("Tổng số hộ", None),
        ("Hộ nghèo đầu năm", None),
        ("Biến động", ["Thoát nghèo", "Tái nghèo", "Phát sinh"]),
        ("Hộ nghèo cuối năm", ["Số hộ", "Tỷ lệ", "Trong đó DTTS"]),
        ("Hộ cận nghèo", None),
    ]
    width = 10
    title = f"BIẾN ĐỘNG HỘ NGHÈO THEO KHU PHỐ NĂM {doc.movement_year or ''} ({doc.poverty_round.upper()})"
    row = _headers(ws, _title_block(ws, doc, title, width), groups)
    first = row
    n = NUMBER_FORMAT
    formats = [None, n, n, n, n, n, n, "0.00%", n, n]
    for line in doc.movement:
        _row(
            ws,
            row,
            [
                line.label,
                line.households,
                line.start,
                line.escaped,
                line.fell_back,
                line.newly_poor,
                line.end,
                line.end_rate,
                line.end_ethnic,
                line.near_poor,
            ],
            formats,
            bold=line.is_total,
        )
        row += 1
    _setup(ws, [22, 11, 11, 11, 11, 11, 11, 10, 11, 11], first)


def build_workbook(doc, *, commune=None) -> Workbook:
    from reporting.documents import excel_forms

    wb = Workbook()
    _components_sheet(wb, doc)
    _movement_sheet(wb, doc)
    excel_forms.results_sheet(wb, doc)
    excel_forms.funding_sheet(wb, doc)
    excel_forms.beneficiaries_sheet(wb, doc)
    if commune is not None and doc.period_slug == str(doc.year):
        excel_forms.append_review_sheets(wb, commune, doc.year)
    wb.properties.title = f"{doc.frame.kind_title} {doc.frame.subject}"
    wb.properties.creator = doc.frame.issuer_name
    return wb


def render_compiled_xlsx(doc, *, commune=None) -> bytes:
    """The workbook's bytes; ``commune`` lets the annual report append the review result tables."""
    buffer = BytesIO()
    build_workbook(doc, commune=commune).save(buffer)
    return buffer.getvalue()
