"""The review result tables' figures as a stored figure kind (``thoxuan_gnbv.stored_figures``): the
summary rows by khu phố (Biểu 01–02), the deprivation and group rows (Biểu 03–04) and the households
of each name list by khu phố (Biểu 05–08, what decides whether a download goes to the worker).

They come from a walk of the registry and its history (``review_tables``, ``review_tables_lists``),
so the worker computes them once per commune and year and pages read them in one query. The stored
form is JSON; ``TablesFigures.from_data`` gives back the same rows the walk returns."""

from dataclasses import asdict, dataclass

from households.models import Neighborhood
from reporting.figures.review_tables import (
    GROUPS,
    SummaryRow,
    facts_cut,
    final_round,
    summaries,
    tables_transaction,
)
from reporting.figures.review_tables_lists import (
    LIST_KINDS,
    IndicatorRow,
    group_rows,
    indicator_rows,
    list_counts,
)
from thoxuan_gnbv import stored_figures

REVIEW_TABLES = "review_tables"


@dataclass(frozen=True)
class TablesFigures:
    """The figures of a year's tables: rows as the walk builds them, and the name lists' counts
    ``{kind: [(khu phố id, households)]}`` in the commune's khu phố order."""

    round_id: int
    summary: list[SummaryRow]
    indicators: list[IndicatorRow]
    groups: list[IndicatorRow]
    lists: dict[str, list[tuple[int | None, int]]]

    def as_data(self) -> dict:
        return {
            "round": self.round_id,
            "summary": [asdict(row) for row in self.summary],
            "indicators": [asdict(row) for row in self.indicators],
            "groups": [asdict(row) for row in self.groups],
            "lists": {kind: [[nid, n] for nid, n in chunks] for kind, chunks in self.lists.items()},
        }

    @classmethod
    def from_data(cls, data: dict) -> "TablesFigures":
        return cls(
            round_id=data["round"],
            summary=[
                SummaryRow(row["number"], row["label"], row["total"], dict(row["counts"]))
                for row in data["summary"]
            ],
            indicators=[_indicator(row) for row in data["indicators"]],
            groups=[_indicator(row) for row in data["groups"]],
            lists={kind: [(nid, n) for nid, n in chunks] for kind, chunks in data["lists"].items()},
        )

    @property
    def list_row_count(self) -> int:
        """The rows of the four name lists together."""
        return sum(n for chunks in self.lists.values() for _, n in chunks)


def _indicator(row: dict) -> IndicatorRow:
    # Rates stay floats (printed 2,20), counts ints (printed 1.234), whatever JSON made of them.
    return IndicatorRow(
        row["number"],
        row["label"],
        int(row["poor"]),
        float(row["poor_rate"]),
        int(row["near_poor"]),
        float(row["near_poor_rate"]),
    )


def compute_tables_figures(commune, year: int) -> TablesFigures | None:
    """Walk the registry for the tables of ``year`` (None without an approved round): the one
    computation behind the page, the workbook, the PDFs and the decision."""
    review_round = final_round(commune, year)
    if review_round is None:
        return None
    cut = facts_cut(review_round)
    with tables_transaction():
        summary, groups = summaries(commune, year, cut)
        poor_total, near_total = summary[-1].get("p_end"), summary[-1].get("n_end")
        indicators = indicator_rows(commune, year, poor_total, near_total)
        order = list(
            Neighborhood.objects.filter(commune=commune)
            .order_by("position", "name")
            .values_list("pk", flat=True)
        )
        lists = {kind: _ordered(order, list_counts(commune, year, cut, kind)) for kind in LIST_KINDS}
    return TablesFigures(
        round_id=review_round.pk,
        summary=summary,
        indicators=indicators,
        groups=group_rows(groups, [label for label, _ in GROUPS], poor_total, near_total),
        lists=lists,
    )


def _ordered(order: list[int], counts: dict) -> list[tuple[int | None, int]]:
    """A list's counts in the commune's khu phố order, then any other khu phố (the PDF's chunks)."""
    ids = [nid for nid in order if nid in counts] + [nid for nid in counts if nid not in order]
    return [(nid, counts[nid]) for nid in ids]


@stored_figures.register(REVIEW_TABLES)
def compute_review_tables(params: dict) -> dict:
    from households.models import Commune

    figures = compute_tables_figures(Commune.objects.get(pk=params["commune"]), params["year"])
    return figures.as_data() if figures is not None else {"round": None}


def review_tables_key(commune_id: int, year: int) -> tuple[str, dict]:
    return f"review_tables:{commune_id}:{year}", {"commune": commune_id, "year": year}


def review_tables_stored(commune, year: int) -> stored_figures.Stored:
    """The tables' figures as the worker last computed them, for a page: one query, never the walk
    (a missing or stale key is queued for the worker)."""
    key, params = review_tables_key(commune.pk, year)
    return stored_figures.read(key, REVIEW_TABLES, params, commune_id=commune.pk, year=year)


def stored_tables_figures(stored: stored_figures.Stored) -> TablesFigures | None:
    """The figures of a read (None until the worker has computed them for an approved round)."""
    if not stored.ready or stored.data.get("round") is None:
        return None
    return TablesFigures.from_data(stored.data)


def current_tables_figures(commune, year: int) -> TablesFigures | None:
    """The figures as the data stand now, for a document being written (computed if stale)."""
    key, params = review_tables_key(commune.pk, year)
    data = stored_figures.current(key, REVIEW_TABLES, params, commune_id=commune.pk, year=year)
    return TablesFigures.from_data(data) if data.get("round") is not None else None
