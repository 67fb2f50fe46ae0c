"""The allocation cap as the accountant and the chairman see it: the refusal on the estimate page,
the comparison with the allocation on the approval page, the flags of the budget page, and dates
refused on the forms; always Vietnamese, never a 500, nothing written."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programs.models import Allocation, Disbursement, EstimateLine, EstimateStatus, FundingSource
from programs.services.budget import allocation_update, estimate_create, estimate_line_add, estimate_submit
from tests.programs.delivery.factories import allocate, approved_estimate

pytestmark = pytest.mark.django_db


@pytest.fixture
def fifty(components, accountant):
    return allocate(components["3.1"], 50_000_000, accountant)


@pytest.fixture
def draft(commune, plan, accountant):
    return estimate_create(commune=commune, year=2024, title="Dự toán bổ sung năm 2024", user=accountant)


def test_accountant_sees_the_over_allocation_refusal_on_the_form(
    client_for, fifty, draft, components, accountant
):
    response = client_for(accountant).post(
        reverse("programs:estimate_line_add", args=[draft.pk]),
        {
            "component": components["3.1"].pk,
            "source": "central",
            "content": "Giống bò",
            "amount": "65.000.000",
        },
    )
    assert response.status_code == 400
    text = response.text
    assert "3.1. " in text and "Ngân sách trung ương" in text
    assert "thiếu 15.000.000 đ" in text
    assert not EstimateLine.objects.exists()


def test_chairman_sees_totals_against_the_allocation_and_cannot_approve_past_it(
    client_for, commune, fifty, draft, components, accountant, chairman
):
    approved_estimate(commune, components["3.1"], amount=10_000_000, accountant=accountant, approver=chairman)
    estimate_line_add(
        estimate=draft,
        component=components["3.1"],
        source="central",
        content="Bò",
        amount=40_000_000,
        user=accountant,
    )
    estimate_submit(estimate=draft, user=accountant)
    page = client_for(chairman).get(reverse("programs:estimate_detail", args=[draft.pk]))
    rows = page.context["cap_rows"]
    assert [(r.allocated, r.held, r.this, r.remaining_after) for r in rows] == [
        (50_000_000, 10_000_000, 40_000_000, 0)
    ]
    assert 'data-testid="estimate-cap"' in page.text and "cap-alert" not in page.text
    # The allocation is lowered after submission: the page flags it in words and approval is refused.
    allocation_update(allocation=fifty, amount="45.000.000", user=accountant)
    page = client_for(chairman).get(reverse("programs:estimate_detail", args=[draft.pk]))
    assert "vượt 5.000.000 đ" in page.text and 'data-testid="cap-alert"' in page.text
    assert page.context["cap_total"].shortfall == 5_000_000  # never netted against another row's room
    assert "−" not in page.text.split('data-testid="estimate-cap"')[1].split("</table>")[0]
    refused = client_for(chairman).post(reverse("programs:estimate_approve", args=[draft.pk]), follow=True)
    assert "thiếu 5.000.000 đ" in refused.text
    draft.refresh_from_db()
    assert draft.status == EstimateStatus.SUBMITTED


def test_estimate_page_queries_do_not_grow_with_its_lines(
    client_for, commune, plan, components, accountant, chairman
):
    for code in ("2", "3.1", "3.2", "4.1", "6.1", "7.1"):
        for source in (FundingSource.CENTRAL, FundingSource.LOCAL):
            allocate(components[code], 100_000_000, accountant, source=source)
    estimate = estimate_create(commune=commune, year=2024, title="Dự toán", user=accountant)

    def add(codes):
        for code in codes:
            for source in (FundingSource.CENTRAL, FundingSource.LOCAL):
                estimate_line_add(
                    estimate=estimate,
                    component=components[code],
                    source=source,
                    content="Chi",
                    amount=1_000,
                    user=accountant,
                )

    def count() -> int:
        client = client_for(chairman)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("programs:estimate_detail", args=[estimate.pk])).status_code == 200
        return len(queries)

    add(["2"])
    few = count()
    add(["3.1", "3.2", "4.1", "6.1", "7.1"])
    assert count() == few


def test_budget_page_flags_over_100_percent_and_past_deadline_in_words(
    client_for, commune, components, accountant, chairman
):
    line = approved_estimate(
        commune, components["2"], amount=10_000_000, accountant=accountant, approver=chairman
    )
    # A payment recorded past the allocation before the cap (kept as found): 12 of 10 million.
    Disbursement.objects.create(
        line=line,
        paid_on=datetime.date(2024, 5, 2),
        amount=12_000_000,
        voucher_number="PC-1",
        payee="A",
        recorded_by=accountant,
    )
    allocate(components["3.1"], 20_000_000, accountant)  # nothing paid, the plan's deadline 31/12/2024 passed
    page = client_for(chairman).get(reverse("programs:budget_overview") + "?year=2024")
    text = page.text
    assert 'data-testid="budget-flags"' in text and "Vượt 100 %" in text
    assert "vượt 2.000.000 đ" in text and "-2.000.000" not in text and "−2.000.000" not in text
    assert 'data-testid="flag-late"' in text and "hạn 31/12/2024" in text


def test_budget_page_without_anything_over_has_no_flag(client_for, components, accountant, chairman):
    page = client_for(chairman).get(reverse("programs:budget_overview") + "?year=2024")
    assert page.status_code == 200 and "budget-flags" not in page.text


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("01/01/0001", "Ngày quyết định: ngày phải trong khoảng từ 01/01/1900"),
        ("31/12/9999", "Ngày quyết định: ngày phải trong khoảng từ 01/01/1900"),
        ("15/12/2023", "Ngày quyết định phải nằm trong năm 2024 của kế hoạch"),
        ("02/01/2025", "Ngày quyết định phải nằm trong năm 2024 của kế hoạch"),
    ],
)
def test_allocation_form_refuses_a_decision_date_outside_the_plans_year(
    client_for, components, accountant, day, message
):
    response = client_for(accountant).post(
        reverse("programs:allocation_create"),
        {
            "component": components["3.1"].pk,
            "source": "central",
            "amount": "10.000.000",
            "decision_number": "03/QĐ-UBND",
            "decision_date": day,
        },
    )
    assert response.status_code == 200
    assert message in response.text
    assert not Allocation.objects.exists()


def test_disbursement_form_refuses_a_date_outside_the_year(
    client_for, commune, components, accountant, chairman
):
    line = approved_estimate(
        commune, components["2"], amount=10_000_000, accountant=accountant, approver=chairman
    )
    response = client_for(accountant).post(
        reverse("programs:disbursement_create", args=[line.pk]),
        {"paid_on": "02/01/2023", "amount": "1.000", "voucher_number": "PC-1", "payee": "A"},
    )
    assert response.status_code == 200 and "Ngày giải ngân phải nằm trong năm 2024" in response.text
    assert not Disbursement.objects.exists()
