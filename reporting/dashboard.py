"""The quarterly evaluation (định kỳ hàng quý đánh giá) for the chairman and the labour officer:
target progress, poor / near-poor households by khu phố, support and budget by component, report
timeliness and overdue items. Aggregates only; the registry part is cached by approved round
(see ``figures.poverty.poverty_figures``), so the page's cost does not grow with the number of households."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone

from programs.models import Activity, Allocation, Disbursement, Support
from reporting.figures.poverty import no_poverty_figures, poverty_figures, rate, shared_cached
from reporting.figures.reports import component_figures, plan_components
from reporting.periods import period_label
from reporting.queries import Calendar, reporting_calendar

OVERDUE_SHOWN = 10
# Support and budget aggregates of a large commune take time; the dashboard reuses them until one of
# the underlying tables changes (its newest history row moves) or ten minutes pass, whichever first.
DELIVERY_CACHE_SECONDS = 600


def _delivery_version() -> tuple:
    """The newest history row of each delivery table: four primary-key lookups."""
    return tuple(
        model.history.model.objects.aggregate(last=Max("history_id"))["last"] or 0
        for model in (Support, Activity, Allocation, Disbursement)
    )


def cached_component_figures(component_ids: list[int], start: datetime.date, end: datetime.date) -> dict:
    version = "-".join(str(v) for v in _delivery_version())
    ids = hashlib.sha1(",".join(str(pk) for pk in component_ids).encode()).hexdigest()[:16]
    key = f"reporting:dashboard:{ids}:{start}:{end}:{version}"
    figures = shared_cached(key, DELIVERY_CACHE_SECONDS, lambda: component_figures(component_ids, start, end))
    # JSON turned the component ids into strings in the shared table.
    return {int(pk): value for pk, value in figures.items()}


@dataclass
class Dashboard:
    year: int
    as_of: datetime.date
    quarter_label: str
    calendar: Calendar
    poverty: dict
    components: list[dict]
    totals: dict
    charts: dict  # passed to the page with json_script, drawn by static/js/dashboard.js
    overdue: list = field(default_factory=list)  # the most recent overdue items (OVERDUE_SHOWN)
    overdue_more: int = 0

    @property
    def over_budget(self) -> list[dict]:
        """Components paid out past 100 % of their allocation."""
        return [row for row in self.components if row["over"]]

    @property
    def late_budget(self) -> list[dict]:
        """Components past their deadline with allocated money not paid out."""
        return [row for row in self.components if row["past_deadline"]]


def dashboard_data(commune, year: int, *, today: datetime.date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    as_of = min(today, datetime.date(year, 12, 31))
    quarter = f"Q{(as_of.month - 1) // 3 + 1}"
    calendar = reporting_calendar(commune, year, today=today)
    plan = calendar.plan
    if plan is None:
        return Dashboard(year, as_of, period_label(year, quarter), calendar, no_poverty_figures(), [], {}, {})
    components = plan_components(plan)
    figures = cached_component_figures([c.pk for c in components], datetime.date(year, 1, 1), as_of)
    rows = []
    for component in components:
        data = figures[component.pk]
        allocated, disbursed = data["budget"]["allocated"], data["budget"]["disbursed"]
        rows.append(
            {
                # Over 100 % and past the deadline are flagged in words, not only in colour.
                "over": disbursed > allocated,
                "overrun": max(disbursed - allocated, 0),
                "deadline": component.deadline,
                "past_deadline": bool(component.deadline < today and disbursed < allocated),
                "undisbursed": max(allocated - disbursed, 0),
                "code": component.code,
                "title": component.display_title,
                "households": data["support"]["households"],
                "support_amount": data["support"]["amount"],
                "activities": data["activities"]["count"],
                "allocated": data["budget"]["allocated"],
                "disbursed": data["budget"]["disbursed"],
                "rate": data["budget"]["rate"],
            }
        )
    allocated = sum(r["allocated"] for r in rows)
    disbursed = sum(r["disbursed"] for r in rows)
    totals = {
        "households": sum(r["households"] for r in rows),
        "allocated": allocated,
        "disbursed": disbursed,
        "rate": rate(disbursed, allocated),
        "over": disbursed > allocated,
    }
    poverty = poverty_figures(commune, list(plan.targets.prefetch_related("lines")), as_of, year)
    neighborhoods = [row for row in poverty["movement"] if row["neighborhood_id"] is not None]
    near_poor = {row["label"]: row["end"] for row in poverty["near_poor_by_neighborhood"]}
    charts = {
        "neighborhoods": {
            "labels": [row["label"] for row in neighborhoods],
            "poor": [row["end"] for row in neighborhoods],
            "near_poor": [near_poor.get(row["label"], 0) for row in neighborhoods],
        },
        "components": {
            "labels": [f"DA {r['code']}" for r in rows],
            "households": [r["households"] for r in rows],
            "allocated": [r["allocated"] for r in rows],
            "disbursed": [r["disbursed"] for r in rows],
        },
    }
    overdue = []
    for row in calendar.rows:
        overdue += [
            {"period": cell.period, "due_date": cell.due_date, "component": row.component}
            for cell in row.cells
            if cell.state == "overdue"
        ]
    overdue.sort(key=lambda item: item["due_date"], reverse=True)
    return Dashboard(
        year,
        as_of,
        period_label(year, quarter),
        calendar,
        poverty,
        rows,
        totals,
        charts,
        overdue=overdue[:OVERDUE_SHOWN],
        overdue_more=max(len(overdue) - OVERDUE_SHOWN, 0),
    )
