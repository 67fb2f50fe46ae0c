"""programs fills the registry's household page through the "household_detail" panel: the support a
household received, for those who may see support, with the record button for recording officers only,
and with the page's query count unchanged from when the template loaded a programs tag (10)."""

import pytest
from django.urls import reverse

from tests.programs.delivery.test_views import make_support

pytestmark = pytest.mark.django_db
# The page with its panels (the certificate panel reads the latest decision: one query), plus the
# access-log row (savepoint, insert, release: Luật 91/2025/QH15).
HOUSEHOLD_PAGE_QUERIES = 13


def _page(client_for, user, household):
    return client_for(user).get(reverse("households:household_detail", args=[household.pk]))


def test_recording_officer_sees_the_support_and_the_record_button(
    client_for, components, poor_household, agriculture_officer
):
    make_support(components["3.1"], poor_household, agriculture_officer, 1)
    page = _page(client_for, agriculture_officer, poor_household)
    assert 'data-testid="household-support"' in page.text
    assert "Hỗ trợ giống gà lần 1" in page.text
    assert f"?household={poor_household.pk}" in page.text


@pytest.mark.parametrize("persona", ["chairman", "head1", "fatherland_front"])
def test_readers_see_the_support_without_the_record_button(
    request, client_for, components, poor_household, agriculture_officer, persona
):
    make_support(components["3.1"], poor_household, agriculture_officer, 1)
    page = _page(client_for, request.getfixturevalue(persona), poor_household)
    assert page.status_code == 200
    assert "Hỗ trợ giống gà lần 1" in page.text
    assert "Ghi nhận hỗ trợ" not in page.text


@pytest.mark.parametrize("persona", ["labour_officer", "chairman"])
def test_household_page_query_count_is_unchanged_by_the_panel(
    request, client_for, components, poor_household, agriculture_officer, persona, django_assert_num_queries
):
    make_support(components["3.1"], poor_household, agriculture_officer, 1)
    make_support(components["3.1"], poor_household, agriculture_officer, 2)
    client = client_for(request.getfixturevalue(persona))
    url = reverse("households:household_detail", args=[poor_household.pk])
    client.get(url)  # warm the session
    with django_assert_num_queries(HOUSEHOLD_PAGE_QUERIES):
        page = client.get(url)
    assert "Hỗ trợ giống gà lần 2" in page.text
