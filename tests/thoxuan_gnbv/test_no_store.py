"""Pages and files with personal data are never cached (Cache-Control: private, no-store) for a signed-in
user; static files and anonymous responses keep their own caching."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from households.models import Category
from tests.households.factories import HouseholdFactory, MemberFactory, add_result, approved_round
from thoxuan_gnbv.middleware import NoStoreMiddleware

pytestmark = pytest.mark.django_db


def assert_no_store(response):
    directives = {d.strip() for d in response.headers.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, response.headers.get("Cache-Control")


@pytest.fixture
def house(commune, neighborhood1):
    household = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_national_id="038123456712")
    MemberFactory(household=household, national_id="038987654321")
    add_result(approved_round(commune, 2024), household, Category.POOR)
    return household


def test_personal_pages_and_the_export_are_not_stored(client_for, labour_officer, house):
    client = client_for(labour_officer)
    member = house.members.get()
    for url in [
        reverse("households:household_list"),
        reverse("households:household_detail", args=[house.pk]),
        reverse("households:member_edit", args=[member.pk]),
        reverse("households:member_create", args=[house.pk]),
        reverse("households:household_export") + "?year=2024",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_store(response)


def test_an_error_page_for_a_signed_in_user_is_not_stored_either(client_for, head2, house):
    response = client_for(head2).get(reverse("households:household_detail", args=[house.pk]))
    assert response.status_code == 404
    assert_no_store(response)


def _through_middleware(path, user):
    request = RequestFactory().get(path)
    request.user = user
    return NoStoreMiddleware(lambda r: HttpResponse("x"))(request)


def test_static_files_and_anonymous_responses_are_left_alone(labour_officer):
    assert "Cache-Control" not in _through_middleware("/static/vendor/app.css", labour_officer)
    assert "Cache-Control" not in _through_middleware("/dang-nhap/", AnonymousUser())
    assert_no_store(_through_middleware("/households/", labour_officer))
