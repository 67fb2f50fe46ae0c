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


def export_rows(households, year: int, layout: wb.Layout | None = None, *, reveal_national_id=None):
    """Yield the export's rows (lists of plain values) for the households of the queryset, with the
    indicator columns of the standard in force for ``year`` (or of ``layout``).

    ``reveal_national_id(neighborhood_head_id) -> bool`` says whether a row's CCCD goes out in full
    (``access.can_see_national_id_in`` for the exporting user); otherwise it is masked. Without it
    (an operator's management command) every CCCD goes out in full."""
    layout = layout or wb.layout_for_year(year)
    reviews = (
        Review.objects.filter(year=year, household__in=households.values("pk"))
        .order_by("household__code", "household_id", "-round__number")
        .values_list(
            "household_id",
            "household__code",
            "household__neighborhood__name",
            "household__head_name",
            "household__head_national_id",
            "household__address",
            "household_size",
            "income",
            "deprivations",
            "deprivation_count",
            "category",
            "household__without_labour_capacity",
            "household__is_ethnic_minority",
            "household__has_meritorious_person",
            "household__neighborhood__head_id",
        )
    )
    previous = None
    for values in reviews.iterator(chunk_size=FETCH_CHUNK):
        (
            pk,
            code,
            nbh,
            head,
            nid,
            address,
            size,
            income,
            deprived,
            count,
            category,
            wlc,
            ethnic,
            merit,
            keeper,
        ) = values
        if pk == previous:  # an earlier round of the same year
            continue
        previous = pk
        if reveal_national_id is not None and not reveal_national_id(keeper):
            nid = mask_national_id(nid)
        deprived_codes = set(deprived or ())
        yield [
            code,
            nbh,
            head,
            nid,
            address,
            size,
            year,
            income,
            *["x" if c in deprived_codes else "" for c in layout.codes],
            "x" if wlc else "",
            "x" if ethnic else "",
            "x" if merit else "",
            count,
            CATEGORY_LABELS[category],
        ]


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
