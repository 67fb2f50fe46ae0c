"""Pages of the budget: the overview per component and year, allocations, estimates with their
workflow (submit / return / approve) and disbursements against approved lines."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from programs.forms.budget import (
    AllocationForm,
    DisbursementForm,
    EstimateForm,
    EstimateLineForm,
    EstimateReturnForm,
)
from programs.models import Allocation, EstimateLine, Plan
from programs.queries import budget as queries
from programs.queries.budget_limits import account_of_line, estimate_against_allocation
from programs.queries.delivery import change_log
from programs.queries.plans import approved_components
from programs.services import budget as services
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors, request_commune, require, year_param


def _default_year(commune) -> int | None:
    return Plan.objects.approved().filter(commune=commune).aggregate(year=Max("year"))["year"]


def _budget_components(commune):
    return approved_components(commune)


def budget_overview(request):
    """Kinh phí: per component of the year's plan, allocated / estimated / disbursed / rate / remaining."""
    require(access.can_view_budget(request.user))
    commune = request_commune(request)
    year = year_param(request) or _default_year(commune)
    rows, total = queries.budget_table(commune, year) if year else ([], None)
    return render(
        request,
        "programs/budget_overview.html",
        {
            "year": year,
            "years": sorted(
                set(Plan.objects.approved().filter(commune=commune).values_list("year", flat=True))
            ),
            "rows": rows,
            "total": total,
            "flags": queries.budget_flags(rows),
            "estimates": queries.estimates_for_list(commune, year),
            "allocations": access.allocations_visible_to(request.user, Allocation.objects.all())
            .filter(component__plan__commune=commune, component__plan__year=year)
            .select_related("component__project", "component__subproject"),
            "can_allocate": access.can_record_allocation(request.user),
            "can_prepare": access.can_prepare_estimate(request.user),
        },
    )


def allocation_create(request):
    require(access.can_record_allocation(request.user))
    form = AllocationForm(request.POST or None, components=_budget_components(request_commune(request)))
    if request.method == "POST" and form.is_valid():
        try:
            allocation = services.allocation_record(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã ghi nhận kinh phí phân bổ: {allocation}.")
            return redirect(reverse("programs:budget_overview") + f"?year={allocation.component.plan.year}")
    return render(
        request, "programs/allocation_form.html", {"form": form, "heading": "Ghi nhận kinh phí được phân bổ"}
    )


def estimate_create(request):
    require(access.can_prepare_estimate(request.user))
    commune = request_commune(request)
    form = EstimateForm(request.POST or None, initial={"year": _default_year(commune)})
    if request.method == "POST" and form.is_valid():
        try:
            estimate = services.estimate_create(commune=commune, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã lập dự toán: thêm các dòng rồi trình Chủ tịch phê duyệt.")
            return redirect("programs:estimate_detail", pk=estimate.pk)
    return render(request, "programs/estimate_form.html", {"form": form, "heading": "Lập dự toán"})


def _estimate_for(request, pk):
    require(access.can_view_budget(request.user))
    return queries.get_estimate(request.user, pk)


def _detail(request, estimate, *, line_form=None, return_form=None, status=200):
    user = request.user
    can_edit = access.can_prepare_estimate(user, estimate)
    components = _budget_components(estimate.commune).filter(plan__year=estimate.year)
    lines = queries.estimate_lines(estimate)
    cap_rows, cap_total = estimate_against_allocation(estimate, lines)
    context = {
        "estimate": estimate,
        "lines": lines,
        "cap_rows": cap_rows,
        "cap_total": cap_total,
        "cap_over": [row for row in cap_rows if row.over],
        "disbursements": queries.disbursements_of(estimate),
        "can_edit": can_edit,
        "can_approve": access.can_approve_estimate(user, estimate),
        "can_disburse": estimate.is_approved and access.can_record_disbursement(user),
        "history": change_log(estimate),
    }
    if can_edit:
        context["line_form"] = line_form or EstimateLineForm(components=components)
        context["line_form"].helper.form_action = reverse("programs:estimate_line_add", args=[estimate.pk])
    if context["can_approve"]:
        context["return_form"] = return_form or EstimateReturnForm()
        context["return_form"].helper.form_action = reverse("programs:estimate_return", args=[estimate.pk])
    return render(request, "programs/estimate_detail.html", context, status=status)


def estimate_detail(request, pk):
    return _detail(request, _estimate_for(request, pk))


@require_POST
def estimate_line_add(request, pk):
    estimate = _estimate_for(request, pk)
    require(access.can_prepare_estimate(request.user, estimate))
    components = _budget_components(estimate.commune).filter(plan__year=estimate.year)
    form = EstimateLineForm(request.POST, components=components)
    if form.is_valid():
        try:
            services.estimate_line_add(estimate=estimate, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã thêm dòng dự toán.")
            return redirect("programs:estimate_detail", pk=estimate.pk)
    return _detail(request, estimate, line_form=form, status=400)


@require_POST
def estimate_line_delete(request, pk, line_pk):
    estimate = _estimate_for(request, pk)
    require(access.can_prepare_estimate(request.user, estimate))
    line = get_object_or_404(EstimateLine, pk=line_pk, estimate=estimate)
    services.estimate_line_remove(line=line, user=request.user)
    flash.success(request, "Đã xóa dòng dự toán.")
    return redirect("programs:estimate_detail", pk=estimate.pk)


def _transition(request, pk, action, allowed, success):
    estimate = _estimate_for(request, pk)
    require(allowed(request.user, estimate))
    try:
        action(estimate=estimate, user=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        flash.success(request, success)
    return redirect("programs:estimate_detail", pk=estimate.pk)


@require_POST
def estimate_submit(request, pk):
    return _transition(
        request,
        pk,
        services.estimate_submit,
        lambda user, estimate: access.can_prepare_estimate(user),
        "Đã trình dự toán để Chủ tịch phê duyệt.",
    )


@require_POST
def estimate_approve(request, pk):
    # Whether a second approval is refused is the service's call (it names the first approval's date).
    return _transition(
        request,
        pk,
        services.estimate_approve,
        lambda user, estimate: access.is_approver(user),
        "Đã phê duyệt dự toán.",
    )


@require_POST
def estimate_return(request, pk):
    estimate = _estimate_for(request, pk)
    require(access.is_approver(request.user))
    form = EstimateReturnForm(request.POST)
    if form.is_valid():
        try:
            services.estimate_return(estimate=estimate, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            flash_errors(request, error)
        else:
            flash.success(request, "Đã trả lại dự toán cho kế toán.")
        return redirect("programs:estimate_detail", pk=estimate.pk)
    return _detail(request, estimate, return_form=form, status=400)


def disbursement_create(request, line_pk):
    """Giải ngân against one approved estimate line."""
    require(access.can_view_budget(request.user))
    line = queries.get_estimate_line(request.user, line_pk)
    require(access.can_record_disbursement(request.user))
    form = DisbursementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.disbursement_record(line=line, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã ghi nhận khoản giải ngân.")
            return redirect("programs:estimate_detail", pk=line.estimate_id)
    return render(
        request,
        "programs/disbursement_form.html",
        {"form": form, "line": line, "account": account_of_line(line), "heading": "Ghi nhận giải ngân"},
    )
