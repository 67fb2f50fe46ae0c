"""The ongoing review (QĐ 24/2021/QĐ-TTg Điều 5): its dates, its steps, and what it refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from households import messages
from households.models import Category, RequestKind, Review, ReviewRequest, ReviewRound, RoundStatus
from households.ongoing_deadlines import decision_due, posting_last_day, review_day, working_days_left
from households.services import ongoing as services
from households.services.ongoing_decision import review_request_decide
from households.status import status_on
from tests.factories import NeighborhoodFactory
from tests.households.factories import HouseholdFactory, add_result, approved_round
from thoxuan_gnbv.statuses import RequestStatus

D = datetime.date
MARCH_10 = D(2025, 3, 10)
POOR_DEPRIVATIONS = ["employment", "health_insurance", "housing_quality"]


def test_a_request_received_by_the_15th_is_reviewed_that_month_later_ones_next_month():
    assert review_day(D(2025, 3, 15)) == D(2025, 3, 15)
    assert review_day(D(2025, 3, 16)) == D(2025, 4, 15)
    assert review_day(D(2025, 12, 20)) == D(2026, 1, 15)


def test_the_decision_is_due_15_days_after_the_review_day_moved_past_days_off():
    # 15/3/2025 + 15 days = Sunday 30/3 → Monday 31/3 (BLDS 2015 Điều 148).
    assert decision_due(D(2025, 3, 10)) == D(2025, 3, 31)
    # 15/4/2025 + 15 = 30/4 (holiday), 1/5 (holiday), 2/5 (day off swapped for 26/4), weekend → 5/5.
    assert decision_due(D(2025, 4, 10)) == D(2025, 5, 5)


def test_a_posting_lasts_three_working_days_across_public_holidays():
    assert posting_last_day(D(2025, 4, 25)) == D(2025, 4, 29)  # Fri, Mon, Tue
    assert posting_last_day(D(2025, 4, 29)) == D(2025, 5, 6)  # 29/4, then 5/5 and 6/5


def test_days_left_count_working_days_and_go_negative_when_late():
    assert working_days_left(D(2025, 3, 31), D(2025, 3, 28)) == 2  # Friday and Monday
    assert working_days_left(D(2025, 3, 31), D(2025, 4, 2)) == -2
    assert working_days_left(D(2025, 3, 28), D(2025, 3, 29)) == -1  # a Saturday past a Friday deadline


@pytest.fixture
def household(neighborhood1):
    return HouseholdFactory(neighborhood=neighborhood1, code="KP1-0100", head_name="Hoàng Văn Tư")


def _received(household, labour_officer, on=MARCH_10, kind=RequestKind.RECOGNISE):
    return services.review_request_record(
        commune=household.commune, household=household, kind=kind, received_on=on, user=labour_officer
    )


def _posted(household, labour_officer, income=1_200_000):
    request = _received(household, labour_officer)
    request = services.review_request_survey(
        request=request,
        user=labour_officer,
        deprivations=POOR_DEPRIVATIONS,
        income=income,
        surveyed_on=D(2025, 3, 16),
    )
    return services.review_request_post(request=request, user=labour_officer, posting_start=D(2025, 3, 17))


def test_recording_a_request_counts_its_deadline_and_logs_who(household, labour_officer):
    request = _received(household, labour_officer)
    assert (request.review_day, request.due_on) == (D(2025, 3, 15), D(2025, 3, 31))
    assert request.status == RequestStatus.RECEIVED
    assert list(request.transitions.values_list("to_status", "actor")) == [("received", labour_officer.pk)]


def test_a_request_for_a_household_of_another_commune_is_refused(other_commune, household, labour_officer):
    stranger = HouseholdFactory(neighborhood=NeighborhoodFactory(commune=other_commune, name="Thôn 1"))
    with pytest.raises(ValidationError) as error:
        services.review_request_record(
            commune=household.commune, household=stranger, kind=RequestKind.RECOGNISE,
            received_on=D(2025, 3, 10), user=labour_officer,
        )  # fmt: skip
    assert error.value.message_dict == {"household": [messages.REQUEST_HOUSEHOLD_OTHER_COMMUNE]}
    assert not ReviewRequest.objects.exists()


def test_a_receipt_date_in_the_future_is_refused(household, labour_officer):
    with pytest.raises(ValidationError) as error:
        _received(household, labour_officer, on=D(2999, 1, 1))
    assert error.value.message_dict == {"received_on": [messages.REQUEST_RECEIVED_FUTURE]}


def test_a_second_pending_request_of_the_same_household_is_refused(household, labour_officer):
    _received(household, labour_officer)
    with pytest.raises(ValidationError) as error:
        _received(household, labour_officer, on=D(2025, 3, 12))
    assert "household" in error.value.message_dict
    assert ReviewRequest.objects.count() == 1


def test_a_posting_shorter_than_three_working_days_is_refused(household, labour_officer):
    request = _received(household, labour_officer)
    request = services.review_request_survey(
        request=request, user=labour_officer, deprivations=POOR_DEPRIVATIONS, income=1_200_000,
        surveyed_on=D(2025, 4, 28),
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.review_request_post(
            request=request, user=labour_officer, posting_start=D(2025, 4, 29), posting_end=D(2025, 5, 5)
        )
    assert "06/05/2025" in error.value.message_dict["posting_end"][0]
    request.refresh_from_db()
    assert request.status == RequestStatus.SURVEYED and request.posting_start is None


def test_a_decision_before_the_posting_ends_is_refused_and_writes_nothing(
    household, labour_officer, chairman
):
    request = _posted(household, labour_officer)  # posted 17/3 → 19/3
    with pytest.raises(ValidationError) as error:
        review_request_decide(
            request=request, user=chairman, decision_number="12/QĐ-UBND", decision_date=D(2025, 3, 19)
        )
    assert error.value.message_dict["decision_date"] == [
        messages.REQUEST_DECISION_BEFORE_POSTING_ENDS.format(date="19/03/2025")
    ]
    assert not ReviewRound.objects.exists() and not Review.objects.exists()


def test_whoever_surveyed_never_decides(household, labour_officer):
    request = _posted(household, labour_officer)
    with pytest.raises(ValidationError):
        review_request_decide(
            request=request, user=labour_officer, decision_number="12/QĐ-UBND", decision_date=D(2025, 3, 24)
        )
    assert not ReviewRound.objects.exists()


def test_the_decision_changes_the_households_status_from_its_date(household, labour_officer, chairman):
    earlier = approved_round(household.commune, 2024, approver=chairman)
    add_result(earlier, household, Category.AVERAGE, income=2_500_000)
    request = review_request_decide(
        request=_posted(household, labour_officer),
        user=chairman,
        decision_number="12/QĐ-UBND",
        decision_date=D(2025, 3, 24),
    )
    assert request.status == RequestStatus.DECIDED
    assert request.review.category == Category.POOR
    round_ = request.review.round
    assert (round_.year, round_.number, round_.status) == (2025, 2, RoundStatus.APPROVED)
    assert round_.decision_number == "12/QĐ-UBND" and round_.approved_by == chairman
    assert status_on(household, D(2025, 3, 23)).category == Category.AVERAGE
    assert status_on(household, D(2025, 3, 24)).category == Category.POOR
    assert list(request.transitions.values_list("to_status", flat=True)) == [
        "received", "surveyed", "posted", "decided",
    ]  # fmt: skip
    assert request.review.history.count() == 1
    with pytest.raises(ValidationError):  # frozen once decided
        request.note = "sửa sau quyết định"
        request.save()


def test_a_household_off_the_lists_cannot_ask_to_leave_them(household, labour_officer):
    with pytest.raises(ValidationError) as error:
        _received(household, labour_officer, kind=RequestKind.LEAVE)
    assert error.value.message_dict == {"kind": [messages.REQUEST_LEAVE_NOT_LISTED]}
    assert not ReviewRequest.objects.exists()


def test_the_next_periodic_round_lists_the_periodic_list_as_the_ongoing_decisions_changed_it(
    household, neighborhood1, labour_officer, chairman
):
    from django.utils import timezone

    from households.models import RoundHousehold
    from households.services.review import review_round_open

    earlier = approved_round(household.commune, 2024, approver=chairman)
    poor, near_poor, escapes = (HouseholdFactory(neighborhood=neighborhood1) for _ in range(3))
    add_result(earlier, poor, Category.POOR, income=1_000_000)
    add_result(earlier, near_poor, Category.NEAR_POOR, income=1_800_000)
    add_result(earlier, escapes, Category.POOR, income=1_000_000)
    add_result(earlier, household, Category.AVERAGE, income=2_500_000)
    # Two decisions of 2025, each its own supplementary round: the household becomes poor, and one
    # poor household leaves the list.
    review_request_decide(
        request=_posted(household, labour_officer), user=chairman, decision_number="12/QĐ-UBND",
        decision_date=D(2025, 3, 24),
    )  # fmt: skip
    request = services.review_request_record(
        commune=escapes.commune, household=escapes, kind=RequestKind.LEAVE, received_on=MARCH_10,
        user=labour_officer,
    )  # fmt: skip
    request = services.review_request_survey(
        request=request, user=labour_officer, deprivations=[], income=3_500_000, surveyed_on=D(2025, 3, 16)
    )
    request = services.review_request_post(request=request, user=labour_officer, posting_start=D(2025, 3, 17))
    review_request_decide(
        request=request, user=chairman, decision_number="13/QĐ-UBND", decision_date=D(2025, 3, 25)
    )
    opened = review_round_open(commune=household.commune, year=timezone.localdate().year, user=labour_officer)
    listed = set(RoundHousehold.objects.filter(round=opened).values_list("household_id", flat=True))
    assert listed == {poor.pk, near_poor.pk, household.pk}
