"""No URL answers 5xx, whatever a hand-edited link or a tampered form sends.

For every URL in the resolver, as a role that reaches it (from ``tests/access_matrix.py``), the
parameters are discovered first: the fields of the page's forms (and of forms elsewhere that post to
it) and every key the view reads from the query string or the body. Hypothesis then sends generated
values to all of them at once: huge, negative, float and exponent numbers, empty and very long
strings, zero-width and bidi characters, NUL bytes, impossible dates, invalid choices, ids that do not
exist (in the path too) and wrong files. The count of inputs tried is printed, never asserted."""

import math

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.access_matrix import LOGIN, ROUTES
from tests.thoxuan_gnbv.discovery import forms_of, reads
from tests.thoxuan_gnbv.harness import request_in_savepoint

pytestmark = pytest.mark.usefixtures("no_pdf_layout")

# Who fuzzes a route: the first of these the access table lets through.
PREFERENCE = ("labour", "chairman", "accountant", "health", "head1", "admin", "anonymous")
REFUSED = (403, 404, 405)
# Generated values per URL, summed over its inputs; each request fills every input at once.
VALUES_PER_URL = 100
MIN_EXAMPLES, MAX_EXAMPLES = 12, 100

SPECIAL = [
    "", " ", "-1", "0", "32768", "-32769", "2147483648", "9223372036854775808", "99999999999999999999",
    "1e20", "-1e20", "1.5", "NaN", "inf", "0x1F", "31/02/2024", "01/01/0001", "31/12/9999", "00/00/0000",
    "2024-02-31", "29/02/2023", "\x00", "1\x002", "\u200b", "\u202eabc", "\ufeff7", "9\u200b9", "９９",
    "Nguyễn Thị Hường", "<b>x</b>", "' OR 1=1 --", "%00", "../../etc/passwd", "on", "true", "[]",
]  # fmt: skip
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
LONG = st.sampled_from(["9", "á", "x", "\u202e"]).flatmap(
    lambda c: st.integers(300, 12000).map(lambda n: c * n)
)
NUMBER = st.integers(-(2**80), 2**80).map(str) | st.floats().map(str)
VALUE = st.one_of(st.sampled_from(SPECIAL), TEXT, LONG, NUMBER)
MISSING_ID = st.sampled_from([0, 2**31, 2**63 - 1, 2**63, 10**20, 987654])
# Words in the path: a period, a plan part's kind, a direction.
BAD_WORD = st.sampled_from(
    ["2024-Q5", "2024-H3", "0001", "99999999999999999999", "1e20", "-1", "abc", "x" * 300]
)
UPLOAD = st.builds(
    SimpleUploadedFile,
    name=st.sampled_from(["ho.xlsx", "ho.xls", "ho.pdf", "ho.exe", "ho", ".xlsx", "a" * 300 + ".xlsx"]),
    content=st.one_of(st.just(b""), st.binary(max_size=2000), st.just(b"PK\x03\x04" + b"\x00" * 100)),
)


def reaching_role(row, name: str = "") -> tuple[str, str]:
    """(role, method): a page someone gets (200), else the POST someone may make; the province
    level's pages (no role of the table reaches them) as the world's province viewer."""
    if name.startswith("reporting:province_"):
        return "province", "get"
    for role in PREFERENCE:
        if row.expected(role, "get") == 200:
            return role, "get"
    for role in PREFERENCE:
        answer = row.expected(role, "post")
        if answer not in REFUSED and (answer != LOGIN or role != "anonymous"):
            return role, "post"
    raise AssertionError("a route nobody reaches")


def _strategy(field):
    if field is None:
        return VALUE
    if field.kind == "file":
        return UPLOAD
    if field.options:
        return st.one_of(st.sampled_from(field.options), VALUE)
    return VALUE


def _discover(world, name):
    """The plan of one route: role, URL, path ids, and the inputs of its GET and its POST."""
    row = ROUTES[name]
    role, method = reaching_role(row, name)
    client = world.client(role)
    ids = {k: world.objects[v].pk for k, v in row.kwargs.items() if not v.startswith("=")}
    literals = {k: v[1:] for k, v in row.kwargs.items() if v.startswith("=")}
    url = reverse(name, kwargs={**ids, **literals})
    query, body = {}, {}
    if method == "get":
        with reads() as keys:
            response, _ = request_in_savepoint(client, "get", url, watch_writes=False)
        query |= dict.fromkeys(keys)
        html = b"" if response.streaming else response.content
        for form in forms_of(html.decode(errors="replace"), url):
            target = query if form.method == "get" else body
            if form.action == url:
                target |= form.fields
    if method == "post" or row.expected(role, "post") not in REFUSED:
        with reads() as keys:
            request_in_savepoint(client, "post", url, watch_writes=False)
        body = dict.fromkeys(keys) | body
    return role, ids, literals, {"get": query, "post": body}


@pytest.fixture(scope="module")
def tried():
    counts = {}
    yield counts
    print(
        f"\nno-5xx fuzz: {sum(n for n, _ in counts.values())} requests, {sum(v for _, v in counts.values())} values"
    )
    for name, (requests, values) in sorted(counts.items()):
        print(f"  {name}: {requests} requests, {values} values")


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_no_input_makes_a_url_answer_5xx(world, db, tried, name):
    role, ids, literals, inputs = _discover(world, name)
    methods = [m for m in ("get", "post") if inputs[m]] or [reaching_role(ROUTES[name], name)[1]]
    fields = {m: {key: _strategy(field) for key, field in inputs[m].items()} for m in methods}
    path_ids = {k: st.one_of(st.just(pk), MISSING_ID) for k, pk in ids.items()}
    path_ids |= {k: st.one_of(st.just(word), BAD_WORD) for k, word in literals.items()}
    width = max(1, len(path_ids) + max(len(f) for f in fields.values()))
    examples = min(MAX_EXAMPLES, max(MIN_EXAMPLES, math.ceil(VALUES_PER_URL / width)))
    requests = values = 0

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        method=st.sampled_from(methods),
        data=st.fixed_dictionaries(path_ids) | st.just(ids | literals),
        payload=st.data(),
    )
    def send(method, data, payload):
        nonlocal requests, values
        body = payload.draw(st.fixed_dictionaries(fields[method]))
        url = reverse(name, kwargs=data)
        requests += 1
        values += len(body) + len(path_ids)
        try:
            response, _ = request_in_savepoint(world.client(role), method, url, body, watch_writes=False)
        except Exception as error:  # the test client re-raises what would have been a 500
            raise AssertionError(f"500 on {method.upper()} {url} as {role}: {error!r}") from error
        assert response.status_code < 500, f"{response.status_code} on {method.upper()} {url} as {role}"

    try:
        send()
    finally:
        tried[name] = (requests, values)
