"""The review result tables of a year (TT 07/2021/TT-BLĐTBXH Phụ lục VII, "Mẫu 7.x"; layout in
docs/spec/review-tables.md): the poor and near-poor summaries by khu phố and the household groups.

Only approved rounds count, and only what they froze: a household's category in a year is its review
in the latest approved round of that year, and the household facts the tables split by (khu phố,
ethnic minority, labour capacity, người có công, head name) are read from the household's history as
it stood when the chairman approved the year's last round (``facts_cut``). A household edited after
the decision therefore never moves an approved year's figures. (A household bulk-loaded without a
history row and edited only after the decision has no record of its earlier state: its first history
row stands in; the approval should write a history row for such households.)

Everything is aggregated in the database: one GROUP BY over (khu phố, category in Y, category in
Y − 1, poor before Y − 1, flags) returns a few hundred groups whatever the number of households.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from households.models import Category, Household, Neighborhood, Review, ReviewRound, RoundStatus
from households.queries import households_of, lineage

POOR, NEAR_POOR = Category.POOR.value, Category.NEAR_POOR.value
FACT_FIELDS = ("neighborhood_id", "is_ethnic_minority", "without_labour_capacity", "has_meritorious_person")


@contextmanager
def tables_transaction():
    """One transaction for a set of tables (the lists stream through server-side cursors inside it),
    with PostgreSQL's JIT off: it compiled these correlated subqueries for about 10 s per query on
    100,000 households and saved nothing on their run time (bench/bench_review_tables.py)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        yield


def approved_rounds(commune, year: int):
    return ReviewRound.objects.filter(commune=commune, year=year, status=RoundStatus.APPROVED).order_by(
        "number"
    )


def final_round(commune, year: int) -> ReviewRound | None:
    """The last approved round of ``year`` (its decision heads the tables), or None."""
    return approved_rounds(commune, year).select_related("approved_by").last()


def facts_cut(review_round: ReviewRound) -> datetime.datetime:
    """The moment the household facts are read at: the approval, else the end of the decision day."""
    if review_round.approved_at:
        return review_round.approved_at
    end = datetime.datetime.combine(review_round.decision_date, datetime.time.max)
    return timezone.make_aware(end)


def fact(name: str, cut: datetime.datetime):
    """The household's ``name`` as of ``cut``: its latest history row by then; for a household entered
    after the decision its first row; for one never saved since a bulk load, its current value."""
    history = Household.history.model.objects.filter(id=OuterRef("pk"))
    latest = history.filter(history_date__lte=cut).order_by("-history_date", "-history_id").values(name)[:1]
    first = history.order_by("history_date", "history_id").values(name)[:1]
    output = IntegerField() if name.endswith("_id") else type(Household._meta.get_field(name))()
    return Coalesce(Subquery(latest), Subquery(first), F(name), output_field=output)


def category_in(year: int, value: str = "category", ref: str = "pk"):
    """The household's ``value`` in the latest approved round of ``year`` (None: not reviewed)."""
    reviews = Review.objects.filter(household_id=OuterRef(ref), year=year, round__status=RoundStatus.APPROVED)
    return Subquery(reviews.order_by("-round__number").values(value)[:1])


def year_households(commune, year: int, cut: datetime.datetime, candidates: Q | None = None):
    """Households reviewed in ``year`` or on a list in ``year − 1`` (among ``candidates``), annotated
    with both categories, "poor in an approved round before year − 1" and their facts as of ``cut``."""
    poor_before = Review.objects.filter(
        household_id=OuterRef("pk"), year__lt=year - 1, category=POOR, round__status=RoundStatus.APPROVED
    )
    facts = {f"f_{name}": fact(name, cut) for name in FACT_FIELDS}
    households = households_of(commune)  # a commune merged away keeps its past years' households
    if candidates is not None:
        households = households.filter(candidates)
    merged = lineage(commune)
    if merged.ceased or merged.predecessor_ids:  # only the households that were in it at the cut
        households = households.annotate(f_commune=fact("commune_id", cut)).filter(f_commune=commune.pk)
    return (
        households.annotate(cat_y=category_in(year), cat_prev=category_in(year - 1))
        .filter(Q(cat_y__isnull=False) | Q(cat_prev__in=[POOR, NEAR_POOR]))
        .annotate(poor_before=Exists(poor_before), **facts)
    )


