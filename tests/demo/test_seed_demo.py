"""``manage.py seed_demo`` (what ``make run`` calls): the real 2024 plan, a user per role, the generated
registry, and nothing added or changed in number on a second run."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from demo import plan_2024
from demo.plan_parts_2024 import ASSIGNMENTS, COMPONENT_LEADS, LEGAL_BASES, RECIPIENTS, REPORTING_RULES
from demo.registry import HOUSEHOLD_COUNT
from demo.users import ADMIN_USERNAME, DEMO_PASSWORD, DEMO_USERS
from households.models import Commune, Household, ReviewRound, RoundStatus
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
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
    }


def test_a_second_run_changes_no_counts():
    seed()
    first = row_counts()
    seed()
    assert row_counts() == first
    assert first["households.Household"] == HOUSEHOLD_COUNT
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
