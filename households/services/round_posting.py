"""The public posting of a round's results and the complaints received during it (QĐ 24/2021/QĐ-TTg
Điều 4 khoản 3): the posting lasts the legal number of working days (Vietnam's public holidays not
counted, thoxuan_gnbv.workdays); a complaint gets a re-check (phúc tra) within its working-day
deadline, and a re-check that changes a classification is posted again."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from households import messages
from households.models import Complaint, Meeting, Posting, Review, ReviewRound, RoundHousehold, RoundStatus
from households.models.review_stages import ListReason
from households.review_law import POSTING_PLACES, POSTING_WORKING_DAYS, RECHECK_WORKING_DAYS
from households.services.round_checks import named, unreposted_codes
from households.stored import round_progress_changed
from thoxuan_gnbv import workdays, workflow
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage


def legal_end(starts_on: datetime.date) -> datetime.date:
    """The earliest last day of a posting opened on ``starts_on``."""
    return workdays.last_day_of_period(starts_on, POSTING_WORKING_DAYS)


def _check_period(starts_on, ends_on) -> dict:
    errors = {}
    if starts_on is None:
        return {"starts_on": messages.POSTING_START_REQUIRED}
    if ends_on is None:
        return {"ends_on": messages.POSTING_END_REQUIRED}
    earliest = legal_end(starts_on)
    if ends_on < earliest:
        errors["ends_on"] = messages.POSTING_TOO_SHORT.format(
            days=POSTING_WORKING_DAYS, start=f"{starts_on:%d/%m/%Y}", end=f"{earliest:%d/%m/%Y}"
        )
    return errors


@transaction.atomic
def posting_start(
    *, review_round: ReviewRound, starts_on: datetime.date, ends_on: datetime.date, user, places: str = ""
) -> Posting:
    """Close the meetings and post the agreed results: every surveyed household must have been agreed
    at its khu phố meeting, and the posting begins on or after the last meeting."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    workflow.check_step(review_round, to=RoundStatus.POSTING)
    pending = list(
        RoundHousehold.objects.filter(
            round=review_round, stage__in=[HouseholdStage.SURVEYED, HouseholdStage.RESURVEY]
        )
        .order_by("household__code")
        .values_list("household__code", flat=True)
    )
    if pending:
        raise ValidationError(named(messages.MEETINGS_PENDING, pending))
    errors = _check_period(starts_on, ends_on)
    last_meeting = Meeting.objects.filter(round=review_round).aggregate(last=Max("held_on"))["last"]
    if last_meeting and starts_on < last_meeting:
        errors["starts_on"] = messages.POSTING_BEFORE_MEETING.format(last=f"{last_meeting:%d/%m/%Y}")
    if errors:
        raise ValidationError(errors)
    posting = Posting(
        round=review_round,
        number=(review_round.postings.aggregate(n=Max("number"))["n"] or 0) + 1,
        starts_on=starts_on,
        ends_on=ends_on,
        places=places or POSTING_PLACES,
        recorded_by=user,
    )
    posting.full_clean(validate_constraints=False)
    posting.save()
    RoundHousehold.objects.filter(round=review_round, stage=HouseholdStage.DISCUSSED).update(
        stage=HouseholdStage.POSTED
    )
    round_progress_changed(review_round.pk)  # an update sends no save signal
    workflow.transition(review_round, to=RoundStatus.POSTING, user=user)
    return posting


