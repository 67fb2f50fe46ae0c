"""PDF rendering with WeasyPrint, reading nothing but the portal's own static files.

Documents are rendered from templates that link their CSS and fonts with ``{% static %}``. The URL
fetcher resolves only those URLs, and only to files inside the portal's static directories: no
network, no ``file://`` outside them, no path escaping with ``..``. User text reaches the template
through Django's autoescaping, so it can never become markup that fetches anything.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
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


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, context)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf()
