"""The province roll-up: one row per commune of a province (poor and near-poor households of the
latest approved review, the year's movements, target progress, funding allocated and disbursed,
report timeliness and overdue reports), and the province total.

Since 01/07/2025 a commune reports to the province (Luật Tổ chức chính quyền địa phương 2025; for
poverty reduction the department under the Ministry of Agriculture and Environment, NĐ 131/2025).

A commune's row is computed from the same figures its own dashboard shows (``dashboard_data`` and
``poverty_figures``, themselves cached by approved round) and kept in Django's cache framework — the
database cache every app server and worker shares — by the worker (``province_tasks``). The page
reads every row of the province in one cache query, so its cost does not grow with the communes'
registries. The total row is the sum of the commune rows; its rates are recomputed from the sums.
"""

import datetime
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone

from reporting.figures.poverty import poverty_figures, rate
from reporting.periods import Timeliness
from thoxuan_gnbv.statuses import CompiledStatus

OVERDUE_SHOWN = 20
# A row older than this is shown and recomputed in the background (deadlines pass, money is paid).
ROW_FRESH_SECONDS = 600
# Kept until replaced: the worker refreshes a row when a round or report is approved, or when stale.
ROW_CACHE_SECONDS = 30 * 24 * 3600

COUNT_FIELDS = (
    "poor", "near_poor", "start", "escaped", "fell_back_new", "net", "target", "achieved",
    "allocated", "disbursed", "on_time", "late", "overdue", "pending",
)  # fmt: skip


def row_key(commune_id: int, year: int) -> str:
    return f"reporting:province:row:{commune_id}:{year}"


def commune_row(commune, year: int, *, today: datetime.date | None = None) -> dict:
    """The roll-up row of ``commune`` for ``year`` as a plain dict (stored in the shared cache).
    Walks the commune's aggregates: run by the worker, never on the roll-up page."""
    from reporting.dashboard import dashboard_data
    from reporting.figure_tasks import warm_commune_year
    from reporting.figures.review_tables import approved_rounds
    from reporting.models import CompiledReport

    today = today or timezone.localdate()
    as_of = min(today, datetime.date(year, 12, 31))
    # The row reads the commune's stored figures (dashboard, poverty): bring the stale or missing ones
    # up to date first, in this same job (a key another job is computing is skipped). Without it the
    # workbook's results sheet read zeros beside the review sheets' real movements.
    warm_commune_year.call(commune_id=commune.pk, year=year)
    dashboard = dashboard_data(commune, year, today=today)
    plan = dashboard.calendar.plan
    poverty = dashboard.poverty if plan is not None else poverty_figures(commune, [], as_of, year)
    total = poverty["movement"][-1] if poverty["movement"] else {}
    start, end = total.get("start", 0), total.get("end", 0)
    measured = [t for t in poverty.get("targets", []) if t["measured"]]
    achieved = [t["achieved"] for t in measured if t["achieved"] is not None]
    states = [cell.state for row in dashboard.calendar.rows for cell in row.cells]
    compiled = (
        CompiledReport.objects.filter(
            period__commune=commune, period__year=year, status=CompiledStatus.APPROVED
        )
        .select_related("period")
        .order_by("period__code")
    )
    return {
        "commune_id": commune.pk,
        "code": commune.code,
        "name": commune.name,
        "year": year,
        "computed_at": timezone.now().isoformat(),
        "round": poverty["round"],
        "poor": poverty["poor"],
        "near_poor": poverty["near_poor"],
        "start": start,
        "escaped": total.get("escaped", 0),
        "fell_back_new": total.get("fell_back", 0) + total.get("newly_poor", 0),
        "net": start - end if poverty["movement"] else 0,
        "target": sum(t["quantity"] for t in measured),
        "achieved": sum(achieved) if achieved else None,
        "allocated": dashboard.totals.get("allocated", 0),
        "disbursed": dashboard.totals.get("disbursed", 0),
        "on_time": states.count(Timeliness.ON_TIME),
        "late": states.count(Timeliness.LATE),
        "overdue": states.count(Timeliness.OVERDUE),
        "pending": states.count(Timeliness.NOT_STARTED) + states.count(Timeliness.DRAFT),
        "overdue_items": [
            {
                "period": item["period"].label,
                "due_date": item["due_date"].isoformat(),
                "component": str(item["component"].code),
            }
            for item in dashboard.overdue
        ],  # fmt: skip
        "plan_id": plan.pk if plan is not None else None,
        "review_round_id": approved_rounds(commune, year).values_list("pk", flat=True).last(),
        "compiled": [{"pk": c.pk, "label": c.period.label} for c in compiled],
    }


