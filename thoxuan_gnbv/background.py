"""Exports too large for a request go to the background worker. A lower app's view (the household
list's workbook export) cannot import the app that owns the job table and its progress page
(reporting), so that app registers a starter here by name and the view asks for it: the dependency
stays one way, as with the page panels of ``navigation``."""

from collections.abc import Callable

from django.http import HttpResponse

# Above this many rows a web export is written by the worker, never inside the request: a workbook
# of 50,000 rows takes tens of seconds and a proxy or gunicorn's worker timeout would cut it.
LARGE_EXPORT_ROWS = 50_000

# The PDFs of an approved review round go to the worker above these sizes, so that what a request
# lays out stays within a few seconds (measured on the 2-core machine under a neighbour's load:
# about 0.15 s a certificate page, about 18 ms a name-list row with the tables' fixed part).
# Certificates: one A4 page a household; a khu phố's list (tens of households) stays immediate.
CERTIFICATE_JOB_HOUSEHOLDS = 50
# At most this many certificates in one file: the parts are merged with pypdf, which holds every page
# until it writes (about 50 kB a page, +92 MB at 1,820 pages), and nobody prints more than a few
# thousand sheets at once. Above it the officer prints by khu phố or by list (poor / near-poor).
CERTIFICATE_MAX_HOUSEHOLDS = 2_000
# Result tables PDF and the recognition decision: the rows of the four name lists (about 20 a page),
# the same count the review workbook decides on (``ReviewTables.list_row_count``). Measured at 213 rows:
# the tables 3.1 s, the decision 2.6 s inside a request, each holding one of the server's three sync
# workers meanwhile (a third of a 2-core server for every officer who clicks). Above about a second
# (60 rows, a town's list: Thọ Xuân's 2024 list has 160) the worker lays it out and the officer follows
# its progress page instead.
REVIEW_PDF_JOB_ROWS = 60
# Biên bản họp dân: the households a khu phố meeting voted on, one table row each (about 30 a page).
# Measured under the neighbour's load: 300 rows in about 5 s, 1,000 in 12 s; the largest khu phố of
# a million-household registry (about 17,000) took longer than gunicorn's 30 s inside a request. The
# same second as above inside a request: a khu phố meeting of up to 60 households (the demo's: 11).
MINUTES_PDF_JOB_ROWS = 60

_starters: dict[str, Callable[..., HttpResponse]] = {}


def register_export(name: str, starter: Callable[..., HttpResponse]) -> None:
    """``starter(request, **params)`` queues the export and returns the response (the progress page)."""
    _starters[name] = starter


def start_export(name: str, request, **params) -> HttpResponse | None:
    """The response of the registered starter, or None when no app registered one (export inline)."""
    starter = _starters.get(name)
    return starter(request, **params) if starter else None
