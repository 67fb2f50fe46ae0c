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
