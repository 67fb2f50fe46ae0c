"""Two simultaneous disbursements against one approved line: only one may pass.

Each request runs in its own thread with its own database connection and commits for real
(``transaction=True``). On PostgreSQL both start together at a barrier; the row lock makes the second
wait and then see the first one's total. SQLite has no row locks and a single writer, so there the two
requests are run one after the other — the serialised outcome must be the same."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from programs.models import Disbursement, EstimateLine
from programs.services.budget import disbursement_record
from tests.factories import CommuneFactory, UnitFactory, UserFactory
from tests.programs.delivery.factories import approved_estimate, components_by_code, make_plan
from thoxuan_gnbv.models import Role


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_disbursements_cannot_overdraw_a_line():
    commune = CommuneFactory(code="dong-thoi")
    chairman = UserFactory(commune=commune, username="ct-dongthoi", role=Role.CHAIRMAN)
    accountant = UserFactory(commune=commune, username="kt-dongthoi", role=Role.ACCOUNTANT)
    plan = make_plan(
        commune,
        approver=chairman,
        author=UserFactory(commune=commune, username="ld-dongthoi"),
        lead_unit=UnitFactory(commune=commune),
    )
    line = approved_estimate(
        commune, components_by_code(plan)["2"], amount=10_000_000, accountant=accountant, approver=chairman
    )
    concurrent = connection.vendor == "postgresql"
    barrier = threading.Barrier(2) if concurrent else None
    outcomes = []

    def pay(voucher):
        try:
            if barrier:
                barrier.wait(timeout=10)
            disbursement_record(
                line=line,
                paid_on=datetime.date(2024, 5, 2),
                amount=7_000_000,
                voucher_number=voucher,
                payee="Hợp tác xã Xuân Phong",
                user=accountant,
            )
            outcomes.append("paid")
        except ValidationError as error:
            outcomes.append(error.message_dict["amount"][0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pay, args=(f"PC-0{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
        if not concurrent:
            thread.join()
    for thread in threads:
        thread.join()

    assert len(outcomes) == 2
    assert outcomes.count("paid") == 1
    refusal = next(o for o in outcomes if o != "paid")
    assert "còn 3.000.000 đ" in refusal
    line = EstimateLine.objects.get(pk=line.pk)
    assert line.disbursed_amount == 7_000_000
    assert list(Disbursement.objects.values_list("amount", flat=True)) == [7_000_000]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_payments_on_two_lines_cannot_pass_the_components_allocation():
    """Two approved lines of 7.000.000 đ each on one component whose allocation is 10.000.000 đ: each
    payment fits its own line, together they would pass the allocation; the account's row lock (and its
    constraint) lets only one through."""
    from programs.models import BudgetAccount
    from programs.services.budget import allocation_update

    commune = CommuneFactory(code="dong-thoi-2")
    chairman = UserFactory(commune=commune, username="ct-dongthoi2", role=Role.CHAIRMAN)
    accountant = UserFactory(commune=commune, username="kt-dongthoi2", role=Role.ACCOUNTANT)
    plan = make_plan(
        commune,
        approver=chairman,
        author=UserFactory(commune=commune, username="ld-dongthoi2"),
        lead_unit=UnitFactory(commune=commune),
    )
    component = components_by_code(plan)["2"]
    lines = [
        approved_estimate(commune, component, amount=7_000_000, accountant=accountant, approver=chairman)
        for _ in range(2)
    ]
    allocation_update(
        allocation=component.allocations.order_by("pk").last(), amount=3_000_000, user=accountant
    )
    concurrent = connection.vendor == "postgresql"
    barrier = threading.Barrier(2) if concurrent else None
    outcomes = []

    def pay(line, voucher):
        try:
            if barrier:
                barrier.wait(timeout=10)
            disbursement_record(
                line=line,
                paid_on=datetime.date(2024, 5, 2),
                amount=7_000_000,
                voucher_number=voucher,
                payee="Hợp tác xã Xuân Phong",
                user=accountant,
            )
            outcomes.append("paid")
        except ValidationError as error:
            outcomes.append(error.message_dict["amount"][0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pay, args=(line, f"PC-1{n}")) for n, line in enumerate(lines)]
    for thread in threads:
        thread.start()
        if not concurrent:
            thread.join()
    for thread in threads:
        thread.join()

    assert sorted(outcomes, key=len)[0] == "paid" and outcomes.count("paid") == 1
    refusal = next(o for o in outcomes if o != "paid")
    assert "còn 3.000.000 đ" in refusal and "thiếu 4.000.000 đ" in refusal
    account = BudgetAccount.objects.get(commune=commune, component_code="2", source="central")
    assert (account.allocated, account.disbursed) == (10_000_000, 7_000_000)
    assert (
        sum(
            EstimateLine.objects.filter(pk__in=[x.pk for x in lines]).values_list(
                "disbursed_amount", flat=True
            )
        )
        == 7_000_000
    )
    assert list(Disbursement.objects.filter(line__in=lines).values_list("amount", flat=True)) == [7_000_000]
