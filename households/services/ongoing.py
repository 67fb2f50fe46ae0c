"""The ongoing review of one household (QĐ 24/2021/QĐ-TTg Điều 5): record its request, survey it,
post the result, and the chairman's decision. Each step is a ``ReviewRequest.workflow`` transition
(lock, four-eyes, one log row); every write is all or nothing and every refusal names its field."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from households import messages
from households.models import Category, Review, ReviewRequest, ReviewRound, RoundStatus
from households.ongoing_deadlines import POSTING_WORKING_DAYS, decision_due, posting_last_day, review_day
from households.services.review import review_classify
from thoxuan_gnbv import messages as core_messages
from thoxuan_gnbv import workflow
from thoxuan_gnbv.formatting import format_date
from thoxuan_gnbv.statuses import RequestStatus


@transaction.atomic
def review_request_record(
    *, commune, household, kind: str, received_on: datetime.date, user, note: str = ""
) -> ReviewRequest:
    """Record a household's request (Mẫu số 01 or 04) with its date of receipt; the deadline follows."""
    errors = {}
    if household.commune_id != commune.pk:
        errors["household"] = messages.REQUEST_HOUSEHOLD_OTHER_COMMUNE
    if received_on > timezone.localdate():
        errors["received_on"] = messages.REQUEST_RECEIVED_FUTURE
    if errors:
        raise ValidationError(errors)
    pending = ReviewRequest.objects.pending().select_for_update().filter(household=household).first()
    if pending is not None:
        date = format_date(pending.received_on)
        raise ValidationError({"household": messages.REQUEST_PENDING_EXISTS.format(date=date)})
    request = ReviewRequest(
        commune=commune,
        household=household,
        kind=kind,
        received_on=received_on,
        received_by=user,
        review_day=review_day(received_on),
        due_on=decision_due(received_on),
        note=note,
    )
    request.full_clean()
    request.save()
    workflow.log_created(request, user=user)
    return request


@transaction.atomic
def review_request_survey(
    *,
    request: ReviewRequest,
    user,
    deprivations,
    income=None,
    score=None,
    household_size=None,
    surveyed_on: datetime.date | None = None,
) -> ReviewRequest:
    """The survey (Phiếu B) of the household on ``surveyed_on`` (today when not given, never before the
    request was received), classified by the standard in force on the review day."""
    workflow.check_step(request, to=RequestStatus.SURVEYED)
    surveyed_on = surveyed_on or timezone.localdate()
    if surveyed_on < request.received_on:
        date = format_date(request.received_on)
        raise ValidationError({"surveyed_on": messages.REQUEST_SURVEY_BEFORE_RECEIPT.format(date=date)})
    if surveyed_on > timezone.localdate():
        raise ValidationError({"surveyed_on": messages.REQUEST_SURVEY_FUTURE})
    result = review_classify(
        commune=request.commune,
        year=request.review_day.year,
        deprivations=deprivations,
        income=income,
        score=score,
    )
    changes = {
        "surveyed_on": surveyed_on,
        "standard": result.standard,
        "income": income,
        "score": score,
        "deprivations": result.deprivations,
        "category": result.category,
        "household_size": household_size or max(request.household.members.count(), 1),
    }
    return workflow.transition(request, to=RequestStatus.SURVEYED, user=user, changes=changes)


@transaction.atomic
def review_request_post(
    *, request: ReviewRequest, user, posting_start: datetime.date, posting_end: datetime.date | None = None
) -> ReviewRequest:
    """Post the result at the khu phố and the commune office for at least 3 working days."""
    workflow.check_step(request, to=RequestStatus.POSTED)
    surveyed_on = request.surveyed_on
    errors = {}
    if posting_start < surveyed_on:
        errors["posting_start"] = messages.REQUEST_POSTING_BEFORE_SURVEY.format(date=format_date(surveyed_on))
    elif posting_start > timezone.localdate():
        errors["posting_start"] = messages.REQUEST_POSTING_FUTURE
    earliest_end = posting_last_day(posting_start)
    posting_end = posting_end or earliest_end
    if "posting_start" not in errors and posting_end < earliest_end:
        errors["posting_end"] = messages.REQUEST_POSTING_TOO_SHORT.format(
            days=POSTING_WORKING_DAYS, start=format_date(posting_start), end=format_date(earliest_end)
        )
    if errors:
        raise ValidationError(errors)
    changes = {"posting_start": posting_start, "posting_end": posting_end}
    return workflow.transition(request, to=RequestStatus.POSTED, user=user, changes=changes)


