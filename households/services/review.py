"""The yearly review (QĐ 24/2021/QĐ-TTg): open a round, record results, submit to the chairman,
approve with a decision number and date — never by the officer who submitted it. The steps are
declared on ``ReviewRound.workflow`` and run by ``thoxuan_gnbv.workflow.transition`` (lock, four-eyes,
one ``ReviewRoundTransition`` row each); approval freezes the round's results."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from households import messages
from households.classification import Thresholds, classify, thresholds_for
from households.models import Category, PovertyStandard, Review, ReviewRound, RoundHousehold, RoundStatus
from households.models.review_stages import ListReason
from households.services import round_checks, round_list
from thoxuan_gnbv import workflow
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage


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
def review_round_open(
    *, commune, year: int, user, history_reason: str = "", uses_quick_screen: bool = False
) -> ReviewRound:
    """Open the year's round (or a supplementary one after an approved round of that year).

    A year after the current one is refused; an earlier year is entered as history with a reason and
    skips the stages. A round of the current year starts with its list to review (QĐ 24/2021 Điều 4
    khoản 1: the households on the lists the commune holds)."""
    current = timezone.localdate().year
    history_reason = (history_reason or "").strip()
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": messages.YEAR_RANGE})
    if year > current:
        raise ValidationError({"year": messages.ROUND_FUTURE_YEAR.format(year=year, current=current)})
    if year < current and not history_reason:
        raise ValidationError({"history_reason": messages.HISTORY_REASON_REQUIRED.format(year=year)})
    if current_round(commune) is not None:
        raise ValidationError(messages.ROUND_IN_PROGRESS)
    number = (ReviewRound.objects.filter(commune=commune, year=year).aggregate(n=Max("number"))["n"] or 0) + 1
    round_ = ReviewRound(
        commune=commune,
        year=year,
        number=number,
        opened_by=user,
        history_reason=history_reason if year < current else "",
        uses_quick_screen=uses_quick_screen,
    )
    round_.full_clean()
    round_.save()
    workflow.log_created(round_, user=user)
    if not round_.is_history:
        round_list.list_prepare(review_round=round_, user=user)
    return round_


@transaction.atomic
def review_round_cancel(*, review_round: ReviewRound, user, reason: str) -> ReviewRound:
    """Cancel a round opened by mistake; its reviews stay, frozen, as history."""
    return workflow.transition(review_round, to=RoundStatus.CANCELLED, user=user, comment=reason)


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
    if not review_round.is_working:
        raise ValidationError(messages.ROUND_FROZEN if review_round.is_frozen else messages.ROUND_NOT_OPEN)
    if household.commune_id != review_round.commune_id:
        raise ValidationError(messages.HOUSEHOLD_OTHER_COMMUNE)
    entry = _surveyable_entry(review_round, household)
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
    if entry is not None and review_round.status != RoundStatus.POSTING:
        entry.stage = HouseholdStage.SURVEYED
        entry.save(update_fields=["stage"])
    return review


def _surveyable_entry(review_round: ReviewRound, household) -> RoundHousehold | None:
    """The household's place on the list, checked against the stage: any household while the list
    is surveyed; at the meetings only one sent back below 50 %; during the posting only one under a
    complaint's re-check (QĐ 24/2021 Điều 4 khoản 2–3). A history round keeps no list."""
    if review_round.is_history:
        return None
    entry = RoundHousehold.objects.filter(round=review_round, household=household).first()
    if review_round.status == RoundStatus.OPEN:
        if entry is None:
            entry = RoundHousehold.objects.create(
                round=review_round, household=household, reason=ListReason.PROPOSED
            )
        return entry
    allowed = (
        entry is not None and entry.stage == HouseholdStage.RESURVEY
        if review_round.status == RoundStatus.MEETING
        else review_round.complaints.filter(household=household, status=ComplaintStatus.PENDING).exists()
    )
    if not allowed:
        raise ValidationError(messages.SURVEY_NOT_ALLOWED.format(code=household.code))
    return entry


@transaction.atomic
def review_round_submit(*, review_round: ReviewRound, user, confirm_unsurveyed: bool = False) -> ReviewRound:
    """Send the round's list to the chairman: after the posting, with every complaint re-checked
    (an earlier year entered as history goes straight from open). Households of the list still
    un-surveyed are named, and the officer must confirm to submit anyway."""
    review_round = _lock(review_round)
    workflow.check_step(review_round, to=RoundStatus.SUBMITTED)
    if review_round.status == RoundStatus.OPEN and not review_round.is_history:
        raise ValidationError(messages.HISTORY_NEEDS_STAGES)
    if not review_round.reviews.exists():
        raise ValidationError(messages.ROUND_EMPTY)
    blockers = round_checks.approval_blockers(review_round, on=timezone.localdate())
    if blockers:
        raise ValidationError(blockers)
    unsurveyed = round_checks.unsurveyed_codes(review_round)
    if unsurveyed and not confirm_unsurveyed:
        raise ValidationError(
            {"confirm_unsurveyed": round_checks.named(messages.UNSURVEYED_CONFIRM, unsurveyed)},
            code="unsurveyed",
        )
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
    else:
        last_end = round_checks.last_posting_end(review_round)
        if last_end is not None and decision_date <= last_end:
            errors["decision_date"] = messages.DECISION_BEFORE_POSTING_END.format(end=f"{last_end:%d/%m/%Y}")
    if errors:
        raise ValidationError(errors)
    blockers = round_checks.approval_blockers(review_round, on=decision_date)
    if blockers:
        raise ValidationError(blockers)
    counts = Counter(review_round.reviews.values_list("category", flat=True))
    changes = {
        "summary": {value: counts.get(value, 0) for value in Category.values},
        "decision_number": decision_number.strip(),
        "decision_date": decision_date,
    }
    return workflow.transition(review_round, to=RoundStatus.APPROVED, user=user, changes=changes)


def attach_review_counts(rounds, stored_counts: dict) -> None:
    """``review_count`` on each round: an approved round is frozen, so the counts snapshot at its
    approval are its households (no count over a million reviews on the round list); a round not yet
    approved takes the count the worker keeps (``stored_counts``, keyed by the round's id as text),
    None until it has run."""
    for review_round in rounds:
        if review_round.status == RoundStatus.APPROVED and review_round.summary:
            review_round.review_count = sum(review_round.summary.values())
        else:
            review_round.review_count = stored_counts.get(str(review_round.pk))


def category_counts(review_round) -> dict[str, int]:
    """{category: households} of the round: an approved round's snapshot (frozen, so exact), else
    counted over its reviews."""
    if review_round.status == RoundStatus.APPROVED and review_round.summary:
        return dict(review_round.summary)
    return dict(review_round.reviews.values_list("category").annotate(n=Count("id")).order_by())
