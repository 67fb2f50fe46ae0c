"""``manage.py seed_demo`` (what ``make run`` calls): the real 2024 plan, a user per role, the generated
registry, and nothing added or changed in number on a second run."""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from demo import plan_2024
from demo.merger_2025 import SAMPLES
from demo.plan_parts_2024 import ASSIGNMENTS, COMPONENT_LEADS, LEGAL_BASES, RECIPIENTS, REPORTING_RULES
from demo.registry import HOUSEHOLD_COUNT
from demo.users import ADMIN_USERNAME, DEMO_PASSWORD, DEMO_USERS
from households.models import Commune, CommuneMerger, Household, Review, ReviewRound, RoundStatus
from households.queries import movement_table
from households.services.identity import identity_on
from programs.models import Plan, PlanStatus, TargetMetric
from reporting.models import CompiledReport, Report
from thoxuan_gnbv.models import Role, User

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"thoxuan_gnbv", "households", "programs", "reporting"}


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    # Derived tables kept by the database (the search word pairs) exist on PostgreSQL only.
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and model._meta.db_table in tables
    }


def test_a_second_run_changes_no_counts():
    seed()
    first = row_counts()
    seed()
    assert row_counts() == first
    # Thọ Xuân's households and the generated ones of the three communes merged with it in 2025.
    assert first["households.Household"] == HOUSEHOLD_COUNT + sum(row[-1] for row in SAMPLES)
    assert first["programs.Plan"] == 1


def test_the_real_2024_plan_is_loaded_approved_with_every_section_and_its_target():
    seed()
    commune = Commune.objects.get(code="tho-xuan")
    plan = Plan.objects.get(commune=commune, year=2024)
    assert plan.status == PlanStatus.APPROVED
    assert plan.title == plan_2024.TITLE
    sections = {
        "purpose": plan_2024.PURPOSE,
        "requirements": plan_2024.REQUIREMENTS,
        "general_goal": plan_2024.GENERAL_GOAL,
        "funding": plan_2024.FUNDING,
        "main_solutions": plan_2024.MAIN_SOLUTIONS,
        "reporting_regime": plan_2024.REPORTING_REGIME,
        "closing": plan_2024.CLOSING,
    }
    assert {field: getattr(plan, field) for field in sections} == sections
    assert (plan.signer_authority, plan.signer_title, plan.signer_name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Thái Xuân Kiên",
    )
    codes = [component.code for component in plan.components.select_related("project", "subproject")]
    assert codes == ["2", "3.1", "3.2", "4.1", "4.3", "6.1", "6.2", "7.1", "7.2"]
    assert len(codes) == len(COMPONENT_LEADS) == len(plan_2024.COMPONENT_TEXTS)
    assert plan.legal_bases.count() == len(LEGAL_BASES)
    assert plan.assignments.count() == len(ASSIGNMENTS)
    assert plan.reporting_rules.count() == len(REPORTING_RULES)
    assert list(plan.recipients.values_list("name", flat=True)) == RECIPIENTS
    # Section II: reduce 8 poor households — 2 without labour capacity, 6 with.
    target = plan.targets.get()
    assert (target.action, target.quantity, target.unit) == ("Giảm", 8, "hộ nghèo")
    assert target.metric == TargetMetric.POOR_HOUSEHOLDS_REDUCED
    lines = {line.metric: line.quantity for line in target.lines.all()}
    assert lines == {TargetMetric.WITHOUT_LABOUR_CAPACITY: 2, TargetMetric.WITH_LABOUR_CAPACITY: 6}


def test_every_role_has_its_demo_user_and_the_rest_of_the_demo_is_there():
    output = seed()
    for username, role, full_name, _position in DEMO_USERS:
        user = User.objects.get(username=username)
        assert (user.role, user.full_name) == (role, full_name)
        assert user.check_password(DEMO_PASSWORD)
        assert username in output
    assert {role for _, role, _, _ in DEMO_USERS} == set(Role.values)
    admin = User.objects.get(username=ADMIN_USERNAME)
    assert admin.is_superuser and admin.check_password(DEMO_PASSWORD)
    # The rest of the demo: rounds 2022–2024, supports, reports and the approved compiled Q1 report.
    # (Supplementary rounds of ongoing reviews, number ≥ 2, are checked in tests/demo/test_ongoing_2025.py.)
    rounds = ReviewRound.objects.filter(commune__code="tho-xuan", number=1).order_by("year")
    assert [(r.year, r.status) for r in rounds] == [
        (year, RoundStatus.APPROVED) for year in (2022, 2023, 2024)
    ]
    assert Household.objects.filter(supports__isnull=False).exists()
    assert Report.objects.count() > 0
    assert CompiledReport.objects.get(period__code="Q1").document_number


def test_the_2025_merger_is_recorded_unconfirmed_with_sample_communes_and_thi_tran_data_kept():
    seed()
    successor = Commune.objects.get(code="xa-tho-xuan")
    merger = CommuneMerger.objects.get(successor=successor)
    assert (merger.effective_on, merger.resolution_number, merger.confirmed) == (
        datetime.date(2025, 7, 1),
        "1686/NQ-UBTVQH15",
        False,
    )
    assert "Cần xác nhận" in merger.note
    codes = set(merger.predecessors.values_list("code", flat=True))
    assert codes == {"tho-xuan", "xuan-hong", "xuan-truong", "xuan-giang"}
    samples = Commune.objects.filter(code__in=["xuan-hong", "xuan-truong", "xuan-giang"])
    assert all(name.endswith("(dữ liệu mẫu)") for name in samples.values_list("name", flat=True))
    # The sample households moved to xã Thọ Xuân; Thọ Xuân's own stayed where the demo users work.
    assert Household.objects.filter(commune=successor).count() == sum(row[-1] for row in SAMPLES)
    township = Commune.objects.get(code="tho-xuan")
    assert Household.objects.filter(commune=township).count() == HOUSEHOLD_COUNT
    assert User.objects.get(username="laodong").commune == township
    # The township's name ends the day before; xã Thọ Xuân starts on the date.
    assert identity_on(township, datetime.date(2025, 6, 30)).issuer_name == "THỊ TRẤN THỌ XUÂN"
    assert identity_on(successor, datetime.date(2025, 7, 1)).issuer_name == "XÃ THỌ XUÂN"
    assert township.identities.get().valid_to == datetime.date(2025, 6, 30)
    # Xã Thọ Xuân's 2025 start is the sum of the sample communes' approved 2024 poor households.
    poor_2024 = Review.objects.filter(
        round__commune__in=samples, round__status=RoundStatus.APPROVED, year=2024, category="poor"
    ).count()
    assert poor_2024 > 0
    assert movement_table(successor, 2025)[-1].start == poor_2024
