"""Biên bản họp dân as a PDF. The vote table is laid out in parts of ``PART_ROWS`` rows and the
parts merged with pypdf, as the round's name lists are (``review_pdf``): WeasyPrint never lays out
more than one part at once, so the minutes of a khu phố of thousands of households print in bounded
memory (one table of 17,000 rows took longer than gunicorn's 30 s timeout). The first part carries
the heading and the attendance, the last one the conclusion and the signatures; the page numbers run
on across the parts."""

import io
import itertools

from django.db import transaction
from pypdf import PdfWriter

from reporting.documents.meeting_minutes import MinutesDocument, vote_rows
from reporting.documents.pdf import append_pdf, render_pdf

MINUTES_TEMPLATE = "reporting/documents/minutes_pdf.html"
PART_ROWS = 2000


def _parts(doc: MinutesDocument):
    """(rows, first, last) of each part in order; one (empty) part for a meeting without votes. The
    last part is known by looking one ahead, not from ``doc.voted``, so rows added since the count
    still print with the conclusion after them."""
    parts = itertools.batched(vote_rows(doc.meeting_id), PART_ROWS)
    current, first = next(parts, ()), True
    while True:
        following = next(parts, None)
        yield current, first, following is None
        if following is None:
            return
        current, first = following, False


def write_minutes_pdf(doc: MinutesDocument, out, *, on_part=None) -> int:
    """Write the minutes ``doc`` to ``out`` (a binary file); returns the number of pages.
    ``on_part(pages so far)`` is called after each laid-out part (a job's progress)."""
    writer = PdfWriter()
    pages = 0
    with transaction.atomic():  # the rows stream through one server-side cursor on PostgreSQL
        for rows, first, last in _parts(doc):
            context = {
                "doc": doc,
                "rows": rows,
                "first": first,
                "last": last,
                "page_start": pages + 1 if pages else 0,
            }
            pages += append_pdf(writer, render_pdf(MINUTES_TEMPLATE, context))
            if on_part:
                on_part(pages)
    writer.write(out)
    return pages


def render_minutes_pdf(doc: MinutesDocument) -> bytes:
    """``write_minutes_pdf`` as bytes (a short meeting, a test)."""
    out = io.BytesIO()
    write_minutes_pdf(doc, out)
    return out.getvalue()
