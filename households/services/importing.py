"""Import of the household workbook: read and validate everything first (``workbook_parsing`` for
the file and its cells, then the rows against the database), then write all or nothing.
"""

import itertools
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from households import messages
from households import workbook as wb
from households.classification import classify, thresholds_for
from households.models import Household, Member, PovertyStandard, Review, ReviewRound, RoundStatus
from households.services.registry import build_search_key
from households.services.review import current_round
from households.services.workbook_parsing import ImportPlan, RowReader, cell_integer, cell_text, read_sheet

CHUNK = 900  # below SQLite's bound-parameter limit
HISTORY_REASON = "Nhập từ tệp Excel hộ gia đình"


@dataclass
class ImportResult:
    created: int
    updated: int
    review_round: ReviewRound | None


def _is_blank(cells) -> bool:
    return not cells or all(cell_text(c) == "" for c in cells)


def _workbook_year(columns: dict, first_row, commune) -> int:
    """The year whose standard gives the indicator columns: the first data row's year, else the year
    of the round in progress, else this year."""
    index = columns.get(wb.header_key(wb.YEAR))
    if first_row is not None and index is not None and index < len(first_row):
        year = cell_integer(first_row[index])
        if year is not None and 2000 <= year <= 2100:
            return year
    in_progress = current_round(commune)
    return in_progress.year if in_progress else timezone.localdate().year


def workbook_read(fileobj, *, commune) -> ImportPlan:
    """Read and validate a household workbook against the commune, writing nothing. The indicator
    columns are those of the poverty standard in force for the workbook's year."""
    plan = ImportPlan()
    sheet = read_sheet(fileobj)
    header = next(sheet)
    columns = {}
    for index, title in enumerate(header):
        key = wb.header_key(title)
        if key and key not in columns:
            columns[key] = index
    numbered = enumerate(sheet, start=2)  # row numbers as the spreadsheet shows them
    first = next(((number, cells) for number, cells in numbered if not _is_blank(cells)), None)
    layout = wb.layout_for_year(_workbook_year(columns, first[1] if first else None, commune))
    canonical = {wb.header_key(h): h for h in layout.required + wb.OPTIONAL_COLUMNS}
    missing = [h for h in layout.required if wb.header_key(h) not in columns]
    if missing:
        plan.errors.extend(messages.COLUMN_MISSING.format(header=h) for h in missing)
        return plan
    positions = {canonical[key]: index for key, index in columns.items() if key in canonical}
    neighborhoods = {wb.header_key(n.name): n for n in commune.neighborhoods.all()}
    reader = RowReader(plan, neighborhoods, layout)
    seen_data = False
    for number, cells in itertools.chain([first] if first else [], numbered):
        if _is_blank(cells):
            continue
        seen_data = True
        values = {h: (cells[i] if i < len(cells) else None) for h, i in positions.items()}
        row = reader.read(number, values)
        if row is not None:
            plan.rows.append(row)
    if not seen_data:
        plan.errors.append(messages.FILE_NO_ROWS)
        return plan
    _check_against_database(plan, commune)
    return plan


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _check_against_database(plan: ImportPlan, commune) -> None:
    codes = [r.code for r in plan.rows]
    existing = set()
    for part in _chunks(codes):
        existing.update(
            Household.objects.filter(commune=commune, code__in=part).values_list("code", flat=True)
        )
    ids = {r.head_national_id: r for r in plan.rows if r.head_national_id}
    for part in _chunks(ids):
        for national_id, commune_id, code in Household.objects.filter(head_national_id__in=part).values_list(
            "head_national_id", "commune_id", "code"
        ):
            row = ids[national_id]
            if commune_id != commune.pk or code != row.code:
                plan.errors.append(
                    messages.CELL_NATIONAL_ID_USED.format(row=row.row, header=wb.HEAD_NATIONAL_ID)
                )
        for national_id, commune_id, code in Member.objects.filter(national_id__in=part).values_list(
            "national_id", "household__commune_id", "household__code"
        ):
            row = ids[national_id]
            if commune_id != commune.pk or code != row.code:
                plan.errors.append(
                    messages.CELL_NATIONAL_ID_USED.format(row=row.row, header=wb.HEAD_NATIONAL_ID)
                )
    in_progress = current_round(commune)
    years = sorted({r.year for r in plan.rows})
    plan.years = years
    openable = in_progress is None
    for year in years:
        standard = PovertyStandard.objects.in_force(year)
        usable = (
            in_progress is not None and in_progress.year == year and in_progress.status == RoundStatus.OPEN
        ) or (in_progress is None and openable)
        if in_progress is None and openable:
            openable = False  # only one round can be opened by an import
        for row in plan.rows:
            if row.year != year:
                continue
            if standard is None:
                plan.errors.append(messages.CELL_NO_STANDARD.format(row=row.row, header=wb.YEAR, year=year))
            elif not usable:
                plan.errors.append(messages.CELL_ROUND_FROZEN.format(row=row.row, header=wb.YEAR, year=year))
    plan.errors.sort(key=_row_of)
    plan.creates = [c for c in codes if c not in existing]
    plan.updates = [c for c in codes if c in existing]


def _row_of(message: str) -> int:
    match = re.match(r"Dòng (\d+)", message)
    return int(match.group(1)) if match else 0


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

        review_round = review_round_open(commune=commune, year=plan.years[0], user=user)
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
