"""Reads of delivery and budget: the support and activity lists (keyset pagination, one query per
page whatever its length), a household's support, the per-component overview and the budget table.

Figures are aggregates in the database (``Sum``/``Count`` grouped by component or source), never
Python loops over records. A component is matched by its project/sub-project within the commune's
plans of that year, so records made against an amended plan's earlier version still count."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from households.models import Household, Member
from programs.models import (
    Activity,
    Allocation,
    Disbursement,
    Estimate,
    EstimateLine,
    EstimateStatus,
    FundingSource,
    Plan,
    PlanComponent,
    Support,
)
from thoxuan_gnbv import access
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.statuses import PLAN_APPROVED

PAGE_SIZE = 50
SOURCE_FIELDS = {
    FundingSource.CENTRAL: "central_amount",
    FundingSource.LOCAL: "local_amount",
    FundingSource.MOBILISED: "mobilised_amount",
    FundingSource.CREDIT: "credit_amount",
}
_TOTAL = F("central_amount") + F("local_amount") + F("mobilised_amount") + F("credit_amount")


# --- components ----------------------------------------------------------------------------------


def components_of_year(commune, year: int) -> list[PlanComponent]:
    """The components of the commune's approved plan in force for ``year`` (empty without one)."""
    plan = Plan.objects.approved_for(commune, year)
    if plan is None:
        return []
    return list(
        plan.components.select_related("plan__commune", "project", "subproject", "lead_unit").order_by(
            "position", "pk"
        )
    )


def approved_components(commune):
    """Components of every approved plan of the commune (for choosing where support is recorded)."""
    return (
        PlanComponent.objects.filter(plan__commune=commune, plan__status__in=PLAN_APPROVED)
        .select_related("plan", "project", "subproject")
        .order_by("-plan__year", "position")
    )


def get_component(pk: int) -> PlanComponent:
    return get_object_or_404(
        PlanComponent.objects.select_related(
            "plan__commune", "project", "subproject", "lead_unit"
        ).prefetch_related("partner_units"),
        pk=pk,
    )


# --- lists ---------------------------------------------------------------------------------------


@dataclass
class Page:
    rows: list
    next_cursor: str = ""


def _cursor_filter(queryset, cursor: str, date_field: str):
    """Keyset pagination on (date, id) descending: ``cursor`` is "YYYY-MM-DD_id" of the last row."""
    if not cursor:
        return queryset
    try:
        day_text, _, pk_text = cursor.partition("_")
        day, pk = datetime.date.fromisoformat(day_text), int(pk_text)
    except ValueError:
        return queryset
    return queryset.filter(Q(**{f"{date_field}__lt": day}) | Q(**{date_field: day, "pk__lt": pk}))


def _page(queryset, cursor: str, date_field: str, size: int) -> Page:
    rows = list(_cursor_filter(queryset, cursor, date_field).order_by(f"-{date_field}", "-pk")[: size + 1])
    if len(rows) <= size:
        return Page(rows)
    rows = rows[:size]
    last = rows[-1]
    return Page(rows, f"{getattr(last, date_field).isoformat()}_{last.pk}")


def supports_for_list(
    user, *, commune, year=None, component_id=None, neighborhood_id=None, cursor="", size=PAGE_SIZE
) -> Page:
    """Support records the user may see, newest first, one query per page."""
    queryset = access.supports_visible_to(user, Support.objects.filter(household__commune=commune)).for_list()
    if year:
        queryset = queryset.filter(supported_on__year=year)
    if component_id:
        queryset = queryset.filter(component_id=component_id)
    if neighborhood_id:
        queryset = queryset.filter(household__neighborhood_id=neighborhood_id)
    return _page(queryset, cursor, "supported_on", size)


def support_exceptions(user, *, commune):
    """Every support recorded as an exception, with its justification (for monitoring)."""
    return (
        access.supports_visible_to(user, Support.objects.filter(household__commune=commune))
        .exceptions()
        .for_list()
        .order_by("-supported_on", "-pk")
    )


def get_support_for_user(user, pk: int) -> Support:
    queryset = (
        access.supports_visible_to(user, Support.objects.all()).for_list().select_related("disbursement")
    )
    return get_object_or_404(queryset, pk=pk)


