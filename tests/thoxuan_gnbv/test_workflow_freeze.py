"""The workflow's freeze guard and its declared exceptions: the issue step, bulk writes, parts and
grandchildren of a frozen document, running totals, seeding and raw saves."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from programs import messages as plan_messages
from programs.messages import budget as delivery_messages
from programs.models import (
    Estimate,
    EstimateLine,
    EstimateStatus,
    Plan,
    PlanStatus,
    PlanTransition,
    Target,
    TargetLine,
)
from programs.services import plans as plan_services
from tests.programs.factories import make_approved, make_draft
from thoxuan_gnbv import workflow


@pytest.fixture
def approved(commune, labour_officer, chairman, peoples_committee):
    return make_approved(commune, labour_officer, chairman, peoples_committee)


@pytest.mark.django_db
def test_issuing_is_the_one_write_an_approved_plan_takes(approved, labour_officer):
    plan = plan_services.plan_issue(
        plan=approved, user=labour_officer, document_number="45", issued_on=timezone.localdate()
    )
    stored = Plan.objects.get(pk=plan.pk)
    assert (stored.status, stored.document_number) == (PlanStatus.ISSUED, "45")
    assert PlanTransition.objects.filter(plan=plan, to_status=PlanStatus.ISSUED).count() == 1


@pytest.mark.django_db
def test_issuing_cannot_carry_another_change(approved, labour_officer):
    with pytest.raises(ValidationError) as error:
        workflow.transition(
            approved,
            to=PlanStatus.ISSUED,
            user=labour_officer,
            changes={"document_number": "45", "issued_on": timezone.localdate(), "title": "Đổi tên"},
        )
    assert error.value.messages == [plan_messages.PLAN_FROZEN]
    assert Plan.objects.get(pk=approved.pk).status == PlanStatus.APPROVED


@pytest.mark.django_db
def test_an_issued_plan_takes_no_further_write(approved, labour_officer):
    plan = plan_services.plan_issue(
        plan=approved, user=labour_officer, document_number="45", issued_on=timezone.localdate()
    )
    plan.document_number = "46"
    with pytest.raises(ValidationError):
        plan.save()
    with pytest.raises(ValidationError):
        Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.ISSUED, document_number="47")
    assert Plan.objects.get(pk=plan.pk).document_number == "45"


@pytest.mark.django_db
def test_bulk_issue_is_allowed_with_number_and_date_only(approved):
    today = timezone.localdate()
    assert (
        Plan.objects.filter(pk=approved.pk).update(
            status=PlanStatus.ISSUED, document_number="9", issued_on=today
        )
        == 1
    )
    assert Plan.objects.get(pk=approved.pk).status == PlanStatus.ISSUED


@pytest.mark.django_db
def test_bulk_issue_with_another_field_is_refused(approved):
    with pytest.raises(ValidationError):
        Plan.objects.filter(pk=approved.pk).update(
            status=PlanStatus.ISSUED, document_number="9", issued_on=timezone.localdate(), title="Khác"
        )


@pytest.mark.django_db
def test_bulk_number_without_the_issue_step_is_refused(approved):
    with pytest.raises(ValidationError):
        Plan.objects.filter(pk=approved.pk).update(document_number="9")


@pytest.mark.django_db
def test_parts_of_a_draft_move_freely(commune, labour_officer, peoples_committee):
    plan = make_draft(commune, labour_officer, peoples_committee)
    target = plan.targets.get()
    assert TargetLine.objects.filter(target=target).update(quantity=1) == 2
    assert Target.objects.filter(plan=plan).update(quantity=3) == 1


@pytest.mark.django_db
def test_grandchildren_are_frozen_through_the_parent_path(approved):
    line = TargetLine.objects.filter(target__plan=approved).first()
    line.quantity = 1
    with pytest.raises(ValidationError) as error:
        line.save()
    assert error.value.messages == [plan_messages.PLAN_FROZEN]
    with pytest.raises(ValidationError):
        TargetLine.objects.filter(pk=line.pk).update(quantity=1)


@pytest.mark.django_db
def test_partner_units_of_a_frozen_component_are_frozen(approved, peoples_committee):
    component = approved.components.first()
    with pytest.raises(ValidationError), transaction.atomic():
        component.partner_units.add(peoples_committee)
    assert not component.partner_units.exists()


@pytest.mark.django_db
def test_a_part_cannot_be_moved_into_a_frozen_plan(approved, commune, labour_officer, peoples_committee):
    other = make_draft(commune, labour_officer, peoples_committee, year=2025)
    recipient = other.recipients.get()
    recipient.plan = approved
    with pytest.raises(ValidationError):
        recipient.save()


@pytest.mark.django_db
def test_a_part_cannot_be_moved_out_of_a_frozen_plan(approved, commune, labour_officer, peoples_committee):
    other = make_draft(commune, labour_officer, peoples_committee, year=2025)
    recipient = approved.recipients.get()
    recipient.plan = other
    with pytest.raises(ValidationError):
        recipient.save()
    assert approved.recipients.count() == 1


@pytest.mark.django_db
def test_the_running_total_of_an_approved_estimate_line_still_moves(commune, accountant, chairman, approved):
    estimate = Estimate.objects.create(commune=commune, year=2024, title="Dự toán", prepared_by=accountant)
    line = EstimateLine.objects.create(
        estimate=estimate, component=approved.components.first(), source="central", content="Chi", amount=100
    )
    Estimate.objects.filter(pk=estimate.pk).update(
        status=EstimateStatus.APPROVED, approved_by=chairman, approved_at=timezone.now()
    )
    assert EstimateLine.objects.filter(pk=line.pk).update(disbursed_amount=40) == 1
    line.refresh_from_db()
    line.disbursed_amount = 50
    line.save()
    assert EstimateLine.objects.get(pk=line.pk).disbursed_amount == 50
    with pytest.raises(ValidationError) as error:
        EstimateLine.objects.filter(pk=line.pk).update(amount=1_000)
    assert error.value.messages == [delivery_messages.ESTIMATE_FROZEN]
    line.amount = 1_000
    with pytest.raises(ValidationError):
        line.save()
    with pytest.raises(ValidationError):
        line.delete()


@pytest.mark.django_db
def test_seeding_works_as_a_decorator(approved):
    @workflow.seeding()
    def backdate():
        Plan.objects.filter(pk=approved.pk).update(approved_at=timezone.now() - datetime.timedelta(days=30))

    backdate()
    assert Plan.objects.get(pk=approved.pk).approved_at < timezone.now() - datetime.timedelta(days=29)
    with pytest.raises(ValidationError):
        Plan.objects.filter(pk=approved.pk).update(approved_at=timezone.now())


@pytest.mark.django_db
def test_raw_save_base_skips_the_guard(approved):
    approved.title = "Khôi phục từ bản sao lưu"
    approved.save_base(raw=True)
    assert Plan.objects.get(pk=approved.pk).title == "Khôi phục từ bản sao lưu"


@pytest.mark.django_db
def test_creating_a_document_already_in_a_frozen_status_is_not_blocked(commune, chairman, accountant):
    estimate = Estimate.objects.create(
        commune=commune,
        year=2024,
        title="Nhập từ hệ thống cũ",
        prepared_by=accountant,
        status=EstimateStatus.APPROVED,
        approved_by=chairman,
        approved_at=timezone.now(),
    )
    assert (
        estimate.is_frozen
        and Estimate.objects.filter(pk=estimate.pk, status=EstimateStatus.APPROVED).exists()
    )
