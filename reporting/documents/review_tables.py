"""The review result tables of a year (Biểu tổng hợp kết quả rà soát, TT 07/2021/TT-BLĐTBXH Phụ lục
VII as amended by TT 02/2022) as one document context: the workbook writer (``review_xlsx``), the
PDF (``review_pdf``) and the round's page all render this same context. Layout and definitions:
docs/spec/review-tables.md (an interface read by the level above: sheet names and column positions
are fixed there)."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from households.models import ReviewRound
from households.services.identity import identity_on
from reporting import messages
from reporting.documents.base import DocumentFrame, Signer
from reporting.figures.review_tables import SummaryRow, facts_cut, final_round
from reporting.figures.review_tables_lists import LIST_KINDS, IndicatorRow, ListRow, name_list
from reporting.figures.review_tables_stored import TablesFigures, current_tables_figures
from thoxuan_gnbv.formatting import document_date_line, format_date, format_number
from thoxuan_gnbv.models import Role

# Sheet names and titles of the four tables (docs/spec/review-tables.md, "Workbook").
POOR_SHEET = ("Hộ nghèo", "Biểu 01", "Kết quả rà soát hộ nghèo")
NEAR_SHEET = ("Hộ cận nghèo", "Biểu 02", "Kết quả rà soát hộ cận nghèo")
INDICATOR_SHEET = (
    "Chỉ số thiếu hụt",
    "Biểu 03",
    "Hộ nghèo, hộ cận nghèo theo chỉ số thiếu hụt dịch vụ xã hội cơ bản",
)
GROUP_SHEET = ("Nhóm hộ", "Biểu 04", "Hộ nghèo, hộ cận nghèo theo nhóm hộ")
LIST_NUMBERS = {
    "poor": "Biểu 05",
    "near_poor": "Biểu 06",
    "escaped_poor": "Biểu 07",
    "escaped_near_poor": "Biểu 08",
}


@dataclass(frozen=True)
class ReviewTables:
    commune: object
    year: int
    review_round: ReviewRound
    cut: datetime.datetime
    frame: DocumentFrame
    summary: list[SummaryRow]
    indicators: list[IndicatorRow]
    groups: list[IndicatorRow]
    # {list kind: [(khu phố id, households)]} in khu phố order, as stored with the figures.
    lists: dict[str, list[tuple[int | None, int]]]

    @property
    def decision_line(self) -> str:
        """The approved round the tables come from, printed under every title."""
        r = self.review_round
        return f"(Theo Quyết định số {r.decision_number} ngày {format_date(r.decision_date)})"

    def printed(self, table: str) -> list[tuple[bool, list[str]]]:
        """(is total, printed cells) of ``table``: poor, near_poor, indicators or groups."""
        if table == "poor":
            return [(r.number is None, shown(r.poor_cells())) for r in self.summary]
        if table == "near_poor":
            return [(r.number is None, shown(r.near_cells())) for r in self.summary]
        return [(False, shown(r.cells())) for r in getattr(self, table)]

    @property
    def poor_printed(self):
        return self.printed("poor")

    @property
    def near_printed(self):
        return self.printed("near_poor")

    @property
    def indicators_printed(self):
        return self.printed("indicators")

    @property
    def groups_printed(self):
        return self.printed("groups")

    @property
    def pair_tables(self):
        """Biểu 03 and 04 as printed: (number, title, label of column B, rows)."""
        return [
            (INDICATOR_SHEET[1], INDICATOR_SHEET[2], "Chỉ số thiếu hụt", self.indicators_printed),
            (GROUP_SHEET[1], GROUP_SHEET[2], "Nhóm hộ", self.groups_printed),
        ]

    @property
    def total(self) -> SummaryRow:
        return self.summary[-1]

    @property
    def filename(self) -> str:
        return f"ket-qua-ra-soat-{self.year}"

    def title(self, text: str) -> str:
        return f"{text} năm {self.year}"

    def list_rows(self, kind: str, neighborhoods=None, start: int = 1) -> Iterator[ListRow]:
        return name_list(self.commune, self.year, self.cut, kind, neighborhoods, start)

    def list_chunks(self, kind: str) -> list[tuple[int, int]]:
        """[(khu phố id, rows)] of list ``kind`` in khu phố order: the PDF renders one chunk at a time."""
        return self.lists[kind]

    @property
    def list_row_count(self) -> int:
        """The rows of the four name lists together (what sends a download to the worker)."""
        return sum(n for chunks in self.lists.values() for _, n in chunks)

    @staticmethod
    def list_kinds():
        return [(kind, sheet, title, LIST_NUMBERS[kind]) for kind, (sheet, title) in LIST_KINDS.items()]


def shown(cells: list) -> list[str]:
    """Cells as printed: counts ``1.234``, percentages ``2,20``, a blank TT on the total row."""
    out = []
    for value in cells:
        if value is None:
            out.append("")
        elif isinstance(value, float):
            out.append(f"{value:.2f}".replace(".", ","))
        elif isinstance(value, int):
            out.append(format_number(value))
        else:
            out.append(value)
    return out


def signer_of(review_round: ReviewRound) -> Signer:
    approver = review_round.approved_by
    name = approver.display_name if approver else ""
    if approver is not None and approver.role == Role.VICE_CHAIRMAN:
        return Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name)
    return Signer("", "CHỦ TỊCH", name)


def build_review_tables(commune, year: int, figures: TablesFigures | None = None) -> ReviewTables:
    """The tables of ``year`` for ``commune``; ValidationError (Vietnamese) without an approved round.
    ``figures``: the stored figures a page read; without them, the figures as the data stand now
    (computed if stale: a document being written)."""
    review_round = final_round(commune, year)
    if figures is None:
        figures = current_tables_figures(commune, year) if review_round is not None else None
    if review_round is None or figures is None:
        raise ValidationError(messages.REVIEW_YEAR_NOT_APPROVED.format(year=year), code="no_round")
    # The commune as it was called on the decision's date (its dated identity).
    identity = identity_on(commune, review_round.decision_date)
    frame = DocumentFrame(
        issuer_parent=identity.issuer_parent,
        issuer_name=identity.issuer_name,
        number_line="",
        date_line=document_date_line(identity.place_name, review_round.decision_date),
        kind_title="BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO",
        subject=f"Năm {year}",
        is_draft=False,
        signer=signer_of(review_round),
        filename=f"ket-qua-ra-soat-{year}.pdf",
        commune_name=identity.name,
        reports_to=identity.reports_to,
    )
    return ReviewTables(
        commune=commune,
        year=year,
        review_round=review_round,
        cut=facts_cut(review_round),
        frame=frame,
        summary=figures.summary,
        indicators=figures.indicators,
        groups=figures.groups,
        lists=figures.lists,
    )
