"""Budget pages: the estimate and disbursement matrix, approval through the page, immutability through POST and
admin, overdrafts refused in Vietnamese, the budget table and the estimate's log."""

import datetime

import pytest
from django.urls import reverse

from programs import messages as msg
from programs.models import Disbursement, EstimateStatus
from programs.services.budget import estimate_create, estimate_line_add, estimate_submit
from tests.programs.delivery.factories import allocate, approved_estimate

pytestmark = pytest.mark.django_db


def test_budget_pages_matrix(
    client_for, commune, components, accountant, chairman, health_station, upper_viewer
):
    line = approved_estimate(
        commune, components["2"], amount=5_000_000, accountant=accountant, approver=chairman
    )
    overview = reverse("programs:budget_overview")
    assert client_for(health_station).get(overview).status_code == 403
    assert client_for(upper_viewer).get(overview).status_code == 200
    detail = reverse("programs:estimate_detail", args=[line.estimate_id])
    assert client_for(health_station).get(detail).status_code == 403
    assert "Chi hỗ trợ" in client_for(chairman).get(detail).text
    disburse = reverse("programs:disbursement_create", args=[line.pk])
    assert client_for(chairman).get(disburse).status_code == 403
    assert client_for(upper_viewer).get(disburse).status_code == 403
    assert client_for(accountant).get(disburse).status_code == 200


def test_estimate_of_another_commune_is_404(
    client_for, commune, other_commune, chairman, accountant, labour_officer
):
    from tests.programs.delivery.factories import components_by_code, make_plan

    plan = make_plan(other_commune, approver=chairman, author=labour_officer)
    line = approved_estimate(
        other_commune, components_by_code(plan)["2"], amount=1_000, accountant=accountant, approver=chairman
    )
    assert (
        client_for(chairman).get(reverse("programs:estimate_detail", args=[line.estimate_id])).status_code
        == 404
    )


def test_chairman_approves_through_the_page_and_a_second_approval_changes_nothing(
    client_for, commune, components, accountant, chairman, vice_chairman
):
    allocate(components["2"], 9, accountant)
    estimate = estimate_create(commune=commune, year=2024, title="Dự toán 2024", user=accountant)
    estimate_line_add(
        estimate=estimate,
        component=components["2"],
        source="central",
        content="Mô hình",
        amount=9,
        user=accountant,
    )
    estimate_submit(estimate=estimate, user=accountant)
    url = reverse("programs:estimate_approve", args=[estimate.pk])
    assert client_for(accountant).post(url).status_code == 403
    assert client_for(chairman).post(url).status_code == 302
    estimate.refresh_from_db()
    assert estimate.status == EstimateStatus.APPROVED and estimate.approved_by == chairman
    again = client_for(vice_chairman).post(url, follow=True)
    assert "không phê duyệt lần thứ hai" in again.text
    estimate.refresh_from_db()
    assert estimate.approved_by == chairman


def test_approved_estimate_refuses_direct_posts_and_admin_edits(
    client_for, commune, components, accountant, chairman, admin_user
):
    line = approved_estimate(
        commune, components["2"], amount=5_000_000, accountant=accountant, approver=chairman
    )
    estimate = line.estimate
    add = reverse("programs:estimate_line_add", args=[estimate.pk])
    posted = client_for(accountant).post(
        add, {"component": components["2"].pk, "source": "central", "content": "Thêm", "amount": "1.000"}
    )
    assert posted.status_code == 403
    delete = reverse("programs:estimate_line_delete", args=[estimate.pk, line.pk])
    assert client_for(accountant).post(delete).status_code == 403
    admin_change = reverse("admin:programs_estimate_change", args=[estimate.pk])
    response = client_for(admin_user).post(admin_change, {"title": "Sửa qua admin", "year": 2024})
    assert response.status_code == 403
    estimate.refresh_from_db()
    assert estimate.title == "Dự toán năm 2024" and estimate.lines.count() == 1


def test_disbursement_page_refuses_an_overdraft_in_vietnamese(
    client_for, commune, components, accountant, chairman
):
    line = approved_estimate(
        commune, components["2"], amount=5_000_000, accountant=accountant, approver=chairman
    )
    url = reverse("programs:disbursement_create", args=[line.pk])
    data = {"paid_on": "02/05/2024", "amount": "6.000.000", "voucher_number": "PC-09", "payee": "Hộ ông Hải"}
    response = client_for(accountant).post(url, data)
    assert response.status_code == 200
    assert msg.DISBURSEMENT_OVERDRAFT.format(remaining="5.000.000", amount="6.000.000") in response.text
    assert not Disbursement.objects.exists()
    data["amount"] = "5.000.000"
    assert client_for(accountant).post(url, data).status_code == 302
    assert Disbursement.objects.get().amount == 5_000_000


