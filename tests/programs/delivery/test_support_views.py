"""Support pages: the list and detail matrix, the recording form refusing bad input in Vietnamese, and the
support a household received shown on its page."""

import datetime

import pytest
from django.urls import reverse

from programs import messages as msg
from programs.models import Support
from programs.queries.delivery import household_support
from tests.programs.delivery.factories import make_support

pytestmark = pytest.mark.django_db


def test_support_list_scope_by_role(client_for, support, head1, head2, labour_officer, fatherland_front):
    url = reverse("programs:support_list")
    assert "KP1-0001" in client_for(labour_officer).get(url).text
    assert "KP1-0001" in client_for(fatherland_front).get(url).text
    assert "KP1-0001" in client_for(head1).get(url).text
    outsider = client_for(head2).get(url)
    assert outsider.status_code == 200 and "KP1-0001" not in outsider.text


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
