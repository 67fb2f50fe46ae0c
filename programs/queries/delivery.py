"""Reads of delivery: the support and activity lists (keyset pagination, one query per page
whatever its length), a household's support and the per-component overview.

Figures are aggregates in the database (``Sum``/``Count`` grouped by component or source), never
Python loops over records. A component is matched by its project/sub-project within the commune's
plans of that year, so records made against an amended plan's earlier version still count."""

from dataclasses import asdict, dataclass, field

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from households.models import Household, Member
from programs.models import Activity, FundingSource, PlanComponent, Support
from programs.queries.budget import BudgetRow, component_budget_by_source
from programs.queries.plans import same_component_ids
from thoxuan_gnbv import access, stored_figures
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.pagination import PAGE_SIZE, KeysetPage, keyset_page

SOURCE_FIELDS = {
    FundingSource.CENTRAL: "central_amount",
    FundingSource.LOCAL: "local_amount",
    FundingSource.MOBILISED: "mobilised_amount",
    FundingSource.CREDIT: "credit_amount",
}
_TOTAL = F("central_amount") + F("local_amount") + F("mobilised_amount") + F("credit_amount")


# --- lists ---------------------------------------------------------------------------------------


def supports_for_list(
    user, *, commune, year=None, component_id=None, neighborhood_id=None, cursor="", size=PAGE_SIZE
) -> KeysetPage:
    """Support records the user may see, newest first, one query per page."""
    queryset = access.supports_visible_to(user, Support.objects.filter(household__commune=commune)).for_list()
    if year:
        queryset = queryset.filter(supported_on__year=year)
    if component_id:
        queryset = queryset.filter(component_id=component_id)
    if neighborhood_id:
        queryset = queryset.filter(household__neighborhood_id=neighborhood_id)
    return keyset_page(queryset, key="supported_on", descending=True, after=cursor, size=size)


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
        access.supports_visible_to(user, Support.all_objects.all())
        .for_list()
        .select_related("disbursement", "voided_by")
    )
    return get_object_or_404(queryset, pk=pk)


def activities_for_list(*, commune, year=None, component_id=None, cursor="", size=PAGE_SIZE) -> KeysetPage:
    queryset = (
        Activity.objects.filter(component__plan__commune=commune)
        .for_list()
        .annotate(household_count=Count("households"))
    )
    if year:
        queryset = queryset.filter(held_on__year=year)
    if component_id:
        queryset = queryset.filter(component_id=component_id)
    return keyset_page(queryset, key="held_on", descending=True, after=cursor, size=size)


def get_activity(user, pk: int) -> Activity:
    """An activity of the user's communes (404 otherwise)."""
    return get_object_or_404(
        access.activities_visible_to(user, Activity.all_objects.all())
        .for_list()
        .select_related("disbursement", "voided_by")
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
    stored: stored_figures.Stored | None = None


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


OVERVIEW = "overview"


@stored_figures.register(OVERVIEW)
def compute_overview(params: dict) -> dict:
    """The component's sums over all its support and activities and the beneficiaries reached: the
    part of the overview that grows with the records (computed by the worker)."""
    component = PlanComponent.objects.select_related("plan").get(pk=params["component"])
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
    return {
        "support": support_sums,
        "activity": activity_sums,
        "beneficiaries": asdict(beneficiaries(component, ids)),
    }


def overview_stored(component) -> stored_figures.Stored:
    return stored_figures.read(
        f"overview:{component.pk}",
        OVERVIEW,
        {"component": component.pk},
        commune_id=component.plan.commune_id,
        year=component.plan.year,
    )


def component_overview(component, *, recent: int = 10) -> ComponentOverview:
    """Everything the component page quotes: the sums as last computed by the worker (``stored``:
    zero with a notice until the first computation), the budget and the latest records."""
    ids = same_component_ids(component)
    stored = overview_stored(component)
    data = stored.data or {"support": {}, "activity": {}, "beneficiaries": {}}
    support_sums, activity_sums = data["support"], data["activity"]
    budget_rows, budget_total = component_budget_by_source(component, ids)
    return ComponentOverview(
        component=component,
        recorder_label=Role(access.delivery_recorder_role(component)).label,
        support_count=support_sums.get("count", 0),
        exception_count=support_sums.get("exceptions", 0),
        support_by_source={label: support_sums.get(source, 0) for source, label in FundingSource.choices},
        support_total=support_sums.get("total", 0),
        counterpart_cash=support_sums.get("counterpart", 0),
        activity_count=activity_sums.get("count", 0),
        participants={
            "total": activity_sums.get("participants", 0),
            "women": activity_sums.get("women", 0),
            "poor": activity_sums.get("poor", 0),
            "ethnic": activity_sums.get("ethnic", 0),
        },
        activity_total=activity_sums.get("total", 0),
        budget_rows=budget_rows,
        budget_total=budget_total,
        beneficiaries=Beneficiaries(**data["beneficiaries"]),
        recent_supports=list(Support.objects.filter(component_id__in=ids).for_list()[:recent]),
        recent_activities=list(Activity.objects.filter(component_id__in=ids).for_list()[:recent]),
        stored=stored,
    )
