"""No user of commune A sees or changes anything of commune B, over every URL pattern of the portal.

Two communes are built alike (the same khu phố names, a full set of users each, data of every kind).
Every route of the resolver is visited by every user of A: a route naming an object is given B's
object and must answer exactly as for an object that does not exist (404; 403 or 405 only where the
page refuses the user before looking anything up), on GET and on POST, and B's rows are unchanged
after all the POSTs. A route naming no object must never show B's marker, in HTML, the workbook
(openpyxl) or a PDF (pypdf). A route missing from the tables below fails the test.
"""

import io

import openpyxl
import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse
from pypdf import PdfReader

from households.models import Neighborhood
from tests.thoxuan_gnbv.two_communes import PERSONAS, build_commune, fingerprint
from thoxuan_gnbv import access

MISSING = 987_654_321


def _household(b):
    return {"pk": b.household.pk}


def _round(b):
    return {"pk": b.open_round.pk}


def _plan(b):
    return {"pk": b.plan.pk}


def _part(b):
    return {"pk": b.plan.pk, "kind": "components", "part_pk": b.component.pk}


def _estimate(b):
    return {"pk": b.estimate.pk}


def _report(b):
    return {"pk": b.report.pk}


def _compiled(b):
    return {"pk": b.compiled.pk}


def _job(b):
    return {"pk": b.job.pk}


def _request(b):
    return {"pk": b.ongoing_request.pk}


def _approved_round(b):
    return {"pk": b.approved_round.pk}


