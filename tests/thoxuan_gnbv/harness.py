"""What the access matrix and the fuzz test share: every URL name the resolver knows, the module-wide
world fixture, a request reduced to one comparable outcome, and a fingerprint of the written data."""

from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.thoxuan_gnbv.world import build_world

# Namespaces outside the portal's own pages: Django's admin, and static files served by whitenoise.
EXCLUDED_NAMESPACES = frozenset({"admin"})

# Tables whose rows or statuses a refused request must leave untouched.
WRITTEN_MODELS = (
    "households.Household",
    "households.Member",
    "households.Review",
    "households.ReviewRound",
    "programs.Plan",
    "programs.PlanComponent",
    "programs.LegalBasis",
    "programs.Target",
    "programs.Support",
    "programs.Activity",
    "programs.Allocation",
    "programs.Estimate",
    "programs.EstimateLine",
    "programs.Disbursement",
    "programs.BudgetAccount",
    "reporting.Report",
    "reporting.CompiledReport",
    "reporting.DocumentJob",
)


def url_names(resolver=None, namespace="") -> set[str]:
    """Every named URL pattern, walking included resolvers recursively (``app:name``)."""
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            if inner in EXCLUDED_NAMESPACES:
                continue
            prefix = f"{namespace}{inner}:" if inner else namespace
            names |= url_names(pattern, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per module inside a transaction rolled back at the module's end; the sessions are
    made here too, outside the per-test transaction that would roll them back."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        for role in ("anonymous", *built.users):
            built.client(role)
        yield built
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def no_pdf_layout():
    """The matrix checks who gets a document, not its layout (tests/reporting covers the PDF): the
    template still renders, WeasyPrint's layout is skipped."""

    class Layout:
        pages = [object()]

        def __init__(self, **kwargs):
            pass

        def render(self, **kwargs):
            return self

        def write_pdf(self):
            # A real one-page PDF: documents rendered in parts are merged with pypdf.
            import io

            from pypdf import PdfWriter

            writer = PdfWriter()
            writer.add_blank_page(595, 842)
            out = io.BytesIO()
            writer.write(out)
            return out.getvalue()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("reporting.documents.pdf.HTML", Layout)
        yield


def outcome(response) -> int | str:
    """The status code, or for a redirect ``"→<url name>"`` of where it leads."""
    if response.status_code in (301, 302, 303):
        path = urlsplit(response["Location"]).path
        return "→" + resolve(path).view_name
    return response.status_code


def _fingerprint_sql() -> str:
    parts = []
    for label in WRITTEN_MODELS:
        model = apps.get_model(label)
        names = {f.name: f.column for f in model._meta.concrete_fields}
        status = f"CAST({names['status']} AS TEXT)" if "status" in names else "''"
        parts.append(f"SELECT '{label}', {model._meta.pk.column}, {status} FROM {model._meta.db_table}")
    return " UNION ALL ".join(parts)


def fingerprint() -> list:
    """Every row (table, id, status) of the tables a request could write, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        return sorted(cursor.fetchall())


def request_in_savepoint(client, method: str, url: str, data=None, *, watch_writes: bool = True):
    """One request whose writes are rolled back, so every call starts from the same world; returns
    the response and whether a POST changed the fingerprint (when ``watch_writes``)."""
    cache.clear()
    watch = watch_writes and method == "post"
    with transaction.atomic():
        before = fingerprint() if watch else None
        response = getattr(client, method)(url, data or {})
        wrote = watch and fingerprint() != before
        transaction.set_rollback(True)
    return response, wrote