def activities_for_list(*, commune, year=None, component_id=None, cursor="", size=PAGE_SIZE) -> Page:
    queryset = (
        Activity.objects.filter(component__plan__commune=commune)
        .for_list()
        .annotate(household_count=Count("households"))
    )
    if year:
        queryset = queryset.filter(held_on__year=year)
    if component_id:
        queryset = queryset.filter(component_id=component_id)
    return _page(queryset, cursor, "held_on", size)


def get_activity(commune, pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.filter(component__plan__commune=commune)
        .for_list()
        .select_related("disbursement")
        .prefetch_related("households__neighborhood"),
        pk=pk,
    )


def change_log(record, limit: int = 20):
    """The latest history rows of a record, with who made them, in one query."""
    return list(
        record.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit]
    )


# --- a household's support -----------------------------------------------------------------------


@dataclass
class SupportGroup:
    year: int
    component: str
    rows: list = field(default_factory=list)


def household_support(household) -> list[SupportGroup]:
    """Everything a household received, by year and sub-project, newest first — one query."""
    rows = (
        Support.objects.filter(household=household)
        .select_related("component__project", "component__subproject", "member")
        .order_by("-supported_on", "component__project__number", "component__subproject__number", "-pk")
    )
    groups: list[SupportGroup] = []
    for row in rows:
        key = (row.supported_on.year, str(row.component))
        if not groups or (groups[-1].year, groups[-1].component) != key:
            groups.append(SupportGroup(*key))
        groups[-1].rows.append(row)
    return groups


# --- budget --------------------------------------------------------------------------------------


@dataclass
class BudgetRow:
    label: str
    allocated: int = 0
    estimated: int = 0
    disbursed: int = 0
    component: PlanComponent | None = None

    @property
    def rate(self) -> float | None:
        """Disbursed as a share of what was allocated (tỷ lệ giải ngân)."""
        return self.disbursed / self.allocated if self.allocated else None

    @property
    def remaining(self) -> int:
        return self.allocated - self.disbursed


def _key(project_number, subproject_number) -> str:
    return f"{project_number}.{subproject_number}" if subproject_number else str(project_number)


def _grouped(queryset, prefix: str, amount) -> dict[str, int]:
    rows = queryset.values(f"{prefix}project__number", f"{prefix}subproject__number").annotate(
        total=Sum(amount)
    )
    return {
        _key(r[f"{prefix}project__number"], r[f"{prefix}subproject__number"]): r["total"] or 0 for r in rows
    }


def budget_table(commune, year: int) -> tuple[list[BudgetRow], BudgetRow]:
    """Per component of the year's plan: allocated, estimated (approved), disbursed, rate, remaining;
    plus the total row. Four queries whatever the number of components."""
    components = components_of_year(commune, year)
    in_year = {"plan__commune": commune, "plan__year": year}
    allocated = _grouped(
        Allocation.objects.filter(**{f"component__{k}": v for k, v in in_year.items()}),
        "component__",
        "amount",
    )
    estimated = _grouped(
        EstimateLine.objects.filter(
            estimate__status=EstimateStatus.APPROVED, **{f"component__{k}": v for k, v in in_year.items()}
        ),
        "component__",
        "amount",
    )
    disbursed = _grouped(
        Disbursement.objects.filter(**{f"line__component__{k}": v for k, v in in_year.items()}),
        "line__component__",
        "amount",
    )
    rows = [
        BudgetRow(
            label=str(c),
            allocated=allocated.get(c.code, 0),
            estimated=estimated.get(c.code, 0),
            disbursed=disbursed.get(c.code, 0),
            component=c,
        )
        for c in components
    ]
    total = BudgetRow(
        "Tổng cộng",
        sum(r.allocated for r in rows),
        sum(r.estimated for r in rows),
        sum(r.disbursed for r in rows),
    )
    return rows, total


