"""Export of the household workbook: one row per household with its review of the year.

Streamed: openpyxl's write-only mode (lxml) writes rows to a temporary file as they come, and the
rows come from the database in chunks, so memory stays flat from ten thousand to a million rows.
Text that a spreadsheet would read as a formula (=, +, -, @ first) is written as a string cell.
"""

import tempfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from households import workbook as wb
from households.models import Category, Review
from thoxuan_gnbv.formatting import mask_national_id

FORMULA_STARTS = ("=", "+", "-", "@")
CATEGORY_LABELS = dict(Category.choices)
FETCH_CHUNK = 2000


HOUSEHOLD_VALUES = (
    "pk", "code", "neighborhood__name", "head_name", "head_national_id", "address",
    "without_labour_capacity", "is_ethnic_minority", "has_meritorious_person", "neighborhood__head_id",
)  # fmt: skip
REVIEW_VALUES = ("household_id", "household_size", "income", "deprivations", "deprivation_count", "category")


def _reviews_of(ids, year: int) -> dict:
    """{household_id: review values} for the latest round of ``year`` of each household."""
    reviews = {}
    rows = Review.objects.filter(year=year, household_id__in=ids).order_by("round__number", "id")
    for values in rows.values_list(*REVIEW_VALUES):
        reviews[values[0]] = values  # the latest round of the year wins
    return reviews


def _household_chunks(households):
    chunk = []
    rows = households.order_by("code", "pk").values_list(*HOUSEHOLD_VALUES)
    for values in rows.iterator(chunk_size=FETCH_CHUNK):
        chunk.append(values)
        if len(chunk) == FETCH_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def export_rows(households, year: int, layout: wb.Layout | None = None, *, reveal_national_id=None):
    """Yield the export's rows (lists of plain values), one for every household of the queryset — the
    list's selection exactly — with its review of ``year`` (latest round) or, when it has none, the
    year with blank review columns (to fill in and import back), and the indicator columns of the standard in force for ``year`` (or of ``layout``).

    ``reveal_national_id(neighborhood_head_id) -> bool`` says whether a row's CCCD goes out in full
    (``access.can_see_national_id_in`` for the exporting user); otherwise it is masked. Without it
    (an operator's management command) every CCCD goes out in full. Queries: one per 2,000 households
    for the households and one for their reviews."""
    layout = layout or wb.layout_for_year(year)
    for chunk in _household_chunks(households):
        reviews = _reviews_of([values[0] for values in chunk], year)
        for pk, code, nbh, head, nid, address, wlc, ethnic, merit, keeper in chunk:
            if reveal_national_id is not None and not reveal_national_id(keeper):
                nid = mask_national_id(nid)
            review = reviews.get(pk)
            if review is None:
                size = income = count = label = None
                marks = [None] * len(layout.codes)
            else:
                _, size, income, deprived, count, category = review
                deprived_codes = set(deprived or ())
                marks = ["x" if c in deprived_codes else "" for c in layout.codes]
                label = CATEGORY_LABELS[category]
            yield [
                code, nbh, head, nid, address, size, year, income, *marks,
                "x" if wlc else "", "x" if ethnic else "", "x" if merit else "", count, label,
            ]  # fmt: skip


def _safe_cell(sheet, value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # a string, never a formula
        return cell
    return value


def write_workbook(rows, target, *, layout: wb.Layout) -> None:
    """Write the header of ``layout`` and ``rows`` to ``target`` (a path or a binary file) as .xlsx."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Hộ gia đình")
    sheet.append(layout.export)
    for row in rows:
        sheet.append([_safe_cell(sheet, v) for v in row])
    book.save(target)


def export_to_tempfile(households, year: int, *, reveal_national_id=None):
    """The workbook in a temporary file, rewound and ready to stream (deleted when closed)."""
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 — closed by the response that streams it
    layout = wb.layout_for_year(year)
    write_workbook(
        export_rows(households, year, layout, reveal_national_id=reveal_national_id), handle, layout=layout
    )
    handle.seek(0)
    return handle
