"""The figures of the commune's compiled report for a period — the one place every number of the
report comes from: per component its figures and its unit report, households reached counted once
(``figures.reach``), funding by source (``figures.funding``), the poverty figures and the units'
timeliness, all computed from the data up to the period's cut-off, as JSON-safe data frozen on
submission (to show what changed) and on approval (what prints).

Cut-off: the last day of the period; for the annual report the day the commune sets (default 30/11,
TT 10/2022/TT-BLĐTBXH: the annual report is sent before the year ends, the rest of the year being
"ước thực hiện"). Support, activities and funding count up to the cut-off; the poverty figures come
from the review decided by the period's end, named with its decision wherever they print."""

import datetime
import hashlib
import json

from reporting.figures.funding import funding_figures
from reporting.figures.poverty import poverty_figures, poverty_stored, rate
from reporting.figures.reach import reach_figures
from reporting.figures.reports import component_figures, plan_components
from thoxuan_gnbv import stored_figures

ANNUAL_CUTOFF = (11, 30)


def figures_cutoff(period, chosen: datetime.date | None = None) -> datetime.date:
    """The last day the figures count: the period's end, or for the year the chosen cut-off
    (default 30/11), never past the period's end nor before its start."""
    if period.code != "YEAR":
        return period.end_date
    day = chosen or datetime.date(period.year, *ANNUAL_CUTOFF)
    return min(max(day, period.start_date), period.end_date)


def fingerprint(figures: dict) -> str:
    """A short hash of the figures (without the day they were taken): equal figures, equal print."""
    data = {key: value for key, value in figures.items() if key not in ("taken_on", "timeliness")}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:20]


DELIVERY = "delivery"


def delivery_key(period, end: datetime.date) -> tuple[str, dict]:
    """The period, the cut-off and the plan's components (an amended plan's new sections make a new
    key; one query)."""
    ids = ",".join(str(c.pk) for c in plan_components(period.plan))
    digest = hashlib.sha1(ids.encode()).hexdigest()[:12]
    return f"delivery:{period.pk}:{end.isoformat()}:{digest}", {"period": period.pk, "end": end.isoformat()}


@stored_figures.register(DELIVERY)
def compute_delivery(params: dict) -> dict:
    from reporting.models import ReportingPeriod

    period = ReportingPeriod.objects.select_related("plan").get(pk=params["period"])
    ids = [c.pk for c in plan_components(period.plan)]
    return _delivery(period, ids, datetime.date.fromisoformat(params["end"]))


def _delivery(period, ids: list[int], end: datetime.date) -> dict:
    """Support, activities, budget, reach and funding of the period and from 1/1 (Biểu 02)."""
    year_start = datetime.date(period.year, 1, 1)
    figures = component_figures(ids, period.start_date, end)
    # "Lũy kế từ đầu năm" (Biểu 02): the same figures from 1/1, unless the period starts then.
    same_start = period.start_date == year_start
    reach = reach_figures(ids, period.start_date, end)
    return {
        "figures": figures,
        "year_to_date": figures if same_start else component_figures(ids, year_start, end),
        "reach": reach,
        "reach_ytd": reach if same_start else reach_figures(ids, year_start, end),
        "funding": funding_figures(ids, period.start_date, end),
    }


def compiled_figures_stored(period, *, cutoff: datetime.date | None = None, today=None):
    """``(figures, notice)`` for a page: the report's figures from what the worker last stored (None
    while never computed) and the line saying how current they are ("" when current)."""
    end = figures_cutoff(period, cutoff)
    key, params = delivery_key(period, end)
    delivery = stored_figures.read(key, DELIVERY, params, commune_id=period.commune_id, year=period.year)
    plan = period.plan
    targets = list(plan.targets.prefetch_related("lines"))
    poverty = poverty_stored(period.commune, targets, period.end_date, plan.year)
    notice = delivery.notice or poverty.notice
    if not (delivery.ready and poverty.ready):
        return None, delivery.notice if not delivery.ready else poverty.notice
    return _assemble(period, end, delivery.data, poverty.data, today), notice


def commune_report_figures(
    period, *, today: datetime.date | None = None, cutoff: datetime.date | None = None
) -> dict:
    """Everything the compiled report prints for a period, as JSON-safe data, as the data stand now:
    for the services that submit and approve it and the worker that renders it (computed here when
    the stored copy is stale; pages use ``compiled_figures_stored``). Fixed number of queries."""
    end = figures_cutoff(period, cutoff)
    key, params = delivery_key(period, end)
    delivery = stored_figures.current(key, DELIVERY, params, commune_id=period.commune_id, year=period.year)
    targets = list(period.plan.targets.prefetch_related("lines"))
    poverty = poverty_figures(period.commune, targets, period.end_date, period.plan.year)
    return _assemble(period, end, delivery, poverty, today)


