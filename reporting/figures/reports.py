"""The figures of a report, from aggregate queries: support delivered, activities and budget per
component, and the compiled commune report (with the poverty figures of ``figures.poverty``). Every
function runs a fixed number of queries, whatever the number of households, and returns plain JSON-safe dicts — the same dicts are frozen
into a report when it is submitted or approved (the snapshot), so a document renders the same way
from live data and from its snapshot.

Periods: support and activities count what happened within the period (start … end); budget is
cumulative from the start of the year to the period's end (allocated, disbursed, rate), as the
disbursement rate is always reported year to date.
"""

import datetime

from django.db.models import Count, F, Q, Sum

from programs.models import (
    Activity,
    ActivityType,
    Allocation,
    Disbursement,
    Support,
    SupportType,
)
from programs.services.eligibility import EligibilityBasis
from reporting.figures.poverty import poverty_figures, rate
from thoxuan_gnbv.models import Role

_SUPPORT_AMOUNT = F("central_amount") + F("local_amount") + F("mobilised_amount") + F("credit_amount")


def _empty_component() -> dict:
    return {
        "support": {
            "records": 0,
            "households": 0,
            "amount": 0,
            "by_type": [],
            "by_basis": [],
            "priority": {"ethnic_minority": 0, "meritorious": 0, "disability": 0, "women": 0},
        },
        "activities": {
            "count": 0,
            "participants": 0,
            "women": 0,
            "poor": 0,
            "ethnic_minority": 0,
            "by_type": [],
        },
        "budget": {"allocated": 0, "disbursed": 0, "rate": None},
    }


def component_figures(component_ids: list[int], start: datetime.date, end: datetime.date) -> dict[int, dict]:
    """{component_id: figures} for the components, in seven queries for any number of components."""
    result = {pk: _empty_component() for pk in component_ids}
    if not component_ids:
        return result
    supports = Support.objects.filter(component_id__in=component_ids, supported_on__range=(start, end))
    for row in (
        supports.values("component_id")
        .annotate(
            records=Count("id"),
            households=Count("household", distinct=True),
            amount=Sum(_SUPPORT_AMOUNT),
            ethnic_minority=Count("household", distinct=True, filter=Q(household__is_ethnic_minority=True)),
            meritorious=Count("household", distinct=True, filter=Q(household__has_meritorious_person=True)),
            women=Count("member", distinct=True, filter=Q(member__sex="female")),
        )
        .order_by()
    ):
        support = result[row["component_id"]]["support"]
        support.update(records=row["records"], households=row["households"], amount=row["amount"] or 0)
        support["priority"].update(
            ethnic_minority=row["ethnic_minority"], meritorious=row["meritorious"], women=row["women"]
        )
    # Households with a member living with a disability (a join on members, counted apart).
    for row in (
        supports.filter(household__members__has_disability=True)
        .values("component_id")
        .annotate(n=Count("household", distinct=True))
        .order_by()
    ):
        result[row["component_id"]]["support"]["priority"]["disability"] = row["n"]
    type_labels = dict(SupportType.choices)
    for row in (
        supports.values("component_id", "support_type")
        .annotate(
            records=Count("id"), households=Count("household", distinct=True), amount=Sum(_SUPPORT_AMOUNT)
        )
        .order_by("component_id", "support_type")
    ):
        result[row["component_id"]]["support"]["by_type"].append(
            {
                "type": row["support_type"],
                "label": type_labels.get(row["support_type"], row["support_type"]),
                "records": row["records"],
                "households": row["households"],
                "amount": row["amount"] or 0,
            }
        )
    basis_labels = dict(EligibilityBasis.choices)
    for row in (
        supports.values("component_id", "eligibility_basis")
        .annotate(households=Count("household", distinct=True))
        .order_by("component_id", "eligibility_basis")
    ):
        result[row["component_id"]]["support"]["by_basis"].append(
            {
                "basis": row["eligibility_basis"],
                "label": basis_labels.get(row["eligibility_basis"], row["eligibility_basis"]),
                "households": row["households"],
            }
        )
    activity_labels = dict(ActivityType.choices)
    for row in (
        Activity.objects.filter(component_id__in=component_ids, held_on__range=(start, end))
        .values("component_id", "activity_type")
        .annotate(
            count=Count("id"),
            participants=Sum("participants"),
            women=Sum("participants_women"),
            poor=Sum("participants_poor"),
            ethnic_minority=Sum("participants_ethnic_minority"),
        )
        .order_by("component_id", "activity_type")
    ):
        activities = result[row["component_id"]]["activities"]
        for key in ("count", "participants", "women", "poor", "ethnic_minority"):
            activities[key] += row[key] or 0
        activities["by_type"].append(
            {
                "type": row["activity_type"],
                "label": activity_labels.get(row["activity_type"], row["activity_type"]),
                "count": row["count"],
                "participants": row["participants"] or 0,
            }
        )
    year_start = datetime.date(end.year, 1, 1)
    for row in (
        Allocation.objects.filter(component_id__in=component_ids, decision_date__range=(year_start, end))
        .values("component_id")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        result[row["component_id"]]["budget"]["allocated"] = row["total"] or 0
    for row in (
        Disbursement.objects.filter(line__component_id__in=component_ids, paid_on__range=(year_start, end))
        .values("line__component_id")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        result[row["line__component_id"]]["budget"]["disbursed"] = row["total"] or 0
    for figures in result.values():
        budget = figures["budget"]
        budget["rate"] = rate(budget["disbursed"], budget["allocated"])
    return result


def shows_poverty_figures(component) -> bool:
    """The labour officer's components carry the commune's poverty figures (section VI.1)."""
    return component.lead_role == Role.LABOUR_OFFICER


# --- the commune's compiled report -------------------------------------------------------------


def plan_components(plan):
    return list(
        plan.components.select_related("project", "subproject", "lead_unit").order_by("position", "pk")
    )


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
