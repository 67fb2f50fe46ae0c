"""The plan's workflow through its pages: submit, return, resubmit, approve and issue, refusals in
Vietnamese, the amendment and next-year copy buttons, and the tasks the plan puts on the home page."""

from django.urls import reverse
from django.utils import timezone

from programs.messages import plans as messages
from programs.models import Plan, PlanStatus
from tests.programs.factories import make_draft, next_program, program


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
    response = client_for(accountant).post(reverse("programs:plan_approve", args=[submitted_plan.pk]))
    assert response.status_code == 403
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
            "program": program().pk,
            "year": 2025,
            "title": "Kế hoạch năm 2025",
        },
    )
    plan = Plan.objects.get(year=2025)
    assert response.url == reverse("programs:plan_detail", args=[plan.pk])
    assert plan.created_by == labour_officer


def test_chairman_home_lists_the_plan_awaiting_approval(client_for, submitted_plan, chairman):
    page = client_for(chairman).get("/")
    assert "Kế hoạch năm 2024 chờ phê duyệt" in page.text
    assert reverse("programs:plan_detail", args=[submitted_plan.pk]) in page.text


def test_labour_officer_home_lists_a_returned_plan(client_for, submitted_plan, chairman, labour_officer):
    from programs.services.plans import plan_return

    plan_return(plan=submitted_plan, user=chairman, comment="Sửa.")
    assert "Kế hoạch năm 2024 bị trả lại" in client_for(labour_officer).get("/").text


def test_copy_button_is_offered_only_when_next_year_is_free_and_in_the_program(
    client_for, draft_plan, labour_officer, commune, peoples_committee
):
    client = client_for(labour_officer)
    assert "Sao chép sang năm 2025" in client.get(reverse("programs:plan_detail", args=[draft_plan.pk])).text
    plan_2025 = make_draft(commune, labour_officer, peoples_committee, year=2025)
    assert (
        "Sao chép sang năm 2025" not in client.get(reverse("programs:plan_detail", args=[draft_plan.pk])).text
    )
    # 2026 starts the next programme (QĐ 417/QĐ-BNNMT): the copy is offered into it; 2031 has none.
    assert "Sao chép sang năm 2026" in client.get(reverse("programs:plan_detail", args=[plan_2025.pk])).text
    plan_2030 = make_draft(commune, labour_officer, peoples_committee, year=2030)
    Plan.objects.filter(pk=plan_2030.pk).update(program=next_program())
    assert (
        "Sao chép sang năm 2031" not in client.get(reverse("programs:plan_detail", args=[plan_2030.pk])).text
    )
