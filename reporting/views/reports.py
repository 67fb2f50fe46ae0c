"""Pages of the reporting regime: the calendar, a unit's report, the compiled commune report and
its documents, the background PDF job and the quarterly evaluation dashboard.

Thin views: fetch in scope (404 outside it), check the ability (403), call one service, render.
"""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from programs.models import PlanComponent
from reporting import services
from reporting.dashboard import dashboard_data
from reporting.documents.report import build_compiled_document
from reporting.excel import render_compiled_xlsx
from reporting.forms import ApproveForm, CompiledReportForm, ReportForm, ReturnForm
from reporting.models import DocumentJob
from reporting.periods import parse_period
from reporting.queries import (
    calendar_years,
    current_commune,
    get_compiled_for_user,
    get_report_for_user,
    reporting_calendar,
)
from reporting.report_pdf import render_compiled_pdf
from reporting.services.reports import unit_report_figures
from reporting.tasks import document_job_start
from thoxuan_gnbv import access


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _commune():
    commune = current_commune()
    if commune is None:
        raise Http404
    return commune


def _default_year(plan_years: list[int], today) -> int:
    """The current year when it has an approved plan, else the latest planned year before it: the
    pages open on figures that exist rather than on an empty year."""
    earlier = [y for y in plan_years if y <= today.year]
    return max(earlier) if earlier else today.year


