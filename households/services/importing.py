"""Import of the household workbook: read and validate everything first (``workbook_parsing`` for
the file and its cells, ``workbook_checks`` for the rows against the database), then write all or nothing.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from households import messages
from households.classification import classify, thresholds_for
from households.models import Household, Member, PovertyStandard, Review, ReviewRound, RoundStatus
from households.services.registry import build_search_key
from households.services.review import current_round
from households.services.workbook_checks import _chunks, workbook_read
from households.services.workbook_parsing import ImportPlan

HISTORY_REASON = "Nhập từ tệp Excel hộ gia đình"


@dataclass
class ImportResult:
    created: int
    updated: int
    review_round: ReviewRound | None


def households_import(*, commune, fileobj, user, dry_run: bool = False) -> ImportResult:
    """Create or update every household of the workbook and its review for the year, classified by
    the standard in force. Any invalid row: nothing is written and ``ValidationError`` lists every
    problem (row and header named)."""
    plan = workbook_read(fileobj, commune=commune)
    if plan.errors:
        raise ValidationError(plan.errors)
    if dry_run:
        return ImportResult(len(plan.creates), len(plan.updates), None)
    with transaction.atomic():
        return _apply(plan, commune, user)


def _apply(plan: ImportPlan, commune, user) -> ImportResult:
    review_round = current_round(commune)
    if review_round is None:
        from households.services.review import review_round_open

        # A past year's workbook is history entered after the fact (the round skips the stages).
        review_round = review_round_open(
            commune=commune,
            year=plan.years[0],
            user=user,
            history_reason=messages.IMPORT_HISTORY_REASON.format(year=plan.years[0]),
        )
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    if review_round.status != RoundStatus.OPEN:
        raise ValidationError(messages.ROUND_NOT_OPEN)
    standard = PovertyStandard.objects.in_force(review_round.year)
    thresholds = thresholds_for(standard, commune.area_type)
    code_of_indicator = {i.name: i.code for i in standard.indicators.all()}

    existing: dict[str, Household] = {}
    for part in _chunks([r.code for r in plan.rows]):
        existing.update((h.code, h) for h in Household.objects.filter(commune=commune, code__in=part))
    member_text: dict[int, list[str]] = {}
    for part in _chunks([h.pk for h in existing.values()]):
        for household_id, name, national_id in Member.objects.filter(household_id__in=part).values_list(
            "household_id", "full_name", "national_id"
        ):
            member_text.setdefault(household_id, []).extend(t for t in (name, national_id) if t)

    new, changed = [], []
    for row in plan.rows:
        household = existing.get(row.code) or Household(commune=commune, code=row.code)
        household.neighborhood = row.neighborhood
        household.head_name = row.head_name
        household.head_national_id = row.head_national_id
        if row.address is not None:
            household.address = row.address
        for attribute, value in row.flags.items():
            setattr(household, attribute, value)
        household.search_key = build_search_key(
            household.code, household.head_name, household.head_national_id, member_text.get(household.pk, ())
        )
        (changed if household.pk else new).append(household)
    options = {"batch_size": 1000, "default_user": user, "default_change_reason": HISTORY_REASON}
    if new:
        bulk_create_with_history(new, Household, **options)
        if any(h.pk is None for h in new):  # a backend that does not return keys
            ids = dict(
                Household.objects.filter(commune=commune, code__in=[h.code for h in new]).values_list(
                    "code", "pk"
                )
            )
            for household in new:
                household.pk = household.id = ids[household.code]
    if changed:
        bulk_update_with_history(
            changed,
            Household,
            [
                "neighborhood",
                "head_name",
                "head_national_id",
                "address",
                "search_key",
                "is_ethnic_minority",
                "has_meritorious_person",
                "without_labour_capacity",
            ],  # fmt: skip
            **options,
        )

    households = {h.code: h for h in new + changed}
    reviews = {}
    for part in _chunks([h.pk for h in households.values()]):
        reviews.update(
            (r.household_id, r) for r in Review.objects.filter(round=review_round, household_id__in=part)
        )
    new_reviews, changed_reviews = [], []
    for row in plan.rows:
        household = households[row.code]
        codes = [code_of_indicator[h] for h in row.deprived if h in code_of_indicator]
        review = reviews.get(household.pk) or Review(household_id=household.pk, round_id=review_round.pk)
        review.year = review_round.year
        review.standard_id = standard.pk
        review.household_size = row.size
        review.income = row.income
        review.score = None
        review.deprivations = codes
        review.deprivation_count = len(codes)
        review.category = classify(thresholds, deprivation_count=len(codes), income=row.income)
        review.recorded_by_id = user.pk if user else None
        (changed_reviews if review.pk else new_reviews).append(review)
    if new_reviews:
        bulk_create_with_history(new_reviews, Review, **options)
    if changed_reviews:
        bulk_update_with_history(
            changed_reviews,
            Review,
            [
                "standard",
                "household_size",
                "income",
                "score",
                "deprivations",
                "deprivation_count",
                "category",
                "recorded_by",
            ],
            **options,
        )
    return ImportResult(len(new), len(changed), review_round)
