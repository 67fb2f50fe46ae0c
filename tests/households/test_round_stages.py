"""The periodic review round in stages (QĐ 24/2021/QĐ-TTg Điều 4): list → survey → khu phố meeting →
posting → complaints and re-check → decision, each refusing what the law does not allow, in
Vietnamese, naming the field, and writing nothing when it refuses."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from households import messages
from households.models import (
    Complaint,
    Meeting,
    MeetingVote,
    Posting,
    ReviewRound,
    RoundHousehold,
    RoundStatus,
)
from households.models.review_stages import ListReason
from households.services import review as review_services
from households.services import round_list, round_meetings, round_posting
from households.services.round_meetings import MeetingInput
from tests.households.factories import HouseholdFactory, add_result, approved_round
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage

pytestmark = pytest.mark.django_db
D = datetime.date


def travel(day: D):
    return time_machine.travel(
        datetime.datetime(day.year, day.month, day.day, 10, tzinfo=datetime.UTC), tick=False
    )


POOR = {"deprivations": ["employment", "housing_area", "latrine"], "income": 1_900_000}
NEAR = {"deprivations": ["telecoms"], "income": 1_900_000}


@pytest.fixture
def houses(commune, neighborhood1, neighborhood2, chairman):
    """Three households poor or near-poor in the approved 2025 round, and one never listed."""
    listed = [HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-000{i}") for i in (1, 2)]
    listed.append(HouseholdFactory(neighborhood=neighborhood2, code="KP2-0001"))
    decided = approved_round(commune, 2025, D(2025, 12, 10), approver=chairman)
    for house in listed:
        add_result(decided, house, "near_poor")
    other = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0009")
    return listed, other


@pytest.fixture
def surveyed(commune, labour_officer, houses):
    """The 2026 round opened on 01/10/2026, its list prepared, every listed household surveyed."""
    listed, _ = houses
    with travel(D(2026, 10, 1)):
        review_round = review_services.review_round_open(commune=commune, year=2026, user=labour_officer)
        for house in listed:
            review_services.review_record(
                review_round=review_round, household=house, user=labour_officer, **POOR
            )
    return review_round


def meeting(neighborhood, held_on, **extra):
    data = {"chair_name": "Đỗ Văn Bình", "supervisor_name": "Vũ Thị Hạnh", "attendance": 40} | extra
    return MeetingInput(neighborhood=neighborhood, held_on=held_on, **data)


MEETING_DAY = D(2026, 10, 5)


def hold_meetings(review_round, houses, neighborhood1, neighborhood2, user):
    listed, _ = houses
    day = MEETING_DAY
    with travel(day):
        round_meetings.round_to_meetings(review_round=review_round, user=user)
        round_meetings.meeting_record(
            review_round=review_round,
            data=meeting(neighborhood1, day),
            votes={listed[0].pk: Decimal(80), listed[1].pk: Decimal(65)},
            user=user,
        )
        round_meetings.meeting_record(
            review_round=review_round, data=meeting(neighborhood2, day), votes={listed[2].pk: 90}, user=user
        )


def test_opening_a_round_lists_the_poor_and_near_poor_of_the_last_decision(surveyed, houses):
    listed, other = houses
    entries = RoundHousehold.objects.filter(round=surveyed)
    assert {e.household_id for e in entries} == {h.pk for h in listed}
    assert {e.reason for e in entries} == {ListReason.LISTED}
    assert {e.stage for e in entries} == {HouseholdStage.SURVEYED}


def test_a_round_for_a_later_year_is_refused_and_an_earlier_one_needs_a_reason(commune, labour_officer):
    with travel(D(2026, 10, 1)):
        with pytest.raises(ValidationError) as later:
            review_services.review_round_open(commune=commune, year=2027, user=labour_officer)
        with pytest.raises(ValidationError) as earlier:
            review_services.review_round_open(commune=commune, year=2024, user=labour_officer)
        history = review_services.review_round_open(
            commune=commune, year=2024, user=labour_officer, history_reason="Nhập lại kết quả giấy năm 2024"
        )
    assert later.value.message_dict == {"year": [messages.ROUND_FUTURE_YEAR.format(year=2027, current=2026)]}
    assert earlier.value.message_dict == {
        "history_reason": [messages.HISTORY_REASON_REQUIRED.format(year=2024)]
    }
    assert history.is_history and not history.entries.exists()


def test_a_cancelled_round_keeps_its_reviews_and_no_longer_blocks_a_new_one(
    surveyed, labour_officer, commune
):
    with pytest.raises(ValidationError) as no_reason:
        review_services.review_round_cancel(review_round=surveyed, user=labour_officer, reason=" ")
    assert no_reason.value.message_dict == {"reason": [messages.CANCEL_REASON_REQUIRED]}
    with travel(D(2026, 10, 2)):
        review_services.review_round_cancel(review_round=surveyed, user=labour_officer, reason="Mở nhầm đợt")
        again = review_services.review_round_open(commune=commune, year=2026, user=labour_officer)
    surveyed.refresh_from_db()
    assert surveyed.status == RoundStatus.CANCELLED and surveyed.cancel_reason == "Mở nhầm đợt"
    assert surveyed.reviews.count() == 3 and again.number == 2
    with pytest.raises(ValidationError):  # frozen as history
        surveyed.reviews.first().save()


def test_a_household_of_another_commune_is_refused_everywhere(surveyed, other_commune, labour_officer):
    from tests.factories import NeighborhoodFactory

    stranger = HouseholdFactory(neighborhood=NeighborhoodFactory(commune=other_commune))
    with pytest.raises(ValidationError) as listed:
        round_list.list_add(
            review_round=surveyed, household=stranger, reason=ListReason.APPLIED, user=labour_officer
        )
    assert listed.value.message_dict == {"household": [messages.HOUSEHOLD_OTHER_COMMUNE]}
    assert not RoundHousehold.objects.filter(household=stranger).exists()


def test_a_meeting_before_the_survey_or_with_a_share_over_100_writes_nothing(
    surveyed, houses, neighborhood1, labour_officer
):
    listed, _ = houses
    with travel(D(2026, 10, 5)):
        round_meetings.round_to_meetings(review_round=surveyed, user=labour_officer)
        with pytest.raises(ValidationError) as early:
            round_meetings.meeting_record(
                review_round=surveyed,
                data=meeting(neighborhood1, D(2026, 9, 30)),
                votes={listed[0].pk: 80},
                user=labour_officer,
            )
        with pytest.raises(ValidationError) as over:
            round_meetings.meeting_record(
                review_round=surveyed,
                data=meeting(neighborhood1, D(2026, 10, 5)),
                votes={listed[0].pk: 80, listed[1].pk: Decimal("100.5")},
                user=labour_officer,
            )
    assert list(early.value.message_dict) == ["held_on"] and "KP1-0001" in early.value.messages[0]
    assert over.value.message_dict == {"votes": [messages.VOTE_PERCENT_RANGE.format(code="KP1-0002")]}
    assert not Meeting.objects.exists() and not MeetingVote.objects.exists()
    assert set(RoundHousehold.objects.values_list("stage", flat=True)) == {HouseholdStage.SURVEYED}


def test_below_half_agreeing_sends_the_household_back_to_survey_and_blocks_the_posting(
    surveyed, houses, neighborhood1, neighborhood2, labour_officer
):
    listed, _ = houses
    with travel(D(2026, 10, 5)):
        round_meetings.round_to_meetings(review_round=surveyed, user=labour_officer)
        round_meetings.meeting_record(
            review_round=surveyed,
            data=meeting(neighborhood1, D(2026, 10, 5)),
            votes={listed[0].pk: 49, listed[1].pk: 50},
            user=labour_officer,
        )
        round_meetings.meeting_record(
            review_round=surveyed,
            data=meeting(neighborhood2, D(2026, 10, 5)),
            votes={listed[2].pk: 70},
            user=labour_officer,
        )
        stages = dict(RoundHousehold.objects.values_list("household__code", "stage"))
        assert stages == {
            "KP1-0001": HouseholdStage.RESURVEY,
            "KP1-0002": HouseholdStage.DISCUSSED,
            "KP2-0001": HouseholdStage.DISCUSSED,
        }
        with pytest.raises(ValidationError) as pending:
            round_posting.posting_start(
                review_round=surveyed, starts_on=D(2026, 10, 6), ends_on=D(2026, 10, 8), user=labour_officer
            )
        assert pending.value.messages == [messages.MEETINGS_PENDING.format(count=1, codes="KP1-0001")]
        # Re-surveyed, then agreed at a second meeting: the posting may start.
        review_services.review_record(review_round=surveyed, household=listed[0], user=labour_officer, **NEAR)
        round_meetings.meeting_record(
            review_round=surveyed,
            data=meeting(neighborhood1, D(2026, 10, 5)),
            votes={listed[0].pk: 75},
            user=labour_officer,
        )
        posting = round_posting.posting_start(
            review_round=surveyed, starts_on=D(2026, 10, 6), ends_on=D(2026, 10, 8), user=labour_officer
        )
    assert posting.number == 1
    assert set(RoundHousehold.objects.values_list("stage", flat=True)) == {HouseholdStage.POSTED}


def test_the_posting_counts_working_days_over_quoc_khanh():
    # Friday 29/8/2025; 30/8–2/9 are the weekend and Quốc khánh: the third working day is 4/9.
    assert round_posting.legal_end(D(2025, 8, 29)) == D(2025, 9, 4)


def test_a_posting_shorter_than_the_legal_working_days_is_refused(
    surveyed, houses, neighborhood1, neighborhood2, labour_officer
):
    hold_meetings(surveyed, houses, neighborhood1, neighborhood2, labour_officer)
    with travel(D(2026, 10, 6)), pytest.raises(ValidationError) as short:
        round_posting.posting_start(
            review_round=surveyed, starts_on=D(2026, 10, 6), ends_on=D(2026, 10, 7), user=labour_officer
        )
    assert list(short.value.message_dict) == ["ends_on"] and "08/10/2026" in short.value.messages[0]
    surveyed.refresh_from_db()
    assert surveyed.status == RoundStatus.MEETING and not Posting.objects.exists()


def test_the_whole_round_complaint_recheck_second_posting_and_decision(
    surveyed, houses, neighborhood1, neighborhood2, labour_officer, chairman
):
    listed, other = houses
    hold_meetings(surveyed, houses, neighborhood1, neighborhood2, labour_officer)
    with travel(D(2026, 10, 6)):
        round_posting.posting_start(
            review_round=surveyed, starts_on=D(2026, 10, 6), ends_on=D(2026, 10, 8), user=labour_officer
        )
    with travel(D(2026, 10, 9)):
        with pytest.raises(ValidationError) as late:
            round_posting.complaint_receive(
                review_round=surveyed,
                household=listed[1],
                complainant="Ông Hải",
                received_on=D(2026, 10, 9),
                content="Khiếu nại sau thời gian niêm yết",
                user=labour_officer,
            )
        assert list(late.value.message_dict) == ["received_on"]
        upheld = round_posting.complaint_receive(
            review_round=surveyed,
            household=listed[0],
            complainant="Bà Mến",
            received_on=D(2026, 10, 7),
            content="Hộ đã có việc làm ổn định",
            user=labour_officer,
        )
        rejected = round_posting.complaint_receive(
            review_round=surveyed,
            household=other,
            complainant="Ông Hải",
            received_on=D(2026, 10, 8),
            content="Hộ này cũng khó khăn",
            user=labour_officer,
        )
    assert upheld.recheck_due == D(2026, 10, 14)  # 5 working days after 07/10
    with travel(D(2026, 10, 12)):
        with pytest.raises(ValidationError) as blocked:
            review_services.review_round_submit(review_round=surveyed, user=labour_officer)
        assert (
            messages.COMPLAINTS_PENDING.format(count=2, codes="KP1-0001, KP1-0009") in blocked.value.messages
        )
        # The re-check re-surveys the household: near-poor instead of poor.
        review_services.review_record(review_round=surveyed, household=listed[0], user=labour_officer, **NEAR)
        round_posting.complaint_resolve(
            complaint=upheld,
            status=ComplaintStatus.UPHELD,
            rechecked_on=D(2026, 10, 12),
            result_note="Thu nhập ổn định, chỉ thiếu 1 chỉ số",
            user=labour_officer,
        )
        round_posting.complaint_resolve(
            complaint=rejected,
            status=ComplaintStatus.REJECTED,
            rechecked_on=D(2026, 10, 12),
            result_note="Hộ có thu nhập trên chuẩn",
            user=labour_officer,
        )
        with pytest.raises(ValidationError) as repost:
            review_services.review_round_submit(review_round=surveyed, user=labour_officer)
        assert repost.value.messages == [messages.REPOST_MISSING.format(codes="KP1-0001")]
        second = round_posting.posting_repeat(
            review_round=surveyed,
            starts_on=D(2026, 10, 13),
            ends_on=D(2026, 10, 15),
            reason="Niêm yết lại kết quả phúc tra",
            user=labour_officer,
        )
    assert second.number == 2 and Complaint.objects.get(pk=upheld.pk).changes_classification
    with travel(D(2026, 10, 19)):
        # The household only complained about joined the list and was never surveyed: a warning.
        with pytest.raises(ValidationError) as warn:
            review_services.review_round_submit(review_round=surveyed, user=labour_officer)
        assert (
            list(warn.value.message_dict) == ["confirm_unsurveyed"] and "KP1-0009" in warn.value.messages[0]
        )
        review_services.review_round_submit(
            review_round=surveyed, user=labour_officer, confirm_unsurveyed=True
        )
        with pytest.raises(ValidationError) as early:
            review_services.review_round_approve(
                review_round=surveyed,
                user=chairman,
                decision_number="12/QĐ-UBND",
                decision_date=D(2026, 10, 15),
            )
        assert early.value.message_dict == {
            "decision_date": [messages.DECISION_BEFORE_POSTING_END.format(end="15/10/2026")]
        }
        approved = review_services.review_round_approve(
            review_round=surveyed, user=chairman, decision_number="12/QĐ-UBND", decision_date=D(2026, 10, 19)
        )
    assert approved.status == RoundStatus.APPROVED
    steps = list(approved.transitions.values_list("to_status", flat=True))
    assert steps == ["open", "meeting", "posting", "submitted", "approved"]


def test_a_staged_round_cannot_skip_from_survey_to_the_chairman(surveyed, labour_officer):
    with travel(D(2026, 10, 2)), pytest.raises(ValidationError) as skipped:
        review_services.review_round_submit(review_round=surveyed, user=labour_officer)
    assert skipped.value.messages == [messages.HISTORY_NEEDS_STAGES]
    assert ReviewRound.objects.get(pk=surveyed.pk).status == RoundStatus.OPEN


def test_a_meetings_writes_do_not_grow_with_its_households(
    commune, neighborhood1, neighborhood2, chairman, labour_officer
):
    """The votes go in at once and each outcome is one update: a khu phố of 6 costs the queries of a
    khu phố of 2; every household still gets its vote and its stage (≥ 50 % agreed, below re-survey)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small = [HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-01{i:02d}") for i in range(2)]
    large = [HouseholdFactory(neighborhood=neighborhood2, code=f"KP2-01{i:02d}") for i in range(6)]
    decided = approved_round(commune, 2025, D(2025, 12, 10), approver=chairman)
    for house in small + large:
        add_result(decided, house, "near_poor")
    with travel(D(2026, 10, 1)):
        review_round = review_services.review_round_open(commune=commune, year=2026, user=labour_officer)
        for house in small + large:
            review_services.review_record(
                review_round=review_round, household=house, user=labour_officer, **POOR
            )
    counts = {}
    with travel(MEETING_DAY):
        round_meetings.round_to_meetings(review_round=review_round, user=labour_officer)
        for name, neighborhood, houses in (("small", neighborhood1, small), ("large", neighborhood2, large)):
            votes = {h.pk: Decimal(40 if i % 3 == 0 else 75) for i, h in enumerate(houses)}
            with CaptureQueriesContext(connection) as captured:
                round_meetings.meeting_record(
                    review_round=review_round,
                    data=meeting(neighborhood, MEETING_DAY),
                    votes=votes,
                    user=labour_officer,
                )
            counts[name] = len(captured)

    assert counts["small"] == counts["large"]
    stages = dict(RoundHousehold.objects.filter(round=review_round).values_list("household_id", "stage"))
    for houses in (small, large):
        for i, house in enumerate(houses):
            expected = HouseholdStage.RESURVEY if i % 3 == 0 else HouseholdStage.DISCUSSED
            assert stages[house.pk] == expected
    votes = MeetingVote.objects.filter(meeting__round=review_round)
    assert votes.count() == 8
    assert sorted(votes.filter(agreed=False).values_list("household_id", flat=True)) == sorted(
        [small[0].pk, large[0].pk, large[3].pk]
    )