def component_budget_by_source(component, component_ids=None) -> tuple[list[BudgetRow], BudgetRow]:
    """One component's allocated / estimated / disbursed by funding source, three queries."""
    ids = component_ids if component_ids is not None else same_component_ids(component)
    allocated = dict(
        Allocation.objects.filter(component_id__in=ids).values_list("source").annotate(t=Sum("amount"))
    )
    estimated = dict(
        EstimateLine.objects.filter(component_id__in=ids, estimate__status=EstimateStatus.APPROVED)
        .values_list("source")
        .annotate(t=Sum("amount"))
    )
    disbursed = dict(
        Disbursement.objects.filter(line__component_id__in=ids)
        .values_list("line__source")
        .annotate(t=Sum("amount"))
    )
    rows = [
        BudgetRow(
            label, allocated.get(source, 0) or 0, estimated.get(source, 0) or 0, disbursed.get(source, 0) or 0
        )
        for source, label in FundingSource.choices
    ]
    total = BudgetRow(
        "Tổng cộng",
        sum(r.allocated for r in rows),
        sum(r.estimated for r in rows),
        sum(r.disbursed for r in rows),
    )
    return rows, total


def estimates_for_list(commune, year=None):
    queryset = Estimate.objects.filter(commune=commune).select_related("prepared_by", "approved_by")
    if year:
        queryset = queryset.filter(year=year)
    return queryset.annotate(
        total=Coalesce(Sum("lines__amount"), Value(0)),
        disbursed=Coalesce(Sum("lines__disbursed_amount"), Value(0)),
    ).order_by("-year", "-pk")


def get_estimate(commune, pk: int) -> Estimate:
    return get_object_or_404(
        Estimate.objects.filter(commune=commune).select_related("prepared_by", "approved_by", "commune"),
        pk=pk,
    )


def estimate_lines(estimate):
    return list(
        estimate.lines.select_related("component__project", "component__subproject")
        .annotate(disbursement_count=Count("disbursements"))
        .order_by("component__position", "source", "pk")
    )


def disbursements_of(estimate):
    return list(Disbursement.objects.filter(line__estimate=estimate).for_list().order_by("-paid_on", "-pk"))


def estimates_awaiting_approval(user):
    if not access.is_approver(user):
        return Estimate.objects.none()
    return Estimate.objects.awaiting_approval().order_by("year", "pk")


def estimates_returned(user):
    """For the accountant: estimates the chairman sent back, to fix and submit again."""
    if not access.can_prepare_estimate(user):
        return Estimate.objects.none()
    return Estimate.objects.filter(status=EstimateStatus.RETURNED).order_by("year", "pk")


def lines_open_for_disbursement(user):
    """For the accountant: approved lines with money left to pay out."""
    if not access.can_record_disbursement(user):
        return EstimateLine.objects.none()
    return (
        EstimateLine.objects.filter(
            estimate__status=EstimateStatus.APPROVED, disbursed_amount__lt=F("amount")
        )
        .select_related("estimate", "component__project", "component__subproject")
        .order_by("estimate__year", "estimate_id", "pk")
    )


# --- the component overview ----------------------------------------------------------------------


@dataclass
class Beneficiaries:
    households: int = 0
    households_ethnic_minority: int = 0
    households_with_merit: int = 0
    people: int = 0
    people_ethnic_minority: int = 0
    people_with_merit: int = 0
    women_of_poor_households: int = 0
    people_with_disability: int = 0


@dataclass
class ComponentOverview:
    component: PlanComponent
    recorder_label: str
    support_count: int
    exception_count: int
    support_by_source: dict
    support_total: int
    counterpart_cash: int
    activity_count: int
    participants: dict
    activity_total: int
    budget_rows: list
    budget_total: BudgetRow
    beneficiaries: Beneficiaries
    recent_supports: list
    recent_activities: list


def same_component_ids(component) -> list[int]:
    """Primary keys of this component in every version of the year's plan (one query); filtering
    records by these ids lets PostgreSQL use the component_id indexes."""
    plan = component.plan
    return list(
        PlanComponent.objects.filter(
            plan__commune_id=plan.commune_id,
            plan__year=plan.year,
            project_id=component.project_id,
            subproject_id=component.subproject_id,
        ).values_list("pk", flat=True)
    )


