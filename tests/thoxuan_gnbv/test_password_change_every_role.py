"""The "Đổi mật khẩu" link is in the account menu of every role and its page opens for each of them."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from thoxuan_gnbv.models import Role

pytestmark = pytest.mark.django_db

PERSONAS = [
    "chairman",
    "vice_chairman",
    "labour_officer",
    "agriculture_officer",
    "culture_officer",
    "health_station",
    "accountant",
    "head1",
    "fatherland_front",
    "upper_viewer",
    "admin_user",
]


def test_every_role_is_covered():
    fixtures_roles = {"head1": Role.NEIGHBORHOOD_HEAD, "upper_viewer": Role.UPPER_VIEWER}
    assert {fixtures_roles.get(name, name) for name in PERSONAS} >= set(Role.values)


@pytest.mark.parametrize("persona", PERSONAS)
def test_menu_links_to_the_password_page_and_it_opens(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    home = client.get(reverse("home")).content.decode()
    assert f'<a class="dropdown-item" href="{reverse("password_change")}">Đổi mật khẩu</a>' in home
    page = client.get(reverse("password_change"))
    assert page.status_code == 200 and "Mật khẩu mới" in page.content.decode()


def test_administrator_without_a_commune_reaches_it_too(client_for):
    admin = UserFactory(username="quantri2", role="", commune=None, is_staff=True, is_superuser=True)
    assert client_for(admin).get(reverse("password_change")).status_code == 200
