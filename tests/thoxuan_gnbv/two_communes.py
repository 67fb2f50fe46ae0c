"""Two communes built alike for the isolation test: the same khu phố names, the same roles (a full set
of users each), and data of every kind the portal keeps. Each commune's data carries its own marker
(a word found nowhere else), so a page of one commune showing the other's data is caught by a search.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from households.models import (
    Category,
    Complaint,
    Household,
    Meeting,
    MeetingVote,
    Member,
    Neighborhood,
    Posting,
    Province,
    Review,
    ReviewRequest,
    ReviewRound,
    RoundHousehold,
)
from programs.models import (
    Activity,
    Allocation,
    CorrectedKind,
    Correction,
    Disbursement,
    Estimate,
    EstimateLine,
    EstimateStatus,
    FundingSource,
    Plan,
    PlanComponent,
    Support,
)
from programs.models.corrections import CorrectionAction
from reporting.models import CompiledReport, DocumentJob, Report, ReportingPeriod
from tests.factories import CommuneFactory, NeighborhoodFactory, UnitFactory, UserFactory
from tests.households.factories import HouseholdFactory, MemberFactory, stage_records
from tests.programs.delivery.factories import approve_round, standard
from tests.reporting.factories import add_activity, add_support, component, make_reporting_plan, open_period
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.statuses import CorrectionStatus

# Every role of the portal, the two khu phố heads apart, and the administrator (of commune A).
PERSONAS = {
    "chairman": Role.CHAIRMAN,
    "vice_chairman": Role.VICE_CHAIRMAN,
    "labour_officer": Role.LABOUR_OFFICER,
    "agriculture_officer": Role.AGRICULTURE_OFFICER,
    "culture_officer": Role.CULTURE_OFFICER,
    "health_station": Role.HEALTH_STATION,
    "accountant": Role.ACCOUNTANT,
    "head1": Role.NEIGHBORHOOD_HEAD,
    "head2": Role.NEIGHBORHOOD_HEAD,
    "fatherland_front": Role.FATHERLAND_FRONT,
    "upper_viewer": Role.UPPER_VIEWER,
    # A viewer of the commune's province (no commune of their own): the province's communes only.
    "province_viewer": Role.UPPER_VIEWER,
    "admin": "",
}


@dataclass
class CommuneWorld:
    commune: object
    marker: str
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError as error:
            raise AttributeError(name) from error


def _users(commune, code: str, marker: str) -> dict:
    users = {}
    for key, role in PERSONAS.items():
        province = key == "province_viewer"
        users[key] = UserFactory(
            username=f"{code}-{key}",
            role=role,
            commune=None if province else commune,
            province=commune.province if province else None,
            full_name=f"Cán bộ {key} {marker}",
            is_staff=key == "admin",
            is_superuser=key == "admin",
            password=None,  # force_login only: no slow hashing
        )
    return users


def _posted_request(household, officer):
    """An ongoing review awaiting the chairman's decision: the most a stray POST could move."""
    from households.models import RequestKind
    from households.services import ongoing

    request = ongoing.review_request_record(
        commune=household.commune, household=household, kind=RequestKind.LEAVE,
        received_on=datetime.date(2025, 3, 10), user=officer,
    )  # fmt: skip
    request = ongoing.review_request_survey(
        request=request,
        user=officer,
        deprivations=[],
        income=2_500_000,
        surveyed_on=datetime.date(2025, 3, 17),
    )
    return ongoing.review_request_post(
        request=request, user=officer, posting_start=datetime.date(2025, 3, 18)
    )


def _registry(world, code: str) -> None:
    commune, marker, users = world.commune, world.marker, world.users
    n1 = NeighborhoodFactory(commune=commune, name="Khu phố 1", position=1, head=users["head1"])
    n2 = NeighborhoodFactory(commune=commune, name="Khu phố 2", position=2, head=users["head2"])
    h1 = HouseholdFactory(neighborhood=n1, code=f"{code}-1", head_name=f"Trần Văn {marker}")
    h2 = HouseholdFactory(neighborhood=n2, code=f"{code}-2", head_name=f"Lê Thị {marker}")
    member = MemberFactory(household=h1, full_name=f"Trần Thị {marker}")
    approved = approve_round(
        commune, datetime.date(2023, 12, 20), {h1: Category.POOR, h2: Category.NEAR_POOR}, users["chairman"]
    )
    open_round = ReviewRound.objects.create(
        commune=commune, year=2024, number=1, opened_by=users["labour_officer"]
    )
    review = Review.objects.create(
        household=h1, round=open_round, year=2024, standard=standard(), income=900_000, category=Category.POOR
    )
    world.objects["ongoing_request"] = _posted_request(h2, users["labour_officer"])
    meeting, complaint = stage_records(open_round, n1, h1)
    world.objects.update(
        meeting=meeting,
        complaint=complaint,
        entry=open_round.entries.get(household=h1),
        neighborhood1=n1,
        neighborhood2=n2,
        household=h1,
        household2=h2,
        member=member,
        approved_round=approved,
        open_round=open_round,
        review=review,
    )


