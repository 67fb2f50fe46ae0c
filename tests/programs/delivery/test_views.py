"""Pages of delivery and budget: the permission matrix, what each page shows, bad input answered in
Vietnamese, immutability through POST and admin, and query counts that do not grow with rows."""

import datetime

import pytest
from django.urls import reverse

from programs import messages as msg
from programs.models import Activity, Disbursement, EstimateStatus, Support, SupportType
from programs.queries.delivery import household_support
from programs.services.budget import estimate_create, estimate_line_add, estimate_submit
from programs.services.eligibility import EligibilityBasis
from tests.factories import UserFactory
from tests.programs.delivery.factories import approved_estimate

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 5, 10)


def make_support(component, household, user, n=0, **extra):
    values = {
        "component": component,
        "household": household,
        "supported_on": DAY - datetime.timedelta(days=n % 100),
        "support_type": SupportType.SEEDLINGS_LIVESTOCK,
        "description": f"Hỗ trợ giống gà lần {n}",
        "unit": "con",
        "quantity": 50,
        "central_amount": 1_000_000,
        "eligibility_basis": EligibilityBasis.POOR,
        "recorded_by": user,
    }
    values.update(extra)
    return Support.objects.create(**values)


def make_activity(component, user, n=0, **extra):
    values = {
        "component": component,
        "activity_type": "communication",
        "title": f"Truyền thông giảm nghèo số {n}",
        "held_on": DAY,
        "place": "Nhà văn hóa khu phố 1",
        "participants": 40,
        "participants_women": 25,
        "local_amount": 2_000_000,
        "recorded_by": user,
    }
    values.update(extra)
    return Activity.objects.create(**values)


@pytest.fixture
def support(components, poor_household, agriculture_officer):
    return make_support(components["3.1"], poor_household, agriculture_officer)


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


def test_support_list_scope_by_role(client_for, support, head1, head2, labour_officer, fatherland_front):
    url = reverse("programs:support_list")
    assert "KP1-0001" in client_for(labour_officer).get(url).text
    assert "KP1-0001" in client_for(fatherland_front).get(url).text
    assert "KP1-0001" in client_for(head1).get(url).text
    outsider = client_for(head2).get(url)
    assert outsider.status_code == 200 and "KP1-0001" not in outsider.text


def test_user_without_role_gets_403(client_for, support):
    nobody = UserFactory(username="khongvaitro", role="")
    for name in ("programs:support_list", "programs:activity_list", "programs:budget_overview"):
        assert client_for(nobody).get(reverse(name)).status_code == 403


def test_support_detail_matrix(client_for, support, head1, head2, agriculture_officer):
    url = reverse("programs:support_detail", args=[support.pk])
    assert client_for(head2).get(url).status_code == 404
    own = client_for(head1).get(url)
    assert own.status_code == 200 and "Hỗ trợ giống gà lần 0" in own.text
    assert client_for(agriculture_officer).get(url).status_code == 200


def test_only_recording_officers_open_the_support_form(
    client_for, components, poor_household, accountant, head1, health_station
):
    url = reverse("programs:support_create") + f"?household={poor_household.pk}"
    assert client_for(accountant).get(url).status_code == 403
    assert client_for(head1).get(url).status_code == 403
    page = client_for(health_station).get(url)
    assert page.status_code == 200
    # The health station is offered its own component only.
    assert "Cải thiện dinh dưỡng" in page.text
    assert "Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp" not in page.text


def test_activities_and_overview_are_not_for_khu_pho_heads(client_for, components, head1):
    assert client_for(head1).get(reverse("programs:activity_list")).status_code == 403
    assert (
        client_for(head1).get(reverse("programs:component_overview", args=[components["2"].pk])).status_code
        == 403
    )


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


# --- writes through the pages --------------------------------------------------------------------


def test_support_form_refuses_an_ineligible_household_in_vietnamese(
    client_for, components, average_household, agriculture_officer
):
    url = reverse("programs:support_create") + f"?household={average_household.pk}"
    response = client_for(agriculture_officer).post(
        url,
        {
            "component": components["3.1"].pk,
            "supported_on": "10/05/2024",
            "support_type": "seedlings_livestock",
            "description": "Giống bò",
            "quantity": "1",
            "unit": "con",
            "central_amount": "15.000.000",
        },
    )
    assert response.status_code == 200
    assert msg.NOT_BENEFICIARY.format(date="10/05/2024") in response.text
    assert not Support.objects.exists()


def test_support_form_refuses_negative_and_fractional_money(
    client_for, components, poor_household, agriculture_officer
):
    url = reverse("programs:support_create") + f"?household={poor_household.pk}"
    response = client_for(agriculture_officer).post(
        url,
        {
            "component": components["3.1"].pk,
            "supported_on": "10/05/2024",
            "support_type": "seedlings_livestock",
            "description": "Giống bò",
            "quantity": "1",
            "unit": "con",
            "central_amount": "-5.000",
            "local_amount": "1,5",
        },
    )
    assert msg.MONEY_NEGATIVE in response.text and msg.MONEY_NOT_INTEGER in response.text
    assert not Support.objects.exists()


