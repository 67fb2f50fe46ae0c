"""Registering and editing households and members: the rules and their Vietnamese messages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from households import messages
from households.models import Household
from households.services import registry
from tests.factories import CommuneFactory, NeighborhoodFactory
from tests.households.factories import HouseholdFactory, MemberFactory

pytestmark = pytest.mark.django_db


def register(commune, neighborhood, user, **extra):
    data = {"neighborhood": neighborhood, "code": "KP1-0001", "head_name": "Nguyễn Thị Hường"} | extra
    return registry.household_register(commune=commune, user=user, **data)


def error_of(exc_info, field):
    return exc_info.value.message_dict[field]


def test_register_stores_a_folded_search_key_and_history(commune, neighborhood1, labour_officer):
    household = register(commune, neighborhood1, labour_officer, head_national_id="038190000123")
    assert household.search_key == "kp1-0001 nguyen thi huong 038190000123"
    assert household.history.count() == 1


def test_household_code_already_used_in_the_commune_is_refused(commune, neighborhood1, labour_officer):
    register(commune, neighborhood1, labour_officer)
    with pytest.raises(ValidationError) as exc_info:
        register(commune, neighborhood1, labour_officer, head_name="Khác")
    assert error_of(exc_info, "code") == [messages.HOUSEHOLD_CODE_USED]
    assert Household.objects.count() == 1


def test_same_code_in_another_commune_is_allowed(commune, neighborhood1, other_commune, labour_officer):
    register(commune, neighborhood1, labour_officer)
    register(other_commune, NeighborhoodFactory(commune=other_commune), labour_officer)
    assert Household.objects.filter(code="KP1-0001").count() == 2


@pytest.mark.parametrize("bad", ["12345", "03819000012a", "0381900001234"])
def test_head_national_id_must_be_12_digits(commune, neighborhood1, labour_officer, bad):
    with pytest.raises(ValidationError) as exc_info:
        register(commune, neighborhood1, labour_officer, head_national_id=bad)
    assert messages.NATIONAL_ID_FORMAT in error_of(exc_info, "head_national_id")


def test_national_id_already_used_by_a_member_elsewhere_is_refused(commune, neighborhood1, labour_officer):
    MemberFactory(household=HouseholdFactory(neighborhood=neighborhood1), national_id="038190000123")
    with pytest.raises(ValidationError) as exc_info:
        register(commune, neighborhood1, labour_officer, head_national_id="038190000123")
    assert error_of(exc_info, "head_national_id") == [messages.NATIONAL_ID_USED]


def test_neighborhood_of_another_commune_is_refused(commune, other_commune, labour_officer):
    with pytest.raises(ValidationError) as exc_info:
        register(commune, NeighborhoodFactory(commune=other_commune), labour_officer)
    assert error_of(exc_info, "neighborhood") == [messages.NEIGHBORHOOD_OTHER_COMMUNE]


def test_adding_members_derives_the_household_flags(commune, neighborhood1, labour_officer):
    household = register(commune, neighborhood1, labour_officer)
    registry.member_add(
        household=household,
        user=labour_officer,
        full_name="Lò Văn Páo",
        date_of_birth=datetime.date(1950, 1, 1),
        sex="male",
        is_ethnic_minority=True,
        is_meritorious=True,
    )
    household.refresh_from_db()
    assert household.without_labour_capacity  # only member is past working age
    assert household.is_ethnic_minority and household.has_meritorious_person
    assert "lo van pao" in household.search_key
    registry.member_add(
        household=household,
        user=labour_officer,
        full_name="Lò Thị Mai",
        date_of_birth=datetime.date(1995, 3, 3),
        sex="female",
    )
    household.refresh_from_db()
    assert not household.without_labour_capacity


def test_member_birth_date_in_the_future_is_refused(commune, neighborhood1, labour_officer):
    household = register(commune, neighborhood1, labour_officer)
    with pytest.raises(ValidationError) as exc_info:
        registry.member_add(
            household=household,
            user=labour_officer,
            full_name="Bé",
            date_of_birth=timezone.localdate() + datetime.timedelta(days=2),
            sex="male",
        )
    assert error_of(exc_info, "date_of_birth") == [messages.BIRTH_DATE_FUTURE]
    assert not household.members.exists()


def test_member_national_id_used_twice_is_refused(commune, neighborhood1, labour_officer):
    household = register(commune, neighborhood1, labour_officer)
    MemberFactory(national_id="038190000999")
    with pytest.raises(ValidationError) as exc_info:
        registry.member_add(
            household=household, user=labour_officer, full_name="A", sex="male", national_id="038190000999"
        )
    assert error_of(exc_info, "national_id") == [messages.NATIONAL_ID_USED]


def test_head_may_also_be_listed_as_a_member_with_the_same_national_id(
    commune, neighborhood1, labour_officer
):
    household = register(commune, neighborhood1, labour_officer, head_national_id="038190000123")
    member = registry.member_add(
        household=household,
        user=labour_officer,
        full_name="Nguyễn Thị Hường",
        sex="female",
        national_id="038190000123",
    )
    assert member.pk


def test_member_cannot_move_to_a_household_of_another_commune(commune, neighborhood1, labour_officer):
    member = MemberFactory(household=HouseholdFactory(neighborhood=neighborhood1))
    elsewhere = HouseholdFactory(neighborhood=NeighborhoodFactory(commune=CommuneFactory()))
    with pytest.raises(ValidationError) as exc_info:
        registry.member_update(member=member, user=labour_officer, household=elsewhere)
    assert error_of(exc_info, "household") == [messages.MEMBER_OTHER_COMMUNE]
    member.refresh_from_db()
    assert member.household.neighborhood == neighborhood1


def test_member_moves_inside_the_commune_and_both_households_are_refreshed(
    commune, neighborhood1, labour_officer
):
    source = HouseholdFactory(neighborhood=neighborhood1)
    target = HouseholdFactory(neighborhood=neighborhood1)
    member = registry.member_add(household=source, user=labour_officer, full_name="Trịnh Văn Nam", sex="male")
    registry.member_update(member=member, user=labour_officer, household=target)
    source.refresh_from_db()
    target.refresh_from_db()
    assert "trinh van nam" in target.search_key and "trinh van nam" not in source.search_key
    assert member.history.count() == 2
