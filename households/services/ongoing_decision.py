"""The chairman's decision on an ongoing review (QĐ 24/2021/QĐ-TTg Điều 5 khoản 2; since 01/07/2025
without a district's opinion, TT 13/2025/TT-BNNMT): after the posting has ended, never by whoever
surveyed, with its number and date. The result becomes an approved ``Review`` of a supplementary round
of its own, so the household's status changes from the decision's date (``households.status``)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from households import messages
from households.models import Category, Review, ReviewRequest, ReviewRound, RoundStatus
from thoxuan_gnbv import messages as core_messages
from thoxuan_gnbv import workflow
from thoxuan_gnbv.formatting import format_date
from thoxuan_gnbv.statuses import RequestStatus


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
