"""The ongoing review of one household (QĐ 24/2021/QĐ-TTg Điều 5): record its request, survey it,
post the result, and the chairman's decision. Each step is a ``ReviewRequest.workflow`` transition
(lock, four-eyes, one log row); every write is all or nothing and every refusal names its field."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from households import messages
from households.models import Category, RequestKind, ReviewRequest
from households.ongoing_deadlines import POSTING_WORKING_DAYS, decision_due, posting_last_day, review_day
from households.services.review import review_classify
from households.status import status_on
from thoxuan_gnbv import workflow
from thoxuan_gnbv.formatting import format_date
from thoxuan_gnbv.statuses import RequestStatus

LISTED = (Category.POOR, Category.NEAR_POOR)


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
    elif kind == RequestKind.LEAVE and status_on(household, received_on).category not in LISTED:
        # Mẫu số 04 asks to leave the list: only a household on it may (QĐ 24/2021/QĐ-TTg Điều 5 khoản 1).
        errors["kind"] = messages.REQUEST_LEAVE_NOT_LISTED
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
