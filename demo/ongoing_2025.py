"""Three ongoing reviews (rà soát thường xuyên) of 2025 in different states, through the services:

- a poor household of 2024 that asked to leave the list (Mẫu số 04), surveyed, posted and recognised
  as escaped by the chairman's decision (a supplementary round of 2025);
- a near-poor household that asked to be reviewed (Mẫu số 01), surveyed and posted over the weekend,
  awaiting the decision (late: its red badge shows on the list);
- a household that handed in its request on 18/12/2025, received only.
Created once: a commune that already has requests is left alone."""

import datetime

from django.utils import timezone

from households.models import Category, Household, RequestKind, Review, ReviewRequest, ReviewRequestTransition
from households.services import ongoing as services
from households.services.ongoing_decision import review_request_decide

D = datetime.date


def _household(commune, category: str, skip=()) -> Household:
    """The first household (by code) that the 2024 decision put in ``category``."""
    review = (
        Review.objects.approved()
        .filter(round__commune=commune, year=2024, round__number=1, category=category)
        .exclude(household_id__in=skip)
        .select_related("household")
        .order_by("household__code")
        .first()
    )
    return review.household


def _backdate(request, *days: datetime.date) -> None:
    """Date the log rows (one per step, in order) on the days the steps took place, at 9 o'clock."""
    rows = ReviewRequestTransition.objects.filter(request=request).order_by("at", "pk")
    for row, day in zip(rows, days, strict=False):
        at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        ReviewRequestTransition.objects.filter(pk=row.pk).update(at=at)


def seed_ongoing_2025(commune, users) -> None:
    if ReviewRequest.objects.filter(commune=commune).exists():
        return
    officer, chairman = users["laodong"], users["chutich"]
    escaped = _household(commune, Category.POOR)
    request = services.review_request_record(
        commune=commune, household=escaped, kind=RequestKind.LEAVE, received_on=D(2025, 3, 5), user=officer,
        note="Hộ có con đi làm công nhân, thu nhập ổn định.",
    )  # fmt: skip
    request = services.review_request_survey(
        request=request, user=officer, deprivations=["health_insurance"], income=2_450_000,
        surveyed_on=D(2025, 3, 17),
    )  # fmt: skip
    request = services.review_request_post(request=request, user=officer, posting_start=D(2025, 3, 18))
    review_request_decide(
        request=request, user=chairman, decision_number="41/QĐ-UBND", decision_date=D(2025, 3, 25)
    )
    _backdate(request, D(2025, 3, 5), D(2025, 3, 17), D(2025, 3, 18), D(2025, 3, 25))

    asking = _household(commune, Category.NEAR_POOR)
    request = services.review_request_record(
        commune=commune, household=asking, kind=RequestKind.RECOGNISE, received_on=D(2025, 10, 20),
        user=officer, note="Chủ hộ bị tai nạn lao động, mất khả năng lao động.",
    )  # fmt: skip
    request = services.review_request_survey(
        request=request, user=officer, deprivations=["employment", "health_insurance", "housing_quality"],
        income=1_350_000, surveyed_on=D(2025, 11, 14),
    )  # fmt: skip
    services.review_request_post(request=request, user=officer, posting_start=D(2025, 11, 14))
    _backdate(request, D(2025, 10, 20), D(2025, 11, 14), D(2025, 11, 14))

    waiting = _household(commune, Category.NEAR_POOR, skip={asking.pk})
    request = services.review_request_record(
        commune=commune, household=waiting, kind=RequestKind.RECOGNISE, received_on=D(2025, 12, 18),
        user=officer,
    )  # fmt: skip
    _backdate(request, D(2025, 12, 18))