# Route name → the URL arguments naming commune B's object.
OBJECT_ROUTES = {
    "households:request_detail": _request,
    "households:request_survey": _request,
    "households:request_post": _request,
    "households:request_decide": _request,
    "reporting:certificate_household": _household,
    "reporting:certificate_list": _approved_round,
    "households:household_detail": _household,
    "households:household_edit": _household,
    "households:member_create": _household,
    "households:member_edit": lambda b: {"pk": b.member.pk},
    "households:review_record": _household,
    "households:review_preview": _household,
    "households:round_detail": _round,
    "households:round_submit": _round,
    "households:round_approve": _round,
    "households:round_return": _round,
    "households:round_cancel": _round,
    "households:round_list_add": _round,
    "households:round_to_meetings": _round,
    "households:meeting_create": lambda b: {"pk": b.open_round.pk, "neighborhood_pk": b.neighborhood1.pk},
    "households:posting_start": _round,
    "households:posting_repeat": _round,
    "households:complaint_create": _round,
    "households:quick_screen_edit": lambda b: {"pk": b.entry.pk},
    "households:complaint_resolve": lambda b: {"pk": b.complaint.pk},
    "reporting:meeting_minutes_pdf": lambda b: {"pk": b.meeting.pk},
    "programs:plan_detail": _plan,
    "programs:plan_edit": _plan,
    "programs:plan_submit": _plan,
    "programs:plan_return": _plan,
    "programs:plan_approve": _plan,
    "programs:plan_issue": _plan,
    "programs:plan_amend": _plan,
    "programs:plan_copy_to_next_year": _plan,
    "programs:plan_part_create": lambda b: {"pk": b.plan.pk, "kind": "components"},
    "programs:plan_part_edit": _part,
    "programs:plan_part_delete": _part,
    "programs:plan_part_move": lambda b: {**_part(b), "direction": "up"},
    "programs:support_detail": lambda b: {"pk": b.support.pk},
    "programs:activity_detail": lambda b: {"pk": b.activity.pk},
    "programs:component_overview": lambda b: {"pk": b.component.pk},
    "programs:estimate_detail": _estimate,
    "programs:estimate_line_add": _estimate,
    "programs:estimate_line_delete": lambda b: {"pk": b.estimate.pk, "line_pk": b.line.pk},
    "programs:estimate_submit": _estimate,
    "programs:estimate_return": _estimate,
    "programs:estimate_approve": _estimate,
    "programs:disbursement_create": lambda b: {"line_pk": b.line.pk},
    "programs:correction_row": lambda b: {"kind": "support", "pk": b.support.pk},
    "programs:correction_edit": lambda b: {"kind": "support", "pk": b.support.pk},
    "programs:correction_void": lambda b: {"kind": "support", "pk": b.support.pk},
    "programs:correction_detail": lambda b: {"pk": b.correction.pk},
    "programs:correction_approve": lambda b: {"pk": b.correction.pk},
    "programs:correction_refuse": lambda b: {"pk": b.correction.pk},
    "reporting:plan_document": _plan,
    "reporting:plan_pdf": _plan,
    "reporting:report_start": lambda b: {"slug": "2024-Q1", "component_pk": b.component.pk},
    "reporting:report_detail": _report,
    "reporting:report_accept": _report,
    "reporting:report_return": _report,
    "reporting:compiled_detail": _compiled,
    "reporting:compiled_approve": _compiled,
    "reporting:compiled_return": _compiled,
    "reporting:compiled_pdf": _compiled,
    "reporting:compiled_xlsx": _compiled,
    "reporting:compiled_pdf_job": _compiled,
    "reporting:compiled_annex_xlsx": _compiled,
    "reporting:review_tables": lambda b: {"pk": b.approved_round.pk},
    "reporting:review_tables_xlsx": lambda b: {"pk": b.approved_round.pk},
    "reporting:review_tables_pdf": lambda b: {"pk": b.approved_round.pk},
    "reporting:review_decision_pdf": lambda b: {"pk": b.approved_round.pk},
    "reporting:province_commune": lambda b: {"pk": b.commune.pk},
    "reporting:job_detail": _job,
    "reporting:job_download": _job,
    "reporting:province_job": _job,
    "reporting:province_job_download": _job,
}
# Routes whose arguments name no object (a period of the user's own commune): visited like lists.
COMMUNE_ROUTES = {"reporting:compiled_start": {"slug": "2024-Q1"}}
# Query strings tried on list pages besides the bare page: searches for B's households and B's ids
# (a search names B's household code, which the search box echoes; B's marker is in the head's name).
LIST_QUERIES = {
    "households:household_list": ["?q={code}", "?year=2023", "?neighborhood={neighborhood}"],
    "households:household_export": ["?year=2023", "?q={code}"],
    "households:movement_table": ["?year=2024"],
    "households:request_list": ["?neighborhood={neighborhood}"],
    "programs:support_create": ["?q={code}", "?household={household}"],
    "programs:support_list": ["?component={component}", "?q={code}"],
    "programs:activity_list": ["?component={component}"],
    "programs:budget_overview": ["?year=2024"],
    "reporting:calendar": ["?year=2024"],
    "reporting:dashboard": ["?year=2024"],
}


def _skipped(name: str) -> bool:
    """The admin, static files, signing in and out, passwords and health checks."""
    namespace, _, short = name.rpartition(":")
    return namespace == "admin" or short in ("login", "logout") or "password" in short or "health" in short


def all_routes() -> list[tuple[str, set[str]]]:
    """Every named URL pattern (namespaced) with its argument names, walking the resolver recursively."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix)
            elif pattern.name:
                found.append((prefix + pattern.name, set(pattern.pattern.regex.groupindex)))

    walk(get_resolver().url_patterns, "")
    return [(name, arguments) for name, arguments in found if not _skipped(name)]


ROUTES = all_routes()
OBJECT_NAMES = sorted(name for name, arguments in ROUTES if arguments and name not in COMMUNE_ROUTES)
LIST_NAMES = sorted(name for name, arguments in ROUTES if not arguments or name in COMMUNE_ROUTES)


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker):
    """Communes A and B, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        a = build_commune("xa-an", "Xã An Thử", "Alphamark")
        b = build_commune("xa-binh", "Xã Bình Thử", "Betamark")
        yield a, b
        transaction.set_rollback(True)


@pytest.fixture
def client_of(client, worlds, db):
    cache.clear()

    def login(user):
        client.force_login(user)
        return client

    return login


