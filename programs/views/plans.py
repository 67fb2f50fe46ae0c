"""Officer pages of the annual plan: the list by year, the plan's workspace (parts, workflow, log),
the section and part forms, and the workflow actions. The document itself (the page that reads like
the printed plan, and its PDF) is rendered by ``reporting``.

Views fetch through ``get_plan_for_user`` (404 out of scope) and ask ``access`` (403 when seen but
not allowed); every write goes through one service in ``programs.services.plans``.
"""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from programs.forms.plans import (
    AssignmentForm,
    LegalBasisForm,
    PlanApproveForm,
    PlanComponentForm,
    PlanCreateForm,
    PlanIssueForm,
    PlanReturnForm,
    PlanSectionsForm,
    RecipientForm,
    ReportingRuleForm,
    TargetForm,
    TargetLineFormSet,
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
from programs.progress import target_progress
from programs.queries.plans import get_plan_for_user, plan_change_log, plan_years, plans_for_list
from programs.services import plans as services
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors, request_commune, require, year_param

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


def _part_kind(kind):
    if kind not in PARTS:
        raise Http404
    return PARTS[kind]


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
        and plan.program.covers(plan.year + 1)
        and not Plan.objects.filter(commune=plan.commune_id, year=plan.year + 1).exists(),
        "amendment": plan.amendments.first(),
        "change_log": plan_change_log(plan),
        # Live progress against the targets, once the plan is in force.
        "progress": target_progress(plan) if plan.is_approved else [],
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


def plan_part_edit(request, pk, kind, part_pk=None):
    """Add (no ``part_pk``) or change one part of a draft plan."""
    model, form_class, heading = _part_kind(kind)
    plan = _editable_plan(request, pk)
    part = get_object_or_404(model, pk=part_pk, plan=plan) if part_pk else model(plan=plan)
    form = form_class(request.POST or None, instance=part, plan=plan)
    lines = None
    if model is Target:
        initial = [
            {"label": line.label, "quantity": line.quantity, "unit": line.unit, "metric": line.metric}
            for line in (part.lines.all() if part.pk else [])
        ]
        lines = TargetLineFormSet(request.POST or None, initial=initial, prefix="lines")
    if request.method == "POST" and form.is_valid() and (lines is None or lines.is_valid()):
        try:
            if lines is not None:
                services.target_save(
                    target=form.instance,
                    lines=[line for line in (f.line() for f in lines.forms) if line],
                    user=request.user,
                    version=form.cleaned_data.get("version"),
                )
            else:
                partners = form.cleaned_data.get("partner_units") if "partner_units" in form.fields else None
                services.plan_part_save(
                    part=form.instance,
                    user=request.user,
                    partner_units=partners,
                    version=form.cleaned_data.get("version"),
                )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã lưu: {heading.lower()}.")
            return redirect(reverse("programs:plan_detail", args=[plan.pk]) + f"#{kind}")
    return render(
        request,
        "programs/plan_form.html",
        {"form": form, "lines": lines, "plan": plan, "heading": heading, "kind": kind},
    )


@require_POST
def plan_part_delete(request, pk, kind, part_pk):
    model, _, heading = _part_kind(kind)
    plan = _editable_plan(request, pk)
    part = get_object_or_404(model, pk=part_pk, plan=plan)
    try:
        services.plan_part_delete(part=part, user=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        flash.success(request, f"Đã xóa một mục: {heading.lower()}.")
    return redirect(reverse("programs:plan_detail", args=[plan.pk]) + f"#{kind}")


@require_POST
def plan_part_move(request, pk, kind, part_pk, direction):
    model, _, _ = _part_kind(kind)
    plan = _editable_plan(request, pk)
    part = get_object_or_404(model, pk=part_pk, plan=plan)
    try:
        services.plan_part_move(part=part, direction=direction, user=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    return redirect(reverse("programs:plan_detail", args=[plan.pk]) + f"#{kind}")


def _workflow_plan(request, pk):
    """A plan for a workflow action: 404 out of scope; the service decides who may act."""
    require(access.can_view_plans(request.user) and not access.is_read_only(request.user))
    return get_plan_for_user(request.user, pk)


def _refused(request, plan, error):
    flash_errors(request, error)
    return redirect("programs:plan_detail", pk=plan.pk)


@require_POST
def plan_submit(request, pk):
    plan = _workflow_plan(request, pk)
    try:
        services.plan_submit(plan=plan, user=request.user)
    except ValidationError as error:
        return _refused(request, plan, error)
    flash.success(request, "Đã trình kế hoạch lên Chủ tịch UBND phê duyệt.")
    return redirect("programs:plan_detail", pk=plan.pk)


def _rerender_with(request, plan, status=400, **forms):
    plan = get_plan_for_user(request.user, plan.pk, document=True)
    return render(
        request, "programs/plan_detail.html", _detail_context(request, plan, **forms), status=status
    )


@require_POST
def plan_return(request, pk):
    plan = _workflow_plan(request, pk)
    form = PlanReturnForm(request.POST)
    if not form.is_valid():
        require(access.can_approve_plan(request.user, plan))
        return _rerender_with(request, plan, return_form=form)
    try:
        services.plan_return(plan=plan, user=request.user, comment=form.cleaned_data["comment"])
    except ValidationError as error:
        return _refused(request, plan, error)
    flash.success(request, "Đã trả lại kế hoạch kèm ý kiến.")
    return redirect("programs:plan_detail", pk=plan.pk)


@require_POST
def plan_approve(request, pk):
    plan = _workflow_plan(request, pk)
    form = PlanApproveForm(request.POST)
    form.is_valid()
    try:
        services.plan_approve(plan=plan, user=request.user, comment=form.cleaned_data.get("comment", ""))
    except ValidationError as error:
        return _refused(request, plan, error)
    flash.success(request, "Đã phê duyệt kế hoạch.")
    return redirect("programs:plan_detail", pk=plan.pk)


@require_POST
def plan_issue(request, pk):
    plan = _workflow_plan(request, pk)
    form = PlanIssueForm(request.POST)
    if form.is_valid():
        try:
            services.plan_issue(plan=plan, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            if not access.can_issue_plan(request.user, plan):
                return _refused(request, plan, error)
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã ban hành kế hoạch số {plan.document_number}/KH-UBND.")
            return redirect("programs:plan_detail", pk=plan.pk)
    require(access.can_issue_plan(request.user, plan))
    return _rerender_with(request, plan, issue_form=form)


@require_POST
def plan_amend(request, pk):
    plan = _workflow_plan(request, pk)
    try:
        amendment = services.plan_amend(plan=plan, user=request.user)
    except ValidationError as error:
        return _refused(request, plan, error)
    flash.success(request, "Đã tạo bản điều chỉnh (dự thảo). Sửa xong hãy trình phê duyệt lại.")
    return redirect("programs:plan_detail", pk=amendment.pk)


@require_POST
def plan_copy_to_next_year(request, pk):
    plan = _workflow_plan(request, pk)
    try:
        copy = services.plan_copy_to_next_year(plan=plan, user=request.user)
    except ValidationError as error:
        return _refused(request, plan, error)
    flash.success(request, f"Đã tạo dự thảo kế hoạch năm {copy.year} từ kế hoạch năm {plan.year}.")
    return redirect("programs:plan_detail", pk=copy.pk)
