"""The allocation caps every estimate line and every payment of a component and funding source
(Luật NSNN 2015, Điều 12 khoản 2): refused with the component, the source and the shortfall named, and
nothing written when refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programs.messages import budget as msg
from programs.models import (
    BudgetAccount,
    Disbursement,
    Estimate,
    EstimateLine,
    EstimateStatus,
    EstimateTransition,
    FundingSource,
)
from programs.services.budget import (
    allocation_record,
    allocation_update,
    disbursement_record,
    estimate_approve,
    estimate_create,
    estimate_line_add,
    estimate_submit,
)
from tests.programs.delivery.factories import allocate, approved_estimate

pytestmark = pytest.mark.django_db

CENTRAL = FundingSource.CENTRAL


def add(estimate, component, amount, accountant, source=CENTRAL):
    return estimate_line_add(
        estimate=estimate, component=component, source=source, content="Chi", amount=amount, user=accountant
    )


@pytest.fixture
def fifty(components, accountant):
    """50.000.000 đ of central budget allocated to 3.1; nothing to 7.1."""
    return allocate(components["3.1"], 50_000_000, accountant)


@pytest.fixture
def draft(commune, accountant, plan):
    return estimate_create(commune=commune, year=2024, title="Dự toán bổ sung", user=accountant)


def test_a_line_past_the_allocation_is_refused_naming_component_source_and_shortfall(
    fifty, draft, components, accountant
):
    add(draft, components["3.1"], 30_000_000, accountant)
    with pytest.raises(ValidationError) as caught:
        add(draft, components["3.1"], 30_000_000, accountant)
    message = caught.value.message_dict["amount"][0]
    assert message == msg.ESTIMATE_OVER_ALLOCATION.format(
        component=str(components["3.1"]),
        source="Ngân sách trung ương",
        allocated="50.000.000",
        held="0",
        available="50.000.000",
        needed="60.000.000",
        shortfall="10.000.000",
    )
    assert list(draft.lines.values_list("amount", flat=True)) == [30_000_000]


def test_a_component_with_nothing_allocated_accepts_nothing(fifty, draft, components, accountant):
    with pytest.raises(ValidationError) as caught:
        add(draft, components["7.1"], 5_000_000, accountant)
    assert "7.1." in caught.value.message_dict["amount"][0]
    assert "chưa được phân bổ kinh phí" in caught.value.message_dict["amount"][0]
    assert "thiếu 5.000.000 đ" in caught.value.message_dict["amount"][0]
    # The same component from another source is not covered by the central allocation either.
    with pytest.raises(ValidationError):
        add(draft, components["3.1"], 1, accountant, source=FundingSource.LOCAL)
    assert not EstimateLine.objects.exists()


def test_earlier_approved_estimates_hold_their_share(commune, fifty, draft, components, accountant, chairman):
    first = estimate_create(commune=commune, year=2024, title="Dự toán đợt 1", user=accountant)
    add(first, components["3.1"], 30_000_000, accountant)
    estimate_submit(estimate=first, user=accountant)
    estimate_approve(estimate=first, user=chairman)
    with pytest.raises(ValidationError) as caught:
        add(draft, components["3.1"], 25_000_000, accountant)
    assert "các dự toán khác đã giữ 30.000.000 đ" in caught.value.message_dict["amount"][0]
    assert "thiếu 5.000.000 đ" in caught.value.message_dict["amount"][0]
    assert add(draft, components["3.1"], 20_000_000, accountant).amount == 20_000_000


def test_an_estimate_awaiting_approval_holds_its_share_while_another_is_prepared(
    commune, fifty, draft, components, accountant
):
    pending = estimate_create(commune=commune, year=2024, title="Đang chờ duyệt", user=accountant)
    add(pending, components["3.1"], 40_000_000, accountant)
    add(draft, components["3.1"], 20_000_000, accountant)  # pending is still a draft: holds nothing
    estimate_submit(estimate=pending, user=accountant)
    with pytest.raises(ValidationError) as caught:
        estimate_submit(estimate=draft, user=accountant)
    assert "thiếu 10.000.000 đ" in caught.value.messages[0]
    assert Estimate.objects.get(pk=draft.pk).status == EstimateStatus.DRAFT


def test_approval_checks_again_against_an_allocation_lowered_since_submission(
    fifty, draft, components, accountant, chairman
):
    add(draft, components["3.1"], 40_000_000, accountant)
    estimate_submit(estimate=draft, user=accountant)
    allocation_update(allocation=fifty, amount="35.000.000", user=accountant)
    steps_before = EstimateTransition.objects.count()
    with pytest.raises(ValidationError) as caught:
        estimate_approve(estimate=draft, user=chairman)
    assert "thiếu 5.000.000 đ" in caught.value.messages[0]
    stored = Estimate.objects.get(pk=draft.pk)
    assert stored.status == EstimateStatus.SUBMITTED and stored.approved_by is None
    assert EstimateTransition.objects.count() == steps_before


def test_the_issue_estimate_of_65_million_against_50_is_refused_line_by_line(
    fifty, draft, components, accountant
):
    add(draft, components["3.1"], 50_000_000, accountant)
    for component, amount in ((components["3.1"], 10_000_000), (components["7.1"], 5_000_000)):
        with pytest.raises(ValidationError):
            add(draft, component, amount, accountant)
    assert sum(draft.lines.values_list("amount", flat=True)) == 50_000_000


# --- disbursements: the component's account --------------------------------------------------------


@pytest.fixture
def two_lines(commune, components, accountant, chairman):
    """Two approved lines of 7.000.000 đ on 2 (central), then the allocation lowered to 10.000.000 đ."""
    first = approved_estimate(
        commune, components["2"], amount=7_000_000, accountant=accountant, approver=chairman
    )
    second = approved_estimate(
        commune, components["2"], amount=7_000_000, accountant=accountant, approver=chairman
    )
    allocation = first.component.allocations.order_by("pk").last()
    allocation_update(allocation=allocation, amount=3_000_000, user=accountant)
    return first, second


def pay(line, accountant, amount, voucher):
    return disbursement_record(
        line=line,
        paid_on=datetime.date(2024, 6, 3),
        amount=amount,
        voucher_number=voucher,
        payee="HTX Xuân Phong",
        user=accountant,
    )


def test_payments_of_all_lines_together_never_pass_the_allocation(two_lines, accountant):
    first, second = two_lines
    pay(first, accountant, 7_000_000, "PC-01")
    with pytest.raises(ValidationError) as caught:
        pay(second, accountant, 7_000_000, "PC-02")
    message = caught.value.message_dict["amount"][0]
    assert "2." in message and "Ngân sách trung ương" in message
    assert "còn 3.000.000 đ" in message and "thiếu 4.000.000 đ" in message
    assert Disbursement.objects.count() == 1
    assert EstimateLine.objects.get(pk=second.pk).disbursed_amount == 0
    account = BudgetAccount.objects.get(component_code="2", source=CENTRAL)
    assert (account.allocated, account.disbursed) == (10_000_000, 7_000_000)
    pay(second, accountant, 3_000_000, "PC-03")


def test_the_database_refuses_an_account_paid_past_its_allocation(two_lines):
    account = BudgetAccount.objects.get(component_code="2", source=CENTRAL)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetAccount.objects.filter(pk=account.pk).update(disbursed=account.allocated + 1)


def test_an_allocation_is_never_lowered_below_what_was_paid(two_lines, accountant):
    first, _ = two_lines
    pay(first, accountant, 7_000_000, "PC-01")
    allocation = first.component.allocations.order_by("pk").first()
    with pytest.raises(ValidationError) as caught:
        allocation_update(allocation=allocation, amount=1_000_000, user=accountant)
    assert "không thể thấp hơn số đã giải ngân 7.000.000 đ" in caught.value.message_dict["amount"][0]
    allocation.refresh_from_db()
    assert allocation.amount == 7_000_000
    assert BudgetAccount.objects.get(component_code="2", source=CENTRAL).allocated == 10_000_000


def test_a_payment_dated_after_today_is_refused(two_lines, accountant, monkeypatch):
    from programs.services import budget

    monkeypatch.setattr(budget.timezone, "localdate", lambda: datetime.date(2024, 6, 1))
    with pytest.raises(ValidationError) as caught:
        pay(two_lines[0], accountant, 1_000, "PC-09")
    assert caught.value.message_dict["paid_on"] == [
        msg.DATE_IN_FUTURE.format(label="Ngày giải ngân", today="01/06/2024")
    ]
    assert not Disbursement.objects.exists()


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.date(2023, 12, 31)]
)
def test_an_allocation_decision_dated_outside_the_plans_year_is_refused(components, accountant, day):
    with pytest.raises(ValidationError) as caught:
        allocation_record(
            component=components["3.1"],
            source=CENTRAL,
            amount=1_000_000,
            decision_number="03/QĐ-UBND",
            decision_date=day,
            user=accountant,
        )
    assert caught.value.message_dict["decision_date"] == [msg.ALLOCATION_DATE_OUTSIDE_YEAR.format(year=2024)]
    assert not BudgetAccount.objects.exists()


def test_an_estimate_for_a_year_without_an_approved_plan_is_refused(commune, accountant, plan):
    with pytest.raises(ValidationError) as caught:
        estimate_create(commune=commune, year=2031, title="Dự toán 2031", user=accountant)
    assert caught.value.message_dict["year"] == [msg.ESTIMATE_YEAR_WITHOUT_PLAN.format(year=2031)]
    assert not Estimate.objects.exists()