@dataclass
class SummaryRow:
    """A khu phố (``number`` 1, 2, …) or the total (``number`` None) of both summaries."""

    number: int | None
    label: str
    total: int = 0
    counts: dict = field(default_factory=dict)

    def add(self, name: str, n: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + n

    def get(self, name: str) -> int:
        return self.counts.get(name, 0)

    def rate(self, name: str) -> float:
        """Percent of the row's households, two decimals (spec: ``2.2`` for 2,20 %)."""
        return round(100 * self.get(name) / self.total, 2) if self.total else 0.0

    @property
    def poor_identity_ok(self) -> bool:
        g = self.get
        return g("p_end") == g("p_start") - g("p_escaped") + g("p_fell_back") + g("p_new")

    @property
    def near_identity_ok(self) -> bool:
        g = self.get
        return g("n_end") == g("n_start") - g("n_escaped") - g("n_to_poor") + g("n_from_poor") + g("n_new")

    def poor_cells(self) -> list:
        """Sheet ``Hộ nghèo``, columns A–L."""
        g = self.get
        return [
            self.number, self.label, self.total, g("p_start"), self.rate("p_start"), g("p_escaped"),
            g("p_fell_back"), g("p_new"), g("p_end"), self.rate("p_end"), g("p_end_ethnic"),
            g("p_end_without_labour"),
        ]  # fmt: skip

    def near_cells(self) -> list:
        """Sheet ``Hộ cận nghèo``, columns A–L."""
        g = self.get
        return [
            self.number, self.label, self.total, g("n_start"), self.rate("n_start"), g("n_escaped"),
            g("n_to_poor"), g("n_from_poor"), g("n_new"), g("n_end"), self.rate("n_end"), g("n_end_ethnic"),
        ]  # fmt: skip


def _movements(cat_y, cat_prev, poor_before) -> list[str]:
    """The counters one household adds to (definitions of docs/spec/review-tables.md)."""
    names = []
    if cat_prev == POOR:
        names += ["p_start"] + (["p_escaped"] if cat_y != POOR else [])
    if cat_y == POOR:
        names.append("p_end")
        if cat_prev != POOR:
            names.append("p_fell_back" if poor_before else "p_new")
    if cat_prev == NEAR_POOR:
        names.append("n_start")
        if cat_y == POOR:
            names.append("n_to_poor")
        elif cat_y != NEAR_POOR:
            names.append("n_escaped")
    if cat_y == NEAR_POOR:
        names.append("n_end")
        if cat_prev == POOR:
            names.append("n_from_poor")
        elif cat_prev != NEAR_POOR:
            names.append("n_new")
    return names


GROUPS = (
    ("Hộ không có khả năng lao động", "f_without_labour_capacity"),
    ("Hộ dân tộc thiểu số", "f_is_ethnic_minority"),
    ("Hộ có người có công", "f_has_meritorious_person"),
)


def summaries(commune, year: int, cut: datetime.datetime) -> tuple[list[SummaryRow], dict]:
    """The summary rows (khu phố in the commune's order, then ``Tổng cộng``) and the group counts
    ``{(group label, category): n}``. Two queries."""
    neighborhoods = Neighborhood.objects.filter(commune=commune).order_by("position", "name")
    rows = {n.pk: SummaryRow(i, n.name) for i, n in enumerate(neighborhoods, start=1)}
    keys = ["f_neighborhood_id", "cat_y", "cat_prev", "poor_before", *(g for _, g in GROUPS)]
    grouped = year_households(commune, year, cut).values(*keys).annotate(n=Count("pk")).order_by()
    groups: dict = {}
    for g in grouped:
        row = rows.setdefault(g["f_neighborhood_id"], SummaryRow(len(rows) + 1, "Khu phố khác"))
        n = g["n"]
        if g["cat_y"] is not None:
            row.total += n
        for name in _movements(g["cat_y"], g["cat_prev"], g["poor_before"]):
            row.add(name, n)
        if g["cat_y"] == POOR:
            row.add("p_end_ethnic", n * g["f_is_ethnic_minority"])
            row.add("p_end_without_labour", n * g["f_without_labour_capacity"])
        if g["cat_y"] == NEAR_POOR:
            row.add("n_end_ethnic", n * g["f_is_ethnic_minority"])
        if g["cat_y"] in (POOR, NEAR_POOR):
            for label, flag in GROUPS:
                key = (label, g["cat_y"])
                groups[key] = groups.get(key, 0) + n * g[flag]
    total = SummaryRow(None, "Tổng cộng")
    for row in rows.values():
        total.total += row.total
        for name, n in row.counts.items():
            total.add(name, n)
    return [*rows.values(), total], groups
