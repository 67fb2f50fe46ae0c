"""Import of the household workbook: read and validate everything first (``workbook_parsing`` for
the file and its cells, ``workbook_checks`` for the rows against the database), then write all or nothing,
chunk by chunk, only what changes (``import_diff``: the same comparison the preview showed).

Two refusals protect what officers entered: an import confirmed from a preview carries the preview's
fingerprint of the database rows, and a changed state is refused; a review entered by hand is
overwritten only with ``overwrite_manual`` (the officer ticked the box after reading the preview).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from households import messages
from households.models import Household, Review, ReviewRound, RoundStatus
from households.services.import_diff import HISTORY_REASON, diff_rows, new_fingerprint, target_for
from households.services.registry import build_search_key
from households.services.review import current_round
from households.services.workbook_checks import workbook_read
from thoxuan_gnbv import stored_figures
from thoxuan_gnbv.history_copy import bulk_create_recorded, bulk_update_recorded

__all__ = ["HISTORY_REASON", "ImportResult", "households_import"]
HOUSEHOLD_COLUMNS = [
    "neighborhood", "head_name", "head_national_id", "address", "search_key", "is_ethnic_minority",
    "has_meritorious_person", "without_labour_capacity", "version",
]  # fmt: skip
REVIEW_COLUMNS = [
    "standard", "household_size", "income", "score", "deprivations", "deprivation_count", "category",
    "recorded_by",
]  # fmt: skip


@dataclass
class ImportResult:
    created: int
    updated: int
    review_round: ReviewRound | None
    unchanged: int = 0
    manual: int = 0


def households_import(
    *,
    commune,
    fileobj,
    user,
    dry_run: bool = False,
    expected_fingerprint: str | None = None,
    overwrite_manual: bool = False,
) -> ImportResult:
    """Create or update every household of the workbook and its review for the year, classified by
    the standard in force. Any invalid row: nothing is written and ``ValidationError`` lists every
    problem (row and header named). Rows that change nothing are not written."""
    plan = workbook_read(fileobj, commune=commune)
    if plan.errors:
        raise ValidationError(plan.errors)
    with transaction.atomic():
        result = _apply(plan, commune, user, expected_fingerprint, overwrite_manual or dry_run)
        # Rows went in in bulk (no save signals): the commune's stored figures are stale.
        stored_figures.changed(commune.pk)
        if dry_run:
            transaction.set_rollback(True)
            result.review_round = None
    return result


def _apply(plan, commune, user, expected_fingerprint, overwrite_manual) -> ImportResult:
    found = current_round(commune)
    hasher = new_fingerprint(found)
    review_round = found
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
    target = target_for(commune, review_round.year)
    standard_id = _standard_id(review_round.year)
    options = {"user": user, "reason": HISTORY_REASON}
    result = ImportResult(0, 0, review_round)
    walk = diff_rows(plan.rows, commune=commune, review_round=found, target=target, hasher=hasher, lock=True)
    for current, diffs in walk:
        new, changed, reviewed = [], [], []
        for diff in diffs:
            if diff.kind == "same":
                result.unchanged += 1
                continue
            result.manual += diff.manual
            result.updated += diff.kind == "change"
            household = diff.household or Household(commune=commune, code=diff.row.code)
            if diff.household is None or diff.household_changes:
                _fill_household(household, diff.row, current.member_text.get(household.pk, ()))
                (changed if household.pk else new).append(household)
            if diff.review_changes:
                reviewed.append((household, diff))
        result.created += len(new)
        if new:
            bulk_create_recorded(new, Household, **options)
        if changed:
            bulk_update_recorded(changed, Household, HOUSEHOLD_COLUMNS, **options)
        _write_reviews(reviewed, review_round, standard_id, target, user, options)
    if expected_fingerprint is not None and hasher.hexdigest() != expected_fingerprint:
        raise ValidationError(messages.IMPORT_DATA_CHANGED)
    if result.manual and not overwrite_manual:
        raise ValidationError(messages.IMPORT_MANUAL_CONSENT.format(count=result.manual))
    return result


def _standard_id(year: int) -> int:
    from households.models import PovertyStandard

    return PovertyStandard.objects.in_force(year).pk


def _fill_household(household, row, member_text) -> None:
    household.neighborhood = row.neighborhood
    household.head_name = row.head_name
    household.head_national_id = row.head_national_id
    if row.address is not None:
        household.address = row.address
    for attribute, value in row.flags.items():
        setattr(household, attribute, value)
    household.search_key = build_search_key(
        household.code, household.head_name, household.head_national_id, member_text
    )
    if household.pk:
        household.version += 1  # an edit form opened before the import is now stale (concurrency.py)


def _write_reviews(reviewed, review_round, standard_id, target, user, options) -> None:
    new_reviews, changed_reviews = [], []
    for household, diff in reviewed:
        row = diff.row
        codes = target.codes(row)
        review = diff.review or Review(household_id=household.pk, round_id=review_round.pk)
        review.year = review_round.year
        review.standard_id = standard_id
        review.household_size = row.size
        review.income = row.income
        review.score = None
        review.deprivations = codes
        review.deprivation_count = len(codes)
        review.category = target.category(row)
        review.recorded_by_id = user.pk if user else None
        (changed_reviews if review.pk else new_reviews).append(review)
    if new_reviews:
        bulk_create_recorded(new_reviews, Review, **options)
    if changed_reviews:
        bulk_update_recorded(changed_reviews, Review, REVIEW_COLUMNS, **options)
