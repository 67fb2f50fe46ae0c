"""The yearly review (QĐ 24/2021/QĐ-TTg): open a round, record results, submit to the chairman,
approve with a decision number and date — never by the officer who submitted it. The steps are
declared on ``ReviewRound.workflow`` and run by ``thoxuan_gnbv.workflow.transition`` (lock, four-eyes,
one ``ReviewRoundTransition`` row each); approval freezes the round's results."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from households import messages
from households.classification import Thresholds, classify, thresholds_for
from households.models import Category, PovertyStandard, Review, ReviewRound, RoundStatus
from thoxuan_gnbv import workflow


@dataclass(frozen=True)
class Classification:
    category: str
    deprivation_count: int
    deprivations: list[str]
    standard: PovertyStandard
    thresholds: Thresholds

    @property
    def category_label(self) -> str:
        return Category(self.category).label


def current_round(commune) -> ReviewRound | None:
    """The commune's round in progress (open or submitted), if any."""
    return ReviewRound.objects.filter(commune=commune).in_progress().first()


def standard_for(year: int) -> PovertyStandard:
    standard = PovertyStandard.objects.in_force(year)
    if standard is None:
        raise ValidationError(messages.NO_STANDARD.format(year=year))
    return standard


def review_classify(
    *, commune, year: int, deprivations, income: int | None = None, score: int | None = None
) -> Classification:
    """Classify without saving (the form's preview): the standard in force for ``year`` and the
    commune's area type; income first."""
    errors = {}
    if income is not None and income < 0:
        errors["income"] = messages.INCOME_NEGATIVE
    if score is not None and score < 0:
        errors["score"] = messages.SCORE_NEGATIVE
    if income is None and score is None:
        errors["income"] = messages.INCOME_OR_SCORE_REQUIRED
    if errors:
        raise ValidationError(errors)
    standard = standard_for(year)
    codes = {indicator.code for indicator in standard.indicators.all()}
    chosen = list(dict.fromkeys(deprivations))
    unknown = [code for code in chosen if code not in codes]
    if unknown:
        raise ValidationError({"deprivations": messages.UNKNOWN_INDICATOR.format(code=", ".join(unknown))})
    thresholds = thresholds_for(standard, commune.area_type)
    if income is None and thresholds.points_line is None:
        raise ValidationError({"score": messages.NO_POINTS_LINE.format(year=year)})
    category = classify(thresholds, deprivation_count=len(chosen), income=income, score=score)
    return Classification(category, len(chosen), chosen, standard, thresholds)


@transaction.atomic
def review_round_open(*, commune, year: int, user) -> ReviewRound:
    """Open the year's round (or a supplementary one after an approved round of that year)."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": messages.YEAR_RANGE})
    if current_round(commune) is not None:
        raise ValidationError(messages.ROUND_IN_PROGRESS)
    number = (ReviewRound.objects.filter(commune=commune, year=year).aggregate(n=Max("number"))["n"] or 0) + 1
    round_ = ReviewRound(commune=commune, year=year, number=number, opened_by=user)
    round_.full_clean()
    round_.save()
    workflow.log_created(round_, user=user)
    return round_


def _lock(round_: ReviewRound) -> ReviewRound:
    return ReviewRound.objects.select_for_update().get(pk=round_.pk)


@transaction.atomic
def review_record(
    *,
    review_round: ReviewRound,
    household,
    user,
    deprivations,
    income: int | None = None,
    score: int | None = None,
    household_size: int | None = None,
    note: str = "",
) -> Review:
    """Record (or correct) a household's result in an open round, classified automatically."""
    review_round = _lock(review_round)
    if review_round.status != RoundStatus.OPEN:
        raise ValidationError(messages.ROUND_FROZEN if review_round.is_approved else messages.ROUND_NOT_OPEN)
    if household.commune_id != review_round.commune_id:
        raise ValidationError(messages.HOUSEHOLD_OTHER_COMMUNE)
    result = review_classify(
        commune=review_round.commune,
        year=review_round.year,
        deprivations=deprivations,
        income=income,
        score=score,
    )
    review = Review.objects.filter(household=household, round=review_round).first() or Review(
        household=household, round=review_round
    )
    review.year = review_round.year
    review.standard = result.standard
    review.income = income
    review.score = score
    review.deprivations = result.deprivations
    review.deprivation_count = result.deprivation_count
    review.category = result.category
    review.household_size = household_size or review.household_size or max(household.members.count(), 1)
    review.note = note
    review.recorded_by = user
    review.full_clean(validate_unique=False, validate_constraints=False)
    review.save()
    return review


@transaction.atomic
def review_round_submit(*, review_round: ReviewRound, user) -> ReviewRound:
    """Send the round's list to the chairman."""
    review_round = _lock(review_round)
    workflow.check_step(review_round, to=RoundStatus.SUBMITTED)
    if not review_round.reviews.exists():
        raise ValidationError(messages.ROUND_EMPTY)
    return workflow.transition(review_round, to=RoundStatus.SUBMITTED, user=user)


@transaction.atomic
def review_round_return(*, review_round: ReviewRound, user, note: str = "") -> ReviewRound:
    """The chairman sends the list back for corrections (the round reopens; the note says why)."""
    return workflow.transition(review_round, to=RoundStatus.OPEN, user=user, comment=note)


@transaction.atomic
def review_round_approve(
    *, review_round: ReviewRound, user, decision_number: str, decision_date: datetime.date
) -> ReviewRound:
    """The chairman's decision recognising the lists: freezes the round and snapshots its counts."""
    review_round = _lock(review_round)
    workflow.check_step(review_round, to=RoundStatus.APPROVED)
    errors = {}
    if not (decision_number or "").strip():
        errors["decision_number"] = messages.DECISION_NUMBER_REQUIRED
    if decision_date is None:
        errors["decision_date"] = messages.DECISION_DATE_REQUIRED
    elif decision_date > timezone.localdate():
        errors["decision_date"] = messages.DECISION_DATE_FUTURE
    if errors:
        raise ValidationError(errors)
    counts = Counter(review_round.reviews.values_list("category", flat=True))
    changes = {
        "summary": {value: counts.get(value, 0) for value in Category.values},
        "decision_number": decision_number.strip(),
        "decision_date": decision_date,
    }
    return workflow.transition(review_round, to=RoundStatus.APPROVED, user=user, changes=changes)
