"""The commune's compiled report: open it, write and submit it, the chairman's approve / return,
and its documents (PDF, Excel, and the PDF with the household annex made in the background)."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from reporting import services
from reporting.documents.annex_pdf import AnnexTooLong, check_annex_size
from reporting.documents.excel import render_compiled_xlsx
from reporting.documents.pdf import render_compiled_pdf
from reporting.documents.report import build_compiled_document
from reporting.export_tasks import export_job_start
from reporting.figures.changes import figure_changes
from reporting.figures.compiled import compiled_figures_stored, fingerprint
from reporting.forms import ApproveForm, CompiledReportForm, ReturnForm
from reporting.models import CompiledStatus, DocumentJob
from reporting.periods import parse_period
from reporting.queries import get_compiled_for_user
from reporting.tasks import document_job_start
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors, request_commune, require


@require_POST
def compiled_start(request, slug):
    require(access.can_compile_report(request.user))
    try:
        period = services.period_open(commune=request_commune(request), period=parse_period(slug))
    except (ValueError, ValidationError) as error:
        # A period outside the approved plans' years (or not in the plan's rules): say why, in Vietnamese.
        flash_errors(request, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        return redirect("reporting:calendar")
    compiled = services.compiled_open(period=period, user=request.user)
    return redirect("reporting:compiled_detail", pk=compiled.pk)


def compiled_detail(request, pk):
    require(access.can_view_compiled_reports(request.user))
    compiled = get_compiled_for_user(request.user, pk)
    can_edit = access.can_compile_report(request.user, compiled)
    form = CompiledReportForm(
        request.POST or None,
        initial={name: getattr(compiled, name) for name in services.compiled.EDITABLE_FIELDS},
        annual=compiled.period.code == "YEAR",
    )
    if request.method == "POST":
        require(can_edit)
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
                apply_service_error(form, error)
    can_approve = access.can_approve_compiled_report(request.user, compiled)
    figures, notice = page_figures(compiled)
    figures_key, changes = "", []
    if can_approve and compiled.status == CompiledStatus.SUBMITTED and figures is not None:
        figures_key = fingerprint(figures)
        changes = figure_changes(compiled.submitted_figures, figures)
    return render(
        request,
        "reporting/report_compiled.html",
        {
            "compiled": compiled,
            "doc": build_compiled_document(compiled, data=figures) if figures is not None else None,
            "figures_notice": notice,
            "form": form if can_edit else None,
            "can_approve": can_approve,
            "approve_form": ApproveForm(
                action=reverse("reporting:compiled_approve", args=[compiled.pk]),
                initial={"issued_on": timezone.localdate(), "confirmed_figures": figures_key},
            ),
            "figure_changes": changes,
            "return_form": ReturnForm(action=reverse("reporting:compiled_return", args=[compiled.pk])),
            "transitions": compiled.transitions.select_related("actor"),
            # The annex lists households (personal data): offered to those who may export lists.
            "can_export": access.can_export_households(request.user),
        },
    )


def page_figures(compiled) -> tuple[dict | None, str]:
    """The figures a page shows: the approved snapshot, else those the worker last stored (never
    computed on the request; None with a notice while being computed)."""
    if compiled.is_approved and compiled.snapshot:
        return compiled.snapshot, ""
    return compiled_figures_stored(compiled.period, cutoff=compiled.figures_cutoff)


@require_POST
def compiled_approve(request, pk):
    compiled = get_compiled_for_user(request.user, pk)
    require(access.is_approver(request.user))
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            services.compiled_approve(compiled=compiled, user=request.user, **form.cleaned_data)
            flash.success(request, "Đã phê duyệt và ban hành báo cáo.")
            return redirect("reporting:compiled_detail", pk=compiled.pk)
        except ValidationError as error:
            apply_service_error(form, error)
    flash_errors(request, form)
    return redirect("reporting:compiled_detail", pk=compiled.pk)


@require_POST
def compiled_return(request, pk):
    compiled = get_compiled_for_user(request.user, pk)
    require(access.is_approver(request.user))
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.compiled_return(
                compiled=compiled, user=request.user, comment=form.cleaned_data["comment"]
            )
            flash.success(request, "Đã trả lại báo cáo tổng hợp.")
        except ValidationError as error:
            flash_errors(request, error)
    else:
        flash_errors(request, form)
    return redirect("reporting:compiled_detail", pk=compiled.pk)


def compiled_pdf(request, pk):
    require(access.can_view_compiled_reports(request.user))
    doc = build_compiled_document(get_compiled_for_user(request.user, pk))
    content, _ = render_compiled_pdf(doc)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{doc.frame.filename}"'
    return response


def compiled_xlsx(request, pk):
    require(access.can_view_compiled_reports(request.user))
    compiled = get_compiled_for_user(request.user, pk)
    doc = build_compiled_document(compiled)
    response = HttpResponse(
        render_compiled_xlsx(doc, commune=compiled.period.commune),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{doc.frame.filename[:-4]}.xlsx"'
    return response


@require_POST
def compiled_pdf_job(request, pk):
    """Queue the PDF with the household annex (personal data: only those who may export lists)."""
    compiled = get_compiled_for_user(request.user, pk)
    require(access.can_export_households(request.user))
    try:  # a list too long to print goes to the Excel list instead (one COUNT query)
        check_annex_size(compiled)
    except AnnexTooLong as error:
        flash.error(request, str(error))
        return redirect("reporting:compiled_detail", pk=compiled.pk)
    job = document_job_start(compiled=compiled, user=request.user)
    return redirect("reporting:job_detail", pk=job.pk)


@require_POST
def compiled_annex_xlsx(request, pk):
    """Queue the annex as an Excel list (no row limit: the list a too-long PDF annex refers to)."""
    compiled = get_compiled_for_user(request.user, pk)
    require(access.can_export_households(request.user))
    job = export_job_start(
        kind=DocumentJob.Kind.ANNEX_XLSX,
        commune=compiled.period.commune,
        user=request.user,
        compiled=compiled,
    )
    return redirect("reporting:job_detail", pk=job.pk)
