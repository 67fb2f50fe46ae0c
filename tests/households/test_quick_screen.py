"""Phiếu A, the quick screen (TT 07/2021/TT-BLĐTBXH Phụ lục I): the rule, the form reached from the
household's row, refusals in Vietnamese, the round page counting screened households at a fixed
number of queries, and submission not warning about screened-out households."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from households.models import QuickScreen, RoundHousehold
from households.models.review_stages import ListReason
from households.services import quick_screen
from households.services import review as review_services
from households.services.round_checks import unsurveyed_codes
from tests.households.factories import HouseholdFactory
from tests.households.test_round_page import page_queries
from thoxuan_gnbv.statuses import HouseholdStage

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 10, 20, 3, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 10, 20)


@pytest.fixture
def screening(commune, neighborhood1, labour_officer):
    """An open 2026 round that screens with Phiếu A, growing by ``grow(n)`` households of khu phố 1."""
    with time_machine.travel(NOW, tick=False):
        review_round = review_services.review_round_open(
            commune=commune, year=2026, user=labour_officer, uses_quick_screen=True
        )

    def grow(count, screened_out=None):
        entries = []
        for _ in range(count):
            entry = RoundHousehold.objects.create(
                round=review_round,
                household=HouseholdFactory(neighborhood=neighborhood1),
                reason=ListReason.LISTED,
            )
            if screened_out is not None:
                criteria = ["g1_car"] if screened_out else ["g2_fridge"]
                quick_screen.quick_screen_record(
                    entry=entry, criteria=criteria, screened_on=TODAY, user=labour_officer, today=TODAY
                )
            entries.append(entry)
        return entries

    review_round.grow = grow
    return review_round


def test_the_rule_one_of_group_1_or_three_of_group_2():
    assert quick_screen.screens_out(["g1_salary"])
    assert quick_screen.screens_out(["g2_fridge", "g2_aircon", "g2_washer"])
    assert not quick_screen.screens_out(["g2_fridge", "g2_aircon"])
    assert not quick_screen.screens_out([])


def test_recording_decides_and_screened_out_households_are_not_unsurveyed(screening, labour_officer):
    out, survey = screening.grow(1, screened_out=True)[0], screening.grow(1, screened_out=False)[0]
    assert QuickScreen.objects.get(entry=out).screened_out
    assert not QuickScreen.objects.get(entry=survey).screened_out
    assert unsurveyed_codes(screening) == [survey.household.code]


@pytest.mark.parametrize(
    ("criteria", "day", "field", "text"),
    [
        (["g9_unknown"], TODAY, "criteria", "Tiêu chí Phiếu A không hợp lệ"),
        (["g1_car"], TODAY + datetime.timedelta(days=1), "screened_on", "không được sau ngày hôm nay"),
        (["g1_car"], datetime.date(2025, 12, 1), "screened_on", "thuộc năm rà soát 2026"),
    ],
)
def test_bad_input_is_refused_naming_the_field(screening, labour_officer, criteria, day, field, text):
    entry = screening.grow(1)[0]
    with pytest.raises(ValidationError) as error:
        quick_screen.quick_screen_record(
            entry=entry, criteria=criteria, screened_on=day, user=labour_officer, today=TODAY
        )
    assert text in " ".join(error.value.message_dict[field])
    assert not QuickScreen.objects.exists()


def test_refused_when_the_round_does_not_screen_or_the_household_was_surveyed(screening, labour_officer):
    entry = screening.grow(1)[0]
    entry.stage = HouseholdStage.SURVEYED
    entry.save()
    with pytest.raises(ValidationError, match="đã được điều tra bằng Phiếu B"):
        quick_screen.quick_screen_record(
            entry=entry, criteria=[], screened_on=TODAY, user=labour_officer, today=TODAY
        )
    type(screening).objects.filter(pk=screening.pk).update(uses_quick_screen=False)
    with pytest.raises(ValidationError, match="không dùng Phiếu A"):
        quick_screen.quick_screen_record(
            entry=entry, criteria=[], screened_on=TODAY, user=labour_officer, today=TODAY
        )


def test_the_form_from_the_row_records_and_bad_dates_come_back_in_vietnamese(
    client_for, head1, screening, neighborhood1
):
    entry = screening.grow(1)[0]
    client = client_for(head1)
    with time_machine.travel(NOW, tick=False):
        page = client.get(
            reverse("households:round_detail", args=[screening.pk]) + f"?kp={neighborhood1.pk}"
        ).text
        url = reverse("households:quick_screen_edit", args=[entry.pk])
        assert url in page
        bad = client.post(url, {"screened_on": "31/02/2026", "group_1": ["g1_car"]})
        assert bad.status_code == 200 and "Nhập một ngày hợp lệ" in bad.text
        assert not QuickScreen.objects.exists()
        done = client.post(
            url, {"screened_on": "15/10/2026", "group_2": ["g2_fridge", "g2_aircon", "g2_washer"]}
        )
    assert done.status_code == 302
    screen = QuickScreen.objects.get(entry=entry)
    assert screen.screened_out and screen.screened_by == head1
    assert screen.screened_on == datetime.date(2026, 10, 15)


def test_the_progress_counts_screened_households_at_a_fixed_query_count(
    client_for, labour_officer, screening, neighborhood1
):
    client = client_for(labour_officer)
    url = reverse("households:round_detail", args=[screening.pk]) + f"?kp={neighborhood1.pk}"
    screening.grow(1, screened_out=True)
    with time_machine.travel(NOW, tick=False):
        few = page_queries(client, url)
        screening.grow(30, screened_out=True)
        screening.grow(30, screened_out=False)
        many = page_queries(client, url)  # the worker has recounted the progress
        html = client.get(url).text
    assert few == many
    assert "(A: 31)" in html
    # Only the 30 needing Phiếu B are still un-surveyed.
    assert "(−30)" in html