def test_disbursement_against_a_line_not_yet_approved_is_refused(client_for, commune, components, accountant):
    allocate(components["2"], 1_000, accountant)
    estimate = estimate_create(commune=commune, year=2024, title="Nháp", user=accountant)
    line = estimate_line_add(
        estimate=estimate,
        component=components["2"],
        source="central",
        content="x",
        amount=1_000,
        user=accountant,
    )
    url = reverse("programs:disbursement_create", args=[line.pk])
    response = client_for(accountant).post(
        url, {"paid_on": "02/05/2024", "amount": "1.000", "voucher_number": "PC-1", "payee": "A"}
    )
    assert msg.DISBURSEMENT_NOT_APPROVED in response.text
    assert not Disbursement.objects.exists()


def test_budget_table_per_component_of_the_year(client_for, commune, components, accountant, chairman):
    from programs.services.budget import allocation_record

    for code, amount in (("2", 100_000_000), ("6.1", 20_000_000)):
        allocation_record(
            component=components[code],
            source="central",
            amount=amount,
            decision_number="03/QĐ-UBND",
            decision_date=datetime.date(2024, 1, 10),
            user=accountant,
        )
    response = client_for(accountant).get(reverse("programs:budget_overview") + "?year=2024")
    rows = {row.component.code: row for row in response.context["rows"]}
    assert len(rows) == 9
    assert (
        rows["2"].allocated == 100_000_000
        and rows["6.1"].allocated == 20_000_000
        and rows["3.2"].allocated == 0
    )
    assert response.context["total"].allocated == 120_000_000


def test_accountant_prepares_and_submits_and_chairman_returns_through_the_pages(
    client_for, components, accountant, chairman
):
    allocate(components["7.2"], 3_000_000, accountant, source="local")
    client = client_for(accountant)
    response = client.post(reverse("programs:estimate_create"), {"year": "2024", "title": "Dự toán quý IV"})
    estimate = client.get(response.url).context["estimate"]
    add = reverse("programs:estimate_line_add", args=[estimate.pk])
    bad = client.post(
        add, {"component": components["7.2"].pk, "source": "local", "content": "Giám sát", "amount": "-3"}
    )
    assert bad.status_code == 400 and msg.MONEY_NEGATIVE in bad.text
    client.post(
        add,
        {"component": components["7.2"].pk, "source": "local", "content": "Giám sát", "amount": "3.000.000"},
    )
    assert estimate.lines.get().amount == 3_000_000
    client.post(reverse("programs:estimate_submit", args=[estimate.pk]))
    estimate.refresh_from_db()
    assert estimate.status == EstimateStatus.SUBMITTED
    assert (
        client.post(reverse("programs:estimate_return", args=[estimate.pk]), {"comment": "x"}).status_code
        == 403
    )
    chair = client_for(chairman)
    empty = chair.post(reverse("programs:estimate_return", args=[estimate.pk]), {"comment": ""})
    assert empty.status_code == 400
    chair.post(reverse("programs:estimate_return", args=[estimate.pk]), {"comment": "Bổ sung căn cứ chi"})
    estimate.refresh_from_db()
    assert estimate.status == EstimateStatus.RETURNED and estimate.return_comment == "Bổ sung căn cứ chi"
    assert (
        "Bổ sung căn cứ chi"
        in client_for(accountant).get(reverse("programs:estimate_detail", args=[estimate.pk])).text
    )


def test_estimate_page_shows_its_log(client_for, components, accountant, chairman):
    from programs.services.budget import estimate_create, estimate_line_add, estimate_return, estimate_submit

    allocate(components["7.2"], 1, accountant, source="local")
    estimate = estimate_create(
        commune=components["7.2"].plan.commune, year=2024, title="Dự toán", user=accountant
    )
    estimate_line_add(
        estimate=estimate,
        component=components["7.2"],
        source="local",
        content="Giám sát",
        amount=1,
        user=accountant,
    )
    estimate_submit(estimate=estimate, user=accountant)
    estimate_return(estimate=estimate, comment="Bổ sung căn cứ", user=chairman)
    page = client_for(accountant).get(reverse("programs:estimate_detail", args=[estimate.pk]))
    assert 'data-testid="transitions"' in page.text
    assert "Bổ sung căn cứ" in page.text and chairman.display_name in page.text
