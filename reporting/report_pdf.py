"""The compiled report as a PDF (WeasyPrint), on the shared NĐ 30 document base and the same
static-only URL fetcher as the plan PDF.

The report itself is a few pages and renders within the request; with the household annex it runs
past 30 pages (a commune of a few thousand supported households: hundreds), so the pages always
send that one to the background worker (``reporting.tasks``)."""

from django.template.loader import render_to_string
from weasyprint import HTML

from reporting.pdf import BASE_URL, StaticOnlyFetcher

TEMPLATE = "reporting/report_pdf.html"


def render_compiled_pdf(doc, *, on_layout=None) -> tuple[bytes, int]:
    """The PDF bytes and its page count. ``on_layout`` is called between layout and writing (for
    a background job's progress)."""
    html = render_to_string(TEMPLATE, {"doc": doc})
    # Whole fonts are embedded: subsetting them took a third of the time of a long annex.
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).render(full_fonts=True)
    if on_layout:
        on_layout(len(document.pages))
    return document.write_pdf(), len(document.pages)
