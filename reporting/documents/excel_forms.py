"""The sheets of the compiled report's workbook in the layout of TT 10/2022/TT-BLĐTBXH Phụ lục III:
``Kết quả thực hiện`` (Biểu 02: indicator, unit, plan for the year, this period, cumulative from 1/1,
% of plan), ``Kinh phí theo nguồn`` (per sub-project each source allocated and disbursed) and
``Đối tượng thụ hưởng`` (per sub-project households and people reached by group). Every figure is read
from the same document context as the PDF, so the sheets' totals equal the report's tables."""

from reporting.documents.excel import NUMBER_FORMAT, PERCENT_FORMAT, _headers, _row, _setup, _title_block
from reporting.figures.reach import GROUP_LABELS, GROUPS


def results_sheet(wb, doc):
    ws = wb.create_sheet("Kết quả thực hiện")
    groups = [
        ("TT", None),
        ("Chỉ tiêu", None),
        ("Đơn vị tính", None),
        (f"Kế hoạch năm {doc.year}", None),
        (f"Thực hiện {doc.period_label}", None),
        (f"Lũy kế từ 01/01/{doc.year} đến {doc.figures_date}", None),
        ("Tỷ lệ so với kế hoạch", None),
    ]
    title = f"KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH {doc.period_label.upper()} (BIỂU 02)"
    row = _headers(ws, _title_block(ws, doc, title, 7), groups)
    first = row
    n = NUMBER_FORMAT
    number = 0
    for line in doc.result_rows:
        label = line.indicator
        if not line.is_heading:
            number += 1
        _row(
            ws,
            row,
            [
                "" if line.is_heading else number,
                label,
                line.unit,
                _value(line.plan),
                _value(line.period),
                _value(line.year_to_date),
                _value(line.rate),
            ],
            ["0", None, None, n, n, n, PERCENT_FORMAT],
            bold=line.is_heading,
        )
        row += 1
    _setup(ws, [5, 55, 12, 16, 16, 18, 12], first)


def _value(value):
    return "" if value is None else value


def funding_sheet(wb, doc):
    ws = wb.create_sheet("Kinh phí theo nguồn")
    sources = [label for _, label in doc.sources]
    groups = [("TT", None), ("Dự án, tiểu dự án", None)]
    groups += [(label, ["Được giao", "Đã giải ngân"]) for label in sources]
    groups += [("Tổng cộng", ["Được giao", "Đã giải ngân", "Tỷ lệ"])]
    width = 2 + 2 * len(sources) + 3
    title = f"KINH PHÍ THỰC HIỆN THEO NGUỒN VỐN, LŨY KẾ TỪ 01/01/{doc.year} ĐẾN {doc.figures_date} (ĐỒNG)"
    row = _headers(ws, _title_block(ws, doc, title, width), groups)
    first = row
    formats = ["0", None] + [NUMBER_FORMAT] * (2 * len(sources) + 2) + [PERCENT_FORMAT]

    def cells(funding):
        values = []
        for source, _ in doc.sources:
            values += [funding["sources"][source]["allocated"], funding["sources"][source]["disbursed"]]
        total = funding["total"]
        return values + [total["allocated"], total["disbursed"], total["rate"]]

    for component in doc.components:
        _row(
            ws,
            row,
            [component.number, f"{component.code}. {component.title}", *cells(component.funding)],
            formats,
        )
        row += 1
    if doc.funding:
        _row(ws, row, ["", "Tổng cộng", *cells(doc.funding)], [None, *formats[1:]], bold=True)
    _setup(ws, [5, 42] + [15] * (2 * len(sources) + 2) + [9], first)


def beneficiaries_sheet(wb, doc):
    ws = wb.create_sheet("Đối tượng thụ hưởng")
    groups = [("TT", None), ("Dự án, tiểu dự án", None)]
    groups += [(GROUP_LABELS[group], None) for group in GROUPS]
    title = f"ĐỐI TƯỢNG THỤ HƯỞNG {doc.period_label.upper()} (MỖI HỘ, MỖI NGƯỜI TÍNH MỘT LẦN)"
    row = _headers(ws, _title_block(ws, doc, title, 2 + len(GROUPS)), groups)
    first = row
    formats = ["0", None] + [NUMBER_FORMAT] * len(GROUPS)
    for component in doc.components:
        values = [component.reach.get(group, 0) for group in GROUPS]
        _row(ws, row, [component.number, f"{component.code}. {component.title}", *values], formats)
        row += 1
    totals = [doc.reach.get(group, 0) for group in GROUPS]
    _row(ws, row, ["", "Toàn xã (mỗi hộ tính một lần)", *totals], [None, *formats[1:]], bold=True)
    _setup(ws, [5, 42] + [13] * len(GROUPS), first)


def append_review_sheets(workbook, commune, year) -> None:
    """The annual report carries the review result tables of ``year`` once its round is approved, in
    the layout of docs/spec/review-tables.md (same sheets as ``render_review``); nothing before."""
    from django.core.exceptions import ValidationError

    from reporting.documents.review_tables import build_review_tables
    from reporting.documents.review_xlsx import add_review_sheets

    try:
        tables = build_review_tables(commune, year)
    except ValidationError:
        return
    add_review_sheets(workbook, tables)
