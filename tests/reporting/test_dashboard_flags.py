"""The quarterly evaluation flags in words (not colour only) a component paid out past 100 % of its
allocation and one past its deadline with money not paid out."""

import datetime

import pytest
from django.urls import reverse

from programs.models import Disbursement
from reporting.dashboard import dashboard_data
from tests.figure_worker import warm_figures
from tests.programs.delivery.factories import allocate, approved_estimate
from tests.reporting.factories import component

pytestmark = pytest.mark.django_db


def test_component_paid_past_its_allocation_is_flagged(client_for, commune, plan, accountant, chairman):
    line = approved_estimate(
        commune, component(plan, "2"), amount=10_000_000, accountant=accountant, approver=chairman
    )
    # Recorded before the cap existed (kept as found): 13 of 10 million.
    Disbursement.objects.create(
        line=line,
        paid_on=datetime.date(2024, 5, 2),
        amount=13_000_000,
        voucher_number="PC-1",
        payee="A",
        recorded_by=accountant,
    )
    warm_figures(commune, 2024)  # the worker, after the records
    data = dashboard_data(commune, 2024, today=datetime.date(2024, 6, 30))
    assert [row["code"] for row in data.over_budget] == ["2"]
    assert data.over_budget[0]["overrun"] == 3_000_000
    assert data.late_budget == []
    html = client_for(chairman).get(reverse("reporting:dashboard") + "?year=2024").text
    assert 'data-testid="dashboard-budget-flags"' in html
    assert "Vượt 100 %: vượt 3.000.000 đ" in html


def test_component_past_its_deadline_with_money_left_is_flagged(commune, plan, accountant):
    allocate(component(plan, "3.1"), 20_000_000, accountant)
    warm_figures(commune, 2024)  # the worker, after the allocation
    before = dashboard_data(commune, 2024, today=datetime.date(2024, 12, 31))
    assert before.late_budget == []
    after = dashboard_data(commune, 2024, today=datetime.date(2025, 1, 2))
    assert [row["code"] for row in after.late_budget] == ["3.1"]
    assert after.late_budget[0]["undisbursed"] == 20_000_000
