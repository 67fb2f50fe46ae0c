"""What an import would change, row by row: the household and its review of the import's round as they
are now (``import_state``) against the workbook row (field: old → new). The preview and the import go
through ``diff_rows``, so what the preview shows is exactly what the import writes.
"""

from dataclasses import dataclass

from households import workbook as wb
from households.classification import classify
from households.models import Category, Household, Review
from households.services.import_state import HISTORY_REASON, fingerprint_update, load_current, new_fingerprint
from thoxuan_gnbv.formatting import format_money, mask_national_id

__all__ = ["HISTORY_REASON", "RowDiff", "Target", "diff_rows", "new_fingerprint", "target_for"]
CATEGORY_LABELS = dict(Category.choices)
NONE = "—"
FLAG_LABELS = {attribute: header for header, attribute in wb.FLAG_COLUMNS.items()}


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
