"""The province workbook of a year: the review result tables with one row per commune (the layouts
of docs/spec/review-tables.md, with ``Xã/phường`` in column B instead of ``Khu phố``) and the
monitoring tables per commune (``Kết quả thực hiện``, ``Kinh phí theo nguồn``).

Since 01/07/2025 the commune reports to the province (Luật Tổ chức chính quyền địa phương 2025), which
reads the same sheet names and column positions as the commune's own workbook. ``Chỉ số thiếu hụt``
and ``Nhóm hộ`` keep their layout (one row per indicator or group): their counts are the province's,
summed over the communes, and the percentages are of the province's poor / near-poor households.

Written commune by commune into openpyxl's write-only sheets: one commune's figures are in memory at a
time (plus a few numbers per commune), so memory stays flat whatever the number of communes.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import Workbook

from reporting import messages
from reporting.documents import review_tables as rt
from reporting.documents import review_xlsx as rx
from reporting.documents.base import DocumentFrame, Signer
from reporting.figures.review_tables import GROUPS, SummaryRow
from reporting.figures.review_tables_lists import IndicatorRow, percent
from thoxuan_gnbv.formatting import format_date

COMMUNE_COLUMN = "Xã/phường"
RESULT_SHEET = ("Kết quả thực hiện", "Biểu 09", "Kết quả thực hiện mục tiêu giảm nghèo theo xã, phường")
FUNDING_SHEET = ("Kinh phí theo nguồn", "Biểu 10", "Kinh phí thực hiện Chương trình theo nguồn vốn")
RESULT_HEADERS = [
    ("TT", None), (COMMUNE_COLUMN, None),
    ("Hộ nghèo", ["Đầu năm", "Thoát nghèo", "Tái nghèo, phát sinh", "Giảm (thuần)"]),
    ("Chỉ tiêu giảm hộ nghèo", ["Kế hoạch", "Đạt", "Tỷ lệ %"]),
    ("Báo cáo định kỳ", ["Đúng hạn", "Trễ hạn", "Quá hạn chưa nộp"]),
]  # fmt: skip


def _renamed(headers):
    """The commune workbook's headers with ``Xã/phường`` in column B."""
    return [(COMMUNE_COLUMN if label == "Khu phố" else label, subs) for label, subs in headers]


@dataclass
class ProvinceFrame:
    """What ``review_xlsx``'s title and signer blocks read from a set of tables."""

    year: int
    frame: DocumentFrame
    decision_line: str

    def title(self, text: str) -> str:
        return f"{text} năm {self.year}"


def _frame(province, year: int, communes_with_round: int, communes: int) -> ProvinceFrame:
    frame = DocumentFrame(
        issuer_parent="ỦY BAN NHÂN DÂN",
        issuer_name=(province.full_name or f"Tỉnh {province.name}").upper(),
        number_line="",
        date_line=f"{province.name}, ngày {format_date(timezone.localdate())}",
        kind_title="BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO",
        subject=f"Năm {year}",
        is_draft=False,
        signer=Signer("", "", ""),
    )
    line = f"(Tổng hợp từ quyết định phê duyệt của {communes_with_round}/{communes} xã, phường)"
    return ProvinceFrame(year, frame, line)


def _commune_total(total: SummaryRow, number: int, name: str) -> SummaryRow:
    row = SummaryRow(number, name, total.total)
    row.counts = dict(total.counts)
    return row


