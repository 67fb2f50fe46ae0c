"""The household workbook read and checked, writing nothing: ``workbook_parsing`` reads the file and its
cells, then every row is checked against the database (codes, national ids, the standard and the round of
its year), each error naming its row and header."""

import itertools

from django.utils import timezone

from households import messages
from households import workbook as wb
from households.models import Household, Member, PovertyStandard, RoundStatus
from households.models.registry import HEAD_NATIONAL_ID_GIVEN, NATIONAL_ID_GIVEN
from households.services.review import current_round
from households.services.workbook_errors import group_errors, row_of
from households.services.workbook_parsing import ImportPlan, RowReader, cell_integer, cell_text, read_sheet

CHUNK = 900  # below SQLite's bound-parameter limit


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


def chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _check_against_database(plan: ImportPlan, commune) -> None:
    codes = [r.code for r in plan.rows]
    existing = set()
    for part in chunks(codes):
        existing.update(
            Household.objects.filter(commune=commune, code__in=part).values_list("code", flat=True)
        )
    ids = {r.head_national_id: r for r in plan.rows if r.head_national_id}
    # The indexes' own condition keeps a chunk of 1,000 on them (at 1M households, 1 ms instead of a
    # scan of every member).
    heads = Household.objects.filter(HEAD_NATIONAL_ID_GIVEN)
    members = Member.objects.filter(NATIONAL_ID_GIVEN)
    for part in chunks(ids):
        for national_id, commune_id, code in heads.filter(head_national_id__in=part).values_list(
            "head_national_id", "commune_id", "code"
        ):
            row = ids[national_id]
            if commune_id != commune.pk or code != row.code:
                plan.errors.append(
                    messages.CELL_NATIONAL_ID_USED.format(row=row.row, header=wb.HEAD_NATIONAL_ID)
                )
        for national_id, commune_id, code in members.filter(national_id__in=part).values_list(
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
    plan.errors = group_errors(sorted(plan.errors, key=row_of))
    plan.creates = [c for c in codes if c not in existing]
    plan.updates = [c for c in codes if c in existing]
