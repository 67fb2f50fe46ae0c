"""The household's previous review, to pre-fill the survey form and show what changed (TT 07/2021/
TT-BLĐTBXH: the review re-surveys the household against the same indicators each year)."""

from dataclasses import dataclass

from households.models import Category, Review
from thoxuan_gnbv.formatting import format_money


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def previous_review(household, review_round) -> Review | None:
    """The household's latest review in an earlier round (approved rounds first, then any)."""
    earlier = (
        Review.objects.filter(household=household)
        .exclude(round=review_round)
        .filter(year__lte=review_round.year)
        .select_related("round")
        .order_by("-round__status", "-year", "-round__number")
    )
    approved = [r for r in earlier[:5] if r.round.is_approved]
    return approved[0] if approved else earlier.first()


def initial_from(review: Review) -> dict:
    return {
        "income": review.income,
        "score": review.score,
        "household_size": review.household_size,
        **{f"ind_{code}": True for code in review.deprivations},
    }


def _amount(review_income, review_score) -> str:
    if review_income is not None:
        return format_money(review_income)
    return f"{review_score} điểm" if review_score is not None else "—"


def changes(previous: Review, *, income, score, deprivations, category, labels: dict) -> list[Change]:
    """What differs between ``previous`` and the values now entered (``labels``: indicator code → name)."""
    found = []
    if (previous.income, previous.score) != (income, score):
        found.append(
            Change("Thu nhập/điểm", _amount(previous.income, previous.score), _amount(income, score))
        )
    before, after = set(previous.deprivations), set(deprivations)
    for code in sorted(after - before):
        found.append(Change(labels.get(code, code), "không thiếu hụt", "thiếu hụt"))
    for code in sorted(before - after):
        found.append(Change(labels.get(code, code), "thiếu hụt", "không thiếu hụt"))
    if category and previous.category != category:
        found.append(Change("Phân loại", Category(previous.category).label, Category(category).label))
    return found
