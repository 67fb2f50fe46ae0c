"""The 2024 demo: support, activities and money for the nine components, consistent with the demo
households, written through the services, and safe to re-run."""

import os

import pytest
from django.core.management import call_command
from django.db.models import Sum

from households.models import Commune
from households.status import status_on
from programs.models import Activity, Allocation, Disbursement, Estimate, EstimateStatus, Support
from programs.queries.budget import budget_table, estimate_lines
from programs.queries.budget_limits import estimate_against_allocation

pytestmark = pytest.mark.django_db


def test_demo_seeds_delivery_for_the_nine_components_once():
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    counts = (Support.objects.count(), Activity.objects.count(), Disbursement.objects.count())
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert (Support.objects.count(), Activity.objects.count(), Disbursement.objects.count()) == counts
    assert counts[0] > 50 and counts[1] >= 9

    commune = Commune.objects.get(code="tho-xuan")
    rows, total = budget_table(commune, 2024)
    assert len(rows) == 9 and all(row.allocated > 0 for row in rows)
    assert total.allocated == Allocation.objects.aggregate(total=Sum("amount"))["total"]
    assert 0 < total.disbursed < total.estimated
    estimate = Estimate.objects.get(status=EstimateStatus.APPROVED)
    assert estimate.status == EstimateStatus.APPROVED and estimate.approved_at.year == 2024
    # The supplementary estimate waiting on the chairman fits what is left of its allocations.
    pending = Estimate.objects.get(status=EstimateStatus.SUBMITTED)
    cap_rows, _ = estimate_against_allocation(pending, estimate_lines(pending))
    assert cap_rows and not any(row.over for row in cap_rows) and any(row.held > 0 for row in cap_rows)
    # Every support went to a household the registry shows as a beneficiary on that day.
    for support in Support.objects.select_related("household")[:40]:
        assert status_on(support.household, support.supported_on).is_beneficiary
    assert not Support.objects.filter(is_exception=True).exists()
    codes = {
        s.component.code
        for s in Support.objects.select_related("component__project", "component__subproject")
    }
    assert {"2", "3.1", "3.2", "4.1", "4.3", "6.1"} <= codes
