"""Recording activities: who records, participants "of which" within the total, cost by source,
households of the commune only, dates in the plan year; and the activity page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programs import messages as msg
from programs.models import Activity
from programs.services.delivery import activity_record
from tests.factories import NeighborhoodFactory
from tests.programs.delivery.factories import HouseholdFactory

pytestmark = pytest.mark.django_db


def record(component, user, **overrides):
    values = {
        "component": component,
        "activity_type": "staged",
        "title": "Truyền thông sân khấu hóa về giảm nghèo",
        "held_on": datetime.date(2024, 8, 15),
        "place": "Nhà văn hóa khu phố 3",
        "participants": 200,
        "participants_women": 120,
        "participants_poor": 40,
        "participants_ethnic_minority": 5,
        "central_amount": "12.000.000",
        "local_amount": 3_000_000,
        "outputs": "01 chương trình sân khấu hóa",
        "user": user,
    }
    values.update(overrides)
    return activity_record(**values)


def test_labour_officer_records_a_staged_communication_event_with_history(components, labour_officer):
    activity = record(components["6.2"], labour_officer)
    assert activity.get_activity_type_display() == "Truyền thông sân khấu hóa"
    assert activity.total_amount == 15_000_000
    assert activity.history.count() == 1


def test_culture_officer_records_6_1_and_the_labour_officer_cannot(
    components, culture_officer, labour_officer
):
    assert record(components["6.1"], culture_officer, activity_type="communication")
    with pytest.raises(ValidationError) as caught:
        record(components["6.1"], labour_officer, activity_type="communication")
    assert caught.value.code == "role"


def test_of_which_counts_cannot_exceed_participants(components, labour_officer):
    with pytest.raises(ValidationError) as caught:
        record(
            components["6.2"], labour_officer, participants=50, participants_women=60, participants_poor=51
        )
    assert caught.value.message_dict == {
        "participants_women": [msg.PARTICIPANT_BREAKDOWN_EXCEEDS_TOTAL],
        "participants_poor": [msg.PARTICIPANT_BREAKDOWN_EXCEEDS_TOTAL],
    }
    assert not Activity.objects.exists()


def test_activity_date_outside_the_plan_year_and_negative_cost_are_refused(components, labour_officer):
    with pytest.raises(ValidationError) as caught:
        record(components["6.2"], labour_officer, held_on=datetime.date(2023, 12, 30))
    assert caught.value.message_dict["held_on"] == [msg.DATE_OUTSIDE_PLAN_YEAR.format(year=2024)]
    with pytest.raises(ValidationError) as caught:
        record(components["6.2"], labour_officer, central_amount="-1")
    assert caught.value.message_dict["central_amount"] == [msg.MONEY_NEGATIVE]


def test_households_of_another_commune_cannot_be_listed(
    components, labour_officer, other_commune, poor_household
):
    stranger = HouseholdFactory(neighborhood=NeighborhoodFactory(commune=other_commune))
    with pytest.raises(ValidationError) as caught:
        record(components["6.2"], labour_officer, households=[poor_household, stranger])
    assert caught.value.message_dict["households"] == [msg.ACTIVITY_HOUSEHOLD_OTHER_COMMUNE]
    activity = record(components["6.2"], labour_officer, households=[poor_household])
    assert list(activity.households.all()) == [poor_household]


def test_activity_page_reads_household_codes_and_names_unknown_ones(
    client_for, components, labour_officer, poor_household
):
    client = client_for(labour_officer)
    data = {
        "component": components["7.2"].pk,
        "activity_type": "monitoring",
        "title": "Giám sát hỗ trợ sinh kế",
        "held_on": "05/09/2024",
        "place": "Khu phố 1",
        "participants": "10",
        "participants_women": "4",
        "participants_poor": "0",
        "participants_ethnic_minority": "0",
        "household_codes": "KP1-0001, KP9-9999",
        "central_amount": "2.000.000",
    }
    response = client.post(reverse("programs:activity_create"), data)
    assert "Không tìm thấy hộ có mã: KP9-9999" in response.text
    assert not Activity.objects.exists()
    data["household_codes"] = "KP1-0001"
    response = client.post(reverse("programs:activity_create"), data)
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert activity.households.get() == poor_household
    detail = client.get(reverse("programs:activity_detail", args=[activity.pk]))
    assert "KP1-0001" in detail.text and "2.000.000 đ" in detail.text