def _delivery_and_budget(world) -> None:
    commune, marker, users = world.commune, world.marker, world.users
    committee = UnitFactory(commune=commune, name=f"UBND {marker}", kind="ubnd")
    health = UnitFactory(commune=commune, name=f"Trạm y tế {marker}", kind="health")
    health.officers.add(users["health_station"])
    plan = make_reporting_plan(
        commune,
        approver=users["chairman"],
        author=users["labour_officer"],
        lead_unit=committee,
        health_unit=health,
    )
    farming = component(plan, "3.1")
    support = add_support(
        farming, world.household, on=datetime.date(2024, 3, 1), user=users["agriculture_officer"]
    )
    activity = add_activity(farming, on=datetime.date(2024, 3, 5), user=users["agriculture_officer"])
    Activity.objects.filter(pk=activity.pk).update(title=f"Tập huấn {marker}", place=f"Nhà văn hóa {marker}")
    allocation = Allocation.objects.create(
        component=farming,
        source=FundingSource.CENTRAL,
        amount=50_000_000,
        decision_number=f"03/QĐ-{marker}",
        decision_date=datetime.date(2024, 1, 10),
        recorded_by=users["accountant"],
    )
    estimate = Estimate.objects.create(
        commune=commune, year=2024, title=f"Dự toán {marker}", prepared_by=users["accountant"]
    )
    line = EstimateLine.objects.create(
        estimate=estimate,
        component=farming,
        source=FundingSource.CENTRAL,
        content=f"Chi {marker}",
        amount=9_000_000,
    )
    estimate.status = EstimateStatus.APPROVED
    estimate.submitted_by = users["accountant"]
    estimate.approved_by = users["chairman"]
    estimate.approved_at = timezone.now()
    estimate.save()
    disbursement = Disbursement.objects.create(
        line=line,
        paid_on=datetime.date(2024, 4, 1),
        amount=1_000_000,
        voucher_number=f"PC-{marker}",
        payee=f"Hộ {marker}",
        recorded_by=users["accountant"],
    )
    correction = Correction.objects.create(
        commune=commune,
        kind=CorrectedKind.ALLOCATION,
        object_id=allocation.pk,
        action=CorrectionAction.EDIT,
        reason=f"Sai số tiền {marker}",
        changes=[
            {
                "field": "amount",
                "label": "Số tiền",
                "old": "50.000.000 đ",
                "new": "5.000.000 đ",
                "value": "5000000",
            }
        ],
        object_version=allocation.version,
        locked_by=f"Báo cáo {marker}",
        status=CorrectionStatus.REQUESTED,
        requested_by=users["accountant"],
    )
    world.objects.update(
        correction=correction,
        committee=committee,
        plan=plan,
        component=farming,
        support=support,
        activity=activity,
        allocation=allocation,
        estimate=estimate,
        line=line,
        disbursement=disbursement,
    )


def _reporting(world) -> None:
    marker, users = world.marker, world.users
    period = open_period(world.commune, "2024-Q1")
    report = Report.objects.create(
        period=period,
        component=world.component,
        lead_unit=world.committee,
        created_by=users["agriculture_officer"],
        results=f"Kết quả {marker}",
    )
    compiled = CompiledReport.objects.create(
        period=period, compiled_by=users["labour_officer"], general_situation=f"Tình hình {marker}"
    )
    job = DocumentJob.objects.create(
        compiled_report=compiled,
        requested_by=users["labour_officer"],
        status=DocumentJob.Status.DONE,
        progress=100,
        content=f"%PDF {marker}".encode(),
    )
    world.objects.update(period=period, report=report, compiled=compiled, job=job)


def build_commune(code: str, name: str, marker: str) -> CommuneWorld:
    # Each commune in a province of its own: the province viewer of A's province never sees B.
    province = Province.objects.create(code=f"p-{code}", name=f"Tỉnh {marker}")
    commune = CommuneFactory(code=code, name=name, issuer_name=name.upper(), province=province)
    world = CommuneWorld(commune=commune, marker=marker)
    world.users = _users(commune, code, marker)
    _registry(world, code)
    _delivery_and_budget(world)
    _reporting(world)
    return world


# Every kind of row a commune owns, by the lookup reaching its commune.
OWNED = [
    (Neighborhood, "commune"),
    (Household, "commune"),
    (Member, "household__commune"),
    (ReviewRound, "commune"),
    (Review, "round__commune"),
    (ReviewRequest, "commune"),
    (RoundHousehold, "round__commune"),
    (Meeting, "round__commune"),
    (MeetingVote, "meeting__round__commune"),
    (Posting, "round__commune"),
    (Complaint, "round__commune"),
    (Plan, "commune"),
    (PlanComponent, "plan__commune"),
    (Support, "component__plan__commune"),
    (Activity, "component__plan__commune"),
    (Allocation, "component__plan__commune"),
    (Estimate, "commune"),
    (EstimateLine, "estimate__commune"),
    (Disbursement, "line__estimate__commune"),
    (ReportingPeriod, "commune"),
    (Report, "period__commune"),
    (CompiledReport, "period__commune"),
    (DocumentJob, "compiled_report__period__commune"),
    (Correction, "commune"),
]


def _comparable(value) -> str:
    # PostgreSQL hands binary columns back as a fresh memoryview each time: compare the bytes.
    return repr(bytes(value)) if isinstance(value, memoryview | bytes) else str(value)


def fingerprint(commune) -> dict:
    """Every field of every row the commune owns: equal before and after means nothing changed."""
    return {
        model.__name__: [
            tuple(sorted((k, _comparable(v)) for k, v in row.items()))
            for row in model.objects.filter(**{path: commune}).order_by("pk").values()
        ]
        for model, path in OWNED
    }