def post_data(b) -> dict:
    """A POST body naming B's objects in every field a form might read."""
    return {
        "neighborhood": b.neighborhood1.pk,
        "household": b.household.pk,
        "component": b.component.pk,
        "line": b.line.pk,
        "estimate": b.estimate.pk,
        "move_to_code": b.household.code,
        "code": "MOI-1",
        "head_name": "Người Mới",
        "full_name": "Người Mới",
        "year": "2024",
        "title": "Mới",
        "comment": "Trả lại để sửa",
        "return_comment": "Trả lại để sửa",
        "amount": "1000",
        "source": "central",
        "content": "Chi",
        "decision_number": "9/QĐ-UBND",
        "decision_date": "01/02/2024",
        "paid_on": "01/05/2024",
        "voucher_number": "PC-9",
        "payee": "Hộ",
        "document_number": "9",
        "issued_on": "01/02/2025",
        "token": "x",
        "reason": "Nhập nhầm theo chứng từ gốc",
    }


def text_of(response) -> str:
    """What a reader sees: the page, the workbook's cells or the PDF's text."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return " ".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        )
    if "pdf" in kind and content.startswith(b"%PDF-"):
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode("utf-8", "replace")


def test_every_route_is_in_a_table():
    """A new URL must say how B's object is named (or that it names none): no route is forgotten."""
    names = {name for name, _ in ROUTES}
    assert set(OBJECT_NAMES) <= set(OBJECT_ROUTES), sorted(set(OBJECT_NAMES) - set(OBJECT_ROUTES))
    assert set(OBJECT_ROUTES) <= names and set(COMMUNE_ROUTES) <= names
    assert "home" in LIST_NAMES and "households:household_list" in LIST_NAMES


# Every persona from their home; the province viewer also after opening commune A from the roll-up.
WALKERS = [(persona, False) for persona in PERSONAS] + [("province_viewer", True)]


def _drilled_into(a):
    """Before each request of a province viewer who opened commune A from the roll-up: open it
    again (the roll-up page, visited in the walk, closes it). A no-op for anyone else."""

    def before(client, persona):
        if persona == "province_viewer":
            assert client.get(reverse("reporting:province_commune", args=[a.commune.pk])).status_code == 302

    return before


def _nothing(client, persona):
    return None


@pytest.mark.parametrize(("persona", "drill"), WALKERS)
def test_no_user_of_a_reaches_an_object_of_b(client_of, worlds, persona, drill):
    a, b = worlds
    client = client_of(a.users[persona])
    before_each = _drilled_into(a) if drill else _nothing
    before = fingerprint(b.commune)
    data = post_data(b)
    for name in OBJECT_NAMES:
        kwargs = OBJECT_ROUTES[name](b)
        missing = {k: MISSING if isinstance(v, int) else v for k, v in kwargs.items()}
        for method in ("get", "post"):
            before_each(client, persona)
            status = getattr(client, method)(reverse(name, kwargs=kwargs), data).status_code
            if status != 404:
                # Refused before any lookup: the same answer as for an object that does not exist.
                before_each(client, persona)
                expected = getattr(client, method)(reverse(name, kwargs=missing), data).status_code
                assert (status, status in (403, 405)) == (expected, True), (name, method, status, expected)
    assert fingerprint(b.commune) == before


@pytest.mark.parametrize(("persona", "drill"), WALKERS)
def test_no_page_of_a_user_of_a_shows_b(client_of, worlds, persona, drill):
    a, b = worlds
    client = client_of(a.users[persona])
    before_each = _drilled_into(a) if drill else _nothing
    before = fingerprint(b.commune)
    values = {"code": b.household.code, "household": b.household.pk, "component": b.component.pk}
    values["neighborhood"] = b.neighborhood1.pk
    for name in LIST_NAMES:
        url = reverse(name, kwargs=COMMUNE_ROUTES.get(name))
        for query in ["", *LIST_QUERIES.get(name, [])]:
            before_each(client, persona)
            response = client.get(url + query.format(**values))
            # A query naming B's object may be answered "not found"; the bare page never.
            allowed = (200, 302, 403, 405, 404) if query else (200, 302, 403, 405)
            assert response.status_code in allowed, (name, query, response.status_code)
            assert b.marker not in text_of(response), (name, query)
        before_each(client, persona)
        response = client.post(url, post_data(b))
        assert response.status_code < 500, (name, response.status_code)
        assert b.marker not in text_of(response), (name, "POST")
    assert fingerprint(b.commune) == before


