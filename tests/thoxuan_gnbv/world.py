"""One commune with one of everything, built once per test module: the objects the access matrix and
the no-5xx fuzz test put into every URL that takes an id.

Every role of the access table has a user here (``users[key]``); the objects sit in the states that
let each route's rightful actor act (a draft plan to edit, a submitted plan to approve …)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.test import Client

from households.models import Category, Commune, Province, ReviewRound
from programs.models import CorrectedKind, Correction, Estimate, EstimateLine, EstimateStatus, FundingSource
from programs.models.corrections import CorrectionAction
from reporting import services as reporting
from reporting.figures.review_tables_stored import current_tables_figures
from reporting.models import DocumentJob
from tests.factories import CommuneFactory, NeighborhoodFactory, UnitFactory
from tests.households.factories import HouseholdFactory, stage_records
from tests.programs.delivery.factories import MemberFactory, approve_round, approved_estimate
from tests.programs.factories import make_draft, make_submitted
from tests.reporting.factories import add_activity, add_support, component, make_reporting_plan, open_period
from thoxuan_gnbv.models import Role, User
from thoxuan_gnbv.statuses import CorrectionStatus

# The users of the access table: key → role ("" for the administrator, who is a superuser).
STAFF = {
    "chairman": Role.CHAIRMAN,
    "vice_chairman": Role.VICE_CHAIRMAN,
    "labour": Role.LABOUR_OFFICER,
    "agriculture": Role.AGRICULTURE_OFFICER,
    "culture": Role.CULTURE_OFFICER,
    "health": Role.HEALTH_STATION,
    "accountant": Role.ACCOUNTANT,
    "head1": Role.NEIGHBORHOOD_HEAD,
    "head2": Role.NEIGHBORHOOD_HEAD,
    "front": Role.FATHERLAND_FRONT,
    "upper": Role.UPPER_VIEWER,
    "admin": "",
}


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    clients: dict = field(default_factory=dict)

    def client(self, role: str) -> Client:
        """A client logged in as ``role`` ("anonymous" → nobody; "inactive" → a deactivated officer),
        made once; its session cookie is put back after every request, so a logout ends nothing."""
        if role not in self.clients:
            client = Client()
            if role != "anonymous":
                client.force_login(self.users[role])
            self.clients[role] = (client, client.cookies.get(settings.SESSION_COOKIE_NAME))
        client, session = self.clients[role]
        if session is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = session.value
        return client


def _user(key: str, role: str, **extra) -> User:
    # No password: sessions are forced, and hashing one per user would cost seconds.
    return User.objects.create(username=key, role=role, full_name=key.title(), **extra)


def _people(world: World, commune):
    for key, role in STAFF.items():
        world.users[key] = _user(key, role, commune=commune, is_staff=not role, is_superuser=not role)
    world.users["inactive"] = _user("inactive", Role.LABOUR_OFFICER, commune=commune, is_active=False)
    # The labour officer of another commune: every object here is out of their scope.
    elsewhere = CommuneFactory(code="noi-khac", name="Xã Nơi Khác", issuer_name="XÃ NƠI KHÁC")
    world.users["other"] = _user("other", Role.LABOUR_OFFICER, commune=elsewhere)
    # The province level: a viewer of the commune's province (no role of the access table reaches its
    # pages; the fuzz test of every URL uses this user for them).
    province = Province.objects.create(code="tinh-thu", name="Tỉnh Thử")
    Commune.objects.filter(pk=commune.pk).update(province=province)
    commune.province = province
    world.users["province"] = _user("province", Role.UPPER_VIEWER, province=province)
    kp1 = NeighborhoodFactory(commune=commune, name="Khu phố 1", position=1, head=world.users["head1"])
    NeighborhoodFactory(commune=commune, name="Khu phố 2", position=2, head=world.users["head2"])
    committee = UnitFactory(commune=commune, name="UBND thị trấn Kiểm Thử", kind="ubnd")
    health_unit = UnitFactory(commune=commune, name="Trạm y tế thị trấn", kind="health")
    health_unit.officers.add(world.users["health"])
    return kp1, committee, health_unit


def _registry(world: World, commune, kp1):
    u = world.users
    household = HouseholdFactory(neighborhood=kp1, head_name="Nguyễn Văn An")
    member = MemberFactory(household=household, full_name="Nguyễn Văn An")
    approved = approve_round(commune, datetime.date(2023, 12, 20), {household: Category.POOR}, u["chairman"])
    # The round being recorded now (one unapproved round at a time): the review form and its preview
    # work on it, the labour officer submits it.
    review_round = ReviewRound.objects.create(commune=commune, year=2024, number=1, opened_by=u["labour"])
    meeting, complaint = stage_records(review_round, kp1, household)
    world.objects.update(
        household=household,
        member=member,
        round=review_round,
        approved_round=approved,
        neighborhood=kp1,
        meeting=meeting,
        complaint=complaint,
        entry=review_round.entries.get(household=household),
    )
    world.objects.update(ongoing_requests(kp1, u["labour"]))


def ongoing_requests(neighborhood, officer) -> dict:
    """Three ongoing reviews of khu phố 1: received, surveyed and posted (by the labour officer)."""
    from households.models import RequestKind
    from households.services import ongoing

    made = {}
    for n, name in enumerate(("received_request", "surveyed_request", "posted_request"), start=1):
        household = HouseholdFactory(neighborhood=neighborhood, code=f"KP1-01{n}")
        request = ongoing.review_request_record(
            commune=neighborhood.commune, household=household, kind=RequestKind.RECOGNISE,
            received_on=datetime.date(2025, 3, 10), user=officer,
        )  # fmt: skip
        if name != "received_request":
            request = ongoing.review_request_survey(
                request=request, user=officer, deprivations=[], income=1_500_000,
                surveyed_on=datetime.date(2025, 3, 17),
            )  # fmt: skip
        if name == "posted_request":
            request = ongoing.review_request_post(
                request=request, user=officer, posting_start=datetime.date(2025, 3, 18)
            )
        made[name] = request
    return made


def _plans(world: World, commune, committee, health_unit):
    u = world.users
    plan = make_reporting_plan(
        commune, approver=u["chairman"], author=u["labour"], lead_unit=committee, health_unit=health_unit
    )
    draft = make_draft(commune, u["labour"], committee, year=2025)
    submitted = make_submitted(commune, u["labour"], committee, year=2026)
    nutrition = component(plan, "3.2")
    world.objects.update(
        plan=plan,
        draft_plan=draft,
        submitted_plan=submitted,
        draft_base=draft.legal_bases.get(),
        component=nutrition,
    )
    return plan, nutrition


def _delivery_and_budget(world: World, commune, nutrition):
    u, o = world.users, world.objects
    support = add_support(nutrition, o["household"], on=datetime.date(2024, 3, 1), user=u["health"])
    activity = add_activity(nutrition, on=datetime.date(2024, 3, 2), user=u["health"])
    draft = Estimate.objects.create(
        commune=commune, year=2024, title="Dự toán bổ sung", prepared_by=u["accountant"]
    )
    draft_line = EstimateLine.objects.create(
        estimate=draft, component=nutrition, source=FundingSource.CENTRAL, content="Chi hỗ trợ", amount=1_000
    )
    submitted = Estimate.objects.create(
        commune=commune,
        year=2024,
        title="Dự toán năm 2024",
        prepared_by=u["accountant"],
        status=EstimateStatus.SUBMITTED,
        submitted_by=u["accountant"],
    )
    approved_line = approved_estimate(
        commune, nutrition, amount=5_000_000, accountant=u["accountant"], approver=u["chairman"]
    )
    # A void of the activity asked after the quarter's report was accepted: awaiting the chairman.
    correction = Correction.objects.create(
        commune=commune,
        kind=CorrectedKind.ACTIVITY,
        object_id=activity.pk,
        action=CorrectionAction.VOID,
        reason="Hoạt động ghi trùng với biên bản ngày 02/03/2024",
        object_version=activity.version,
        locked_by="Báo cáo quý I năm 2024",
        status=CorrectionStatus.REQUESTED,
        requested_by=u["health"],
    )
    o.update(
        correction=correction,
        support=support,
        activity=activity,
        draft_estimate=draft,
        draft_line=draft_line,
        submitted_estimate=submitted,
        approved_line=approved_line,
    )


def _reports(world: World, commune, nutrition):
    u, o = world.users, world.objects
    period = open_period(commune, "2024-Q1")
    report = reporting.report_open(period=period, component=nutrition, user=u["health"])
    reporting.report_update(
        report=report, user=u["health"], results="Đã cấp 20 suất.", problems="", proposals=""
    )
    report = reporting.report_submit(report=report, user=u["health"])
    compiled = reporting.compiled_open(period=period, user=u["labour"])
    compiled = reporting.compiled_update(
        compiled=compiled,
        user=u["labour"],
        general_situation="Ổn định.",
        steering="Đã ban hành kế hoạch, phân công đơn vị chủ trì.",
        problems="Không có.",
        proposals="Không có.",
    )
    compiled = reporting.compiled_submit(compiled=compiled, user=u["labour"])
    job = DocumentJob.objects.create(
        compiled_report=compiled,
        status=DocumentJob.Status.DONE,
        progress=100,
        content=b"%PDF-1.7\n",
        requested_by=u["labour"],
    )
    o.update(period=period, report=report, compiled=compiled, job=job)


def build_world() -> World:
    cache.clear()
    world = World()
    commune = CommuneFactory(code="kiem-thu", name="Thị trấn Kiểm Thử", issuer_name="THỊ TRẤN KIỂM THỬ")
    kp1, committee, health_unit = _people(world, commune)
    _registry(world, commune, kp1)
    _plan, nutrition = _plans(world, commune, committee, health_unit)
    _delivery_and_budget(world, commune, nutrition)
    _reports(world, commune, nutrition)
    # The worker's job after the 2023 approval: the result tables' figures, which their downloads'
    # size decision reads (uncounted, a download would go to the worker).
    current_tables_figures(commune, 2023)
    world.objects["commune"] = commune
    return world
