"""The quarterly evaluation (định kỳ hàng quý đánh giá) for the chairman and the labour officer:
target progress, poor / near-poor households by khu phố, support and budget by component, report
timeliness and overdue items. The support, budget and poverty figures are read as the worker last
stored them (``reporting.figures.store``), so the page's cost does not grow with the registry."""

import dataclasses
import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils import timezone

from reporting.figures import store
from reporting.figures.poverty import no_poverty_figures, poverty_stored, rate
from reporting.figures.reports import component_figures, plan_components
from reporting.periods import period_label
from reporting.queries import Calendar, reporting_calendar
from thoxuan_gnbv import stored_figures

OVERDUE_SHOWN = 10
DASHBOARD = "dashboard"


@stored_figures.register(DASHBOARD)
def compute_dashboard(params: dict) -> dict:
    """Support and budget by component from 1 January to today (or 31/12 for a past year)."""
    year, ids = params["year"], params["components"]
    as_of = min(timezone.localdate(), datetime.date(year, 12, 31))
    return {"as_of": as_of.isoformat(), "figures": component_figures(ids, datetime.date(year, 1, 1), as_of)}


def dashboard_figures_stored(commune, year: int, component_ids: list[int], as_of: datetime.date):
    """The year's component figures as last stored (one query); a copy counted to an earlier day is
    shown as it is and queued again."""
    digest = hashlib.sha1(",".join(map(str, component_ids)).encode()).hexdigest()[:12]
    key = f"dashboard:{commune.pk}:{year}:{digest}"
    params = {"commune": commune.pk, "year": year, "components": component_ids}
    stored = stored_figures.read(key, DASHBOARD, params, commune_id=commune.pk, year=year)
    if stored.ready and stored.data["as_of"] != as_of.isoformat() and not stored.updating:
        store.mark_key_dirty(key)
        stored = dataclasses.replace(stored, updating=True)
    return stored


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
    notice: str = ""  # how current the stored figures are ("" when current)
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
    stored = dashboard_figures_stored(commune, year, [c.pk for c in components], as_of)
    # JSON turned the component ids into strings in the stored row.
    figures = {int(pk): value for pk, value in stored.data["figures"].items()} if stored.ready else {}
    rows = []
    for component in components:
        if component.pk not in figures:
            continue
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
    poverty_copy = poverty_stored(commune, list(plan.targets.prefetch_related("lines")), as_of, year)
    poverty = poverty_copy.data if poverty_copy.ready else no_poverty_figures()
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
        notice=stored.notice or poverty_copy.notice,
        overdue=overdue[:OVERDUE_SHOWN],
        overdue_more=max(len(overdue) - OVERDUE_SHOWN, 0),
    )
