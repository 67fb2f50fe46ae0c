"""Plans with a reporting regime, unit reports and compiled reports for the reporting tests.

Builds on the delivery tests' factories (plan components, households, review rounds, budget)."""

import datetime

from django.utils import timezone

from programs.models import PlanComponent, PlanStatus, ReportingRule
from reporting import services
from reporting.periods import parse_period
from tests.programs.delivery.factories import NINE_COMPONENTS, make_plan
from thoxuan_gnbv.models import Role

# Section VII of the 2024 plan: quarterly before the 15th of the quarter's last month, 6-month
# before 20/6, annual before 10/12.
RULES_2024 = {
    "Q1": datetime.date(2024, 3, 15),
    "Q2": datetime.date(2024, 6, 15),
    "H1": datetime.date(2024, 6, 20),
    "Q3": datetime.date(2024, 9, 15),
    "Q4": datetime.date(2024, 12, 15),
    "YEAR": datetime.date(2024, 12, 10),
}


def make_reporting_plan(commune, *, approver, author, lead_unit, health_unit=None, rules=None, year=2024):
    """An approved plan of ``year`` with the nine components of the real plan (Dự án 3 TDA 2 led by
    ``health_unit`` when given) and the reporting rules ``rules`` (the 2024 regime by default)."""
    plan = make_plan(
        commune, year=year, approved=False, approver=approver, author=author, lead_unit=lead_unit
    )
    if health_unit is not None:
        codes = dict(NINE_COMPONENTS)
        for component in plan.components.select_related("project", "subproject"):
            if codes.get(component.code) == Role.HEALTH_STATION:
                component.lead_unit = health_unit
                component.save()
    for code, due in (rules or RULES_2024).items():
        ReportingRule.objects.create(
            plan=plan, period=code, due_date=due.replace(year=year), recipients="UBND thị trấn"
        )
    plan.status = PlanStatus.APPROVED
    plan.approved_by = approver
    plan.approved_at = timezone.now()
    plan.save()
    return plan


def component(plan, code: str) -> PlanComponent:
    return next(
        c for c in plan.components.select_related("project", "subproject", "lead_unit") if c.code == code
    )


def open_period(commune, slug: str):
    return services.period_open(commune=commune, period=parse_period(slug))


def add_support(
    component, household, *, on, user, member=None, support_type="nutrition", amount=100_000, basis="poor"
):
    """A support record written straight to the table (the figures only aggregate it)."""
    from programs.models import Support

    return Support.objects.create(
        component=component,
        household=household,
        member=member,
        support_type=support_type,
        description="Hỗ trợ",
        unit="suất",
        central_amount=amount,
        supported_on=on,
        eligibility_basis=basis,
        recorded_by=user,
    )


def add_activity(
    component, *, on, user, participants=30, women=10, poor=5, ethnic=2, activity_type="training"
):
    from programs.models import Activity

    return Activity.objects.create(
        component=component,
        activity_type=activity_type,
        title="Tập huấn",
        held_on=on,
        place="Hội trường",
        participants=participants,
        participants_women=women,
        participants_poor=poor,
        participants_ethnic_minority=ethnic,
        recorded_by=user,
    )


def status(client_for, user, url, method="get", data=None):
    client = client_for(user)
    response = getattr(client, method)(url, data or {})
    return response.status_code, response
