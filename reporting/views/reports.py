"""A unit's report on a component for a period: open it, write and submit it, and the labour
officer's accept / return.

Thin views: fetch in scope (404 outside it), check the ability (403), call one service, render.
"""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from programs.models import PlanComponent
from reporting import services
from reporting.forms import ReportForm, ReturnForm
from reporting.queries import get_report_for_user
from reporting.services.reports import unit_report_figures
from reporting.views.common import period_from_slug
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors, request_commune, require


@require_POST
def report_start(request, slug, component_pk):
    """Open (or reopen) the unit's report for a component and period."""
    commune = request_commune(request)
    component = get_object_or_404(
        PlanComponent.objects.select_related("project", "subproject"), pk=component_pk, plan__commune=commune
    )
    require(access.can_write_report(request.user, component))
    period = period_from_slug(commune, slug)
    try:
        report = services.report_open(period=period, component=component, user=request.user)
    except ValidationError as error:
        flash_errors(request, error)
        return redirect(f"{reverse('reporting:calendar')}?year={period.year}")
    return redirect("reporting:report_detail", pk=report.pk)


def report_detail(request, pk):
    require(access.can_view_reports(request.user))
    report = get_report_for_user(request.user, pk)
    can_edit = access.can_edit_report(request.user, report)
    form = ReportForm(
        request.POST or None,
        initial={"results": report.results, "problems": report.problems, "proposals": report.proposals},
    )
    if request.method == "POST":
        require(can_edit)
        if form.is_valid():
            try:
                report = services.report_update(report=report, user=request.user, **form.cleaned_data)
                if "submit_report" in request.POST:
                    report = services.report_submit(report=report, user=request.user)
                    note = " (gửi muộn so với hạn)" if report.is_late else ""
                    flash.success(request, f"Đã gửi báo cáo cho công chức Lao động – TB&XH{note}.")
                else:
                    flash.success(request, "Đã lưu nháp báo cáo.")
                return redirect("reporting:report_detail", pk=report.pk)
            except ValidationError as error:
                apply_service_error(form, error)
    figures = (
        report.figures
        if report.figures and not report.is_editable
        else unit_report_figures(report, page=True)
    )
    return render(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "figures": figures,
            "form": form if can_edit else None,
            "can_review": access.can_review_report(request.user, report),
            "return_form": ReturnForm(action=reverse("reporting:report_return", args=[report.pk])),
            "transitions": report.transitions.select_related("actor"),
            "live": report.is_editable,
        },
    )


@require_POST
def report_accept(request, pk):
    report = get_report_for_user(request.user, pk)
    require(access.is_report_reviewer(request.user, report))
    try:
        services.report_accept(report=report, user=request.user)
        flash.success(request, "Đã tiếp nhận báo cáo.")
    except ValidationError as error:
        flash_errors(request, error)
    return redirect("reporting:report_detail", pk=report.pk)


@require_POST
def report_return(request, pk):
    report = get_report_for_user(request.user, pk)
    require(access.is_report_reviewer(request.user, report))
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.report_return(report=report, user=request.user, comment=form.cleaned_data["comment"])
            flash.success(request, "Đã trả lại báo cáo cho đơn vị.")
        except ValidationError as error:
            flash_errors(request, error)
    else:
        flash_errors(request, form)
    return redirect("reporting:report_detail", pk=report.pk)
