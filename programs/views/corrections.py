"""Pages of corrections, the same for the four corrected kinds (support, activity, allocation,
disbursement): edit or void with a reason, the row's correction history, and the requests the chairman
approves or refuses. Scope through ``access`` (404 out of scope, 403 seen but not allowed)."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from programs.forms.corrections import CorrectionEditForm, CorrectionRefuseForm, CorrectionVoidForm
from programs.messages import corrections as msg
from programs.models import CorrectedKind
from programs.queries import corrections as queries
from programs.services import corrections as services
from programs.services.correction_kinds import spec_for
from thoxuan_gnbv import access
from thoxuan_gnbv.statuses import CorrectionStatus
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors, request_commune, require


def row_url(kind: str, row) -> str:
    """The row's own page: support and activities have one; money rows use the correction page."""
    spec = spec_for(kind)
    if spec.detail_url:
        return reverse(spec.detail_url, kwargs={"pk": row.pk})
    return reverse("programs:correction_row", kwargs={"kind": kind, "pk": row.pk})


def _spec(kind: str):
    """The kind named in the URL, or a 404 for any other word."""
    if kind not in CorrectedKind.values:
        raise Http404
    return spec_for(kind)


def _label(spec) -> str:
    name = str(spec.model._meta.verbose_name)
    return name[:1].upper() + name[1:]


def _row_for_change(request, kind, pk):
    spec = _spec(kind)
    row = queries.get_corrected_row(request.user, kind, pk)
    require(spec.can_record(request.user, row), msg.NOT_ALLOWED)
    return spec, row


def _done(request, kind, row, correction):
    if correction.status == CorrectionStatus.REQUESTED:
        flash.warning(request, msg.REQUESTED.format(report=correction.locked_by))
    else:
        flash.success(request, msg.APPLIED)
    return redirect(row_url(kind, row))


def correction_edit(request, kind, pk):
    spec, row = _row_for_change(request, kind, pk)
    form = CorrectionEditForm(request.POST or None, spec=spec, row=row)
    if request.method == "POST" and form.is_valid():
        try:
            correction = services.correction_edit(
                kind=kind,
                obj=row,
                values=form.values(),
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
                user=request.user,
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            return _done(request, kind, row, correction)
    context = {
        "form": form,
        "row": row,
        "label": _label(spec),
        "back": row_url(kind, row),
        "heading": "Sửa số liệu đã ghi",
    }
    return render(request, "programs/correction_form.html", context)


def correction_void(request, kind, pk):
    spec, row = _row_for_change(request, kind, pk)
    form = CorrectionVoidForm(request.POST or None, row=row)
    if request.method == "POST" and form.is_valid():
        try:
            correction = services.correction_void(
                kind=kind,
                obj=row,
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
                user=request.user,
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            return _done(request, kind, row, correction)
    context = {
        "form": form,
        "row": row,
        "label": _label(spec),
        "back": row_url(kind, row),
        "heading": "Hủy bỏ bản ghi",
    }
    return render(request, "programs/correction_form.html", context)


def correction_row(request, kind, pk):
    """A recorded row with its correction history (the page of allocations and disbursements)."""
    spec = _spec(kind)
    row = queries.get_corrected_row(request.user, kind, pk)
    corrections = queries.corrections_of(kind, row.pk)
    context = {
        "row": row,
        "kind": kind,
        "label": _label(spec),
        "fields": [
            (spec.model._meta.get_field(n).verbose_name, services.shown(row, n, spec.money))
            for n in spec.fields
        ],
        "corrections": corrections,
        "can_correct": not row.is_voided and spec.can_record(request.user, row),
        "pending_request": queries.has_pending(corrections),
    }
    return render(request, "programs/correction_row.html", context)


def correction_list(request):
    """Requests awaiting the chairman, and the latest corrections made."""
    require(access.can_view_corrections(request.user))
    commune = request_commune(request)
    context = {
        "pending": queries.pending_corrections(request.user, commune),
        "recent": queries.recent_corrections(request.user, commune),
    }
    return render(request, "programs/correction_list.html", context)


def correction_detail(request, pk):
    require(access.can_view_corrections(request.user))
    correction = queries.get_correction(request.user, pk)
    spec = spec_for(correction.kind)
    row = spec.model.all_objects.get(pk=correction.object_id)
    context = {
        "correction": correction,
        "row": row,
        "row_url": row_url(correction.kind, row),
        "can_decide": access.can_decide_correction(request.user, correction),
        "refuse_form": CorrectionRefuseForm(),
    }
    return render(request, "programs/correction_detail.html", context)


@require_POST
def correction_approve(request, pk):
    correction = queries.get_correction(request.user, pk)
    require(access.can_decide_correction(request.user, correction))
    try:
        services.correction_approve(correction=correction, user=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        flash.success(request, "Đã phê duyệt và áp dụng điều chỉnh.")
    return redirect("programs:correction_detail", pk=pk)


@require_POST
def correction_refuse(request, pk):
    correction = queries.get_correction(request.user, pk)
    require(access.can_decide_correction(request.user, correction))
    form = CorrectionRefuseForm(request.POST)
    if not form.is_valid():
        flash_errors(request, form)
        return redirect("programs:correction_detail", pk=pk)
    try:
        services.correction_refuse(
            correction=correction, comment=form.cleaned_data["comment"], user=request.user
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        flash.success(request, "Đã từ chối đề nghị điều chỉnh.")
    return redirect("programs:correction_detail", pk=pk)
