"""Every PDF the portal prints (the plan, the compiled report with or without its household annex),
rendered by one function from a template and its context with WeasyPrint, reading nothing but the
portal's own static files. The per-document wrappers below only name the template.

Documents are rendered from templates that link their CSS and fonts with ``{% static %}``. The URL
fetcher resolves only those URLs, and only to files inside the portal's static directories: no
network, no ``file://`` outside them, no path escaping with ``..``. User text reaches the template
through Django's autoescaping, so it can never become markup that fetches anything.
"""

import io
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The document's base URL: a name that exists nowhere, so nothing can resolve outside the fetcher.
BASE_URL = "https://portal.invalid/"


def static_roots() -> list[Path]:
    roots = [Path(d) for d in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


class StaticOnlyFetcher(URLFetcher):
    """Serve ``https://portal.invalid/static/<path>`` from the static directories; refuse all else."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(prefix):
            raise ValueError(f"Không được tải tài nguyên ngoài cổng: {url}")
        relative = unquote(parts.path[len(prefix) :])
        for root in static_roots():
            candidate = (root / relative).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                content_type = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, candidate.read_bytes(), {"Content-Type": content_type})
        raise ValueError(f"Không có tệp tĩnh: {relative}")


def render_pdf(template_name: str, context: dict, *, full_fonts: bool = False, on_layout=None) -> bytes:
    """The PDF of ``template_name`` rendered with ``context``. ``on_layout`` is called with the page
    count between layout and writing (a background job's progress); ``full_fonts`` embeds whole
    fonts instead of subsets."""
    html = render_to_string(template_name, context)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).render(
        full_fonts=full_fonts
    )
    if on_layout:
        on_layout(len(document.pages))
    return document.write_pdf()


def append_pdf(writer: PdfWriter, content: bytes) -> int:
    """Append the pages of ``content`` (a PDF rendered in parts) to ``writer``; returns their number."""
    reader = PdfReader(io.BytesIO(content))
    for page in reader.pages:
        writer.add_page(page)
    return len(reader.pages)


# --- the documents --------------------------------------------------------------------------------

PLAN_TEMPLATE = "reporting/documents/pdf.html"
COMPILED_TEMPLATE = "reporting/report_pdf.html"


def render_plan_pdf(doc) -> bytes:
    """The plan (``reporting.documents.plan.build_plan_document``) on the shared document base."""
    return render_pdf(PLAN_TEMPLATE, {"doc": doc, "document_template": "reporting/documents/plan.html"})


def render_compiled_pdf(doc, *, on_layout=None) -> tuple[bytes, int]:
    """The compiled report and its page count. The report itself is a few pages and renders within
    the request. Annex rows given in ``doc.annex`` follow in parts (``annex_pdf``); the pages send a
    report with its annex to the background worker (``reporting.tasks``), which reads the annex from
    the database part by part instead."""
    if doc.annex:
        from reporting.documents.annex_pdf import merge_report_and_annex, row_parts

        return merge_report_and_annex(doc, row_parts(doc.annex))
    pages = []

    def count(n):
        pages.append(n)
        if on_layout:
            on_layout(n)

    # ``full_fonts`` is an option of writing, not of layout: WeasyPrint 70 embeds subsets here
    # (measured: writing takes the same time either way).
    content = render_pdf(COMPILED_TEMPLATE, {"doc": doc}, full_fonts=True, on_layout=count)
    return content, pages[0]
