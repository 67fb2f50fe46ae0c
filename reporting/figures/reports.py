"""The figures of a report, from aggregate queries: support delivered, activities and budget per
component (the compiled commune report's are in ``figures.compiled``). Every function runs a fixed
number of queries, whatever the number of households, and returns plain JSON-safe dicts — the same dicts are frozen
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
    PlanComponent,
    Support,
    SupportType,
)
from programs.services.eligibility import EligibilityBasis
from reporting.figures.poverty import rate
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


def plan_components(plan):
    return plan_components_of([plan])


def plan_components_of(plans):
    """The components of ``plans`` (one query), each plan's in its section order, each knowing its
    plan without another query."""
    by_pk = {plan.pk: plan for plan in plans}
    components = list(
        PlanComponent.objects.filter(plan__in=plans)
        .select_related("project", "subproject", "lead_unit")
        .order_by("plan_id", "position", "pk")
    )
    for component in components:
        component.plan = by_pk[component.plan_id]
    return components
