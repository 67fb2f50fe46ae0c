"""Allocations and estimates (submit / return / approve, frozen, logged); disbursements are in
``test_disbursement_service.py``."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programs.messages import budget as msg
from programs.models import Allocation, Estimate, EstimateLine, EstimateStatus, FundingSource
from programs.services.budget import (
    allocation_record,
    estimate_approve,
    estimate_create,
    estimate_line_add,
    estimate_line_remove,
    estimate_return,
    estimate_submit,
)
from tests.programs.delivery.factories import make_plan

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 4, 10)


def test_accountant_records_an_allocation_with_its_decision(components, accountant):
    allocation = allocation_record(
        component=components["3.1"],
        source=FundingSource.CENTRAL,
        amount="150.000.000",
        decision_number="03/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 10),
        user=accountant,
    )
    assert allocation.amount == 150_000_000
    assert allocation.history.count() == 1


def test_only_the_accountant_records_allocations(components, labour_officer):
    with pytest.raises(ValidationError) as caught:
        allocation_record(
            component=components["3.1"],
            source=FundingSource.LOCAL,
            amount=1,
            decision_number="1",
            decision_date=DAY,
            user=labour_officer,
        )
    assert caught.value.messages == [msg.ALLOCATION_NOT_ALLOWED]
    assert not Allocation.objects.exists()


def test_estimate_goes_draft_submitted_approved(estimate, accountant, chairman):
    estimate_submit(estimate=estimate, user=accountant)
    estimate.refresh_from_db()
    assert estimate.status == EstimateStatus.SUBMITTED
    estimate_approve(estimate=estimate, user=chairman)
    estimate.refresh_from_db()
    assert estimate.status == EstimateStatus.APPROVED
    assert estimate.approved_by == chairman
    assert [h.status for h in estimate.history.order_by("history_id")][-3:] == [
        "draft",
        "submitted",
        "approved",
    ]


def test_vice_chairman_may_approve_but_not_the_accountant(estimate, accountant, vice_chairman):
    estimate_submit(estimate=estimate, user=accountant)
    with pytest.raises(ValidationError) as caught:
        estimate_approve(estimate=estimate, user=accountant)
    assert caught.value.messages == [msg.ESTIMATE_APPROVE_NOT_ALLOWED]
    estimate_approve(estimate=estimate, user=vice_chairman)
    estimate.refresh_from_db()
    assert estimate.is_approved


def test_second_approval_is_refused(estimate, accountant, chairman, vice_chairman):
    estimate_submit(estimate=estimate, user=accountant)
    estimate_approve(estimate=estimate, user=chairman)
    with pytest.raises(ValidationError) as caught:
        estimate_approve(estimate=estimate, user=vice_chairman)
    assert caught.value.code == "already_approved"
    estimate.refresh_from_db()
    assert estimate.approved_by == chairman


def test_returned_estimate_needs_a_reason_and_can_be_edited_again(estimate, accountant, chairman, components):
    estimate_submit(estimate=estimate, user=accountant)
    with pytest.raises(ValidationError) as caught:
        estimate_return(estimate=estimate, comment="  ", user=chairman)
    assert caught.value.message_dict["comment"] == [msg.ESTIMATE_RETURN_NEEDS_REASON]
    estimate_return(estimate=estimate, comment="Tách riêng nguồn địa phương", user=chairman)
    estimate.refresh_from_db()
    assert estimate.status == EstimateStatus.RETURNED
    allocation_record(
        component=components["3.1"],
        source=FundingSource.LOCAL,
        amount=10_000_000,
        decision_number="05/QĐ-UBND",
        decision_date=datetime.date(2024, 2, 1),
        user=accountant,
    )
    estimate_line_add(
        estimate=estimate,
        component=components["3.1"],
        source=FundingSource.LOCAL,
        content="Đối ứng ngân sách thị trấn",
        amount=10_000_000,
        user=accountant,
    )
    assert estimate.lines.count() == 2


def test_submitted_estimate_is_not_edited(estimate, accountant, components):
    estimate_submit(estimate=estimate, user=accountant)
    with pytest.raises(ValidationError) as caught:
        estimate_line_add(
            estimate=estimate,
            component=components["2"],
            source=FundingSource.CENTRAL,
            content="x",
            amount=1,
            user=accountant,
        )
    assert caught.value.messages == [msg.ESTIMATE_NOT_EDITABLE]


def test_empty_estimate_cannot_be_submitted(commune, accountant, components):
    empty = estimate_create(commune=commune, year=2024, title="Trống", user=accountant)
    with pytest.raises(ValidationError) as caught:
        estimate_submit(estimate=empty, user=accountant)
    assert caught.value.messages == [msg.ESTIMATE_EMPTY]


def test_approved_estimate_is_frozen_by_every_path(estimate, accountant, chairman, components):
    estimate_submit(estimate=estimate, user=accountant)
    estimate_approve(estimate=estimate, user=chairman)
    line = estimate.lines.get()
    # The service
    with pytest.raises(ValidationError) as caught:
        estimate_line_add(
            estimate=estimate,
            component=components["3.1"],
            source=FundingSource.CENTRAL,
            content="Thêm",
            amount=1,
            user=accountant,
        )
    assert caught.value.messages == [msg.ESTIMATE_FROZEN]
    with pytest.raises(ValidationError):
        estimate_line_remove(line=line, user=accountant)
    # Model save/delete (what the admin and any other code path use)
    stored = Estimate.objects.get(pk=estimate.pk)
    stored.title = "Sửa sau phê duyệt"
    with pytest.raises(ValidationError):
        stored.save()
    with pytest.raises(ValidationError):
        stored.delete()
    line.amount = 999_000_000
    with pytest.raises(ValidationError):
        line.save()
    with pytest.raises(ValidationError):
        EstimateLine(
            estimate=estimate, component=components["2"], source="local", content="x", amount=5
        ).save()
    line.refresh_from_db()
    assert line.amount == 120_000_000
    assert Estimate.objects.get(pk=estimate.pk).title == "Dự toán chi Chương trình năm 2024"


def test_approved_status_without_approver_is_refused_by_the_database(commune, accountant):
    with pytest.raises(IntegrityError), transaction.atomic():
        Estimate.objects.create(
            commune=commune, year=2024, title="x", prepared_by=accountant, status="approved"
        )


def test_estimate_line_must_use_a_component_of_that_years_approved_plan(
    commune, plan, other_commune, chairman, labour_officer, accountant
):
    other_plan = make_plan(other_commune, approver=chairman, author=labour_officer)
    estimate = estimate_create(commune=commune, year=2024, title="Dự toán", user=accountant)
    with pytest.raises(ValidationError) as caught:
        estimate_line_add(
            estimate=estimate,
            component=other_plan.components.first(),
            source=FundingSource.CENTRAL,
            content="x",
            amount=1,
            user=accountant,
        )
    assert caught.value.message_dict["component"] == [msg.LINE_COMPONENT_OTHER_PLAN.format(year=2024)]


# --- the workflow core: submitter, four-eyes and the log -----------------------------------------


def test_every_step_of_an_estimate_is_logged(estimate, accountant, chairman):
    from programs.models import EstimateTransition

    estimate_submit(estimate=estimate, user=accountant)
    estimate_return(estimate=estimate, comment="Bổ sung căn cứ chi", user=chairman)
    estimate_submit(estimate=estimate, user=accountant)
    estimate_approve(estimate=estimate, user=chairman)
    steps = list(
        EstimateTransition.objects.filter(estimate=estimate)
        .order_by("at", "pk")
        .values_list("from_status", "to_status", "actor", "comment")
    )
    assert steps == [
        ("", EstimateStatus.DRAFT, accountant.pk, ""),
        (EstimateStatus.DRAFT, EstimateStatus.SUBMITTED, accountant.pk, ""),
        (EstimateStatus.SUBMITTED, EstimateStatus.RETURNED, chairman.pk, "Bổ sung căn cứ chi"),
        (EstimateStatus.RETURNED, EstimateStatus.SUBMITTED, accountant.pk, ""),
        (EstimateStatus.SUBMITTED, EstimateStatus.APPROVED, chairman.pk, ""),
    ]


def test_submitting_an_estimate_records_who_submitted(estimate, accountant):
    submitted = estimate_submit(estimate=estimate, user=accountant)
    assert submitted.submitted_by == accountant and submitted.submitted_at is not None


def test_an_estimate_submitted_by_the_chairman_is_not_approved_by_them(estimate, chairman, vice_chairman):
    from thoxuan_gnbv import messages as workflow_messages

    # An estimate reaching the chairman's desk in their own name (e.g. keyed in by the admin).
    Estimate.objects.filter(pk=estimate.pk).update(status=EstimateStatus.SUBMITTED, submitted_by=chairman)
    with pytest.raises(ValidationError) as caught:
        estimate_approve(estimate=estimate, user=chairman)
    assert caught.value.messages == [workflow_messages.FOUR_EYES]
    with pytest.raises(ValidationError):
        estimate_return(estimate=estimate, comment="Tự trả lại", user=chairman)
    assert estimate_approve(estimate=estimate, user=vice_chairman).approved_by == vice_chairman


def test_approving_clears_the_reason_of_an_earlier_return(estimate, accountant, chairman):
    estimate_submit(estimate=estimate, user=accountant)
    estimate_return(estimate=estimate, comment="Thiếu dòng", user=chairman)
    estimate_submit(estimate=estimate, user=accountant)
    approved = estimate_approve(estimate=estimate, user=chairman)
    assert approved.return_comment == "" and Estimate.objects.get(pk=estimate.pk).return_comment == ""


def test_submitting_a_submitted_estimate_is_refused(estimate, accountant):
    estimate_submit(estimate=estimate, user=accountant)
    with pytest.raises(ValidationError) as caught:
        estimate_submit(estimate=estimate, user=accountant)
    assert caught.value.messages == [msg.ESTIMATE_NOT_EDITABLE]


def test_returning_a_draft_estimate_is_refused(estimate, chairman):
    with pytest.raises(ValidationError) as caught:
        estimate_return(estimate=estimate, comment="Chưa trình", user=chairman)
    assert caught.value.messages == [msg.ESTIMATE_NOT_SUBMITTED]
    assert Estimate.objects.get(pk=estimate.pk).status == EstimateStatus.DRAFT
