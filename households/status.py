"""A household's standing on a date, from the chairman's approved review decisions only.

Other apps (supports, reports) ask here whether a household is a beneficiary: poor, near-poor, or
recently escaped — escaped within the window of the poverty standard in force on the date
(``PovertyStandard.recently_escaped_days``: 1,095 days = 36 months by QĐ 90/QĐ-TTg; cần xác nhận), still
eligible for support. The window rides on the reviews' query as a subquery, so no call costs a query more.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Subquery

from households.classification import is_escape, is_setback
from households.models import Category, PovertyStandard, Review, RoundStatus

# A date no standard covers keeps the window the model declares as its default.
DEFAULT_WINDOW_DAYS = PovertyStandard._meta.get_field("recently_escaped_days").default


@dataclass(frozen=True)
class HouseholdStatus:
    category: str
    escaped_on: datetime.date | None
    recently_escaped: bool

    @property
    def is_beneficiary(self) -> bool:
        return self.category in (Category.POOR, Category.NEAR_POOR) or self.recently_escaped

    @property
    def category_label(self) -> str:
        return Category(self.category).label


NO_STATUS = HouseholdStatus(category=Category.NONE, escaped_on=None, recently_escaped=False)


def _approved_reviews(on_date: datetime.date):
    """Approved results up to ``on_date`` with the window of the standard in force on that date."""
    window = PovertyStandard.objects.on(on_date).values("recently_escaped_days")[:1]
    return (
        Review.objects.filter(round__status=RoundStatus.APPROVED, round__decision_date__lte=on_date)
        .annotate(window=Subquery(window))
        .order_by("household_id", "round__decision_date", "round__year", "round__number", "id")
        .values_list("household_id", "category", "round__decision_date", "window")
    )


def _fold(
    history: list[tuple[str, datetime.date]], on_date: datetime.date, window: int | None
) -> HouseholdStatus:
    """Walk a household's approved results in decision order. An escape (poor → not poor, near-poor →
    average/none) sets ``escaped_on``; falling back into a worse group clears it."""
    category = Category.NONE
    escaped_on = None
    previous = None
    for current, decided_on in history:
        if previous is not None and is_escape(previous, current):
            escaped_on = decided_on
        elif is_setback(previous, current):
            escaped_on = None
        previous = current
        category = current
    days = DEFAULT_WINDOW_DAYS if window is None else window
    recently = escaped_on is not None and 0 <= (on_date - escaped_on).days <= days
    return HouseholdStatus(category=category, escaped_on=escaped_on, recently_escaped=recently)


def status_on(household, on_date: datetime.date) -> HouseholdStatus:
    """The household's category by the latest approved round decided on or before ``on_date``
    (NONE if none), when it last escaped, and whether that was within the standard's window. One query."""
    rows = list(_approved_reviews(on_date).filter(household_id=household.pk))
    window = rows[0][3] if rows else None
    return _fold([(category, decided) for _, category, decided, _ in rows], on_date, window)


def statuses_on(households_queryset, on_date: datetime.date) -> dict[int, HouseholdStatus]:
    """``status_on`` for every household of the queryset, in one query. Households with no approved
    review get ``category=NONE``."""
    histories: dict[int, list] = {}
    windows = set()
    ids = households_queryset.values("pk")
    for household_id, category, decided, window in _approved_reviews(on_date).filter(household_id__in=ids):
        histories.setdefault(household_id, []).append((category, decided))
        windows.add(window)
    window = windows.pop() if windows else None  # one standard is in force on one date
    result = {pk: _fold(history, on_date, window) for pk, history in histories.items()}
    for pk in households_queryset.values_list("pk", flat=True):
        result.setdefault(pk, NO_STATUS)
    return result