def beneficiaries(component, component_ids=None) -> Beneficiaries:
    """Households and people reached by the component's support, and the priority groups among them.

    A household is reached when it received any support. People reached: the member named on a
    record, or every member of a household supported as a whole. "Women of poor households" are
    women reached whose household was supported as poor. Three queries (four without ids)."""
    component_ids = component_ids if component_ids is not None else same_component_ids(component)
    supports = Support.objects.filter(component_id__in=component_ids)
    households = Household.objects.filter(pk__in=supports.values("household_id")).aggregate(
        total=Count("pk"),
        ethnic=Count("pk", filter=Q(is_ethnic_minority=True)),
        merit=Count("pk", filter=Q(has_meritorious_person=True)),
    )
    poor_households = supports.filter(eligibility_basis="poor").values("household_id")
    whole_households = supports.filter(member__isnull=True).values("household_id")
    counts = {
        "total": Count("pk"),
        "ethnic": Count("pk", filter=Q(is_ethnic_minority=True)),
        "merit": Count("pk", filter=Q(is_meritorious=True)),
        "women_poor": Count("pk", filter=Q(sex="female", household_id__in=poor_households)),
        "disability": Count("pk", filter=Q(has_disability=True)),
    }
    # Everyone in a household supported as a whole, plus named members of other households: two
    # disjoint sets, so their counts add up without a DISTINCT over all the people reached.
    of_whole = Member.objects.filter(household_id__in=whole_households).aggregate(**counts)
    named_elsewhere = (
        Member.objects.filter(pk__in=supports.filter(member__isnull=False).values("member_id"))
        .exclude(household_id__in=whole_households)
        .aggregate(**counts)
    )
    people = {key: of_whole[key] + named_elsewhere[key] for key in counts}
    return Beneficiaries(
        households=households["total"],
        households_ethnic_minority=households["ethnic"],
        households_with_merit=households["merit"],
        people=people["total"],
        people_ethnic_minority=people["ethnic"],
        people_with_merit=people["merit"],
        women_of_poor_households=people["women_poor"],
        people_with_disability=people["disability"],
    )


def component_overview(component, *, recent: int = 10) -> ComponentOverview:
    """Everything the component page and the quarterly report quote, from aggregate queries."""
    ids = same_component_ids(component)
    supports = Support.objects.filter(component_id__in=ids)
    activities = Activity.objects.filter(component_id__in=ids)
    support_sums = supports.aggregate(
        count=Count("pk"),
        exceptions=Count("pk", filter=Q(is_exception=True)),
        counterpart=Coalesce(Sum("counterpart_cash"), 0),
        total=Coalesce(Sum(_TOTAL), 0),
        **{source: Coalesce(Sum(name), 0) for source, name in SOURCE_FIELDS.items()},
    )
    activity_sums = activities.aggregate(
        count=Count("pk"),
        participants=Coalesce(Sum("participants"), 0),
        women=Coalesce(Sum("participants_women"), 0),
        poor=Coalesce(Sum("participants_poor"), 0),
        ethnic=Coalesce(Sum("participants_ethnic_minority"), 0),
        total=Coalesce(Sum(_TOTAL), 0),
    )
    budget_rows, budget_total = component_budget_by_source(component, ids)
    return ComponentOverview(
        component=component,
        recorder_label=Role(access.delivery_recorder_role(component.code, component.lead_role)).label,
        support_count=support_sums["count"],
        exception_count=support_sums["exceptions"],
        support_by_source={label: support_sums[source] for source, label in FundingSource.choices},
        support_total=support_sums["total"],
        counterpart_cash=support_sums["counterpart"],
        activity_count=activity_sums["count"],
        participants={
            "total": activity_sums["participants"],
            "women": activity_sums["women"],
            "poor": activity_sums["poor"],
            "ethnic": activity_sums["ethnic"],
        },
        activity_total=activity_sums["total"],
        budget_rows=budget_rows,
        budget_total=budget_total,
        beneficiaries=beneficiaries(component, ids),
        recent_supports=list(supports.for_list()[:recent]),
        recent_activities=list(activities.for_list()[:recent]),
    )
