"""Helpers every app's views share: the ability check (403), a service's ValidationError moved onto
its form (or flashed, after a redirect), safe parsing of whole numbers and years from the query string, and a query string with a
parameter replaced (the next page of a keyset list).

A query parameter that does not parse, or names a year or id no database can hold, is treated as
absent: a hand-edited URL (``?year=-1``, ``?year=1e20``, ``?component=99999999999999999999``) shows
the unfiltered page instead of failing with a 500."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError

# The years a page may filter on: wide enough for every plan and review, narrow enough that date
# arithmetic on them (``__year`` lookups, 1 January … 31 December) never leaves Python's range.
YEAR_MIN = 2000
YEAR_MAX = 2100
# The largest primary key a 64-bit integer column holds.
ID_MAX = 2**63 - 1


def require(allowed: bool, reason: str = "") -> None:
    """403 unless ``allowed`` (an ``access.can_*`` answer): the user sees the object, may not act.
    ``reason`` (Vietnamese) is shown on the 403 page."""
    if not allowed:
        raise PermissionDenied(reason)


def apply_service_error(form, error: ValidationError) -> None:
    """Move a service's ValidationError onto the form: onto the field it names when the form has that
    field, else as a form-wide error."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def flash_errors(request, source) -> None:
    """Flash why an action was refused, as one message: a service's ValidationError, or the errors of
    an invalid form (for actions posted from a page that redirects back)."""
    if isinstance(source, ValidationError):
        text = " ".join(source.messages)
    else:
        text = " ".join(e for errors in source.errors.values() for e in errors)
    messages.error(request, text)


def int_param(request, name: str) -> int | None:
    """A positive whole number (an id) from the query string; None when missing, 0, not a number or
    beyond what a database column holds."""
    try:
        value = int(request.GET.get(name) or 0)
    except ValueError:
        return None
    return value if 0 < value <= ID_MAX else None


def year_param(request, name: str = "year", default: int | None = None) -> int | None:
    """A year from the query string, or ``default`` when missing, not a whole number or outside
    YEAR_MIN…YEAR_MAX (``-1``, ``32768``, ``1e20``, ``abc``)."""
    try:
        year = int(request.GET.get(name) or "")
    except ValueError:
        return default
    return year if YEAR_MIN <= year <= YEAR_MAX else default


def query_with(request, **params) -> str:
    """The request's query string (with its leading ``?``) with ``params`` set: filters kept when
    moving to the next page."""
    query = request.GET.copy()
    for name, value in params.items():
        query[name] = value
    return "?" + query.urlencode()


def request_commune(request):
    """The commune the page works on (``request.commune``, set by CommuneMiddleware from the user):
    what a new household, plan, round, period or estimate belongs to. 403 for an administrator
    without a commune, who keeps reference data in the Django admin."""
    commune = getattr(request, "commune", None)
    if commune is None:
        raise PermissionDenied
    return commune
