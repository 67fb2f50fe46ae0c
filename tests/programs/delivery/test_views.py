"""Pages of delivery and budget across the app: the login and role gates of every page, activities and the
component overview, keyset paging, home tasks, and query counts that do not grow with rows."""

import datetime

import pytest
from django.urls import reverse

from programs.services.budget import estimate_create, estimate_line_add, estimate_submit
from programs.services.eligibility import EligibilityBasis
from tests.factories import UserFactory
from tests.figure_worker import get_warm, run_figure_worker
from tests.programs.delivery.factories import DAY, allocate, approved_estimate, make_activity, make_support

pytestmark = pytest.mark.django_db


# --- permission matrix ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_login_from_every_page(client, support, components):
    for url in [
        reverse("programs:support_list"),
        reverse("programs:support_detail", args=[support.pk]),
        reverse("programs:activity_list"),
        reverse("programs:budget_overview"),
        reverse("programs:component_overview", args=[components["3.1"].pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response.url


def test_user_without_role_gets_403(client_for, support):
    nobody = UserFactory(username="khongvaitro", role="")
    for name in ("programs:support_list", "programs:activity_list", "programs:budget_overview"):
        assert client_for(nobody).get(reverse(name)).status_code == 403


def test_activities_and_overview_are_not_for_khu_pho_heads(client_for, components, head1):
    assert client_for(head1).get(reverse("programs:activity_list")).status_code == 403
    assert (
        client_for(head1).get(reverse("programs:component_overview", args=[components["2"].pk])).status_code
        == 403
    )


# --- the component overview ----------------------------------------------------------------------


def test_overview_figures_equal_independent_sums(
    client_for,
    commune,
    components,
    poor_household,
    average_household,
    agriculture_officer,
    accountant,
    chairman,
):
    from programs.services.budget import allocation_record, disbursement_record

    component = components["3.1"]
    spouse = poor_household.members.get(full_name="Nguyễn Thị Hoa")
    supports = [
        make_support(
            component, poor_household, agriculture_officer, 1, central_amount=3_000_000, local_amount=500_000
        ),
        make_support(
            component, poor_household, agriculture_officer, 2, member=spouse, mobilised_amount=700_000
        ),
        make_support(
            component,
            average_household,
            agriculture_officer,
            3,
            credit_amount=2_000_000,
            eligibility_basis=EligibilityBasis.EXCEPTION,
            is_exception=True,
            exception_reason="Hộ gặp thiên tai, UBND đồng ý hỗ trợ",
        ),
    ]
    make_support(
        components["2"], poor_household, agriculture_officer, 4, central_amount=99_000_000
    )  # elsewhere
    allocation_record(
        component=component,
        source="central",
        amount=40_000_000,
        decision_number="03/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 10),
        user=accountant,
    )
    line = approved_estimate(commune, component, amount=30_000_000, accountant=accountant, approver=chairman)
    for amount in (7_000_000, 5_000_000):
        disbursement_record(
            line=line, paid_on=DAY, amount=amount, voucher_number="PC", payee="HTX", user=accountant
        )

    response = get_warm(client_for(chairman), reverse("programs:component_overview", args=[component.pk]))
    overview = response.context["overview"]

    supported_households = {s.household_id for s in supports}
    household_level = {s.household_id for s in supports if s.member_id is None}
    people = {
        m.pk for h in (poor_household, average_household) if h.pk in household_level for m in h.members.all()
    }
    people |= {s.member_id for s in supports if s.member_id}
    assert overview.beneficiaries.households == len(supported_households) == 2
    assert overview.beneficiaries.people == len(people)
    # The spouse is a woman of a household supported as poor; she is also ethnic minority.
    assert overview.beneficiaries.women_of_poor_households == sum(
        1 for h in [poor_household] for m in h.members.all() if m.sex == "female"
    )
    assert overview.beneficiaries.people_ethnic_minority == 1
    assert overview.beneficiaries.people_with_disability == 1
    assert overview.support_count == 3 and overview.exception_count == 1
    assert overview.support_total == sum(s.total_amount for s in supports)
    assert overview.budget_total.allocated == 40_000_000
    assert overview.budget_total.estimated == 30_000_000
    assert overview.budget_total.disbursed == 12_000_000
    assert overview.budget_total.remaining == 40_000_000 - 12_000_000
    assert overview.budget_total.rate == pytest.approx(12 / 40)
    assert "30,0 %" in response.text
    assert "28.000.000 đ" in response.text


# --- query counts --------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["programs:support_list", "programs:activity_list"])
def test_list_pages_cost_the_same_queries_at_5_and_50_rows(
    client_for,
    django_assert_num_queries,
    components,
    poor_household,
    agriculture_officer,
    labour_officer,
    page,
):
    client = client_for(labour_officer)
    url = reverse(page)

    def fill(count):
        for n in range(count):
            make_support(components["3.1"], poor_household, agriculture_officer, n)
            make_activity(components["6.2"], labour_officer, n)

    fill(5)
    client.get(url)  # warm the session and caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    fill(45)
    with django_assert_num_queries(len(five.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"].items) == 50


def test_list_pages_page_by_keyset(
    client_for, components, poor_household, agriculture_officer, labour_officer
):
    for n in range(55):
        make_support(components["3.1"], poor_household, agriculture_officer, n)
    client = client_for(labour_officer)
    first = client.get(reverse("programs:support_list"))
    assert len(first.context["page"].items) == 50
    second = client.get(reverse("programs:support_list") + first.context["next_url"])
    seen = {s.pk for s in first.context["page"].items} | {s.pk for s in second.context["page"].items}
    assert len(seen) == 55


def test_home_tasks_for_chairman_and_accountant(client_for, commune, components, accountant, chairman):
    allocate(components["2"], 5, accountant)
    estimate = estimate_create(commune=commune, year=2024, title="Dự toán quý II", user=accountant)
    estimate_line_add(
        estimate=estimate, component=components["2"], source="central", content="x", amount=5, user=accountant
    )
    estimate_submit(estimate=estimate, user=accountant)
    assert "Dự toán “Dự toán quý II” chờ phê duyệt" in client_for(chairman).get("/").text
    approved_estimate(commune, components["2"], amount=10, accountant=accountant, approver=chairman)
    assert "còn kinh phí chưa giải ngân" in client_for(accountant).get("/").text


def test_overview_and_budget_pages_cost_the_same_queries_whatever_the_records(
    client_for, django_assert_num_queries, components, poor_household, agriculture_officer, chairman
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(chairman)
    urls = [
        reverse("programs:component_overview", args=[components["3.1"].pk]),
        reverse("programs:budget_overview"),
    ]
    make_support(components["3.1"], poor_household, agriculture_officer, 0)
    counts = []
    for url in urls:
        get_warm(client, url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        counts.append(len(few.captured_queries))
    for n in range(1, 30):
        make_support(components["3.1"], poor_household, agriculture_officer, n)
        make_activity(components["3.1"], agriculture_officer, n)
    run_figure_worker()  # the worker recomputes what the records made stale
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            assert client.get(url).status_code == 200
