"""The boundary checks every form runs: invisible characters and dates outside 1900 … today + 1 year."""

import datetime

import pytest
import time_machine
from django import forms
from django.urls import reverse

from households.models import Household, Member
from programs.forms.budget import AllocationForm
from programs.models import PlanComponent
from tests.households.factories import HouseholdFactory, MemberFactory
from thoxuan_gnbv import messages
from thoxuan_gnbv.inputs import BoundaryForm, date_range_error, latest_date
from thoxuan_gnbv.text import INVISIBLE, has_invisible, strip_invisible

LOOKALIKES = ["\u200b", "\u200d", "\u200e", "\u202e", "\u2060", "\u2066", "\ufeff", "\u00ad"]


class _SampleForm(BoundaryForm):
    code = forms.CharField(label="Mã hộ")
    head_name = forms.CharField(label="Họ tên chủ hộ")
    day = forms.DateField(label="Ngày sinh", input_formats=["%d/%m/%Y"])


@pytest.mark.parametrize("char", LOOKALIKES)
def test_each_listed_invisible_character_is_found_and_stripped(char):
    assert char in INVISIBLE
    assert has_invisible(f"KP1{char}-0001")
    assert strip_invisible(f"Nguyễn{char} Văn A") == "Nguyễn Văn A"


def test_ordinary_vietnamese_text_has_no_invisible_character():
    assert not has_invisible("Nguyễn Thị Hường – Khu phố 1, số 12/KH-UBND")


@pytest.mark.parametrize("char", LOOKALIKES)
def test_code_with_an_invisible_character_is_refused_naming_the_field(char):
    form = _SampleForm(data={"code": f"KP1-{char}0001", "head_name": "A", "day": "01/01/1980"})
    assert not form.is_valid()
    assert form.errors["code"] == [messages.INVISIBLE_IN_CODE.format(label="Mã hộ")]


def test_name_keeps_what_one_sees_without_the_invisible_characters():
    form = _SampleForm(data={"code": "KP1-0001", "head_name": "Lê\u200b Văn\u202e Nam", "day": "01/01/1980"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["head_name"] == "Lê Văn Nam"


@pytest.mark.parametrize("typed", ["01/01/0001", "31/12/9999", "31/12/1899"])
def test_dates_outside_the_plausible_range_are_refused_naming_the_field(typed):
    form = _SampleForm(data={"code": "KP1-0001", "head_name": "A", "day": typed})
    assert not form.is_valid()
    assert form.errors["day"][0].startswith("Ngày sinh: ngày phải trong khoảng từ 01/01/1900 đến ")


@time_machine.travel(datetime.datetime(2024, 2, 29, 12, tzinfo=datetime.UTC), tick=False)
def test_the_range_ends_a_year_from_today_even_on_29_february():
    assert latest_date() == datetime.date(2025, 2, 28)
    assert date_range_error("Ngày", datetime.date(2025, 2, 28)) is None
    assert date_range_error("Ngày", datetime.date(1900, 1, 1)) is None
    assert date_range_error("Ngày", datetime.date(2025, 3, 1)) is not None


# --- on the real forms ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_household_code_with_a_zero_width_space_is_refused(client_for, labour_officer, neighborhood1):
    data = {"neighborhood": neighborhood1.pk, "code": "KP1\u200b-0009", "head_name": "Trần Văn Tư"}
    response = client_for(labour_officer).post(reverse("households:household_create"), data)
    assert response.status_code == 200
    assert messages.INVISIBLE_IN_CODE.format(label="Mã hộ") in response.text
    assert not Household.objects.exists()


@pytest.mark.django_db
def test_member_cccd_with_a_bidi_override_is_refused_and_name_is_cleaned(
    client_for, labour_officer, neighborhood1
):
    household = HouseholdFactory(neighborhood=neighborhood1)
    url = reverse("households:member_create", args=[household.pk])
    base = {"full_name": "Đỗ\u00ad Văn\ufeff Bình", "date_of_birth": "01/01/1980", "sex": "male"}
    # Eleven digits and an override: within the 12 characters the field takes, so only the check refuses it.
    refused = client_for(labour_officer).post(
        url, base | {"relation_to_head": "other", "national_id": "\u202e03819000012"}
    )
    assert messages.INVISIBLE_IN_CODE.format(label="Số CCCD") in refused.text
    assert not Member.objects.exists()
    saved = client_for(labour_officer).post(url, base | {"relation_to_head": "other"})
    assert saved.status_code == 302
    assert Member.objects.get().full_name == "Đỗ Văn Bình"


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["01/01/0001", "31/12/9999"])
def test_birth_date_far_outside_the_range_is_refused(client_for, labour_officer, neighborhood1, typed):
    member = MemberFactory(household=HouseholdFactory(neighborhood=neighborhood1))
    data = {
        "full_name": member.full_name,
        "date_of_birth": typed,
        "sex": member.sex,
        "relation_to_head": member.relation_to_head,
        "version": member.version,
    }
    response = client_for(labour_officer).post(reverse("households:member_edit", args=[member.pk]), data)
    assert response.status_code == 200
    assert "Ngày sinh: ngày phải trong khoảng từ 01/01/1900" in response.text
    member.refresh_from_db()
    assert member.date_of_birth == datetime.date(1985, 5, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["01/01/0001", "31/12/9999"])
def test_allocation_decision_date_outside_the_range_is_refused(typed):
    form = AllocationForm(
        data={
            "source": "central",
            "amount": "1.000",
            "decision_number": "03/QĐ-UBND",
            "decision_date": typed,
        },
        components=PlanComponent.objects.none(),
    )
    assert not form.is_valid()
    assert form.errors["decision_date"][0].startswith("Ngày quyết định: ngày phải trong khoảng")


@pytest.mark.django_db
def test_decision_number_with_an_invisible_character_is_refused():
    form = AllocationForm(
        data={
            "source": "central",
            "amount": "1.000",
            "decision_number": "03\u200c/QĐ-UBND",
            "decision_date": "10/01/2024",
        },
        components=PlanComponent.objects.none(),
    )
    assert not form.is_valid()
    assert form.errors["decision_number"] == [messages.INVISIBLE_IN_CODE.format(label="Số quyết định")]
