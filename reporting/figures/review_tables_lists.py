"""The deprivation table and the four name lists of a year's review result tables (see
``review_tables``: approved rounds only, household facts as of the decision).

The deprivation table is one aggregate query (a filtered COUNT per indicator and category). The name
lists are streamed from the database in chunks (``iterator``), ordered by khu phố and household code,
so a commune of a million households never has its lists in memory; a list can be read one khu phố at
a time (the PDF builds its pages per khu phố). They carry no CCCD: they are posted publicly
(QĐ 24/2021/QĐ-TTg Điều 4: niêm yết công khai).
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from households.models import Neighborhood, Review, RoundStatus
from households.workbook import layout_for_year
from reporting.figures.review_tables import NEAR_POOR, POOR, category_in, fact, year_households

LIST_KINDS = {
    # kind: (sheet name, title)
    "poor": ("DS hộ nghèo", "Danh sách hộ nghèo"),
    "near_poor": ("DS hộ cận nghèo", "Danh sách hộ cận nghèo"),
    "escaped_poor": ("DS thoát nghèo", "Danh sách hộ thoát nghèo"),
    "escaped_near_poor": ("DS thoát cận nghèo", "Danh sách hộ thoát cận nghèo"),
}
LIST_HEADERS = ["TT", "Mã hộ", "Họ và tên chủ hộ", "Khu phố", "Số nhân khẩu", "Số chỉ số thiếu hụt"]
CHUNK = 2000


@dataclass(frozen=True)
class IndicatorRow:
    """One line of ``Chỉ số thiếu hụt`` or ``Nhóm hộ``: A TT, B label, C–F counts and percents."""

    number: int
    label: str
    poor: int
    poor_rate: float
    near_poor: int
    near_poor_rate: float

    def cells(self) -> list:
        return [self.number, self.label, self.poor, self.poor_rate, self.near_poor, self.near_poor_rate]


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 2) if whole else 0.0


def _lacks(code: str) -> Q:
    """Reviews deprived in ``code`` (a JSON list): jsonb containment on PostgreSQL; on SQLite the
    stored JSON text holds the quoted code."""
    if connection.vendor == "postgresql":
        return Q(deprivations__contains=[code])
    return Q(deprivations__icontains=f'"{code}"')


def year_reviews(commune, year: int):
    """The reviews that classify households in ``year``: approved, the latest round of the year."""
    later = Review.objects.filter(
        household_id=OuterRef("household_id"),
        year=year,
        round__status=RoundStatus.APPROVED,
        round__number__gt=OuterRef("round__number"),
    )
    return Review.objects.filter(
        round__commune=commune, round__status=RoundStatus.APPROVED, year=year
    ).exclude(Exists(later))


def indicator_rows(commune, year: int, poor_total: int, near_total: int) -> list[IndicatorRow]:
    """Poor and near-poor households lacking each indicator of the standard in force in ``year``, in
    its order and named as in the household workbook. One aggregate query (plus the standard's two)."""
    layout = layout_for_year(year)
    counts = {}
    for i, code in enumerate(layout.codes):
        counts[f"p{i}"] = Count("pk", filter=Q(category=POOR) & _lacks(code))
        counts[f"n{i}"] = Count("pk", filter=Q(category=NEAR_POOR) & _lacks(code))
    found = year_reviews(commune, year).aggregate(**counts) if counts else {}
    return [
        IndicatorRow(
            i + 1,
            name,
            found[f"p{i}"],
            percent(found[f"p{i}"], poor_total),
            found[f"n{i}"],
            percent(found[f"n{i}"], near_total),
        )
        for i, name in enumerate(layout.indicators)
    ]


def group_rows(groups: dict, labels, poor_total: int, near_total: int) -> list[IndicatorRow]:
    rows = []
    for i, label in enumerate(labels, start=1):
        poor, near = groups.get((label, POOR), 0), groups.get((label, NEAR_POOR), 0)
        rows.append(IndicatorRow(i, label, poor, percent(poor, poor_total), near, percent(near, near_total)))
    return rows


@dataclass(frozen=True)
class ListRow:
    number: int
    code: str
    head_name: str
    neighborhood: str
    size: int
    deprivation_count: int

    def cells(self) -> list:
        return [self.number, self.code, self.head_name, self.neighborhood, self.size, self.deprivation_count]


def _candidates(year: int, kind: str) -> Q:
    """A cheap superset of list ``kind`` (households with such a review in the year it hinges on),
    so the exact per-household test runs on those only, not on the whole commune."""
    on_year, category = {
        "poor": (year, POOR),
        "near_poor": (year, NEAR_POOR),
        "escaped_poor": (year - 1, POOR),
        "escaped_near_poor": (year - 1, NEAR_POOR),
    }[kind]
    reviews = Review.objects.filter(year=on_year, category=category, round__status=RoundStatus.APPROVED)
    return Q(pk__in=reviews.values("household_id"))


def _kind_filter(kind: str) -> Q:
    not_poor = Q(cat_y__isnull=True) | ~Q(cat_y=POOR)
    return {
        "poor": Q(cat_y=POOR),
        "near_poor": Q(cat_y=NEAR_POOR),
        "escaped_poor": Q(cat_prev=POOR) & not_poor,
        "escaped_near_poor": Q(cat_prev=NEAR_POOR)
        & (Q(cat_y__isnull=True) | ~Q(cat_y__in=[POOR, NEAR_POOR])),
    }[kind]


def list_queryset(commune, year: int, cut: datetime.datetime, kind: str, neighborhoods=None):
    """The households of list ``kind`` with what a row shows, in khu phố then code order. Size and
    deprivation count come from the year's review, else (escaped and not reviewed again) the last one."""
    position = Neighborhood.objects.filter(pk=OuterRef("f_neighborhood_id"))
    households = (
        year_households(commune, year, cut, _candidates(year, kind))
        .filter(_kind_filter(kind))
        .annotate(
            f_head_name=fact("head_name", cut),
            nbh_position=Subquery(position.values("position")[:1]),
            nbh_name=Subquery(position.values("name")[:1]),
            size=Coalesce(category_in(year, "household_size"), category_in(year - 1, "household_size")),
            deprivations_n=Coalesce(
                category_in(year, "deprivation_count"), category_in(year - 1, "deprivation_count")
            ),
        )
    )
    if neighborhoods is not None:
        households = households.filter(f_neighborhood_id__in=neighborhoods)
    return households.order_by("nbh_position", "f_neighborhood_id", "code", "pk").values_list(
        "code", "f_head_name", "nbh_name", "size", "deprivations_n", "f_neighborhood_id"
    )


def name_list(commune, year: int, cut, kind: str, neighborhoods=None, start: int = 1) -> Iterator[ListRow]:
    """Stream the rows of list ``kind`` (of the khu phố ids ``neighborhoods``, all by default),
    numbered from ``start``, CHUNK rows fetched at a time."""
    rows = list_queryset(commune, year, cut, kind, neighborhoods).iterator(chunk_size=CHUNK)
    for number, (code, head, nbh, size, deprivations, _) in enumerate(rows, start=start):
        yield ListRow(number, code, head, nbh or "", size or 0, deprivations or 0)


def list_counts(commune, year: int, cut, kind: str) -> dict[int, int]:
    """{khu phố id: households on list ``kind``}: how the PDF splits a list into chunks. One query."""
    grouped = (
        year_households(commune, year, cut, _candidates(year, kind))
        .filter(_kind_filter(kind))
        .values("f_neighborhood_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {g["f_neighborhood_id"]: g["n"] for g in grouped}
