"""Corrections of recorded support, activities, allocations and disbursements: a required reason, the
recorder's role, old → new kept, stale edits refused, a soft void that leaves every figure, and — once an
approved report used the row — a request the chairman approves or refuses (never the requester)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programs.messages import budget as budget_msg
from programs.messages import corrections as msg
from programs.models import Allocation, CorrectedKind, Correction, EstimateLine, FundingSource, Support
from programs.queries.budget import budget_table
from programs.services.budget import allocation_record, disbursement_record
from programs.services.corrections import (
    correction_approve,
    correction_edit,
    correction_refuse,
    correction_void,
)
from reporting.figures.reports import component_figures
from reporting.models import Report, ReportingPeriod
from tests.programs.delivery.factories import approved_estimate
from thoxuan_gnbv.statuses import CorrectionStatus, ReportStatus
from thoxuan_gnbv.workflow import seeding

pytestmark = pytest.mark.django_db
Q2 = (datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))
REASON = "Nhập nhầm số tiền theo phiếu chi"


def accepted_report(plan, component, chairman, labour_officer):
    """The unit report of Q2 2024 for ``component``, accepted (its figures now stand)."""
    period = ReportingPeriod.objects.create(
        commune=plan.commune,
        plan=plan,
        year=2024,
        code="Q2",
        start_date=Q2[0],
        end_date=Q2[1],
        due_date=datetime.date(2024, 6, 20),
    )
    now = timezone.now()
    with seeding():
        return Report.objects.create(
            period=period,
            component=component,
            lead_unit=component.lead_unit,
            status=ReportStatus.ACCEPTED,
            created_by=labour_officer,
            submitted_by=labour_officer,
            submitted_at=now,
            accepted_by=chairman,
            accepted_at=now,
        )


def test_an_edit_in_an_open_period_is_applied_with_old_and_new_and_reason(support, agriculture_officer):
    correction = correction_edit(
        kind="support",
        obj=support,
        values={"central_amount": 1_500_000, "unit": "kg"},
        reason=REASON,
        user=agriculture_officer,
        version=support.version,
    )
    support.refresh_from_db()
    assert support.central_amount == 1_500_000 and support.unit == "kg"
    assert correction.status == CorrectionStatus.APPLIED and correction.reason == REASON
    assert [(c["label"], c["old"], c["new"]) for c in correction.changes] == [
        ("Đơn vị tính", "con", "kg"),
        ("Ngân sách trung ương (đồng)", "1.000.000 đ", "1.500.000 đ"),
    ] or [(c["label"], c["old"], c["new"]) for c in correction.changes] == [
        ("Ngân sách trung ương (đồng)", "1.000.000 đ", "1.500.000 đ"),
        ("Đơn vị tính", "con", "kg"),
    ]
    assert support.history.first().history_change_reason == REASON


@pytest.mark.parametrize("reason", ["", "   ", "sai"])
def test_a_correction_without_a_reason_is_refused_and_writes_nothing(support, agriculture_officer, reason):
    with pytest.raises(ValidationError) as caught:
        correction_edit(
            kind="support", obj=support, values={"unit": "kg"}, reason=reason, user=agriculture_officer
        )
    assert caught.value.message_dict["reason"] == [msg.REASON_REQUIRED]
    support.refresh_from_db()
    assert support.unit == "con" and not Correction.objects.exists()


def test_only_the_role_that_records_the_component_corrects(support, labour_officer, accountant):
    for user in (labour_officer, accountant):
        with pytest.raises(ValidationError) as caught:
            correction_void(kind="support", obj=support, reason=REASON, user=user)
        assert caught.value.messages == [msg.NOT_ALLOWED]
    assert Support.objects.filter(pk=support.pk).exists()


def test_a_stale_edit_is_refused_with_the_other_change(support, agriculture_officer):
    opened_at = support.version
    correction_edit(
        kind="support",
        obj=support,
        values={"unit": "kg"},
        reason=REASON,
        user=agriculture_officer,
        version=opened_at,
    )
    with pytest.raises(ValidationError) as caught:
        correction_edit(
            kind="support",
            obj=support,
            values={"unit": "bao"},
            reason=REASON,
            user=agriculture_officer,
            version=opened_at,
        )
    assert caught.value.code == "stale" and "Đơn vị tính: kg → bao" in caught.value.messages[0]
    support.refresh_from_db()
    assert support.unit == "kg"


def test_a_date_outside_the_plan_year_is_refused(support, agriculture_officer):
    with pytest.raises(ValidationError) as caught:
        correction_edit(
            kind="support",
            obj=support,
            values={"supported_on": datetime.date(2025, 1, 5)},
            reason=REASON,
            user=agriculture_officer,
        )
    assert "supported_on" in caught.value.message_dict


def test_a_voided_support_stays_but_no_longer_counts_in_the_figures(support, components, agriculture_officer):
    component = components["3.1"]
    before = component_figures([component.pk], *Q2)[component.pk]["support"]
    correction_void(kind="support", obj=support, reason=REASON, user=agriculture_officer)
    after = component_figures([component.pk], *Q2)[component.pk]["support"]
    assert (before["records"], before["amount"]) == (1, 1_000_000)
    assert (after["records"], after["households"], after["amount"]) == (0, 0, 0)
    assert not Support.objects.filter(pk=support.pk).exists()
    kept = Support.all_objects.get(pk=support.pk)
    assert kept.is_voided and kept.void_reason == REASON and kept.voided_by == agriculture_officer
    with pytest.raises(ValidationError):
        correction_void(kind="support", obj=kept, reason=REASON, user=agriculture_officer)


def test_after_an_accepted_report_the_correction_waits_for_the_chairman(
    plan, support, components, agriculture_officer, chairman, labour_officer, accountant
):
    accepted_report(plan, components["3.1"], chairman, labour_officer)
    correction = correction_edit(
        kind="support",
        obj=support,
        values={"central_amount": 900_000},
        reason=REASON,
        user=agriculture_officer,
    )
    assert correction.status == CorrectionStatus.REQUESTED and "quý II năm 2024" in correction.locked_by
    support.refresh_from_db()
    assert support.central_amount == 1_000_000  # unchanged until approved
    with pytest.raises(ValidationError) as caught:
        correction_approve(correction=correction, user=accountant)
    assert caught.value.messages == [msg.DECIDE_NOT_ALLOWED]
    with pytest.raises(ValidationError) as caught:
        correction_edit(
            kind="support", obj=support, values={"unit": "kg"}, reason=REASON, user=agriculture_officer
        )
    assert caught.value.code == "pending"
    decided = correction_approve(correction=correction, user=chairman)
    support.refresh_from_db()
    assert decided.status == CorrectionStatus.APPROVED and decided.decided_by == chairman
    assert support.central_amount == 900_000
    assert decided.transitions.get().actor == chairman


def test_a_refused_request_needs_a_reason_and_changes_nothing(
    plan, support, components, agriculture_officer, chairman, labour_officer
):
    accepted_report(plan, components["3.1"], chairman, labour_officer)
    correction = correction_void(kind="support", obj=support, reason=REASON, user=agriculture_officer)
    with pytest.raises(ValidationError):
        correction_refuse(correction=correction, comment="", user=chairman)
    correction_refuse(correction=correction, comment="Đã chốt số liệu, giữ nguyên", user=chairman)
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.REFUSED
    assert Support.objects.filter(pk=support.pk).exists()


def test_the_requester_never_decides_their_own_request(
    support, agriculture_officer, chairman, plan, components, labour_officer
):
    accepted_report(plan, components["3.1"], chairman, labour_officer)
    correction = correction_void(kind="support", obj=support, reason=REASON, user=agriculture_officer)
    # The workflow's four-eyes step: even an approver account cannot decide a request it made.
    Correction.objects.filter(pk=correction.pk).update(requested_by=chairman)
    correction.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        correction_approve(correction=correction, user=chairman)
    assert caught.value.messages == [msg.CORRECTION_OWN]


@pytest.fixture
def line(commune, components, accountant, chairman):
    return approved_estimate(
        commune, components["3.1"], amount=10_000_000, accountant=accountant, approver=chairman
    )


def test_a_disbursement_correction_respects_the_line_and_moves_its_total(line, accountant):
    paid = disbursement_record(
        line=line,
        paid_on=datetime.date(2024, 4, 10),
        amount=6_000_000,
        voucher_number="PC-01",
        payee="HTX",
        user=accountant,
    )
    with pytest.raises(ValidationError) as caught:
        correction_edit(
            kind="disbursement", obj=paid, values={"amount": 10_000_001}, reason=REASON, user=accountant
        )
    assert caught.value.message_dict["amount"] == [
        budget_msg.DISBURSEMENT_OVERDRAFT.format(remaining="10.000.000", amount="10.000.001")
    ]
    correction_edit(
        kind="disbursement", obj=paid, values={"amount": 8_000_000}, reason=REASON, user=accountant
    )
    assert EstimateLine.objects.get(pk=line.pk).disbursed_amount == 8_000_000
    correction_void(kind="disbursement", obj=paid, reason=REASON, user=accountant)
    assert EstimateLine.objects.get(pk=line.pk).disbursed_amount == 0


def test_a_voided_allocation_leaves_the_budget_totals(commune, components, accountant):
    kept = allocation_record(
        component=components["3.1"],
        source=FundingSource.CENTRAL,
        amount=50_000_000,
        decision_number="03/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 10),
        user=accountant,
    )
    wrong = allocation_record(
        component=components["3.1"],
        source=FundingSource.CENTRAL,
        amount=9_000_000,
        decision_number="04/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 11),
        user=accountant,
    )
    correction_void(
        kind=CorrectedKind.ALLOCATION, obj=wrong, reason="Ghi trùng quyết định 03", user=accountant
    )
    assert list(Allocation.objects.values_list("pk", flat=True)) == [kept.pk]
    _, total = budget_table(commune, 2024)
    assert total.allocated == 50_000_000


def _account(line):
    from programs.models.budget_account import BudgetAccount

    estimate = line.estimate
    return BudgetAccount.objects.get(
        commune_id=estimate.commune_id,
        year=estimate.year,
        component_code=line.component.code,
        source=line.source,
    )


def test_a_payment_correction_moves_the_components_account_and_an_allocation_never_drops_below_paid(
    line, accountant
):
    paid = disbursement_record(
        line=line,
        paid_on=datetime.date(2024, 4, 10),
        amount=6_000_000,
        voucher_number="PC-02",
        payee="HTX",
        user=accountant,
    )
    assert _account(line).disbursed == 6_000_000
    correction_edit(
        kind="disbursement", obj=paid, values={"amount": 7_000_000}, reason=REASON, user=accountant
    )
    assert _account(line).disbursed == 7_000_000
    allocation = Allocation.objects.get(component=line.component, source=line.source)
    allocated = _account(line).allocated
    # Voiding, or cutting, the allocation below the 7.000.000 đ already paid is refused and writes nothing.
    with pytest.raises(ValidationError) as caught:
        correction_void(kind=CorrectedKind.ALLOCATION, obj=allocation, reason=REASON, user=accountant)
    assert "7.000.000" in caught.value.message_dict["amount"][0]
    with pytest.raises(ValidationError):
        correction_edit(
            kind=CorrectedKind.ALLOCATION,
            obj=allocation,
            values={"amount": allocated - allocation.amount + 6_999_999},
            reason=REASON,
            user=accountant,
        )
    assert Allocation.objects.filter(pk=allocation.pk).exists()
    assert _account(line).allocated == allocated
    correction_void(kind="disbursement", obj=paid, reason=REASON, user=accountant)
    assert _account(line).disbursed == 0
    assert not Correction.objects.filter(kind=CorrectedKind.ALLOCATION, object_id=allocation.pk).exists()
