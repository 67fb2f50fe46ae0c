"""The compiled report as a PDF (WeasyPrint), on the shared NĐ 30 document base and the same
static-only URL fetcher as the plan PDF."""

from django.template.loader import render_to_string
from weasyprint import HTML

from reporting.pdf import BASE_URL, StaticOnlyFetcher

TEMPLATE = "reporting/report_pdf.html"
# Above this many pages (the household annex) the PDF is produced by the background worker.
BACKGROUND_PAGES = 30
# Annex rows that fit a page at the table's size: to decide before rendering whether a job is needed.
ANNEX_ROWS_PER_PAGE = 28


def render_compiled_pdf(doc, *, on_layout=None) -> tuple[bytes, int]:
    """The PDF bytes and its page count. ``on_layout`` is called between layout and writing (for
    a background job's progress)."""
    html = render_to_string(TEMPLATE, {"doc": doc})
    # Whole fonts are embedded: subsetting them took a third of the time of a long annex.
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).render(full_fonts=True)
    if on_layout:
        on_layout(len(document.pages))
    return document.write_pdf(), len(document.pages)


def needs_background(annex_rows: int) -> bool:
    """A report with a household annex over ~30 pages is rendered by the worker, not the request."""
    return annex_rows / ANNEX_ROWS_PER_PAGE + 4 > BACKGROUND_PAGES
