"""The shared optimistic-locking and unique-race helpers, on the household registry's models."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from households.models import Household, Member
from tests.households.factories import HouseholdFactory, MemberFactory, NeighborhoodFactory
from thoxuan_gnbv import messages
from thoxuan_gnbv.concurrency import save_versioned, stale_changes
from thoxuan_gnbv.integrity import unique_errors, violated_constraint

pytestmark = pytest.mark.django_db


def test_postgresql_message_is_matched_by_constraint_name():
    error = IntegrityError(
        'duplicate key value violates unique constraint "household_code_unique_per_commune"\n'
        "DETAIL:  Key (commune_id, code)=(1, KP1-0001) already exists."
    )
    assert violated_constraint(Household, error) == "household_code_unique_per_commune"


def test_sqlite_message_is_matched_by_its_columns():
    error = IntegrityError("UNIQUE constraint failed: households_member.national_id")
    assert violated_constraint(Member, error) == "member_national_id_unique"
    other = IntegrityError(
        "UNIQUE constraint failed: households_household.commune_id, households_household.code"
    )
    assert violated_constraint(Household, other) == "household_code_unique_per_commune"


def test_an_unnamed_integrity_error_passes_through():
    with pytest.raises(IntegrityError), unique_errors(Household, {"household_code_unique_per_commune": "x"}):
        raise IntegrityError("NOT NULL constraint failed: households_household.code")


def test_a_real_duplicate_becomes_a_field_error():
    first = HouseholdFactory(code="KP1-0001")
    duplicate = Household(
        commune=first.commune, neighborhood=first.neighborhood, code="KP1-0001", head_name="B"
    )
    with (
        pytest.raises(ValidationError) as caught,
        unique_errors(Household, {"household_code_unique_per_commune": "Mã trùng."}),
    ):
        duplicate.save()
    assert caught.value.message_dict == {"code": ["Mã trùng."]}


def test_a_save_from_no_form_is_a_plain_save_that_bumps_the_version():
    household = HouseholdFactory(address="")
    household.address = "Số 1"
    save_versioned(household, version=None, fields=["address"])
    household.refresh_from_db()
    assert (household.address, household.version) == ("Số 1", 2)


def test_a_full_save_anywhere_makes_open_forms_stale():
    household = HouseholdFactory()
    household.head_name = "Người khác"
    household.save()  # e.g. the admin or the workbook import
    household.head_name = "Tôi"
    with pytest.raises(ValidationError) as caught:
        save_versioned(household, version=1, fields=["head_name"])
    assert "Họ và tên chủ hộ: Người khác → Tôi" in caught.value.messages[0]
    assert Household.objects.get(pk=household.pk).head_name == "Người khác"


def test_the_diff_shows_choices_flags_dates_relations_and_empty_values_in_vietnamese():
    member = MemberFactory(sex="male", has_disability=False, national_id="")
    mine = Member.objects.get(pk=member.pk)
    mine.sex = "female"
    mine.has_disability = True
    mine.national_id = "038190000123"
    mine.date_of_birth = datetime.date(1990, 3, 4)
    mine.household = HouseholdFactory(neighborhood=NeighborhoodFactory(), code="KP9-0001")
    changes = stale_changes(
        member, mine, ["sex", "has_disability", "national_id", "date_of_birth", "household"]
    )
    assert changes[0] == f"Giới tính: {member.get_sex_display()} → {mine.get_sex_display()}"
    assert changes[1].endswith(f"{messages.NO} → {messages.YES}")
    assert changes[2] == f"Số CCCD: {messages.EMPTY_VALUE} → 038190000123"
    assert changes[3].endswith("01/05/1985 → 04/03/1990")
    assert changes[4].endswith(f"{member.household} → {mine.household}")
