"""Household codes suggested per khu phố (``KP1-0036``), overridable; exactly one head per household
(the form, the service and a partial unique index)."""

import html

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from households import messages
from households.models import Household, Member, Relation
from households.services import registry
from households.services.household_codes import suggest_code, suggest_codes
from tests.households.factories import HouseholdFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_the_next_code_of_a_khu_pho_follows_its_highest_number(neighborhood1, neighborhood2):
    for number in (1, 35, 7):
        HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-{number:04d}")
    HouseholdFactory(neighborhood=neighborhood2, code="KP2-0100")
    assert suggest_code(neighborhood1) == "KP1-0036"
    assert suggest_codes([neighborhood1, neighborhood2]) == {
        neighborhood1.pk: "KP1-0036",
        neighborhood2.pk: "KP2-0101",
    }


def test_a_khu_pho_without_households_starts_at_one(commune):
    from tests.factories import NeighborhoodFactory

    empty = NeighborhoodFactory(commune=commune, name="Khu phố 7", position=7)
    assert suggest_code(empty) == "KP7-0001"


def test_the_form_offers_the_suggestion_and_a_blank_code_takes_it(client_for, labour_officer, neighborhood1):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0035")
    client = client_for(labour_officer)
    page = client.get(reverse("households:household_create"))
    assert "KP1-0036" in html.unescape(page.text) and "households-code.js" in page.text
    data = {"neighborhood": neighborhood1.pk, "code": "", "head_name": "Lê Thị Mai"}
    response = client.post(reverse("households:household_create"), data)
    assert response.status_code == 302
    assert Household.objects.get(head_name="Lê Thị Mai").code == "KP1-0036"


def test_a_typed_code_overrides_the_suggestion(client_for, labour_officer, neighborhood1):
    data = {"neighborhood": neighborhood1.pk, "code": "KP1-9000", "head_name": "Lê Thị Mai"}
    client_for(labour_officer).post(reverse("households:household_create"), data)
    assert Household.objects.get(head_name="Lê Thị Mai").code == "KP1-9000"


def test_a_suggestion_taken_meanwhile_is_a_form_error_not_a_500(
    client_for, labour_officer, neighborhood1, monkeypatch
):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001")
    monkeypatch.setattr(registry, "suggest_code", lambda neighborhood: "KP1-0001")  # another officer won
    data = {"neighborhood": neighborhood1.pk, "code": "", "head_name": "Lê Thị Mai"}
    response = client_for(labour_officer).post(reverse("households:household_create"), data)
    assert response.status_code == 200
    assert messages.HOUSEHOLD_CODE_USED in html.unescape(response.text)
    assert not Household.objects.filter(head_name="Lê Thị Mai").exists()


def test_a_second_head_is_refused_naming_the_field(client_for, labour_officer, house1):
    MemberFactory(household=house1, full_name="Nguyễn Thị Hường", relation_to_head=Relation.HEAD)
    data = {
        "full_name": "Đỗ Văn Bình",
        "sex": "male",
        "relation_to_head": "head",
        "has_health_insurance": "on",
    }
    response = client_for(labour_officer).post(reverse("households:member_create", args=[house1.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["relation_to_head"] == [
        messages.HEAD_ALREADY.format(name="Nguyễn Thị Hường")
    ]
    assert house1.members.count() == 1


def test_moving_a_head_into_a_household_with_a_head_is_refused(labour_officer, house1, house2):
    MemberFactory(household=house1, relation_to_head=Relation.HEAD)
    mover = MemberFactory(household=house2, relation_to_head=Relation.HEAD)
    with pytest.raises(Exception, match="Hộ đã có chủ hộ"):
        registry.member_update(member=mover, user=labour_officer, household=house1)
    assert Member.objects.get(pk=mover.pk).household_id == house2.pk


def test_the_database_refuses_a_second_head(house1):
    MemberFactory(household=house1, relation_to_head=Relation.HEAD)
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory(household=house1, relation_to_head=Relation.HEAD)
    MemberFactory(household=house1, relation_to_head=Relation.CHILD)  # other relations stay free
    assert house1.members.filter(relation_to_head=Relation.HEAD).count() == 1