@pytest.mark.parametrize("persona", ["chairman", "labour_officer"])
def test_documents_of_a_carry_nothing_of_b(client_of, worlds, persona):
    """A's own plan and compiled report, on screen, as PDF and as workbook, and the household export."""
    a, b = worlds
    client = client_of(a.users[persona])
    urls = [
        reverse("reporting:plan_document", args=[a.plan.pk]),
        reverse("reporting:plan_pdf", args=[a.plan.pk]),
        reverse("reporting:compiled_detail", args=[a.compiled.pk]),
        reverse("reporting:compiled_pdf", args=[a.compiled.pk]),
        reverse("reporting:compiled_xlsx", args=[a.compiled.pk]),
        reverse("households:household_export") + "?year=2023",
        reverse("households:household_list") + "?year=2023",
    ]
    texts = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(text_of(response))
        assert b.marker not in texts[-1], url
    # The search works: A's own data is found where it belongs (the export and the list name A's heads).
    assert a.marker in texts[-1] and a.marker in texts[-2]


def test_the_head_of_a_khu_pho_1_never_sees_b_khu_pho_1(client_of, worlds):
    a, b = worlds
    head = a.users["head1"]
    same_name = Neighborhood.objects.filter(name="Khu phố 1")
    assert same_name.count() == 2
    assert list(access.neighborhoods_visible_to(head, same_name)) == [a.neighborhood1]
    page = client_of(head).get(reverse("households:household_list") + "?year=2023").text
    assert a.household.head_name in page
    assert b.household.head_name not in page and a.household2.head_name not in page


def test_a_role_without_a_commune_gets_a_vietnamese_403(client_of, worlds):
    from tests.factories import UserFactory

    user = UserFactory(username="khong-xa", role="chairman", commune=None, password=None)
    response = client_of(user).get(reverse("households:household_list"))
    assert response.status_code == 403
    assert "chưa được gắn với xã, phường hoặc thị trấn" in response.text
    assert client_of(user).get(reverse("logout")).status_code in (200, 302, 405)


def test_a_province_viewer_in_commune_a_changes_nothing_of_a(client_of, worlds):
    """Read-only everywhere: every route, given A's own objects and posted to, leaves A unchanged."""
    a, _ = worlds
    client = client_of(a.users["province_viewer"])
    drill = _drilled_into(a)
    before = fingerprint(a.commune)
    data = post_data(a)
    statuses = {}
    for name in OBJECT_NAMES:
        drill(client, "province_viewer")
        statuses[name] = client.post(reverse(name, kwargs=OBJECT_ROUTES[name](a)), data).status_code
        assert statuses[name] < 500, (name, statuses[name])
    for name in LIST_NAMES:
        drill(client, "province_viewer")
        assert client.post(reverse(name, kwargs=COMMUNE_ROUTES.get(name)), data).status_code < 500, name
    assert fingerprint(a.commune) == before
    # The walk reached A's pages (a read of A's approved round answers, its approval is refused).
    drill(client, "province_viewer")
    assert client.get(reverse("reporting:review_tables", args=[a.approved_round.pk])).status_code == 200
    assert statuses["households:round_approve"] in (403, 404)


def test_a_province_viewer_sees_the_roll_up_of_their_province_only(client_of, worlds):
    a, b = worlds
    client = client_of(a.users["province_viewer"])
    assert client.get(reverse("home")).url == reverse("reporting:province_rollup")
    page = client.get(reverse("reporting:province_rollup")).text
    assert a.commune.name in page and b.commune.name not in page and b.marker not in page
    # Before choosing a commune, a commune page answers with a Vietnamese 403 pointing to the roll-up.
    response = client.get(reverse("households:household_list"))
    assert response.status_code == 403 and "trang tổng hợp của tỉnh" in response.text
    assert client.get(reverse("reporting:province_commune", args=[b.commune.pk])).status_code == 404