@transaction.atomic
def review_request_decide(
    *, request: ReviewRequest, user, decision_number: str, decision_date: datetime.date | None
) -> ReviewRequest:
    """The chairman's decision (never by whoever surveyed): the result becomes an approved review of
    a supplementary round of its own, so the household's status changes from the decision's date."""
    request = ReviewRequest.objects.select_for_update().select_related("household").get(pk=request.pk)
    workflow.check_step(request, to=RequestStatus.DECIDED)
    if request.surveyed_by_id == user.pk:
        raise ValidationError(core_messages.FOUR_EYES, code="own")
    decision_number = (decision_number or "").strip()
    errors = {}
    if not decision_number:
        errors["decision_number"] = messages.DECISION_NUMBER_REQUIRED
    today = timezone.localdate()
    if decision_date is None:
        errors["decision_date"] = messages.DECISION_DATE_REQUIRED
    elif decision_date > today:
        errors["decision_date"] = messages.DECISION_DATE_FUTURE
    elif today <= request.posting_end:
        date = format_date(request.posting_end)
        errors["decision_date"] = messages.REQUEST_DECISION_POSTING_RUNNING.format(date=date)
    elif decision_date <= request.posting_end:
        date = format_date(request.posting_end)
        errors["decision_date"] = messages.REQUEST_DECISION_BEFORE_POSTING_ENDS.format(date=date)
    if errors:
        raise ValidationError(errors)
    review = _decided_review(request, user=user, number=decision_number, date=decision_date)
    changes = {"decision_number": decision_number, "decision_date": decision_date, "review": review}
    return workflow.transition(request, to=RequestStatus.DECIDED, user=user, changes=changes)


def _decided_review(request: ReviewRequest, *, user, number: str, date: datetime.date) -> Review:
    """A supplementary round (number ≥ 2: the periodic round keeps 1) approved by this decision, with
    the household's result. It is born approved — never in progress, so it never blocks the periodic
    round — and the result is written in the same transaction as the decision that freezes it."""
    year = date.year
    last = ReviewRound.objects.filter(commune_id=request.commune_id, year=year).aggregate(n=Max("number"))[
        "n"
    ]
    note = messages.REQUEST_ROUND_NOTE.format(
        code=request.household.code, date=format_date(request.received_on)
    )
    round_ = ReviewRound(
        commune_id=request.commune_id,
        year=year,
        number=max(last or 0, 1) + 1,
        status=RoundStatus.APPROVED,
        opened_by=request.received_by,
        submitted_by=request.posted_by,
        submitted_at=request.posted_at,
        decision_number=number,
        decision_date=date,
        approved_by=user,
        approved_at=timezone.now(),
        summary={value: int(value == request.category) for value in Category.values},
        note=note,
    )
    round_.full_clean()
    round_.save()
    ReviewRound.workflow.write_log(round_, from_status="", user=user, comment=note)
    review = Review(
        household=request.household,
        round=round_,
        year=year,
        standard=request.standard,
        household_size=request.household_size or 1,
        income=request.income,
        score=request.score,
        deprivations=request.deprivations,
        deprivation_count=len(request.deprivations),
        category=request.category,
        recorded_by=request.surveyed_by,
        note=note[:255],
    )
    # Field checks only: ``clean`` would refuse a row of an approved round, and this row is the very
    # result the approval recognises (written with it, in one transaction).
    review.clean_fields()
    (review,) = bulk_create_with_history([review], Review, default_user=user)
    return review