@transaction.atomic
def posting_repeat(
    *, review_round: ReviewRound, starts_on: datetime.date, ends_on: datetime.date, reason: str, user
) -> Posting:
    """Post again the results a re-check changed (it must begin on or after that re-check)."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    if review_round.status != RoundStatus.POSTING:
        raise ValidationError(messages.ROUND_NOT_POSTING)
    if not unreposted_codes(review_round):
        raise ValidationError(messages.POSTING_NOT_NEEDED)
    errors = _check_period(starts_on, ends_on)
    if not (reason or "").strip():
        errors["reason"] = messages.POSTING_REASON_REQUIRED
    if errors:
        raise ValidationError(errors)
    posting = Posting(
        round=review_round,
        number=review_round.postings.aggregate(n=Max("number"))["n"] + 1,
        starts_on=starts_on,
        ends_on=ends_on,
        places=POSTING_PLACES,
        reason=reason.strip(),
        recorded_by=user,
    )
    posting.full_clean(validate_constraints=False)
    posting.save()
    return posting


@transaction.atomic
def complaint_receive(
    *, review_round: ReviewRound, household, complainant: str, received_on: datetime.date, content: str, user
) -> Complaint:
    """Record a complaint received during a posting; its re-check is due within the legal working days."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    if review_round.status != RoundStatus.POSTING:
        raise ValidationError(messages.ROUND_NOT_POSTING)
    if household is None or household.commune_id != review_round.commune_id:
        raise ValidationError({"household": messages.HOUSEHOLD_OTHER_COMMUNE})
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": messages.COMPLAINT_FUTURE})
    posting = review_round.postings.filter(starts_on__lte=received_on, ends_on__gte=received_on).first()
    if posting is None:
        latest = review_round.postings.order_by("-number").first()
        raise ValidationError(
            {
                "received_on": messages.COMPLAINT_OUTSIDE_POSTING.format(
                    received=f"{received_on:%d/%m/%Y}",
                    start=f"{latest.starts_on:%d/%m/%Y}",
                    end=f"{latest.ends_on:%d/%m/%Y}",
                )
            }
        )
    review = Review.objects.filter(round=review_round, household=household).first()
    RoundHousehold.objects.get_or_create(
        round=review_round, household=household, defaults={"reason": ListReason.COMPLAINT, "added_by": user}
    )
    complaint = Complaint(
        round=review_round,
        posting=posting,
        household=household,
        complainant=complainant.strip(),
        received_on=received_on,
        content=content.strip(),
        recheck_due=workdays.add_working_days(received_on, RECHECK_WORKING_DAYS),
        category_before=review.category if review else "",
        received_by=user,
    )
    complaint.full_clean()
    complaint.save()
    return complaint


@transaction.atomic
def complaint_resolve(
    *, complaint: Complaint, status: str, rechecked_on: datetime.date, result_note: str, user
) -> Complaint:
    """Conclude the re-check. An upheld complaint keeps the household's re-recorded review (done on
    its review page during the re-check); a changed category then needs a second posting."""
    complaint = Complaint.objects.select_for_update().select_related("round").get(pk=complaint.pk)
    if complaint.round.status != RoundStatus.POSTING:
        raise ValidationError(messages.ROUND_NOT_POSTING)
    if not complaint.is_pending:
        raise ValidationError(messages.COMPLAINT_NOT_PENDING)
    errors = {}
    if status not in (ComplaintStatus.UPHELD, ComplaintStatus.REJECTED):
        errors["status"] = messages.RECHECK_RESULT_REQUIRED
    if rechecked_on is None or rechecked_on < complaint.received_on:
        errors["rechecked_on"] = messages.RECHECK_BEFORE_RECEIPT.format(
            received=f"{complaint.received_on:%d/%m/%Y}"
        )
    elif rechecked_on > timezone.localdate():
        errors["rechecked_on"] = messages.RECHECK_FUTURE
    if not (result_note or "").strip():
        errors["result_note"] = messages.RECHECK_NOTE_REQUIRED
    if errors:
        raise ValidationError(errors)
    review = Review.objects.filter(round=complaint.round, household=complaint.household).first()
    complaint.status = status
    complaint.rechecked_on = rechecked_on
    complaint.result_note = result_note.strip()
    complaint.category_after = review.category if review and status == ComplaintStatus.UPHELD else ""
    complaint.resolved_by = user
    complaint.full_clean()
    complaint.save()
    return complaint
