"""Preparing a round's list of households to review (QĐ 24/2021/QĐ-TTg Điều 4 khoản 1): the poor and
near-poor households of the last approved round, those with a request (Mẫu số 01) and those the khu
phố heads propose, each with its reason."""

from django.core.exceptions import ValidationError
from django.db import transaction

from households import messages
from households.models import Category, Review, ReviewRound, RoundHousehold, RoundStatus
from households.models.review_stages import ListReason
from households.stored import round_progress_changed


def list_prepare(*, review_round: ReviewRound, user) -> int:
    """Put on the list every household poor or near-poor in the last approved round of the commune;
    returns how many were added (households already listed are kept)."""
    latest = (
        ReviewRound.objects.filter(commune=review_round.commune, status=RoundStatus.APPROVED)
        .order_by("-decision_date", "-year", "-number")
        .first()
    )
    if latest is None:
        return 0
    listed = set(RoundHousehold.objects.filter(round=review_round).values_list("household_id", flat=True))
    ids = Review.objects.filter(round=latest, category__in=[Category.POOR, Category.NEAR_POOR]).values_list(
        "household_id", flat=True
    )
    rows = [
        RoundHousehold(round=review_round, household_id=pk, reason=ListReason.LISTED, added_by=user)
        for pk in ids
        if pk not in listed
    ]
    RoundHousehold.objects.bulk_create(rows, batch_size=1000)
    if rows:
        round_progress_changed(review_round.pk)  # a bulk insert sends no save signal
    return len(rows)


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
