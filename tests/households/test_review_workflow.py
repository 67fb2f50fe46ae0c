"""The yearly review as a workflow: open, record (classified), submit, return, approve, freeze."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from households import messages
from households.models import Category, Review, ReviewRound, RoundStatus
from households.services import review as services
from tests.households.factories import HouseholdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def household(neighborhood1):
    return HouseholdFactory(neighborhood=neighborhood1)


@pytest.fixture
def open_round(commune, labour_officer):
    return services.review_round_open(
        commune=commune, year=2024, user=labour_officer, history_reason="Nhập kết quả đã rà soát trên giấy"
    )


def record(open_round, household, user, **inputs):
    data = {"deprivations": ["employment", "housing_area", "latrine"], "income": 1_900_000} | inputs
    return services.review_record(review_round=open_round, household=household, user=user, **data)


def test_recorded_review_is_classified_by_the_standard_and_the_commune_area(open_round, household, head1):
    review = record(open_round, household, head1)
    assert review.category == Category.POOR  # urban commune: 1,900,000 ≤ 2,000,000 and 3 deprivations
    assert review.standard.legal_basis == "Nghị định 07/2021/NĐ-CP"
    assert review.history.count() == 1


def test_recording_again_in_the_same_round_corrects_the_result(open_round, household, head1):
    record(open_round, household, head1)
    review = record(open_round, household, head1, income=2_100_000)
    assert review.category == Category.AVERAGE
    assert Review.objects.count() == 1
    assert review.history.count() == 2


def test_negative_income_is_refused(open_round, household, head1):
    with pytest.raises(ValidationError) as exc_info:
        record(open_round, household, head1, income=-1)
    assert exc_info.value.message_dict["income"] == [messages.INCOME_NEGATIVE]


def test_income_or_score_is_required(open_round, household, head1):
    with pytest.raises(ValidationError) as exc_info:
        record(open_round, household, head1, income=None)
    assert exc_info.value.message_dict["income"] == [messages.INCOME_OR_SCORE_REQUIRED]


def test_score_only_review_uses_the_points_line(open_round, household, head1):
    review = record(open_round, household, head1, income=None, score=170, deprivations=["latrine"])
    assert review.category == Category.NEAR_POOR


def test_only_one_round_in_progress_at_a_time(open_round, commune, labour_officer):
    with pytest.raises(ValidationError) as exc_info:
        services.review_round_open(
            commune=commune,
            year=2025,
            user=labour_officer,
            history_reason="Nhập kết quả đã rà soát trên giấy",
        )
    assert exc_info.value.messages == [messages.ROUND_IN_PROGRESS]


def test_empty_round_cannot_be_submitted(open_round, labour_officer):
    with pytest.raises(ValidationError):
        services.review_round_submit(review_round=open_round, user=labour_officer)


def test_full_workflow_freezes_results_and_snapshots_counts(
    open_round, household, head1, labour_officer, chairman
):
    record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=labour_officer)
    with pytest.raises(ValidationError):  # submitted: no more recording
        record(open_round, household, head1)
    approved = services.review_round_approve(
        review_round=open_round,
        user=chairman,
        decision_number="215/QĐ-UBND",
        decision_date=datetime.date(2024, 12, 20),
    )
    assert approved.status == RoundStatus.APPROVED
    assert approved.summary[Category.POOR] == 1
    review = Review.objects.get()
    review.income = 5_000_000
    with pytest.raises(ValidationError):  # any path: the model refuses to save a frozen result
        review.save()
    with pytest.raises(ValidationError):
        review.delete()
    with pytest.raises(ValidationError) as exc_info:
        record(ReviewRound.objects.get(), household, head1)
    assert exc_info.value.messages == [messages.ROUND_FROZEN]
    assert Review.objects.get().income == 1_900_000


def test_a_supplementary_round_after_approval_carries_later_edits(
    open_round, household, head1, labour_officer, chairman, commune
):
    record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=labour_officer)
    services.review_round_approve(
        review_round=open_round,
        user=chairman,
        decision_number="1/QĐ",
        decision_date=datetime.date(2024, 12, 1),
    )
    second = services.review_round_open(
        commune=commune, year=2024, user=labour_officer, history_reason="Nhập kết quả đã rà soát trên giấy"
    )
    assert second.number == 2
    assert record(second, household, head1, income=2_500_000).category == Category.AVERAGE


def test_approval_needs_a_submitted_round_a_number_and_a_date_not_in_the_future(
    open_round, household, head1, labour_officer, chairman
):
    with pytest.raises(ValidationError):
        services.review_round_approve(
            review_round=open_round,
            user=chairman,
            decision_number="1",
            decision_date=datetime.date(2024, 1, 1),
        )
    record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=labour_officer)
    with pytest.raises(ValidationError) as exc_info:
        services.review_round_approve(
            review_round=open_round,
            user=chairman,
            decision_number=" ",
            decision_date=timezone.localdate() + datetime.timedelta(days=3),
        )
    assert set(exc_info.value.message_dict) == {"decision_number", "decision_date"}
    open_round.refresh_from_db()
    assert open_round.status == RoundStatus.SUBMITTED


def test_returned_round_can_be_corrected_and_resubmitted(
    open_round, household, head1, labour_officer, chairman
):
    record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=labour_officer)
    services.review_round_return(review_round=open_round, user=chairman, note="Kiểm tra lại hộ KP1")
    assert record(open_round, household, head1, income=2_600_000).category == Category.AVERAGE


def test_household_of_another_commune_cannot_be_recorded(open_round, other_commune, head1):
    from tests.factories import NeighborhoodFactory

    stranger = HouseholdFactory(neighborhood=NeighborhoodFactory(commune=other_commune))
    with pytest.raises(ValidationError):
        record(open_round, stranger, head1)


def test_approved_round_violating_the_decision_constraint_is_refused_by_the_database(commune):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRound.objects.create(commune=commune, year=2024, status=RoundStatus.APPROVED)


# --- the workflow core: four-eyes and the log ---------------------------------------------------


def test_the_chairman_never_approves_a_round_they_submitted(open_round, household, head1, chairman):
    from thoxuan_gnbv import messages as workflow_messages

    record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=chairman)
    with pytest.raises(ValidationError) as exc_info:
        services.review_round_approve(
            review_round=open_round,
            user=chairman,
            decision_number="12/QĐ-UBND",
            decision_date=timezone.localdate(),
        )
    assert exc_info.value.messages == [workflow_messages.FOUR_EYES]
    with pytest.raises(ValidationError):
        services.review_round_return(review_round=open_round, user=chairman, note="Tự trả lại")
    open_round.refresh_from_db()
    assert open_round.status == RoundStatus.SUBMITTED and open_round.submitted_by == chairman


def test_another_approver_approves_what_the_chairman_submitted(
    open_round, household, head1, chairman, vice_chairman
):
    record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=chairman)
    approved = services.review_round_approve(
        review_round=open_round,
        user=vice_chairman,
        decision_number="12/QĐ-UBND",
        decision_date=timezone.localdate(),
    )
    assert approved.status == RoundStatus.APPROVED and approved.approved_by == vice_chairman


def test_every_step_of_a_round_is_logged(open_round, household, head1, labour_officer, chairman):
    record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=labour_officer)
    services.review_round_return(review_round=open_round, user=chairman, note="Kiểm tra lại hộ KP1")
    services.review_round_submit(review_round=open_round, user=labour_officer)
    services.review_round_approve(
        review_round=open_round,
        user=chairman,
        decision_number="12/QĐ-UBND",
        decision_date=timezone.localdate(),
    )
    steps = list(open_round.log_steps.values_list("from_status", "to_status", "actor", "comment"))
    assert steps == [
        ("", RoundStatus.OPEN, labour_officer.pk, ""),
        (RoundStatus.OPEN, RoundStatus.SUBMITTED, labour_officer.pk, ""),
        (RoundStatus.SUBMITTED, RoundStatus.OPEN, chairman.pk, "Kiểm tra lại hộ KP1"),
        (RoundStatus.OPEN, RoundStatus.SUBMITTED, labour_officer.pk, ""),
        (RoundStatus.SUBMITTED, RoundStatus.APPROVED, chairman.pk, ""),
    ]


def test_submitting_records_who_submitted(open_round, household, head1, labour_officer):
    record(open_round, household, head1)
    submitted = services.review_round_submit(review_round=open_round, user=labour_officer)
    assert submitted.submitted_by == labour_officer and submitted.submitted_at is not None


def test_a_submitted_round_cannot_be_submitted_again(open_round, household, head1, labour_officer):
    record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=labour_officer)
    with pytest.raises(ValidationError) as exc_info:
        services.review_round_submit(review_round=open_round, user=labour_officer)
    assert exc_info.value.messages == [messages.ROUND_NOT_SUBMITTABLE]


def test_returning_an_open_round_is_refused(open_round, chairman):
    with pytest.raises(ValidationError) as exc_info:
        services.review_round_return(review_round=open_round, user=chairman, note="x")
    assert exc_info.value.messages == [messages.ROUND_NOT_SUBMITTED]


def test_a_review_cannot_be_moved_out_of_an_approved_round(
    open_round, household, head1, labour_officer, chairman
):
    review = record(open_round, household, head1)
    services.review_round_submit(review_round=open_round, user=labour_officer)
    services.review_round_approve(
        review_round=open_round,
        user=chairman,
        decision_number="12/QĐ-UBND",
        decision_date=timezone.localdate(),
    )
    later = services.review_round_open(
        commune=open_round.commune,
        year=2025,
        user=labour_officer,
        history_reason="Nhập kết quả đã rà soát trên giấy",
    )
    review.round = later
    with pytest.raises(ValidationError) as exc_info:
        review.save()
    assert exc_info.value.messages == [messages.ROUND_FROZEN]
    assert Review.objects.get(pk=review.pk).round_id == open_round.pk