def test_support_form_records_and_redirects(client_for, components, poor_household, agriculture_officer):
    url = reverse("programs:support_create") + f"?household={poor_household.pk}"
    response = client_for(agriculture_officer).post(
        url,
        {
            "component": components["3.1"].pk,
            "supported_on": "03/04/2024",
            "support_type": "seedlings_livestock",
            "description": "Giống bò sinh sản",
            "quantity": "1",
            "unit": "con",
            "central_amount": "15.000.000",
        },
    )
    support = Support.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "programs:support_detail", args=[support.pk]
    )
    assert support.supported_on == datetime.date(2024, 4, 3)  # day first
    assert support.central_amount == 15_000_000


def test_chairman_approves_through_the_page_and_a_second_approval_changes_nothing(
    client_for, commune, components, accountant, chairman, vice_chairman
):
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

    response = client_for(chairman).get(reverse("programs:component_overview", args=[component.pk]))
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


def test_household_support_is_one_query_grouped_by_year_and_component(
    django_assert_num_queries, components, poor_household, agriculture_officer, health_station
):
    make_support(components["3.1"], poor_household, agriculture_officer, 1)
    make_support(components["3.1"], poor_household, agriculture_officer, 2)
    make_support(components["3.2"], poor_household, health_station, 3, member=poor_household.members.first())
    with django_assert_num_queries(1):
        groups = household_support(poor_household)
        assert [len(g.rows) for g in groups] == [2, 1] or [len(g.rows) for g in groups] == [1, 2]
        assert all(g.year == 2024 for g in groups)


def test_household_support_panel_renders_the_section_with_the_record_button_for_officers(
    rf, components, poor_household, agriculture_officer, head1
):
    from django.template import Context, Template

    make_support(components["3.1"], poor_household, agriculture_officer, 1)
    template = Template('{% load panels %}{% panels "household_detail" household %}')

    def render(user):
        request = rf.get("/")
        request.user = user
        return template.render(Context({"household": poor_household, "request": request}))

    html = render(agriculture_officer)
    assert "Năm 2024" in html and "Hỗ trợ giống gà lần 1" in html and "1.000.000 đ" in html
    assert f"?household={poor_household.pk}" in html
    as_head = render(head1)
    assert "Hỗ trợ giống gà lần 1" in as_head and "?household=" not in as_head


def test_home_tasks_for_chairman_and_accountant(client_for, commune, components, accountant, chairman):
    estimate = estimate_create(commune=commune, year=2024, title="Dự toán quý II", user=accountant)
    estimate_line_add(
        estimate=estimate, component=components["2"], source="central", content="x", amount=5, user=accountant
    )
    estimate_submit(estimate=estimate, user=accountant)
    assert "Dự toán “Dự toán quý II” chờ phê duyệt" in client_for(chairman).get("/").text
    approved_estimate(commune, components["2"], amount=10, accountant=accountant, approver=chairman)
    assert "còn kinh phí chưa giải ngân" in client_for(accountant).get("/").text


def test_priority_groups_are_shown_on_the_support(client_for, components, poor_household, health_station):
    spouse = poor_household.members.get(full_name="Nguyễn Thị Hoa")  # ethnic minority, poor household
    support = make_support(components["3.2"], poor_household, health_station, 1, member=spouse)
    assert support.priority_groups == ["Dân tộc thiểu số", "Phụ nữ hộ nghèo"]
    page = client_for(health_station).get(reverse("programs:support_detail", args=[support.pk]))
    assert "Phụ nữ hộ nghèo" in page.text
    disabled = poor_household.members.get(full_name="Lê Văn Mười Sáu")
    assert make_support(
        components["3.2"], poor_household, health_station, 2, member=disabled
    ).priority_groups == ["Người khuyết tật"]


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
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        counts.append(len(few.captured_queries))
    for n in range(1, 30):
        make_support(components["3.1"], poor_household, agriculture_officer, n)
        make_activity(components["3.1"], agriculture_officer, n)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            assert client.get(url).status_code == 200


def test_accountant_prepares_and_submits_and_chairman_returns_through_the_pages(
    client_for, components, accountant, chairman
):
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


def test_household_page_shows_the_support_it_received(
    client_for, components, poor_household, agriculture_officer
):
    make_support(components["3.1"], poor_household, agriculture_officer, 1)
    page = client_for(agriculture_officer).get(
        reverse("households:household_detail", args=[poor_household.pk])
    )
    assert page.status_code == 200
    assert 'data-testid="household-support"' in page.text
    assert "Hỗ trợ giống gà lần 1" in page.text


def test_estimate_page_shows_its_log(client_for, components, accountant, chairman):
    from programs.services.budget import estimate_create, estimate_line_add, estimate_return, estimate_submit

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
