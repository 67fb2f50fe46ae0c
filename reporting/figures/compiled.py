"""The figures of the commune's compiled report for a period: per component its figures and its unit
report, totals, the poverty figures and the units' timeliness, as JSON-safe data frozen on approval."""

import datetime

from reporting.figures.poverty import poverty_figures, rate
from reporting.figures.reports import component_figures, plan_components


def commune_report_figures(period, *, today: datetime.date | None = None) -> dict:
    """Everything the compiled report prints for a period, as JSON-safe data: per component its
    figures and its unit report (state, narrative), totals, the poverty figures and the units'
    timeliness. Frozen as the compiled report's snapshot on approval. Fixed number of queries."""
    from django.utils import timezone

    from reporting.models import Report
    from reporting.periods import on_time_rate, timeliness

    today = today or timezone.localdate()
    plan = period.plan
    components = plan_components(plan)
    figures = component_figures([c.pk for c in components], period.start_date, period.end_date)
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
        totals["households"] += data["support"]["households"]
        totals["support_amount"] += data["support"]["amount"]
        totals["activities"] += data["activities"]["count"]
        totals["participants"] += data["activities"]["participants"]
        totals["allocated"] += data["budget"]["allocated"]
        totals["disbursed"] += data["budget"]["disbursed"]
    totals["rate"] = rate(totals["disbursed"], totals["allocated"])
    targets = list(plan.targets.prefetch_related("lines"))
    return {
        "period": {
            "slug": period.slug,
            "label": period.label,
            "start": period.start_date.isoformat(),
            "end": period.end_date.isoformat(),
            "due": period.due_date.isoformat(),
        },
        "taken_on": today.isoformat(),
        "components": rows,
        "totals": totals,
        "poverty": poverty_figures(period.commune, targets, period.end_date, plan.year),
        "timeliness": {
            "expected": len(states),
            "on_time": sum(1 for s in states if s == "on_time"),
            "late": sum(1 for s in states if s == "late"),
            "overdue": sum(1 for s in states if s == "overdue"),
            "rate": on_time_rate(states),
        },
    }
