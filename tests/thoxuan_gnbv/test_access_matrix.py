"""Every URL × every role × GET/POST answers as ``tests/access_matrix.py`` says, and a refused POST
writes nothing. A URL added without a row, or a row left for a URL that is gone, fails the suite."""

import pytest
from django.urls import reverse

from tests.access_matrix import DEVIATIONS, ROLES, ROUTES
from tests.thoxuan_gnbv.harness import outcome, request_in_savepoint, url_names

# Answers after which nothing may have been written, whoever asked.
REFUSALS = (403, 404, 405, 400, "→login")
READ_ONLY = ("anonymous", "inactive", "front", "upper")

pytestmark = pytest.mark.usefixtures("no_pdf_layout")


def test_every_url_in_the_resolver_has_a_row():
    missing = sorted(url_names() - set(ROUTES))
    assert not missing, f"URL names without a row in tests/access_matrix.py: {missing}"


def test_every_row_names_a_url_that_exists():
    stale = sorted(set(ROUTES) - url_names())
    assert not stale, f"rows in tests/access_matrix.py for URL names no longer in the resolver: {stale}"


def test_deviations_name_rows_and_differ_from_the_rule():
    for (name, method), cells in DEVIATIONS.items():
        row = ROUTES[name]
        for role, observed in cells.items():
            assert role in ROLES
            assert row.expected(role, method) != observed, (name, method, role)


def _url(world, name):
    row = ROUTES[name]
    kwargs = {k: v[1:] if v.startswith("=") else world.objects[v].pk for k, v in row.kwargs.items()}
    return reverse(name, kwargs=kwargs)


def expected(name, role, method):
    observed = DEVIATIONS.get((name, method), {})
    return observed[role] if role in observed else ROUTES[name].expected(role, method)


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_answers_every_role_as_the_table_says(world, db, name):
    url = _url(world, name)
    wrong, written = [], []
    for role in ROLES:
        for method in ("get", "post"):
            response, wrote = request_in_savepoint(world.client(role), method, url)
            want = expected(name, role, method)
            if outcome(response) != want:
                wrong.append(f"{method.upper()} as {role}: {outcome(response)!r}, table says {want!r}")
            if wrote and (want in REFUSALS or role in READ_ONLY):
                written.append(f"POST as {role} answered {want!r} yet wrote")
    assert not wrong, f"{name} ({url}):\n" + "\n".join(wrong)
    assert not written, f"{name} ({url}):\n" + "\n".join(written)