@dataclass
class ProvinceRow:
    """A commune's row as the page shows it (``data`` None: not computed yet)."""

    commune_id: int
    code: str
    name: str
    data: dict | None

    def get(self, name: str):
        return (self.data or {}).get(name)

    @property
    def ready(self) -> bool:
        return self.data is not None

    @property
    def html(self) -> str:
        """The row's cells as the worker rendered them (``province_tasks.with_html``), "" until then."""
        from django.utils.safestring import mark_safe

        return mark_safe(self.get("html") or "")  # noqa: S308 — rendered by our template, escaped there

    @property
    def disbursed_rate(self):
        return rate(self.get("disbursed") or 0, self.get("allocated") or 0) if self.ready else None

    @property
    def target_rate(self):
        achieved = self.get("achieved")
        return rate(achieved, self.get("target")) if achieved is not None else None

    @property
    def computed_at(self) -> datetime.datetime | None:
        value = self.get("computed_at")
        return datetime.datetime.fromisoformat(value) if value else None


@dataclass
class ProvinceRollup:
    year: int
    rows: list[ProvinceRow]
    total: dict = field(default_factory=dict)

    @property
    def missing(self) -> list[ProvinceRow]:
        return [row for row in self.rows if not row.ready]

    @property
    def total_disbursed_rate(self):
        return rate(self.total["disbursed"], self.total["allocated"])

    @property
    def total_target_rate(self):
        achieved = self.total.get("achieved")
        return rate(achieved, self.total["target"]) if achieved is not None else None

    @property
    def overdue_items(self) -> list[dict]:
        """Every overdue report of the province, the latest due first, with its commune."""
        items = [
            {**item, "due_date": datetime.date.fromisoformat(item["due_date"]), "commune": row.name}
            for row in self.rows
            for item in row.get("overdue_items") or []
        ]
        return sorted(items, key=lambda item: item["due_date"], reverse=True)

    @property
    def overdue_shown(self) -> list[dict]:
        """The latest ``OVERDUE_SHOWN`` overdue reports: a province has thousands of due reports."""
        return self.overdue_items[:OVERDUE_SHOWN]

    @property
    def overdue_more(self) -> int:
        return max(len(self.overdue_items) - OVERDUE_SHOWN, 0)


def total_of(rows: list[ProvinceRow]) -> dict:
    """The sum of the ready rows (``achieved`` None when no commune has a measured result yet)."""
    ready = [row for row in rows if row.ready]
    total = {name: sum(row.get(name) or 0 for row in ready) for name in COUNT_FIELDS}
    if all(row.get("achieved") is None for row in ready):
        total["achieved"] = None
    total["communes"] = len(rows)
    total["ready"] = len(ready)
    return total


def province_rollup(communes, year: int) -> ProvinceRollup:
    """The roll-up of ``communes`` (id, code, name triples in the province's order) from the shared
    cache: one cache read for every commune. Rows not computed yet come back empty (``data`` None)."""
    communes = list(communes)
    stored = cache.get_many([row_key(pk, year) for pk, _, _ in communes])
    rows = [ProvinceRow(pk, code, name, stored.get(row_key(pk, year))) for pk, code, name in communes]
    return ProvinceRollup(year=year, rows=rows, total=total_of(rows))


def stale(row: ProvinceRow, now: datetime.datetime | None = None) -> bool:
    """Not computed yet, or computed more than ``ROW_FRESH_SECONDS`` ago."""
    computed = row.computed_at
    now = now or timezone.now()
    return computed is None or (now - computed).total_seconds() > ROW_FRESH_SECONDS


def store_row(data: dict) -> None:
    cache.set(row_key(data["commune_id"], data["year"]), data, timeout=ROW_CACHE_SECONDS)
