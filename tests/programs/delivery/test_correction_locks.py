"""Which approved report used a recorded row (``programs.period_locks`` answered by ``reporting.locks``):
a unit report accepted locks its own component's rows of its period; budget rows count from 1 January
to the period's end; a compiled report approved locks every component; drafts lock nothing."""

import datetime

import pytest
from django.utils import timezone

from programs.period_locks import approved_report_using
from reporting.models import CompiledReport, ReportingPeriod
from tests.programs.delivery.test_corrections_service import Q2, accepted_report
from thoxuan_gnbv.statuses import CompiledStatus
from thoxuan_gnbv.workflow import seeding

pytestmark = pytest.mark.django_db
MAY, FEB, AUG = datetime.date(2024, 5, 10), datetime.date(2024, 2, 10), datetime.date(2024, 8, 1)


def used(plan, component, day, cumulative=False) -> str:
    return approved_report_using(
        commune_id=plan.commune_id, component_id=component.pk, on_date=day, cumulative=cumulative
    )


def test_an_accepted_unit_report_locks_its_component_within_its_period(
    plan, components, chairman, labour_officer
):
    accepted_report(plan, components["3.1"], chairman, labour_officer)
    assert used(plan, components["3.1"], MAY) == "Báo cáo quý II năm 2024 của đơn vị (đã tiếp nhận)"
    assert used(plan, components["3.2"], MAY) == ""  # another component's report
    assert used(plan, components["3.1"], FEB) == ""  # support of quý I is not in quý II's figures
    assert used(plan, components["3.1"], FEB, cumulative=True)  # budget is year-to-date
    assert used(plan, components["3.1"], AUG, cumulative=True) == ""


def test_an_approved_compiled_report_locks_every_component_and_a_draft_none(
    plan, components, chairman, labour_officer
):
    period = ReportingPeriod.objects.create(
        commune=plan.commune,
        plan=plan,
        year=2024,
        code="Q2",
        start_date=Q2[0],
        end_date=Q2[1],
        due_date=datetime.date(2024, 6, 20),
    )
    compiled = CompiledReport.objects.create(period=period, compiled_by=labour_officer)
    assert used(plan, components["4.1"], MAY) == ""
    with seeding():
        CompiledReport.objects.filter(pk=compiled.pk).update(
            status=CompiledStatus.APPROVED,
            approved_by=chairman,
            approved_at=timezone.now(),
            submitted_by=labour_officer,
            submitted_at=timezone.now(),
            document_number="15",
            issued_on=datetime.date(2024, 7, 2),
        )
    assert used(plan, components["4.1"], MAY) == "Báo cáo tổng hợp quý II năm 2024 (số 15/BC-UBND)"
