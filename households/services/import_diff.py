"""What an import would change, row by row: the household and its review of the import's round as they
are now against the workbook row (field: old → new). The preview and the import read the database
through the same functions here, so what the preview shows is exactly what the import writes, and a
fingerprint of the rows as read tells the import whether anything changed since the preview.

A review "entered by hand" is one whose last history entry was not written by an import (the history
keeps the change reason of every write, ``HISTORY_REASON`` for imports): the officer must agree before
an import overwrites it.
"""

import hashlib
import json
from dataclasses import dataclass, field

from households import workbook as wb
from households.classification import classify
from households.models import Category, Household, Member, Review
from thoxuan_gnbv.formatting import format_money, mask_national_id

HISTORY_REASON = "Nhập từ tệp Excel hộ gia đình"
CATEGORY_LABELS = dict(Category.choices)
NONE = "—"
FLAG_LABELS = {attribute: header for header, attribute in wb.FLAG_COLUMNS.items()}


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


@dataclass(frozen=True, slots=True)
class Target:
    """What a row is compared with: the standard's thresholds and indicator names of the round's year."""

    year: int
    thresholds: object
    code_of_indicator: dict
    name_of_code: dict

    def codes(self, row) -> list[str]:
        return [self.code_of_indicator[h] for h in row.deprived if h in self.code_of_indicator]

    def category(self, row) -> str:
        return classify(self.thresholds, deprivation_count=len(self.codes(row)), income=row.income)


def _names(target: Target, codes) -> str:
    names = [
        target.name_of_code.get(code, code) for code in target.code_of_indicator.values() if code in codes
    ]
    return ", ".join(names) or "không"


def _money(value) -> str:
    return NONE if value is None else format_money(value)


def _compare(changes, label, old, new, shown=str) -> None:
    if old != new:
        changes.append(
            [label, NONE if old in (None, "") else shown(old), NONE if new in (None, "") else shown(new)]
        )


def household_changes(row, household) -> list[list[str]]:
    """[label, old, new] for every household field the row changes."""
    changes = []
    if household.neighborhood_id != row.neighborhood.pk:
        changes.append([wb.NEIGHBORHOOD, household.neighborhood.name, row.neighborhood.name])
    _compare(changes, wb.HEAD_NAME, household.head_name, row.head_name)
    _compare(changes, wb.HEAD_NATIONAL_ID, household.head_national_id, row.head_national_id, mask_national_id)
    if row.address is not None:
        _compare(changes, wb.ADDRESS, household.address, row.address)
    for attribute, value in row.flags.items():
        _compare(
            changes,
            FLAG_LABELS[attribute],
            "x" if getattr(household, attribute) else "",
            "x" if value else "",
        )
    return changes


def review_changes(row, review, target: Target) -> list[list[str]]:
    """[label, old, new] for every field the row changes on the household's review in the round."""
    codes = target.codes(row)
    category = CATEGORY_LABELS[target.category(row)]
    if review is None:
        return [[f"Kết quả rà soát năm {target.year}", NONE, category]]
    changes = []
    _compare(changes, wb.SIZE, review.household_size, row.size)
    _compare(changes, wb.INCOME, review.income, row.income, _money)
    _compare(changes, "Điểm Phiếu B", review.score, None)
    if set(review.deprivations or ()) != set(codes):
        changes.append(["Chỉ số thiếu hụt", _names(target, review.deprivations or ()), _names(target, codes)])
    _compare(changes, wb.CATEGORY, CATEGORY_LABELS.get(review.category, review.category), category)
    return changes


@dataclass(slots=True)
class RowDiff:
    row: object
    household: Household | None
    review: Review | None
    manual: bool  # the review it overwrites was entered by hand
    household_changes: list
    review_changes: list

    @property
    def kind(self) -> str:
        if self.household is None:
            return "create"
        return "change" if self.household_changes or self.review_changes else "same"


def diff_rows(rows, *, commune, review_round, target: Target, hasher, lock: bool = False):
    """Yield ``(current, diffs)`` chunk by chunk over the workbook rows, feeding the database state of
    each row into ``hasher`` in file order. Memory holds one chunk at a time."""
    from households.services.workbook_checks import chunks

    for part in chunks(rows):
        current = load_current([r.code for r in part], commune=commune, review_round=review_round, lock=lock)
        diffs = []
        for row in part:
            household = current.households.get(row.code)
            review = current.reviews.get(household.pk) if household is not None else None
            manual = review is not None and review.pk in current.manual
            fingerprint_update(hasher, row.code, household, review, manual)
            if household is None:
                diffs.append(RowDiff(row, None, None, False, [], review_changes(row, None, target)))
                continue
            changed = review_changes(row, review, target)
            diffs.append(
                RowDiff(
                    row,
                    household,
                    review,
                    manual and bool(changed),
                    household_changes(row, household),
                    changed,
                )
            )
        yield current, diffs


def target_for(commune, year: int) -> Target:
    """The standard in force in ``year`` for the commune's area: thresholds and indicator names."""
    from households.classification import thresholds_for
    from households.models import PovertyStandard

    standard = PovertyStandard.objects.in_force(year)
    indicators = list(standard.indicators.all())
    return Target(
        year,
        thresholds_for(standard, commune.area_type),
        {i.name: i.code for i in indicators},
        {i.code: i.name for i in indicators},
    )


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
