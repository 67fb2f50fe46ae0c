"""The plan pages: permission matrix, bad input answered in Vietnamese, query counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from programs.messages import plans as messages
from programs.models import Plan, PlanStatus, Target
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


# --- workflow through the pages -------------------------------------------------------------


def test_submit_return_resubmit_approve_issue_through_the_pages(
    client_for, draft_plan, labour_officer, chairman
):
    detail = reverse("programs:plan_detail", args=[draft_plan.pk])
    officer = client_for(labour_officer)
    assert officer.post(reverse("programs:plan_submit", args=[draft_plan.pk])).url == detail
    assert Plan.objects.get(pk=draft_plan.pk).status == PlanStatus.SUBMITTED

    boss = client_for(chairman)
    page = boss.get(detail)
    assert "Phê duyệt" in page.text and "Trả lại" in page.text
    empty = boss.post(reverse("programs:plan_return", args=[draft_plan.pk]), {"comment": ""})
    assert empty.status_code == 400 and messages.PLAN_RETURN_COMMENT in empty.text
    boss.post(reverse("programs:plan_return", args=[draft_plan.pk]), {"comment": "Bổ sung căn cứ."})
    assert Plan.objects.get(pk=draft_plan.pk).status == PlanStatus.RETURNED

    officer = client_for(labour_officer)
    assert "Bổ sung căn cứ." in officer.get(detail).text
    officer.post(reverse("programs:plan_submit", args=[draft_plan.pk]))
    client_for(chairman).post(reverse("programs:plan_approve", args=[draft_plan.pk]), {"comment": ""})
    plan = Plan.objects.get(pk=draft_plan.pk)
    assert plan.status == PlanStatus.APPROVED and plan.approved_by == chairman

    today = timezone.localdate().strftime("%d/%m/%Y")
    bad = client_for(chairman).post(
        reverse("programs:plan_issue", args=[plan.pk]), {"document_number": "", "issued_on": today}
    )
    assert bad.status_code == 400 and "Số văn bản" in bad.text
    client_for(chairman).post(
        reverse("programs:plan_issue", args=[plan.pk]), {"document_number": "45", "issued_on": today}
    )
    assert Plan.objects.get(pk=plan.pk).document_reference == "45/KH-UBND"


def test_wrong_role_posting_approve_gets_a_vietnamese_refusal(client_for, submitted_plan, accountant):
    response = client_for(accountant).post(
        reverse("programs:plan_approve", args=[submitted_plan.pk]), follow=True
    )
    assert messages.PLAN_APPROVE_ROLE in response.text
    assert Plan.objects.get(pk=submitted_plan.pk).status == PlanStatus.SUBMITTED


def test_observers_cannot_post_workflow_actions(client_for, submitted_plan, upper_viewer):
    assert (
        client_for(upper_viewer).post(reverse("programs:plan_approve", args=[submitted_plan.pk])).status_code
        == 403
    )


def test_approving_a_draft_through_the_page_is_refused(client_for, draft_plan, chairman):
    response = client_for(chairman).post(reverse("programs:plan_approve", args=[draft_plan.pk]), follow=True)
    assert messages.PLAN_APPROVE_STATUS in response.text
    assert Plan.objects.get(pk=draft_plan.pk).status == PlanStatus.DRAFT


def test_amend_and_copy_buttons_create_new_drafts(client_for, approved_plan, labour_officer):
    client = client_for(labour_officer)
    response = client.post(reverse("programs:plan_amend", args=[approved_plan.pk]))
    amendment = Plan.objects.get(previous_version=approved_plan)
    assert response.url == reverse("programs:plan_detail", args=[amendment.pk])
    client.post(reverse("programs:plan_copy_to_next_year", args=[approved_plan.pk]))
    assert Plan.objects.filter(year=2025, status=PlanStatus.DRAFT, document_number="").exists()


def test_create_page_starts_a_draft(client_for, commune, labour_officer):
    response = client_for(labour_officer).post(
        reverse("programs:plan_create"),
        {
            "program": Plan._meta.get_field("program").related_model.objects.get().pk,
            "year": 2025,
            "title": "Kế hoạch năm 2025",
        },
    )
    plan = Plan.objects.get(year=2025)
    assert response.url == reverse("programs:plan_detail", args=[plan.pk])
    assert plan.created_by == labour_officer


# --- bad input ------------------------------------------------------------------------------


def test_negative_target_on_the_page_is_refused_in_vietnamese(client_for, draft_plan, labour_officer):
    url = reverse("programs:plan_part_create", args=[draft_plan.pk, "targets"])
    data = {
        "action": "Đào tạo nghề",
        "quantity": "-5",
        "unit": "người",
        "text": "",
        "metric": "",
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "10",
    }
    response = client_for(labour_officer).post(url, data)
    assert response.status_code == 200
    assert messages.TARGET_QUANTITY_NEGATIVE in response.text
    assert draft_plan.targets.count() == 1


def test_target_with_breakdown_lines_is_saved_from_the_page(client_for, draft_plan, labour_officer):
    url = reverse("programs:plan_part_create", args=[draft_plan.pk, "targets"])
    data = {
        "action": "Đào tạo nghề cho",
        "quantity": "20",
        "unit": "lao động",
        "text": "thuộc hộ nghèo, cận nghèo",
        "metric": "",
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "10",
        "lines-0-label": "lao động nữ",
        "lines-0-quantity": "12",
        "lines-0-unit": "người",
        "lines-1-label": "",
        "lines-1-quantity": "",
        "lines-1-unit": "hộ",
    }
    response = client_for(labour_officer).post(url, data)
    assert response.status_code == 302
    target = Target.objects.get(plan=draft_plan, quantity=20)
    assert [line.sentence for line in target.lines.all()] == ["lao động nữ 12 người"]


def test_component_deadline_outside_the_year_is_refused_on_the_page(
    client_for, draft_plan, labour_officer, peoples_committee
):
    from tests.programs.factories import project

    url = reverse("programs:plan_part_create", args=[draft_plan.pk, "components"])
    response = client_for(labour_officer).post(
        url,
        {
            "project": project(5).pk,
            "funding_text": "Theo phân bổ",
            "lead_unit": peoples_committee.pk,
            "deadline": "31/03/2025",
        },
    )
    assert response.status_code == 200
    assert messages.DEADLINE_OUTSIDE_YEAR.format(year=2024) in response.text
    assert draft_plan.components.count() == 1


def test_day_first_dates_on_forms(client_for, draft_plan, labour_officer):
    url = reverse("programs:plan_part_create", args=[draft_plan.pk, "bases"])
    client_for(labour_officer).post(
        url,
        {
            "kind": "Quyết định",
            "number": "03/QĐ-UBND",
            "issued_on": "03/04/2024",
            "issuer": "UBND huyện",
            "subject": "",
        },
    )
    assert draft_plan.legal_bases.get(number="03/QĐ-UBND").issued_on == datetime.date(2024, 4, 3)


# --- home tasks -----------------------------------------------------------------------------


def test_chairman_home_lists_the_plan_awaiting_approval(client_for, submitted_plan, chairman):
    page = client_for(chairman).get("/")
    assert "Kế hoạch năm 2024 chờ phê duyệt" in page.text
    assert reverse("programs:plan_detail", args=[submitted_plan.pk]) in page.text


def test_labour_officer_home_lists_a_returned_plan(client_for, submitted_plan, chairman, labour_officer):
    from programs.services.plans import plan_return

    plan_return(plan=submitted_plan, user=chairman, comment="Sửa.")
    assert "Kế hoạch năm 2024 bị trả lại" in client_for(labour_officer).get("/").text


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
    with django_assert_num_queries(13):
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


def test_duplicate_report_period_on_the_page_is_refused_in_vietnamese(client_for, draft_plan, labour_officer):
    response = client_for(labour_officer).post(
        reverse("programs:plan_part_create", args=[draft_plan.pk, "reporting-rules"]),
        {"period": "Q1", "due_date": "20/03/2024", "recipients": "UBND"},
    )
    assert response.status_code == 200
    assert messages.REPORTING_PERIOD_TAKEN in response.text
    assert draft_plan.reporting_rules.count() == 6


def test_copy_button_is_offered_only_when_next_year_is_free_and_in_the_program(
    client_for, draft_plan, labour_officer, commune, peoples_committee
):
    client = client_for(labour_officer)
    assert "Sao chép sang năm 2025" in client.get(reverse("programs:plan_detail", args=[draft_plan.pk])).text
    plan_2025 = make_draft(commune, labour_officer, peoples_committee, year=2025)
    assert (
        "Sao chép sang năm 2025" not in client.get(reverse("programs:plan_detail", args=[draft_plan.pk])).text
    )
    assert (
        "Sao chép sang năm 2026" not in client.get(reverse("programs:plan_detail", args=[plan_2025.pk])).text
    )


def test_component_with_partners_added_moved_and_removed_through_the_page(
    client_for, draft_plan, labour_officer, peoples_committee, health_unit
):
    from tests.programs.factories import project, subproject

    client = client_for(labour_officer)
    response = client.post(
        reverse("programs:plan_part_create", args=[draft_plan.pk, "components"]),
        {
            "project": project(3).pk,
            "subproject": subproject(3, 2).pk,
            "objective": "Cải thiện dinh dưỡng trẻ em.",
            "funding_text": "Theo phân bổ của huyện.",
            "lead_unit": health_unit.pk,
            "lead_role": "health_station",
            "partner_units": [peoples_committee.pk],
            "deadline": "30/09/2024",
        },
    )
    assert response.status_code == 302
    added = draft_plan.components.get(subproject__number=2, project__number=3)
    assert list(added.partner_units.all()) == [peoples_committee]
    assert added.deadline_text == "Hoàn thành quý III năm 2024"
    client.post(reverse("programs:plan_part_move", args=[draft_plan.pk, "components", added.pk, "up"]))
    assert draft_plan.components.order_by("position").first() == added
    client.post(reverse("programs:plan_part_delete", args=[draft_plan.pk, "components", added.pk]))
    assert not draft_plan.components.filter(pk=added.pk).exists()
