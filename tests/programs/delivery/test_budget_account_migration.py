"""The migration that opens the budget accounts from the data already recorded: allocated and paid totals
per component and source, and a payment already past its allocation kept as found (never a failed
migration), after which no new payment can add to it."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from programs.models import BudgetAccount, Disbursement
from programs.services.budget import disbursement_record
from tests.programs.delivery.factories import approved_estimate

pytestmark = pytest.mark.django_db

fill_accounts = importlib.import_module("programs.migrations.0010_budget_account").fill_accounts


def test_accounts_are_filled_from_existing_data_and_an_old_overrun_is_kept(
    commune, components, accountant, chairman
):
    line = approved_estimate(
        commune, components["2"], amount=10_000_000, accountant=accountant, approver=chairman
    )
    # Paid 12 of 10 million before the cap existed (the 120 %).
    Disbursement.objects.create(
        line=line,
        paid_on=datetime.date(2024, 5, 2),
        amount=12_000_000,
        voucher_number="PC-1",
        payee="A",
        recorded_by=accountant,
    )
    BudgetAccount.objects.all().delete()
    fill_accounts(apps, None)
    account = BudgetAccount.objects.get()
    assert (account.component_code, account.source) == ("2", "central")
    assert (account.allocated, account.disbursed, account.overrun_before_cap) == (
        10_000_000,
        12_000_000,
        2_000_000,
    )
    line.disbursed_amount = 0  # the line itself still has room; the account has none
    with pytest.raises(ValidationError) as caught:
        disbursement_record(
            line=line,
            paid_on=datetime.date(2024, 6, 1),
            amount=1,
            voucher_number="PC-2",
            payee="A",
            user=accountant,
        )
    assert "thiếu 1 đ" in caught.value.message_dict["amount"][0]
    assert BudgetAccount.objects.get().disbursed == 12_000_000
