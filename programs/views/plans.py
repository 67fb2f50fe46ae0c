"""Officer pages of the annual plan: the list by year, the plan's workspace (parts, workflow, log) and
the section form; the part pages are in ``plan_parts.py``, the workflow actions in ``plan_workflow.py``.
The document itself (the page that reads like the printed plan, and its PDF) is rendered by ``reporting``.

Views fetch through ``get_plan_for_user`` (404 out of scope) and ask ``access`` (403 when seen but
not allowed); every write goes through one service in ``programs.services``.
"""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from programs.forms.plan_parts import (
    AssignmentForm,
    LegalBasisForm,
    PlanComponentForm,
    RecipientForm,
    ReportingRuleForm,
    TargetForm,
)
from programs.forms.plans import (
    PlanApproveForm,
    PlanCreateForm,
    PlanIssueForm,
    PlanReturnForm,
    PlanSectionsForm,
)
from programs.models import (
    Assignment,
    LegalBasis,
    Plan,
    PlanComponent,
    Recipient,
    ReportingRule,
    Target,
)
from programs.progress import target_progress_stored
from programs.queries.plans import get_plan_for_user, plan_change_log, plan_years, plans_for_list
from programs.services import plans as services
from programs.services.plan_mapping import next_year_program
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, request_commune, require, year_param

# The parts of a plan an officer adds, edits, removes and reorders: URL kind → (model, form, heading).
PARTS = {
    "bases": (LegalBasis, LegalBasisForm, "Căn cứ"),
    "targets": (Target, TargetForm, "Mục tiêu cụ thể"),
    "components": (PlanComponent, PlanComponentForm, "Dự án, tiểu dự án"),
    "assignments": (Assignment, AssignmentForm, "Phân công thực hiện"),
    "reporting-rules": (ReportingRule, ReportingRuleForm, "Chế độ báo cáo"),
    "recipients": (Recipient, RecipientForm, "Nơi nhận"),
}


def _editable_plan(request, pk):
    plan = get_plan_for_user(request.user, pk)
    require(access.can_edit_plan(request.user, plan))
    return plan


def plan_list(request):
    """Kế hoạch by year: every version a user may see."""
    require(access.can_view_plans(request.user))
    year = year_param(request)
    return render(
        request,
        "programs/plan_list.html",
        {
            "plans": plans_for_list(request.user, year=year),
            "years": plan_years(request.user),
            "year": year,
            "can_create": access.can_create_plan(request.user),
        },
    )


def plan_create(request):
    require(access.can_create_plan(request.user))
    commune = request_commune(request)
    form = PlanCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(commune=commune, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã tạo bản dự thảo kế hoạch năm {plan.year}.")
            return redirect("programs:plan_detail", pk=plan.pk)
    return render(request, "programs/plan_form.html", {"form": form, "heading": "Tạo kế hoạch năm"})


def _detail_context(request, plan, **forms):
    user = request.user
    # Progress against the targets once the plan is in force, scored like the compiled report.
    progress, progress_stored = target_progress_stored(plan) if plan.is_approved else ([], None)
    context = {
        "plan": plan,
        "parts": PARTS,
        "can_edit": access.can_edit_plan(user, plan),
        "can_submit": access.can_submit_plan(user, plan),
        "can_approve": access.can_approve_plan(user, plan),
        "can_issue": access.can_issue_plan(user, plan),
        "can_amend": access.can_amend_plan(user, plan) and not plan.amendments.exists(),
        # "Copy to next year" only where it can succeed: the program runs next year and no plan exists.
        "can_copy": access.can_create_plan(user)
        and next_year_program(plan) is not None
        and not Plan.objects.filter(commune=plan.commune_id, year=plan.year + 1).exists(),
        "amendment": plan.amendments.first(),
        "change_log": plan_change_log(plan),
        "progress": progress,
        "progress_stored": progress_stored,
        # The latest comment (a return reason) is shown at the top for the officer who must act on it.
        "last_comment": next((t for t in reversed(plan.transitions.all()) if t.comment), None),
    }
    if context["can_approve"]:
        context["return_form"] = forms.get("return_form") or PlanReturnForm()
        context["approve_form"] = forms.get("approve_form") or PlanApproveForm()
        context["return_form"].helper.form_action = reverse("programs:plan_return", args=[plan.pk])
        context["approve_form"].helper.form_action = reverse("programs:plan_approve", args=[plan.pk])
    if context["can_issue"]:
        context["issue_form"] = forms.get("issue_form") or PlanIssueForm()
        context["issue_form"].helper.form_action = reverse("programs:plan_issue", args=[plan.pk])
    return context


def plan_detail(request, pk):
    """The plan's workspace: its status and workflow, its parts with edit controls, its log."""
    require(access.can_view_plans(request.user))
    plan = get_plan_for_user(request.user, pk, document=True)
    return render(request, "programs/plan_detail.html", _detail_context(request, plan))


def plan_edit(request, pk):
    """Edit the plan's own texts (sections I, II.1, IV, V, VII, closing and signer)."""
    plan = _editable_plan(request, pk)
    form = PlanSectionsForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(plan=plan, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã lưu các mục của kế hoạch.")
            return redirect("programs:plan_detail", pk=plan.pk)
    return render(
        request,
        "programs/plan_form.html",
        {"form": form, "plan": plan, "heading": "Sửa các mục của kế hoạch"},
    )
