"""Disbursements against an approved estimate line: never above the line (service and database), whole
positive amounts, dates inside the estimate's year, and only by the accountant."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programs.messages import budget as msg
from programs.models import Disbursement, EstimateLine
from programs.services.budget import (
    disbursement_record,
)
from tests.programs.delivery.factories import approved_estimate

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 4, 10)


def pay(line, user, amount, voucher="PC-01", paid_on=DAY):
    return disbursement_record(
        line=line, paid_on=paid_on, amount=amount, voucher_number=voucher, payee="HTX", user=user
    )


@pytest.fixture
def line(commune, components, accountant, chairman):
    return approved_estimate(
        commune, components["3.1"], amount=10_000_000, accountant=accountant, approver=chairman
    )


def test_disbursements_up_to_the_line_pass_and_one_more_dong_is_refused(line, accountant):
    pay(line, accountant, "6.000.000", "PC-01")
    pay(line, accountant, 4_000_000, "PC-02")
    with pytest.raises(ValidationError) as caught:
        pay(line, accountant, 1, "PC-03")
    assert caught.value.message_dict["amount"] == [
        msg.DISBURSEMENT_OVERDRAFT.format(remaining="0", amount="1")
    ]
    line.refresh_from_db()
    assert line.disbursed_amount == 10_000_000
    assert Disbursement.objects.count() == 2


def test_disbursement_against_an_estimate_not_approved_is_refused(estimate, accountant):
    with pytest.raises(ValidationError) as caught:
        pay(estimate.lines.get(), accountant, 1_000)
    assert caught.value.message_dict["line"] == [msg.DISBURSEMENT_NOT_APPROVED]
    assert not Disbursement.objects.exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [("-1000", msg.MONEY_NEGATIVE), ("1000,5", msg.MONEY_NOT_INTEGER), (0, msg.AMOUNT_MUST_BE_POSITIVE)],
)
def test_disbursement_amount_must_be_whole_and_positive(line, accountant, amount, message):
    with pytest.raises(ValidationError) as caught:
        pay(line, accountant, amount)
    assert caught.value.message_dict["amount"] == [message]


def test_disbursement_date_outside_the_estimate_year_is_refused(line, accountant):
    with pytest.raises(ValidationError) as caught:
        pay(line, accountant, 1_000, paid_on=datetime.date(2025, 1, 3))
    assert "paid_on" in caught.value.message_dict


def test_only_the_accountant_disburses(line, chairman):
    with pytest.raises(ValidationError) as caught:
        pay(line, chairman, 1_000)
    assert caught.value.messages == [msg.DISBURSEMENT_NOT_ALLOWED]


def test_database_refuses_a_running_total_above_the_line(line):
    with pytest.raises(IntegrityError), transaction.atomic():
        EstimateLine.objects.filter(pk=line.pk).update(disbursed_amount=line.amount + 1)
