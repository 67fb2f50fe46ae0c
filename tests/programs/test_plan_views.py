"""The plan pages: permission matrix, the menu, the change history and query counts (the workflow and the
part forms through the pages are in ``test_plan_workflow_views.py`` and ``test_plan_part_views.py``)."""

import pytest
from django.urls import reverse

from programs.models import Plan
from tests.factories import UserFactory
from tests.programs.factories import make_approved, make_draft

READERS = [
    "chairman",
    "vice_chairman",
    "labour_officer",
    "accountant",
    "health_station",
    "fatherland_front",
    "upper_viewer",
    "head1",
]


@pytest.fixture
def no_role_user(db):
    """Logged in but holding no role: sees no plan page."""
    return UserFactory(username="khach", role="")


# --- permission matrix ----------------------------------------------------------------------


def _read_pages(plan):
    return [
        reverse("programs:plan_list"),
        reverse("programs:plan_detail", args=[plan.pk]),
        reverse("reporting:plan_document", args=[plan.pk]),
        reverse("reporting:plan_pdf", args=[plan.pk]),
    ]


def test_anonymous_is_sent_to_login_from_every_plan_page(client, approved_plan):
    for url in _read_pages(approved_plan) + [reverse("programs:plan_edit", args=[approved_plan.pk])]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/dang-nhap/"), url


def test_a_user_without_role_is_refused_every_plan_page(client_for, approved_plan, no_role_user):
    client = client_for(no_role_user)
    for url in _read_pages(approved_plan):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("persona", READERS)
