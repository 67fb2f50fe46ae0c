"""The plan's workflow services: creating, editing, every transition and every refusal, with its side effects;
amendments and the copy to the next year."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programs.messages import plans as messages
from programs.models import Plan, PlanStatus, PlanTransition
from programs.services import plan_versions as version_services
from programs.services import plans as services
from tests.factories import UserFactory
from tests.programs.factories import (
    _messages,
    make_approved,
    make_draft,
    make_submitted,
    next_program,
    program,
)
from thoxuan_gnbv.models import Role

# --- creating and editing -------------------------------------------------------------------


def test_labour_officer_starts_a_draft_and_the_creation_is_logged(commune, labour_officer):
    plan = services.plan_create(
        commune=commune, program=program(), year=2025, title="Kế hoạch năm 2025", user=labour_officer
    )
    assert plan.status == PlanStatus.DRAFT
    assert plan.created_by == labour_officer
    step = plan.transitions.get()
    assert (step.from_status, step.to_status, step.actor) == ("", PlanStatus.DRAFT, labour_officer)


@pytest.mark.parametrize("persona", ["chairman", "accountant", "health_station", "upper_viewer"])
def test_only_the_labour_officer_starts_a_plan(request, commune, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(ValidationError) as error:
        services.plan_create(commune=commune, program=program(), year=2025, title="KH", user=user)
    assert error.value.messages == [messages.PLAN_EDIT_ROLE]
    assert not Plan.objects.exists()


def test_second_plan_for_the_same_year_is_refused_naming_the_year(draft_plan, labour_officer):
    with pytest.raises(ValidationError) as error:
        services.plan_create(
            commune=draft_plan.commune, program=program(), year=2024, title="KH", user=labour_officer
        )
    assert "năm 2024" in _messages(error.value, "year")[0]
    assert Plan.objects.count() == 1


def test_year_outside_the_program_is_refused(commune, labour_officer):
    with pytest.raises(ValidationError) as error:
        services.plan_create(commune=commune, program=program(), year=2027, title="KH", user=labour_officer)
    assert _messages(error.value, "year") == [
        messages.PLAN_YEAR_OUTSIDE_PROGRAM.format(year=2027, start=2021, end=2025)
    ]


def test_updating_a_draft_changes_it_and_keeps_history(draft_plan, labour_officer):
    before = draft_plan.history.count()
    services.plan_update(plan=draft_plan, user=labour_officer, general_goal="Giảm nghèo bền vững hơn.")
    draft_plan.refresh_from_db()
    assert draft_plan.general_goal == "Giảm nghèo bền vững hơn."
    assert draft_plan.history.count() == before + 1
    assert draft_plan.history.first().general_goal == "Giảm nghèo bền vững hơn."


def test_missing_title_is_refused_naming_the_field(draft_plan, labour_officer):
    with pytest.raises(ValidationError) as error:
        services.plan_update(plan=draft_plan, user=labour_officer, title="")
    assert "title" in error.value.message_dict
    draft_plan.refresh_from_db()
    assert draft_plan.title


@pytest.mark.parametrize("persona", ["chairman", "vice_chairman", "accountant", "fatherland_front"])
def test_other_roles_cannot_edit_a_draft(request, draft_plan, persona):
    with pytest.raises(ValidationError) as error:
        services.plan_update(plan=draft_plan, user=request.getfixturevalue(persona), general_goal="X")
    assert error.value.messages == [messages.PLAN_EDIT_ROLE]


def test_a_submitted_plan_cannot_be_edited(submitted_plan, labour_officer):
    with pytest.raises(ValidationError) as error:
        services.plan_update(plan=submitted_plan, user=labour_officer, general_goal="X")
    assert error.value.messages == [messages.PLAN_NOT_EDITABLE_STATUS]


# --- submit, return, approve, issue ---------------------------------------------------------


def test_submit_moves_a_draft_to_submitted_and_logs_it(draft_plan, labour_officer):
    plan = services.plan_submit(plan=draft_plan, user=labour_officer)
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.submitted_by == labour_officer and plan.submitted_at is not None
    step = plan.transitions.last()
    assert (step.from_status, step.to_status, step.actor) == (
        PlanStatus.DRAFT,
        PlanStatus.SUBMITTED,
        labour_officer,
    )


def test_a_plan_without_targets_cannot_be_submitted(draft_plan, labour_officer):
    draft_plan.targets.all().delete()
    with pytest.raises(ValidationError) as error:
        services.plan_submit(plan=draft_plan, user=labour_officer)
    assert error.value.messages == [messages.PLAN_SUBMIT_NO_TARGETS]
    assert Plan.objects.get(pk=draft_plan.pk).status == PlanStatus.DRAFT


def test_a_plan_without_components_cannot_be_submitted(draft_plan, labour_officer):
    draft_plan.components.all().delete()
    with pytest.raises(ValidationError) as error:
        services.plan_submit(plan=draft_plan, user=labour_officer)
    assert error.value.messages == [messages.PLAN_SUBMIT_NO_COMPONENTS]


def test_only_the_labour_officer_submits(draft_plan, chairman):
    with pytest.raises(ValidationError) as error:
        services.plan_submit(plan=draft_plan, user=chairman)
    assert error.value.messages == [messages.PLAN_SUBMIT_ROLE]


def test_a_submitted_plan_cannot_be_submitted_again(submitted_plan, labour_officer):
    with pytest.raises(ValidationError) as error:
        services.plan_submit(plan=submitted_plan, user=labour_officer)
    assert error.value.messages == [messages.PLAN_SUBMIT_STATUS]


def test_chairman_returns_with_a_comment_and_the_officer_resubmits(submitted_plan, chairman, labour_officer):
    plan = services.plan_return(plan=submitted_plan, user=chairman, comment="Bổ sung mục tiêu về việc làm.")
    assert plan.status == PlanStatus.RETURNED
    step = plan.transitions.last()
    assert (step.from_status, step.to_status, step.actor, step.comment) == (
        PlanStatus.SUBMITTED,
        PlanStatus.RETURNED,
        chairman,
        "Bổ sung mục tiêu về việc làm.",
    )
    services.plan_update(plan=plan, user=labour_officer, general_goal="Đã bổ sung.")
    plan = services.plan_submit(plan=plan, user=labour_officer)
    assert plan.status == PlanStatus.SUBMITTED


def test_returning_needs_a_comment(submitted_plan, chairman):
    with pytest.raises(ValidationError) as error:
        services.plan_return(plan=submitted_plan, user=chairman, comment="  ")
    assert _messages(error.value, "comment") == [messages.PLAN_RETURN_COMMENT]
    assert Plan.objects.get(pk=submitted_plan.pk).status == PlanStatus.SUBMITTED


def test_chairman_approval_signs_as_chairman(submitted_plan, chairman):
    plan = services.plan_approve(plan=submitted_plan, user=chairman)
    assert plan.status == PlanStatus.APPROVED and plan.is_approved
    assert (plan.signer_authority, plan.signer_title, plan.signer_name) == ("", "CHỦ TỊCH", "Lê Văn Hùng")
    assert plan.approved_by == chairman and plan.approved_at is not None
    assert plan.transitions.last().to_status == PlanStatus.APPROVED


def test_vice_chairman_approval_signs_kt_chu_tich(submitted_plan, vice_chairman):
    plan = services.plan_approve(plan=submitted_plan, user=vice_chairman, comment="Đồng ý.")
    assert (plan.signer_authority, plan.signer_title, plan.signer_name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Thái Xuân Kiên",
    )
    assert plan.transitions.last().comment == "Đồng ý."


@pytest.mark.parametrize(
    "persona", ["labour_officer", "accountant", "fatherland_front", "upper_viewer", "admin_user"]
)
def test_wrong_roles_cannot_approve_or_return(request, submitted_plan, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(ValidationError) as error:
        services.plan_approve(plan=submitted_plan, user=user)
    assert error.value.messages == [messages.PLAN_APPROVE_ROLE]
    with pytest.raises(ValidationError):
        services.plan_return(plan=submitted_plan, user=user, comment="Không đồng ý")
    assert Plan.objects.get(pk=submitted_plan.pk).status == PlanStatus.SUBMITTED


def test_nobody_approves_their_own_submission(submitted_plan, vice_chairman):
    # The submitter later became vice chairman: the rule is about the person, not the role.
    Plan.objects.filter(pk=submitted_plan.pk).update(submitted_by=vice_chairman)
    submitted_plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.plan_approve(plan=submitted_plan, user=vice_chairman)
    assert error.value.messages == [messages.PLAN_APPROVE_OWN]


def test_a_draft_cannot_be_approved(draft_plan, chairman):
    with pytest.raises(ValidationError) as error:
        services.plan_approve(plan=draft_plan, user=chairman)
    assert error.value.messages == [messages.PLAN_APPROVE_STATUS]
    assert Plan.objects.get(pk=draft_plan.pk).status == PlanStatus.DRAFT


def test_an_approved_plan_cannot_be_approved_again(approved_plan, chairman):
    with pytest.raises(ValidationError) as error:
        services.plan_approve(plan=approved_plan, user=chairman)
    assert error.value.messages == [messages.PLAN_APPROVE_STATUS]


def test_issue_gives_number_and_date(approved_plan, labour_officer):
    today = timezone.localdate()
    plan = services.plan_issue(plan=approved_plan, user=labour_officer, document_number="45", issued_on=today)
    assert plan.status == PlanStatus.ISSUED and plan.is_approved
    assert plan.document_reference == "45/KH-UBND" and plan.issued_on == today
    assert plan.transitions.last().to_status == PlanStatus.ISSUED


def test_issue_refuses_missing_number_and_dates_before_approval_or_in_the_future(approved_plan, chairman):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        services.plan_issue(plan=approved_plan, user=chairman, document_number=" ", issued_on=today)
    assert _messages(error.value, "document_number") == [messages.PLAN_ISSUE_NUMBER]
    with pytest.raises(ValidationError) as error:
        services.plan_issue(
            plan=approved_plan,
            user=chairman,
            document_number="45",
            issued_on=today - datetime.timedelta(days=3),
        )
    assert "issued_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.plan_issue(
            plan=approved_plan,
            user=chairman,
            document_number="45",
            issued_on=today + datetime.timedelta(days=1),
        )
    assert _messages(error.value, "issued_on") == [messages.PLAN_ISSUE_DATE_FUTURE]
    assert Plan.objects.get(pk=approved_plan.pk).status == PlanStatus.APPROVED


def test_issue_refuses_a_number_already_used_that_year(
    approved_plan, commune, labour_officer, vice_chairman, peoples_committee
):
    today = timezone.localdate()
    services.plan_issue(plan=approved_plan, user=labour_officer, document_number="45", issued_on=today)
    other = make_approved(commune, labour_officer, vice_chairman, peoples_committee, year=2025)
    with pytest.raises(ValidationError) as error:
        services.plan_issue(plan=other, user=labour_officer, document_number="45", issued_on=today)
    assert _messages(error.value, "document_number") == [
        messages.PLAN_ISSUE_NUMBER_TAKEN.format(number="45", year=today.year)
    ]


def test_issue_refuses_unapproved_plans_and_wrong_roles(
    approved_plan, commune, peoples_committee, accountant, labour_officer
):
    submitted_plan = make_submitted(commune, labour_officer, peoples_committee, year=2025)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        services.plan_issue(plan=submitted_plan, user=labour_officer, document_number="1", issued_on=today)
    assert error.value.messages == [messages.PLAN_ISSUE_STATUS]
    with pytest.raises(ValidationError) as error:
        services.plan_issue(plan=approved_plan, user=accountant, document_number="1", issued_on=today)
    assert error.value.messages == [messages.PLAN_ISSUE_ROLE]


# --- amendments and next year ---------------------------------------------------------------


def test_amendment_is_a_new_draft_linked_to_the_approved_plan(approved_plan, labour_officer, chairman):
    amendment = version_services.plan_amend(plan=approved_plan, user=labour_officer)
    assert amendment.status == PlanStatus.DRAFT and amendment.previous_version == approved_plan
    assert amendment.year == 2024 and amendment.version_number == 2
    assert amendment.components.count() == approved_plan.components.count()
    assert amendment.targets.get().lines.count() == 2
    assert amendment.reporting_rules.count() == 6
    # The approved version stays in force until the amendment is approved.
    assert Plan.objects.approved_for(approved_plan.commune, 2024) == approved_plan
    services.plan_update(plan=amendment, user=labour_officer, general_goal="Điều chỉnh.")
    services.plan_submit(plan=amendment, user=labour_officer)
    services.plan_approve(plan=amendment, user=chairman)
    assert Plan.objects.approved_for(approved_plan.commune, 2024) == amendment
    approved_plan.refresh_from_db()
    assert approved_plan.general_goal != "Điều chỉnh."


def test_a_plan_is_amended_only_once(approved_plan, labour_officer):
    version_services.plan_amend(plan=approved_plan, user=labour_officer)
    with pytest.raises(ValidationError) as error:
        version_services.plan_amend(plan=approved_plan, user=labour_officer)
    assert error.value.messages == [messages.PLAN_AMEND_EXISTS]


def test_a_draft_cannot_be_amended(draft_plan, labour_officer):
    with pytest.raises(ValidationError) as error:
        version_services.plan_amend(plan=draft_plan, user=labour_officer)
    assert error.value.messages == [messages.PLAN_AMEND_STATUS]


def test_copy_to_next_year_makes_a_blank_numbered_draft_with_dates_moved(approved_plan, labour_officer):
    Plan.objects.filter(pk=approved_plan.pk).update(
        status=PlanStatus.ISSUED, document_number="45", issued_on=datetime.date(2024, 5, 20)
    )
    approved_plan.refresh_from_db()
    copy = version_services.plan_copy_to_next_year(plan=approved_plan, user=labour_officer)
    assert (copy.year, copy.status, copy.document_number, copy.issued_on) == (
        2025,
        PlanStatus.DRAFT,
        "",
        None,
    )
    assert copy.previous_version is None
    assert "2025" in copy.title and "2024" not in copy.title
    assert [c.deadline for c in copy.components.all()] == [datetime.date(2025, 12, 31)]
    assert sorted(r.due_date for r in copy.reporting_rules.all())[0] == datetime.date(2025, 3, 15)
    assert copy.targets.get().sentence == approved_plan.targets.get().sentence
    with pytest.raises(ValidationError) as error:
        version_services.plan_copy_to_next_year(plan=approved_plan, user=labour_officer)
    assert error.value.messages == [messages.PLAN_COPY_EXISTS.format(year=2025)]


def test_copy_beyond_every_program_period_is_refused(commune, labour_officer, peoples_committee):
    plan = make_draft(commune, labour_officer, peoples_committee, year=2030)
    Plan.objects.filter(pk=plan.pk).update(program=next_program())
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        version_services.plan_copy_to_next_year(plan=plan, user=labour_officer)
    assert _messages(error.value, "year") == [messages.PLAN_YEAR_NO_PROGRAM.format(year=2031)]
    assert not Plan.objects.filter(year=2031).exists()


def test_approved_for_is_none_without_an_approved_plan(draft_plan):
    assert Plan.objects.approved_for(draft_plan.commune, 2024) is None


def test_every_transition_is_logged_in_order(draft_plan, labour_officer, chairman):
    services.plan_submit(plan=draft_plan, user=labour_officer)
    services.plan_return(plan=draft_plan, user=chairman, comment="Sửa mục III.")
    services.plan_submit(plan=draft_plan, user=labour_officer)
    services.plan_approve(plan=draft_plan, user=chairman)
    steps = list(PlanTransition.objects.filter(plan=draft_plan).values_list("from_status", "to_status"))
    assert steps == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "approved"),
    ]


def test_an_approver_without_a_name_signs_with_the_username(submitted_plan):
    approver = UserFactory(
        commune=submitted_plan.commune, username="pct2", role=Role.VICE_CHAIRMAN, full_name=""
    )
    plan = services.plan_approve(plan=submitted_plan, user=approver)
    assert plan.signer_name == "pct2"
