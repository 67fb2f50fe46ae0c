"""The commune seam: a user's commune, ``request.commune``, the one rule of which communes a user
covers, and the one way a management command names its commune."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from households import messages as household_messages
from households.queries import commune_by_code
from tests.factories import UserFactory
from thoxuan_gnbv import access, messages
from thoxuan_gnbv.models import Role


def test_a_role_without_a_commune_is_refused_in_vietnamese(db):
    user = UserFactory.build(username="vaitro-khong-xa", role=Role.LABOUR_OFFICER, commune=None)
    with pytest.raises(ValidationError) as caught:
        user.full_clean()
    assert caught.value.message_dict["commune"] == [messages.ROLE_WITHOUT_COMMUNE]


def test_an_administrator_may_have_no_commune(db):
    admin = UserFactory.build(username="quantri-chung", role="", is_superuser=True, commune=None)
    admin.set_password("MatKhau@Kiemthu1")
    admin.full_clean()
    assert access.commune_ids_of(admin) == []


def test_a_user_covers_their_own_commune_only(labour_officer, commune, other_commune, client):
    assert access.commune_ids_of(labour_officer) == [commune.pk]
    assert access.covers_commune(labour_officer, commune.pk)
    assert not access.covers_commune(labour_officer, other_commune.pk)
    response = client.get(reverse("login"))
    assert access.commune_ids_of(response.wsgi_request.user) == []


def test_request_commune_is_the_users_commune_and_names_the_layout(client_for, labour_officer, commune):
    response = client_for(labour_officer).get(reverse("home"))
    assert response.wsgi_request.commune == commune
    assert f"<strong>{commune.name}</strong>" in response.text


def test_the_login_page_names_no_commune(client, commune):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert response.wsgi_request.commune is None
    assert commune.name not in response.text


def test_a_role_without_a_commune_still_reaches_login_and_logout(client, db):
    user = UserFactory(username="cho-gan-xa", role=Role.CHAIRMAN, commune=None)
    client.force_login(user)
    home = client.get(reverse("home"))
    assert home.status_code == 403 and messages.NO_COMMUNE in home.text
    # The login page sends a signed-in user home (not a 403 of its own); signing out works.
    assert client.get(reverse("login")).status_code == 302
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_administrator_without_a_commune_gets_403_on_a_page_that_needs_one(client, db):
    admin = UserFactory(username="quantri-chung", role="", is_staff=True, is_superuser=True, commune=None)
    client.force_login(admin)
    assert client.get(reverse("households:household_list")).status_code == 403
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("home")).status_code == 200


def test_commune_by_code_may_be_left_out_only_with_one_commune(commune, other_commune):
    assert commune_by_code("kiem-thu") == commune
    with pytest.raises(ValidationError) as several:
        commune_by_code(None)
    assert several.value.messages == [household_messages.COMMUNE_REQUIRED]
    with pytest.raises(ValidationError) as unknown:
        commune_by_code("khong-co")
    assert unknown.value.messages == [household_messages.COMMUNE_UNKNOWN.format(code="khong-co")]


def test_commune_by_code_picks_the_only_commune(commune):
    assert commune_by_code("") == commune


def test_the_export_command_asks_for_the_commune_when_several_exist(commune, other_commune, tmp_path):
    out = tmp_path / "ho.xlsx"
    with pytest.raises(CommandError, match="--commune"):
        call_command("export_households", str(out), "--year", "2024")
    assert not out.exists()
