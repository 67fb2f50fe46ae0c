"""The database state an import reads, one chunk of workbook rows at a time: the households by code,
their reviews in the import's round, which of those reviews were entered by hand, the members' text for
the search key; and the fingerprint of that state, by which a confirmed preview proves nothing changed.

A review "entered by hand" is one whose last history entry was not written by an import (the history
keeps the change reason of every write, ``HISTORY_REASON`` for imports): the officer must agree before
an import overwrites it.
"""

import hashlib
import json
from dataclasses import dataclass, field

from households.models import Household, Member, Review

HISTORY_REASON = "Nhập từ tệp Excel hộ gia đình"


@dataclass(slots=True)
class Current:
    """A chunk of rows' state in the database: households by code, their reviews in the round, the
    reviews last written by hand, the members' search text."""

    households: dict = field(default_factory=dict)
    reviews: dict = field(default_factory=dict)
    manual: set = field(default_factory=set)
    member_text: dict = field(default_factory=dict)


def load_current(codes, *, commune, review_round, lock: bool = False) -> Current:
    """The state of the households ``codes`` (one chunk): four queries at most."""
    current = Current()
    households = Household.objects.filter(commune=commune, code__in=codes).select_related("neighborhood")
    if lock:
        households = households.select_for_update(of=("self",))
    current.households = {h.code: h for h in households}
    ids = [h.pk for h in current.households.values()]
    if review_round is not None and review_round.pk and ids:
        current.reviews = {
            r.household_id: r for r in Review.objects.filter(round=review_round, household_id__in=ids)
        }
        last_reason = {}
        history = Review.history.filter(id__in=[r.pk for r in current.reviews.values()])
        for review_id, reason in history.order_by("id", "history_date", "history_id").values_list(
            "id", "history_change_reason"
        ):
            last_reason[review_id] = reason
        current.manual = {pk for pk, reason in last_reason.items() if reason != HISTORY_REASON}
    if ids:
        for household_id, name, national_id in Member.objects.filter(household_id__in=ids).values_list(
            "household_id", "full_name", "national_id"
        ):
            current.member_text.setdefault(household_id, []).extend(t for t in (name, national_id) if t)
    return current


def fingerprint_update(hasher, code: str, household, review, manual: bool) -> None:
    """Feed the database state of one row into ``hasher``: the same state gives the same digest."""
    state = [code]
    if household is not None:
        state += [
            household.pk, household.neighborhood_id, household.head_name, household.head_national_id,
            household.address, household.is_ethnic_minority, household.has_meritorious_person,
            household.without_labour_capacity,
        ]  # fmt: skip
    if review is not None:
        state += [
            review.pk, review.standard_id, review.household_size, review.income, review.score,
            sorted(review.deprivations or ()), review.category, review.recorded_by_id, manual,
        ]  # fmt: skip
    hasher.update(json.dumps(state, ensure_ascii=False, default=str).encode())
    hasher.update(b"\n")


def new_fingerprint(review_round):
    hasher = hashlib.sha256()
    hasher.update(f"{getattr(review_round, 'pk', None)}:{getattr(review_round, 'status', '')}\n".encode())
    return hasher