def _funding_cells(commune, year: int) -> tuple[list, dict]:
    from programs.models import Plan
    from reporting.figures.funding import SOURCES, funding_figures
    from reporting.figures.reports import plan_components

    plan = Plan.objects.approved_for(commune, year)
    ids = [c.pk for c in plan_components(plan)] if plan is not None else []
    figures = funding_figures(ids, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    cells = []
    for source in SOURCES:
        cells += [figures["sources"][source]["allocated"], figures["sources"][source]["disbursed"]]
    total = figures["total"]
    return cells + [total["allocated"], total["disbursed"]], figures


def _rate_percent(part, whole):
    return round(100 * part / whole, 2) if whole and part is not None else None


def _open_sheet(book, frame, spec, groups, width=12):
    """A write-only sheet with its title block and column headers; rows are appended later."""
    name, number, title = spec
    ws = rx._sheet(book, name, width, header_rows=2, title_rows=6)
    rx._headers(ws, groups, rx._title(ws, frame, number, title, width) + 1)
    return ws


def _close_sheet(ws, frame, rows, width=12):
    for cells, bold in rows:
        rx._data_row(ws, cells, bold=bold)
    rx._signer(ws, frame, width)


def approved_count(communes, year: int) -> int:
    """How many of ``communes`` have an approved round in ``year`` (the title line needs it before
    the first row is written): one query."""
    from households.models import ReviewRound
    from thoxuan_gnbv.statuses import RoundStatus

    ids = [c.pk for c in communes]
    rounds = ReviewRound.objects.filter(commune_id__in=ids, year=year, status=RoundStatus.APPROVED)
    return rounds.values("commune_id").distinct().count()


def _funding_headers(labels, sources):
    headers = [("TT", None), (COMMUNE_COLUMN, None)]
    headers += [(labels[s], ["Được giao", "Đã giải ngân"]) for s in sources]
    return headers + [("Tổng cộng", ["Được giao", "Đã giải ngân", "Tỷ lệ giải ngân %"])]


def write_province_xlsx(province, communes, year: int, out, progress=None) -> int:
    """Write the province workbook of ``year`` for ``communes`` (in the province's order) to ``out``;
    returns how many communes had an approved round. ValidationError when none has.
    ``progress(done, total)`` is called after each commune.

    Every sheet is opened first and each commune's rows are appended to all of them as soon as they
    are computed (openpyxl's write-only sheets each spool to their own temporary file): only running
    totals stay in memory, never a row per commune."""
    from reporting.figures.funding import SOURCE_LABELS, SOURCES
    from reporting.figures.province import commune_row

    communes = list(communes)
    found = approved_count(communes, year)
    if not found:
        raise ValidationError(messages.REVIEW_YEAR_NOT_APPROVED.format(year=year), code="no_round")
    frame = _frame(province, year, found, len(communes))
    width = 2 + 2 * len(SOURCES) + 3
    book = Workbook(write_only=True)
    poor_ws = _open_sheet(book, frame, rt.POOR_SHEET, _renamed(rx.POOR_HEADERS))
    near_ws = _open_sheet(book, frame, rt.NEAR_SHEET, _renamed(rx.NEAR_HEADERS))
    indicator_ws = _open_sheet(book, frame, rt.INDICATOR_SHEET, rx.INDICATOR_HEADERS, 6)
    group_ws = _open_sheet(book, frame, rt.GROUP_SHEET, rx.GROUP_HEADERS, 6)
    result_ws = _open_sheet(book, frame, RESULT_SHEET, RESULT_HEADERS)
    funding_ws = _open_sheet(book, frame, FUNDING_SHEET, _funding_headers(SOURCE_LABELS, SOURCES), width)
    indicator_sum, group_sum, summary_sum = {}, {}, SummaryRow(None, "Tổng cộng")
    indicator_labels, group_labels = [], [label for label, _ in GROUPS]
    result_sum, achieved_sum, funding_sum = [0] * 10, None, [0] * (width - 3)
    for number, commune in enumerate(communes, start=1):
        try:
            tables = rt.build_review_tables(commune, year)
        except ValidationError:
            tables = None
        if tables is not None:
            total = _commune_total(tables.total, number, commune.name)
            summary_sum.total += total.total
            for name, n in total.counts.items():
                summary_sum.add(name, n)
            rx._data_row(poor_ws, total.poor_cells())
            rx._data_row(near_ws, total.near_cells())
            for row in tables.indicators:
                indicator_labels += [row.label] if row.label not in indicator_labels else []
                poor, near = indicator_sum.get(row.label, (0, 0))
                indicator_sum[row.label] = (poor + row.poor, near + row.near_poor)
            for row in tables.groups:
                poor, near = group_sum.get(row.label, (0, 0))
                group_sum[row.label] = (poor + row.poor, near + row.near_poor)
        else:
            empty = [number, commune.name] + [None] * 10
            rx._data_row(poor_ws, empty)
            rx._data_row(near_ws, list(empty))
        data = commune_row(commune, year)
        result = [
            number, commune.name, data["start"], data["escaped"], data["fell_back_new"], data["net"],
            data["target"], data["achieved"], _rate_percent(data["achieved"], data["target"]),
            data["on_time"], data["late"], data["overdue"],
        ]  # fmt: skip
        rx._data_row(result_ws, result)
        result_sum = [a + (b or 0) for a, b in zip(result_sum, result[2:], strict=True)]
        if data["achieved"] is not None:
            achieved_sum = (achieved_sum or 0) + data["achieved"]
        funding, _ = _funding_cells(commune, year)
        rx._data_row(funding_ws, [number, commune.name, *funding, _rate_percent(funding[-1], funding[-2])])
        funding_sum = [a + (b or 0) for a, b in zip(funding_sum, funding, strict=True)]
        if progress is not None:
            progress(number, len(communes))
    poor_total, near_total = summary_sum.get("p_end"), summary_sum.get("n_end")
    _close_sheet(poor_ws, frame, [(summary_sum.poor_cells(), True)])
    _close_sheet(near_ws, frame, [(summary_sum.near_cells(), True)])
    indicators = [
        IndicatorRow(i, label, p, percent(p, poor_total), n, percent(n, near_total)).cells()
        for i, label in enumerate(indicator_labels, start=1)
        for p, n in [indicator_sum[label]]
    ]
    _close_sheet(indicator_ws, frame, [(c, False) for c in indicators], 6)
    groups = [
        IndicatorRow(i, label, p, percent(p, poor_total), n, percent(n, near_total)).cells()
        for i, label in enumerate(group_labels, start=1)
        for p, n in [group_sum.get(label, (0, 0))]
    ]
    _close_sheet(group_ws, frame, [(c, False) for c in groups], 6)
    result_total = [None, "Tổng cộng", *result_sum]
    result_total[7] = achieved_sum
    result_total[8] = _rate_percent(result_total[7], result_total[6])
    _close_sheet(result_ws, frame, [(result_total, True)])
    funding_total = [None, "Tổng cộng", *funding_sum]
    funding_total.append(_rate_percent(funding_total[-1], funding_total[-2]))
    _close_sheet(funding_ws, frame, [(funding_total, True)], width)
    rx._STYLES.pop(id(book), None)
    book.save(out)
    return found
