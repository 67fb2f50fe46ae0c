"""Preparing a round's list of households to review (QĐ 24/2021/QĐ-TTg Điều 4 khoản 1): the poor and
near-poor households on the lists in force (the last periodic round and the ongoing decisions after it),
those with a request (Mẫu số 01) and those the khu phố heads propose, each with its reason."""

from django.core.exceptions import ValidationError
from django.db import transaction

from households import messages
from households.models import Category, Review, ReviewRound, RoundHousehold, RoundStatus
from households.models.review_stages import ListReason
from households.stored import round_progress_changed

LISTED_CATEGORIES = (Category.POOR, Category.NEAR_POOR)


def list_prepare(*, review_round: ReviewRound, user) -> int:
    """Put on the list every household poor or near-poor on the lists in force; returns how many were
    added (households already listed are kept)."""
    ids = lists_in_force(review_round.commune)
    listed = set(RoundHousehold.objects.filter(round=review_round).values_list("household_id", flat=True))
    rows = [
        RoundHousehold(round=review_round, household_id=pk, reason=ListReason.LISTED, added_by=user)
        for pk in sorted(ids - listed)
    ]
    RoundHousehold.objects.bulk_create(rows, batch_size=1000)
    if rows:
        round_progress_changed(review_round.pk)  # a bulk insert sends no save signal
    return len(rows)


def lists_in_force(commune) -> set[int]:
    """The households poor or near-poor now: the last approved periodic round (number 1), then each
    approved supplementary round decided after it (an ongoing review's decision, QĐ 24/2021 Điều 5:
    a household that escaped leaves the list, one newly poor joins it), the later result winning."""
    approved = ReviewRound.objects.filter(commune=commune, status=RoundStatus.APPROVED).order_by(
        "-decision_date", "-year", "-number"
    )
    base = approved.filter(number=1).first()
    if base is None:
        return set()
    listed = set(
        Review.objects.filter(round=base, category__in=LISTED_CATEGORIES).values_list(
            "household_id", flat=True
        )
    )
    # An earlier year's round entered afterwards as history is not a decision on today's lists.
    later = approved.filter(number__gt=1, decision_date__gte=base.decision_date).exclude(year__lt=base.year)
    for household_id, category in (
        Review.objects.filter(round__in=later)
        .order_by("round__decision_date", "round__year", "round__number")
        .values_list("household_id", "category")
    ):
        (listed.add if category in LISTED_CATEGORIES else listed.discard)(household_id)
    return listed


@transaction.atomic
def list_add(*, review_round: ReviewRound, household, reason: str, user, note: str = "") -> RoundHousehold:
    """Add a household that applied or that its khu phố proposes."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    if review_round.status != RoundStatus.OPEN or review_round.is_history:
        raise ValidationError(messages.LIST_ONLY_WHILE_OPEN)
    if household.commune_id != review_round.commune_id:
        raise ValidationError({"household": messages.HOUSEHOLD_OTHER_COMMUNE})
    if RoundHousehold.objects.filter(round=review_round, household=household).exists():
        raise ValidationError({"household": messages.HOUSEHOLD_ALREADY_LISTED.format(code=household.code)})
    entry = RoundHousehold(round=review_round, household=household, reason=reason, note=note, added_by=user)
    entry.full_clean(validate_constraints=False)
    entry.save()
    return entry
