"""The plan's workflow actions: submit, return with a comment, approve, issue with number and date, and
the new versions (amendment, copy to the next year); each refusal re-renders the plan's workspace."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from programs.forms.plans import PlanApproveForm, PlanIssueForm, PlanReturnForm
from programs.messages import plans as messages
from programs.queries.plans import get_plan_for_user
from programs.services import plan_versions as version_services
from programs.services import plans as services
from programs.services.plan_mapping import map_components
from programs.views.plans import _detail_context
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors, require


def _workflow_plan(request, pk, *, allowed=True, reason=""):
    """A plan for a workflow action: 404 out of scope, 403 for a role that never takes this step
    (``allowed``); a refusal for the plan's state comes from the service, on the plan's page."""
    require(access.can_view_plans(request.user) and not access.is_read_only(request.user))
    plan = get_plan_for_user(request.user, pk)
    require(allowed, reason)
    return plan


def _drafter_plan(request, pk):
    """Submitting, amending and copying are the drafter's steps: the labour officer (section VI.1)."""
    return _workflow_plan(
        request, pk, allowed=access.can_create_plan(request.user), reason=messages.PLAN_EDIT_ROLE
    )


def _refused(request, plan, error):
    flash_errors(request, error)
    return redirect("programs:plan_detail", pk=plan.pk)


@require_POST
def plan_submit(request, pk):
    plan = _drafter_plan(request, pk)
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
    plan = _workflow_plan(
        request, pk, allowed=access.is_approver(request.user), reason=messages.PLAN_APPROVE_ROLE
    )
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
    plan = _drafter_plan(request, pk)
    try:
        amendment = version_services.plan_amend(plan=plan, user=request.user)
    except ValidationError as error:
        return _refused(request, plan, error)
    flash.success(request, "Đã tạo bản điều chỉnh (dự thảo). Sửa xong hãy trình phê duyệt lại.")
    return redirect("programs:plan_detail", pk=amendment.pk)


@require_POST
def plan_copy_to_next_year(request, pk):
    plan = _drafter_plan(request, pk)
    try:
        copy = version_services.plan_copy_to_next_year(plan=plan, user=request.user)
    except ValidationError as error:
        return _refused(request, plan, error)
    dropped = map_components(plan, copy.program).not_continued_labels
    if dropped:
        flash.warning(
            request,
            messages.PLAN_COPY_NOT_CONTINUED.format(
                start=copy.program.start_year, end=copy.program.end_year, components="; ".join(dropped)
            ),
        )
    # The copy's own report page: what moved to the new year and what still names an older one.
    context = {"plan": plan, "copy": copy, "shift": copy.year_shift}
    return render(request, "programs/plan_copy_report.html", context)
