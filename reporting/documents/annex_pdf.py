"""The compiled report with its household annex, rendered in bounded parts and merged.

The report is laid out on its own, then the annex a part at a time — consecutive whole khu phố up to
``PART_ROWS`` households, read from the database part by part (``annex.annex_parts``) — each part a
separate WeasyPrint layout whose page counter starts where the previous part ended. WeasyPrint's
memory and time grow with the size of one layout, not of the whole document, so a long annex costs
the same per page as a short one and its peak memory is that of one part. The parts are laid out two
at a time in worker processes (``pdf_parts``, which checks each part's first page number) and merged with
pypdf (as the review lists, ``review_pdf``); each part carries its own font subsets (a few kB), and
objects the parts share byte for byte are kept once."""

import io
from collections.abc import Iterable, Iterator
from dataclasses import replace

from pypdf import PdfWriter

from reporting.documents.annex import (
    ANNEX_PDF_MAX_ROWS,
    AnnexRow,
    annex_parts,
    annex_rows,
    annex_supports,
)
from reporting.documents.pdf import append_pdf, render_compiled_pdf
from reporting.documents.pdf_parts import render_parts
from reporting.messages import ANNEX_TOO_LONG
from reporting.models import CompiledReport
from thoxuan_gnbv.formatting import format_number

# About 10 A4 pages a part. The time per page does not depend on the part's size (measured from 80
# to 1,200 rows: bench/bench_pdf.py); memory does — a 1,000-row layout took about 100 MB more.
PART_ROWS = 400


class AnnexTooLong(ValueError):
    """The annex lists more households than a printed PDF may hold; the message says what to do."""


def check_annex_size(compiled: CompiledReport, *, limit: int | None = None) -> int:
    """The annex's number of households, or ``AnnexTooLong`` (Vietnamese message) above ``limit``
    (default ``ANNEX_PDF_MAX_ROWS``). One query that stops counting past the limit: the page runs it
    before queueing the job, and a commune of a million supported households must not make it walk."""
    limit = ANNEX_PDF_MAX_ROWS if limit is None else limit
    # No ordering: the model's default ordering would join the DISTINCT and count a household twice.
    households = annex_supports(compiled).order_by().values("household_id").distinct()
    count = households[: limit + 1].count()
    if count > limit:
        raise AnnexTooLong(ANNEX_TOO_LONG.format(limit=format_number(limit)))
    return count


def merge_report_and_annex(
    doc, parts: Iterable[list[AnnexRow]], *, on_part=None, workers: int | None = None
) -> tuple[bytes, int]:
    """The report ``doc`` (its own layout, without annex rows) followed by the annex ``parts`` (lists of
    rows, each laid out on its own, in ``workers`` processes: ``pdf_parts``); returns the PDF and its
    page count. ``on_part(pages so far)`` is called after each part (a job's progress)."""
    writer = PdfWriter()
    report, pages = render_compiled_pdf(replace(doc, annex=[]))
    append_pdf(writer, report)
    for content, _ in render_parts(doc, parts, page_start=pages + 1, workers=workers):
        pages += append_pdf(writer, content)
        if on_part:
            on_part(pages)
    # Identical objects of the parts (font descriptors, the subsets of parts with the same glyphs) once.
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), pages


def row_parts(rows: list[AnnexRow], size: int | None = None) -> Iterator[list[AnnexRow]]:
    """Annex rows already in memory (a command, a benchmark) in parts of ``size`` (``PART_ROWS``)."""
    size = size or PART_ROWS
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def database_parts(compiled: CompiledReport, size: int | None = None) -> Iterator[list[AnnexRow]]:
    """The annex read from the database a part (whole khu phố, about ``size`` rows) at a time."""
    for _, start, neighborhoods in annex_parts(compiled, size or PART_ROWS):
        yield annex_rows(compiled, neighborhoods, start)


def render_compiled_with_annex(compiled: CompiledReport, doc, *, on_part=None) -> tuple[bytes, int]:
    """The compiled report ``doc`` (built from ``compiled``) with its annex read part by part; the
    caller checks the size first (``check_annex_size``)."""
    return merge_report_and_annex(doc, database_parts(compiled), on_part=on_part)