def _assemble(period, end: datetime.date, delivery: dict, poverty: dict, today) -> dict:
    """Per component its figures and its unit report (state, narrative), totals, the poverty figures
    and the units' timeliness (the unit reports are few and read live)."""
    from django.utils import timezone

    from reporting.models import Report
    from reporting.periods import on_time_rate, timeliness

    today = today or timezone.localdate()
    components = plan_components(period.plan)
    # JSON keys are strings once stored: the component ids come back as text.
    figures = {int(pk): value for pk, value in delivery["figures"].items()}
    year_to_date = {int(pk): value for pk, value in delivery["year_to_date"].items()}
    reach, reach_ytd, funding = delivery["reach"], delivery["reach_ytd"], delivery["funding"]
    reach_components = {int(pk): value for pk, value in reach["components"].items()}
    funding_components = {int(pk): value for pk, value in funding["components"].items()}
    reports = {r.component_id: r for r in Report.objects.filter(period=period)}
    rows, states = [], []
    totals = {
        "households": 0,
        "support_amount": 0,
        "activities": 0,
        "participants": 0,
        "allocated": 0,
        "disbursed": 0,
    }
    for component in components:
        data = figures[component.pk]
        report = reports.get(component.pk)
        submitted_on = timezone.localdate(report.submitted_at) if report and report.submitted_at else None
        state = timeliness(
            due_date=period.due_date, today=today, exists=report is not None, submitted_on=submitted_on
        )
        states.append(state)
        rows.append(
            {
                "id": component.pk,
                "code": component.code,
                "title": component.display_title,
                "lead_unit": str(component.lead_unit),
                **data,
                "year_to_date": {
                    "households": year_to_date[component.pk]["support"]["households"],
                    "activities": year_to_date[component.pk]["activities"]["count"],
                    "participants": year_to_date[component.pk]["activities"]["participants"],
                    "amount": year_to_date[component.pk]["support"]["amount"],
                },
                "reach": reach_components[component.pk],
                "funding": funding_components[component.pk],
                "report": {
                    "status": report.status if report else "",
                    "status_label": report.get_status_display() if report else "Chưa lập",
                    "timeliness": str(state),
                    "timeliness_label": state.label,
                    "submitted_on": submitted_on.isoformat() if submitted_on else None,
                    "results": report.results if report else "",
                    "problems": report.problems if report else "",
                    "proposals": report.proposals if report else "",
                },
            }
        )
        totals["support_amount"] += data["support"]["amount"]
        totals["activities"] += data["activities"]["count"]
        totals["participants"] += data["activities"]["participants"]
        totals["allocated"] += data["budget"]["allocated"]
        totals["disbursed"] += data["budget"]["disbursed"]
    totals["rate"] = rate(totals["disbursed"], totals["allocated"])
    # Households reached are counted once for the commune, not summed over the sub-projects.
    for group in ("households", "ethnic_minority", "meritorious", "disability"):
        totals[group] = reach["total"][group]
    totals["year_to_date"] = {
        "households": reach_ytd["total"]["households"],
        "activities": sum(v["activities"]["count"] for v in year_to_date.values()),
        "participants": sum(v["activities"]["participants"] for v in year_to_date.values()),
        "amount": reach_ytd["total"]["amount"],
    }
    return {
        "period": {
            "slug": period.slug,
            "label": period.label,
            "start": period.start_date.isoformat(),
            "end": period.end_date.isoformat(),
            "due": period.due_date.isoformat(),
            "code": period.code,
            "cutoff": end.isoformat(),
        },
        "taken_on": today.isoformat(),
        "components": rows,
        "totals": totals,
        "reach": reach["total"],
        "reach_year_to_date": reach_ytd["total"],
        "funding": {"sources": funding["sources"], "total": funding["total"]},
        "poverty": poverty,
        "timeliness": {
            "expected": len(states),
            "on_time": sum(1 for s in states if s == "on_time"),
            "late": sum(1 for s in states if s == "late"),
            "overdue": sum(1 for s in states if s == "overdue"),
            "rate": on_time_rate(states),
        },
    }