def test_every_role_reads_an_approved_plan(request, client_for, approved_plan, persona):
    client = client_for(request.getfixturevalue(persona))
    detail = client.get(reverse("programs:plan_detail", args=[approved_plan.pk]))
    assert detail.status_code == 200
    assert "Triển khai thực hiện Chương trình năm 2024" in detail.text
    document = client.get(reverse("reporting:plan_document", args=[approved_plan.pk]))
    assert document.status_code == 200 and "KẾ HOẠCH" in document.text
    pdf = client.get(reverse("reporting:plan_pdf", args=[approved_plan.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("persona", ["fatherland_front", "upper_viewer", "head1"])
def test_observers_and_khu_pho_heads_do_not_see_drafts(request, client_for, draft_plan, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("programs:plan_detail", args=[draft_plan.pk])).status_code == 404
    assert client.get(reverse("reporting:plan_document", args=[draft_plan.pk])).status_code == 404
    assert "Triển khai" not in client.get(reverse("programs:plan_list")).text


def _edit_pages(plan):
    component = plan.components.first()
    return [
        reverse("programs:plan_edit", args=[plan.pk]),
        reverse("programs:plan_part_create", args=[plan.pk, "components"]),
        reverse("programs:plan_part_edit", args=[plan.pk, "components", component.pk]),
        reverse("programs:plan_part_create", args=[plan.pk, "targets"]),
    ]


def test_labour_officer_opens_every_edit_page_of_a_draft(client_for, draft_plan, labour_officer):
    client = client_for(labour_officer)
    for url in _edit_pages(draft_plan):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<form" in response.text
    assert client.get(reverse("programs:plan_create")).status_code == 200


@pytest.mark.parametrize(
    "persona",
    ["chairman", "vice_chairman", "accountant", "health_station", "fatherland_front", "upper_viewer"],
)
def test_other_roles_cannot_open_edit_pages(request, client_for, draft_plan, persona):
    client = client_for(request.getfixturevalue(persona))
    for url in _edit_pages(draft_plan):
        assert client.get(url).status_code in (403, 404), url
    assert client.get(reverse("programs:plan_create")).status_code == 403


def test_khu_pho_head_gets_404_on_edit_pages_of_a_draft_and_403_on_an_approved_plan(
    client_for, draft_plan, head1, commune, labour_officer, chairman, peoples_committee
):
    client = client_for(head1)
    assert client.get(reverse("programs:plan_edit", args=[draft_plan.pk])).status_code == 404
    approved = make_approved(commune, labour_officer, chairman, peoples_committee, year=2025)
    assert client.get(reverse("programs:plan_edit", args=[approved.pk])).status_code == 403


def test_unknown_part_kind_is_404(client_for, draft_plan, labour_officer):
    assert client_for(labour_officer).get(f"/programs/plans/{draft_plan.pk}/nothing/add/").status_code == 404


def test_direct_post_to_an_approved_plan_is_refused_and_changes_nothing(
    client_for, approved_plan, labour_officer
):
    client = client_for(labour_officer)
    component = approved_plan.components.first()
    posts = [
        (reverse("programs:plan_edit", args=[approved_plan.pk]), {"title": "Đổi", "signer_title": "X"}),
        (reverse("programs:plan_part_delete", args=[approved_plan.pk, "components", component.pk]), {}),
        (reverse("programs:plan_part_move", args=[approved_plan.pk, "components", component.pk, "up"]), {}),
        (reverse("programs:plan_part_create", args=[approved_plan.pk, "recipients"]), {"name": "Thêm"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    approved_plan.refresh_from_db()
    assert approved_plan.title == "Triển khai thực hiện Chương trình năm 2024"
    assert approved_plan.components.count() == 1 and approved_plan.recipients.count() == 1


def test_admin_shows_an_approved_plan_read_only(client_for, approved_plan, admin_user):
    client = client_for(admin_user)
    page = client.get(reverse("admin:programs_plan_change", args=[approved_plan.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    response = client.post(
        reverse("admin:programs_plan_change", args=[approved_plan.pk]), {"title": "Sửa qua admin"}
    )
    assert response.status_code == 403
    assert Plan.objects.get(pk=approved_plan.pk).title != "Sửa qua admin"
    assert client.get(reverse("admin:programs_plan_delete", args=[approved_plan.pk])).status_code == 403


# --- home tasks -----------------------------------------------------------------------------


def test_menu_has_the_plan_entry(client_for, accountant):
    assert 'href="/programs/plans/"' in client_for(accountant).get("/").text


# --- query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("count", [5, 50])
def test_plan_list_query_count_does_not_grow_with_plans(
    client_for, commune, labour_officer, chairman, peoples_committee, django_assert_num_queries, count
):
    from tests.programs.factories import PlanFactory

    base = PlanFactory(commune=commune, year=2024, created_by=labour_officer)
    for _ in range(count - 1):
        # Amendments chain on the same year: many rows without new years.
        base = PlanFactory(commune=commune, year=2024, created_by=labour_officer, previous_version=base)
    client = client_for(chairman)
    # session + user, plans, years, commune (layout), home-free nav: fixed whatever the count
    with django_assert_num_queries(5):
        response = client.get(reverse("programs:plan_list"))
    assert response.text.count('href="/programs/plans/') >= count


@pytest.mark.parametrize("components", [1, 9])
def test_plan_page_query_count_does_not_grow_with_components(
    client_for, commune, labour_officer, peoples_committee, health_unit, django_assert_num_queries, components
):
    plan = make_draft(commune, labour_officer, peoples_committee, components=components)
    for component in plan.components.all():
        component.partner_units.add(health_unit)
    client = client_for(labour_officer)
    with django_assert_num_queries(22):
        response = client.get(reverse("programs:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    # The document's header reads the commune's identity valid on the plan's date (one query).
    with django_assert_num_queries(14):
        response = client.get(reverse("reporting:plan_document", args=[plan.pk]))
    assert response.text.count("Thời gian thực hiện") == components


def test_plan_page_shows_who_changed_what(client_for, draft_plan, labour_officer):
    client = client_for(labour_officer)
    client.post(
        reverse("programs:plan_part_create", args=[draft_plan.pk, "recipients"]),
        {"name": "Phòng Tài chính (B/c)"},
    )
    client.post(
        reverse("programs:plan_edit", args=[draft_plan.pk]),
        {
            "title": "Kế hoạch đã sửa",
            "signer_title": "CHỦ TỊCH",
            "general_goal": "Mục tiêu mới",
            "version": draft_plan.version,
        },
    )
    log = client.get(reverse("programs:plan_detail", args=[draft_plan.pk])).content.decode()
    history = log[log.index('id="history"') :]
    assert "Nguyễn Thị Hường · thêm nơi nhận" in history
    assert "Nguyễn Thị Hường · sửa: trích yếu" in history and "II.1. Mục tiêu tổng quát" in history
