"""Two people editing the same household or member: the stale form is refused with the other
person's change and nothing is overwritten; a race on a unique code or CCCD is a form error."""

import pytest
from django.urls import reverse

from households import messages
from households.models import Household, Member
from households.services import registry
from tests.households.factories import HouseholdFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def house1(neighborhood1, head1):
    return HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Nguyễn Thị Hường")


def household_data(household, **changes):
    data = {
        "neighborhood": household.neighborhood_id,
        "code": household.code,
        "head_name": household.head_name,
        "address": household.address,
        "version": household.version,
    }
    return data | changes


def member_data(member, **changes):
    data = {
        "full_name": member.full_name,
        "date_of_birth": member.date_of_birth.strftime("%d/%m/%Y"),
        "sex": member.sex,
        "relation_to_head": member.relation_to_head,
        "version": member.version,
    }
    return data | changes


def test_edit_form_carries_the_version_it_was_opened_at(client_for, labour_officer, house1):
    response = client_for(labour_officer).get(reverse("households:household_edit", args=[house1.pk]))
    assert f'name="version" value="{house1.version}"' in response.text


def test_fresh_household_edit_saves_bumps_the_version_and_writes_history(client_for, labour_officer, house1):
    url = reverse("households:household_edit", args=[house1.pk])
    response = client_for(labour_officer).post(url, household_data(house1, address="Số 5 Lê Lai"))
    assert response.status_code == 302
    house1.refresh_from_db()
    assert (house1.address, house1.version) == ("Số 5 Lê Lai", 2)
    assert house1.history.first().address == "Số 5 Lê Lai"


def test_stale_household_edit_is_refused_with_the_other_change(client_for, labour_officer, house1):
    stale = household_data(house1, address="Số 9 Trần Phú")
    url = reverse("households:household_edit", args=[house1.pk])
    client = client_for(labour_officer)
    assert client.post(url, household_data(house1, address="Số 5 Lê Lai")).status_code == 302
    history_before = house1.history.count()

    response = client.post(url, stale)

    assert response.status_code == 200
    assert "Người khác đã sửa dữ liệu này" in response.text
    assert "Địa chỉ: Số 5 Lê Lai → Số 9 Trần Phú" in response.text
    house1.refresh_from_db()
    assert (house1.address, house1.version) == ("Số 5 Lê Lai", 2)
    assert house1.history.count() == history_before


def test_household_edit_without_a_version_is_refused(client_for, labour_officer, house1):
    data = household_data(house1, address="Số 5 Lê Lai")
    del data["version"]
    response = client_for(labour_officer).post(reverse("households:household_edit", args=[house1.pk]), data)
    assert response.status_code == 200
    house1.refresh_from_db()
    assert house1.address == ""


def test_stale_member_edit_is_refused_with_the_other_change(client_for, labour_officer, house1):
    member = MemberFactory(household=house1, full_name="Đỗ Văn Bình")
    url = reverse("households:member_edit", args=[member.pk])
    client = client_for(labour_officer)
    stale = member_data(member, full_name="Đỗ Văn Bính")
    assert client.post(url, member_data(member, full_name="Đỗ Văn Bảo")).status_code == 302

    response = client.post(url, stale)

    assert response.status_code == 200
    assert "Họ và tên: Đỗ Văn Bảo → Đỗ Văn Bính" in response.text
    member.refresh_from_db()
    assert (member.full_name, member.version) == ("Đỗ Văn Bảo", 2)
    assert member.history.count() == 2


def test_fresh_member_edit_bumps_the_version(client_for, labour_officer, house1):
    member = MemberFactory(household=house1, full_name="Đỗ Văn Bình")
    url = reverse("households:member_edit", args=[member.pk])
    response = client_for(labour_officer).post(url, member_data(member, full_name="Đỗ Văn Bảo"))
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.full_name, member.version) == ("Đỗ Văn Bảo", 2)


def test_deriving_flags_from_members_does_not_make_the_household_form_stale(labour_officer, house1):
    registry.member_add(
        household=house1, user=labour_officer, full_name="Lê Thị Hoa", sex="female", relation_to_head="spouse"
    )
    house1.refresh_from_db()
    assert house1.version == 1


# --- races on unique fields: the conflicting row appears after the service's own checks -------------


def _lost_race(monkeypatch, check_name, make_conflict):
    """The other save commits between our check and our save: the check saw nothing (it ran first),
    the conflicting row is there when we write."""
    make_conflict()
    monkeypatch.setattr(registry, check_name, lambda instance: None)


def test_household_code_race_is_a_form_error_not_a_500(
    client_for, labour_officer, neighborhood1, monkeypatch
):
    _lost_race(
        monkeypatch, "_check_household", lambda: HouseholdFactory(neighborhood=neighborhood1, code="KP1-0777")
    )
    data = {"neighborhood": neighborhood1.pk, "code": "KP1-0777", "head_name": "Trần Văn Tư"}
    response = client_for(labour_officer).post(reverse("households:household_create"), data)
    assert response.status_code == 200
    assert messages.HOUSEHOLD_CODE_USED in response.text
    assert Household.objects.filter(code="KP1-0777").count() == 1


def test_head_national_id_race_on_edit_names_the_field(labour_officer, house1, neighborhood1, monkeypatch):
    _lost_race(
        monkeypatch,
        "_check_household",
        lambda: HouseholdFactory(neighborhood=neighborhood1, head_national_id="038190000999"),
    )
    with pytest.raises(registry.ValidationError) as caught:
        registry.household_update(
            household=house1, user=labour_officer, version=house1.version, head_national_id="038190000999"
        )
    assert caught.value.message_dict == {"head_national_id": [messages.NATIONAL_ID_USED]}
    house1.refresh_from_db()
    assert (house1.head_national_id, house1.version) == ("", 1)


def test_member_national_id_race_is_a_form_error(client_for, labour_officer, house1, monkeypatch):
    _lost_race(monkeypatch, "_check_member", lambda: MemberFactory(national_id="038190000555"))
    data = member_data(MemberFactory.build(household=house1), national_id="038190000555")
    del data["version"]
    response = client_for(labour_officer).post(reverse("households:member_create", args=[house1.pk]), data)
    assert response.status_code == 200
    assert messages.NATIONAL_ID_USED in response.text
    assert Member.objects.filter(national_id="038190000555").count() == 1
