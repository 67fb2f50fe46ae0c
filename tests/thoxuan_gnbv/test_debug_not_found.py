"""Under ``make run`` (DEBUG on) a missing portal page is the portal's Vietnamese 404 page, not
Django's English technical page; the admin keeps Django's debug page for developers."""

import pytest
from django.urls import reverse

from tests.households.factories import HouseholdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def _is_portal_404(response) -> bool:
    page = response.content.decode()
    return response.status_code == 404 and "Không tìm thấy trang" in page and "Page not found" not in page


def test_unknown_address_is_the_vietnamese_page(debug, client_for, labour_officer):
    response = client_for(labour_officer).get("/khong-co-trang-nay/")
    assert _is_portal_404(response)
    assert reverse("home") in response.content.decode()  # the portal's menu and "Về trang chủ"


def test_object_of_another_commune_is_the_vietnamese_page(debug, client_for, labour_officer, other_commune):
    from tests.factories import NeighborhoodFactory

    theirs = HouseholdFactory(neighborhood=NeighborhoodFactory(commune=other_commune))
    response = client_for(labour_officer).get(reverse("households:household_detail", args=[theirs.pk]))
    assert _is_portal_404(response)


def test_anonymous_unknown_address_is_the_vietnamese_page(debug, client):
    assert _is_portal_404(client.get("/khong-co-trang-nay/"))


def test_missing_slash_still_redirects(debug, client_for, labour_officer):
    url = reverse("households:household_list")
    response = client_for(labour_officer).get(url.rstrip("/"))
    assert response.status_code == 301 and response["Location"] == url


def test_admin_keeps_django_debug_page(debug, client_for, admin_user):
    response = client_for(admin_user).get("/admin/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" not in response.content.decode()
