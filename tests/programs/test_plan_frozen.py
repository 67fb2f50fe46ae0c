"""An approved plan is frozen by every path: services, model save and delete, bulk QuerySet writes and the
database's own constraints; a draft still accepts them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from programs.messages import plans as messages
from programs.models import Plan, PlanStatus, Target
from programs.services import plan_parts as part_services
from programs.services import plans as services


def test_services_refuse_every_change_to_an_approved_plan(approved_plan, labour_officer):
    part = approved_plan.components.first()
    attempts = [
        lambda: services.plan_update(plan=approved_plan, user=labour_officer, general_goal="X"),
        lambda: part_services.plan_part_save(part=part, user=labour_officer),
        lambda: part_services.plan_part_delete(part=part, user=labour_officer),
        lambda: part_services.plan_part_move(part=part, direction="down", user=labour_officer),
        lambda: part_services.target_save(target=approved_plan.targets.get(), lines=[], user=labour_officer),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.messages == [messages.PLAN_FROZEN]
    assert Plan.objects.get(pk=approved_plan.pk).general_goal != "X"
    assert approved_plan.components.count() == 1


def test_models_refuse_saving_or_deleting_an_approved_plan_or_its_parts(approved_plan, health_unit):
    approved_plan.general_goal = "Sửa lén"
    with pytest.raises(ValidationError):
        approved_plan.save()
    with pytest.raises(ValidationError):
        Plan.objects.get(pk=approved_plan.pk).delete()
    component = approved_plan.components.first()
    with pytest.raises(ValidationError):
        component.save()
    with pytest.raises(ValidationError):
        component.delete()
    with pytest.raises(ValidationError), transaction.atomic():
        component.partner_units.add(health_unit)
    line = approved_plan.targets.get().lines.first()
    line.quantity = 7
    with pytest.raises(ValidationError):
        line.save()
    assert Plan.objects.get(pk=approved_plan.pk).general_goal != "Sửa lén"
    assert not component.partner_units.exists()


def test_an_issued_plan_accepts_no_further_change(approved_plan, labour_officer):
    plan = services.plan_issue(
        plan=approved_plan, user=labour_officer, document_number="45", issued_on=timezone.localdate()
    )
    plan.document_number = "46"
    with pytest.raises(ValidationError):
        plan.save()
    assert Plan.objects.get(pk=plan.pk).document_number == "45"


def test_database_refuses_an_approved_status_without_approver(draft_plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=draft_plan.pk).update(status=PlanStatus.APPROVED)


def test_database_refuses_an_issued_status_without_number(approved_plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=approved_plan.pk).update(status=PlanStatus.ISSUED)


def test_database_refuses_a_negative_target(draft_plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.filter(plan=draft_plan).update(quantity=-1)


def test_bulk_writes_on_an_approved_plan_are_refused(approved_plan):
    attempts = [
        lambda: Plan.objects.filter(pk=approved_plan.pk).update(title="Sửa hàng loạt"),
        lambda: Plan.objects.filter(pk=approved_plan.pk).update(status=PlanStatus.DRAFT),
        lambda: Plan.objects.filter(pk=approved_plan.pk).delete(),
        lambda: approved_plan.components.all().delete(),
        lambda: approved_plan.recipients.update(name="Khác"),
        lambda: Target.objects.filter(plan=approved_plan).update(quantity=1),
        lambda: approved_plan.targets.get().lines.all().delete(),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.messages == [messages.PLAN_FROZEN]
    approved_plan.refresh_from_db()
    assert approved_plan.title != "Sửa hàng loạt" and approved_plan.status == PlanStatus.APPROVED
    assert approved_plan.components.count() == 1 and approved_plan.targets.get().lines.count() == 2


def test_bulk_writes_on_a_draft_still_work(draft_plan):
    assert Plan.objects.filter(pk=draft_plan.pk).update(general_goal="Mới") == 1
    assert draft_plan.recipients.all().delete()[0] == 1