def _year(request, default: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if 2000 <= year <= 2100 else default


def _apply_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _period(commune, slug: str):
    """The reporting period named in the URL, opened from the plan's rule; 404 in Vietnamese when
    the name does not parse or the plan has no such period."""
    try:
        return services.period_open(commune=commune, period=parse_period(slug))
    except (ValueError, ValidationError) as error:
        raise Http404(str(error)) from error


# --- calendar -------------------------------------------------------------------------------------


def report_calendar(request):
    _require(access.can_view_reports(request.user))
    commune = _commune()
    today = timezone.localdate()
    years = calendar_years(commune)
    year = _year(request, _default_year(years, today))
    calendar = reporting_calendar(commune, year, today=today)
    return render(
        request,
        "reporting/calendar.html",
        {
            "calendar": calendar,
            "years": years,
            "can_compile": access.can_compile_report(request.user),
            "user_can_write": {
                row.component.pk
                for row in calendar.rows
                if access.can_write_report(request.user, row.component)
            },
        },
    )


# --- unit reports ---------------------------------------------------------------------------------


@require_POST
def report_start(request, slug, component_pk):
    """Open (or reopen) the unit's report for a component and period."""
    commune = _commune()
    component = get_object_or_404(
        PlanComponent.objects.select_related("project", "subproject"), pk=component_pk, plan__commune=commune
    )
    _require(access.can_write_report(request.user, component))
    period = _period(commune, slug)
    try:
        report = services.report_open(period=period, component=component, user=request.user)
    except ValidationError as error:
        flash.error(request, " ".join(error.messages))
        return redirect(f"{reverse('reporting:calendar')}?year={period.year}")
    return redirect("reporting:report_detail", pk=report.pk)


def report_detail(request, pk):
    _require(access.can_view_reports(request.user))
    report = get_report_for_user(request.user, pk)
    can_edit = access.can_edit_report(request.user, report)
    form = ReportForm(
        request.POST or None,
        initial={"results": report.results, "problems": report.problems, "proposals": report.proposals},
    )
    if request.method == "POST":
        _require(can_edit)
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
                _apply_error(form, error)
    figures = report.figures if report.figures and not report.is_editable else unit_report_figures(report)
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
    _require(access.can_review_report(request.user))
    try:
        services.report_accept(report=report, user=request.user)
        flash.success(request, "Đã tiếp nhận báo cáo.")
    except ValidationError as error:
        flash.error(request, " ".join(error.messages))
    return redirect("reporting:report_detail", pk=report.pk)


@require_POST
def report_return(request, pk):
    report = get_report_for_user(request.user, pk)
    _require(access.can_review_report(request.user))
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.report_return(report=report, user=request.user, comment=form.cleaned_data["comment"])
            flash.success(request, "Đã trả lại báo cáo cho đơn vị.")
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
    else:
        flash.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("reporting:report_detail", pk=report.pk)


# --- compiled report ------------------------------------------------------------------------------


@require_POST
def compiled_start(request, slug):
    _require(access.can_compile_report(request.user))
    period = _period(_commune(), slug)
    compiled = services.compiled_open(period=period, user=request.user)
    return redirect("reporting:compiled_detail", pk=compiled.pk)


def compiled_detail(request, pk):
    _require(access.can_view_compiled_reports(request.user))
    compiled = get_compiled_for_user(request.user, pk)
    can_edit = access.can_compile_report(request.user, compiled)
    form = CompiledReportForm(
        request.POST or None,
        initial={name: getattr(compiled, name) for name in services.compiled.EDITABLE_FIELDS},
    )
    if request.method == "POST":
        _require(can_edit)
        if form.is_valid():
            try:
                compiled = services.compiled_update(compiled=compiled, user=request.user, **form.cleaned_data)
                if "submit_report" in request.POST:
                    services.compiled_submit(compiled=compiled, user=request.user)
                    flash.success(request, "Đã trình Chủ tịch báo cáo tổng hợp.")
                else:
                    flash.success(request, "Đã lưu nháp báo cáo tổng hợp.")
                return redirect("reporting:compiled_detail", pk=compiled.pk)
            except ValidationError as error:
                _apply_error(form, error)
    can_approve = access.can_approve_compiled_report(request.user, compiled)
    return render(
        request,
        "reporting/report_compiled.html",
        {
            "compiled": compiled,
            "doc": build_compiled_document(compiled),
            "form": form if can_edit else None,
            "can_approve": can_approve,
            "approve_form": ApproveForm(
                action=reverse("reporting:compiled_approve", args=[compiled.pk]),
                initial={"issued_on": timezone.localdate()},
            ),
            "return_form": ReturnForm(action=reverse("reporting:compiled_return", args=[compiled.pk])),
            "transitions": compiled.transitions.select_related("actor"),
            # The annex lists households (personal data): offered to those who may export lists.
            "can_export": access.can_export_households(request.user),
        },
    )


@require_POST
def compiled_approve(request, pk):
    compiled = get_compiled_for_user(request.user, pk)
    _require(access.is_approver(request.user))
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            services.compiled_approve(compiled=compiled, user=request.user, **form.cleaned_data)
            flash.success(request, "Đã phê duyệt và ban hành báo cáo.")
            return redirect("reporting:compiled_detail", pk=compiled.pk)
        except ValidationError as error:
            _apply_error(form, error)
    flash.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("reporting:compiled_detail", pk=compiled.pk)


@require_POST
def compiled_return(request, pk):
    compiled = get_compiled_for_user(request.user, pk)
    _require(access.is_approver(request.user))
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.compiled_return(
                compiled=compiled, user=request.user, comment=form.cleaned_data["comment"]
            )
            flash.success(request, "Đã trả lại báo cáo tổng hợp.")
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
    else:
        flash.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("reporting:compiled_detail", pk=compiled.pk)


def compiled_pdf(request, pk):
    _require(access.can_view_compiled_reports(request.user))
    doc = build_compiled_document(get_compiled_for_user(request.user, pk))
    content, _ = render_compiled_pdf(doc)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{doc.frame.filename}"'
    return response


def compiled_xlsx(request, pk):
    _require(access.can_view_compiled_reports(request.user))
    doc = build_compiled_document(get_compiled_for_user(request.user, pk))
    response = HttpResponse(
        render_compiled_xlsx(doc),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{doc.frame.filename[:-4]}.xlsx"'
    return response


@require_POST
def compiled_pdf_job(request, pk):
    """Queue the PDF with the household annex (personal data: only those who may export lists)."""
    compiled = get_compiled_for_user(request.user, pk)
    _require(access.can_export_households(request.user))
    job = document_job_start(compiled=compiled, user=request.user)
    return redirect("reporting:job_detail", pk=job.pk)


def _job(request, pk) -> DocumentJob:
    job = get_object_or_404(DocumentJob.objects.select_related("compiled_report__period"), pk=pk)
    # The job holds the household annex: only its requester (or an administrator) sees it.
    if job.requested_by_id != request.user.pk and not access.is_admin(request.user):
        raise Http404
    return job


def job_detail(request, pk):
    job = _job(request, pk)
    return render(request, "reporting/report_job.html", {"job": job})


def job_download(request, pk):
    job = _job(request, pk)
    if job.status != DocumentJob.Status.DONE or not job.content:
        raise Http404
    response = HttpResponse(bytes(job.content), content_type="application/pdf")
    slug = job.compiled_report.period.slug
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{slug}-phu-luc.pdf"'
    return response


# --- dashboard ------------------------------------------------------------------------------------


def dashboard(request):
    _require(access.can_view_dashboard(request.user))
    commune = _commune()
    today = timezone.localdate()
    years = calendar_years(commune)
    year = _year(request, _default_year(years, today))
    data = dashboard_data(commune, year, today=today)
    return render(request, "reporting/dashboard.html", {"data": data, "years": years})
