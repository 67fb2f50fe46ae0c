"""The review result tables as one landscape PDF (docs/spec/review-tables.md, "PDF"): the four
tables, then the four name lists. A list is rendered in parts of whole khu phố (consecutive khu phố
until a part holds ``PART_ROWS`` rows) and the parts merged, so WeasyPrint never lays out more than
one part at once: a commune of a million households prints in bounded layout memory. Page numbers run
on across the parts: each part starts its page counter where the previous one ended."""

from pypdf import PdfWriter

from reporting.documents.pdf import append_pdf as _append
from reporting.documents.pdf import render_pdf
from reporting.figures.review_tables import tables_transaction

TABLES_TEMPLATE = "reporting/documents/review_tables.html"
LIST_TEMPLATE = "reporting/documents/review_list.html"
PART_ROWS = 2000


def list_parts(chunks: list[tuple[int, int]], limit: int = PART_ROWS) -> list[tuple[list[int], int]]:
    """Group [(khu phố id, rows)] into parts [(khu phố ids, rows)] of at most ``limit`` rows, a khu
    phố never split (a bigger khu phố is a part of its own); at least one (empty) part."""
    parts: list[tuple[list[int], int]] = []
    for neighborhood_id, count in chunks:
        if parts and parts[-1][1] + count <= limit:
            parts[-1][0].append(neighborhood_id)
            parts[-1] = (parts[-1][0], parts[-1][1] + count)
        else:
            parts.append(([neighborhood_id], count))
    return parts or [([], 0)]


def _contexts(tables, kind: str, title: str, number: str):
    parts = list_parts(tables.list_chunks(kind))
    start = 1
    for index, (neighborhoods, count) in enumerate(parts):
        yield {
            "doc": tables,
            "title": title,
            "number": number,
            "first": index == 0,
            "last": index == len(parts) - 1,
            "has_rows": count > 0,
            "rows": tables.list_rows(kind, neighborhoods, start) if count else (),
        }
        start += count


def write_review_pdf(tables, out, *, on_part=None) -> int:
    """Write the PDF of ``tables`` to ``out`` (a binary file); returns the number of pages.
    ``on_part(pages so far)`` is called after each laid-out part (a job's progress)."""
    writer = PdfWriter()
    pages = _append(writer, render_pdf(TABLES_TEMPLATE, {"doc": tables, "page_start": 0}))
    with tables_transaction():
        for kind, _sheet, title, number in tables.list_kinds():
            for context in _contexts(tables, kind, title, number):
                context["page_start"] = pages + 1
                pages += _append(writer, render_pdf(LIST_TEMPLATE, context))
                if on_part:
                    on_part(pages)
    writer.write(out)
    return pages
