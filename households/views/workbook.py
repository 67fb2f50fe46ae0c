"""The household workbook pages: upload → preview (what will be created, changed, left as is, and the
hand-entered reviews it would overwrite) → confirm exactly the previewed file; the blank template; the
export of the list's current filter."""

import io
from functools import partial

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from households import messages
from households.forms import ImportForm
from households.services.exporting import export_to_tempfile
from households.services.import_preview import (
    KINDS,
    PreviewSummary,
    file_checksum,
    preview_build,
    preview_rows,
    upload_discard,
    upload_path,
    upload_store,
)
from households.services.importing import households_import
from households.services.review import current_round
from households.services.workbook_template import template_write
from households.views.registry import filtered_households
from thoxuan_gnbv import access
from thoxuan_gnbv.background import LARGE_EXPORT_ROWS, start_export
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import int_param, request_commune, require

SESSION_KEY = "household_import"


def household_import(request):
    """Upload: the file is stored under a token and checked; a valid file goes to its preview."""
    require(access.can_import_households(request.user))
    commune = request_commune(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token, checksum = upload_store(upload.chunks())
        try:
            summary = preview_build(commune=commune, token=token, name=upload.name, checksum=checksum)
        except ValidationError as error:
            errors = error.messages
            upload_discard(token)
        except BaseException:
            upload_discard(token)  # never keep an upload nobody can confirm
            raise
        else:
            _forget(request)
            request.session[SESSION_KEY] = summary.to_session()
            return redirect("households:household_import_preview")
    context = {"form": form, "errors": errors, "pending": _pending(request)}
    return render(request, "households/household_import.html", context)


def _pending(request) -> PreviewSummary | None:
    data = request.session.get(SESSION_KEY)
    return PreviewSummary.from_session(data) if isinstance(data, dict) else None


def _forget(request) -> None:
    pending = _pending(request)
    request.session.pop(SESSION_KEY, None)
    if pending:
        upload_discard(pending.token)


def household_import_preview(request):
    """The pending import, a page of one kind of rows at a time."""
    require(access.can_import_households(request.user))
    request_commune(request)
    summary = _pending(request)
    if summary is None:
        flash.error(request, messages.IMPORT_EXPIRED)
        return redirect("households:household_import")
    counts = summary.counts
    default = next((k for k in ("manual", "change", "create") if counts[k]), "same")
    kind = request.GET.get("kind") if request.GET.get("kind") in KINDS else default
    page = int_param(request, "page") or 1
    rows, has_next = preview_rows(summary.token, kind, page)
    tabs = [(key, label, counts[key]) for key, label in KINDS.items() if key != "manual" or counts[key]]
    context = {"summary": summary, "kind": kind, "rows": rows, "page": page, "has_next": has_next}
    return render(request, "households/household_import_preview.html", context | {"tabs": tabs})


@require_POST
def household_import_confirm(request):
    """Apply exactly the previewed file: same checksum, same database state, and — when it overwrites
    reviews entered by hand — the officer's explicit consent. All or nothing."""
    require(access.can_import_households(request.user))
    commune = request_commune(request)
    summary = _pending(request)
    if "cancel" in request.POST:
        _forget(request)
        flash.info(request, "Đã hủy, không nhập gì.")
        return redirect("households:household_import")
    if summary is None or summary.token != request.POST.get("token"):
        flash.error(request, messages.IMPORT_EXPIRED)
        return redirect("households:household_import")
    overwrite = request.POST.get("overwrite_manual") == "1"
    if summary.manual and not overwrite:
        flash.error(request, messages.IMPORT_MANUAL_CONSENT.format(count=summary.manual))
        return redirect("households:household_import_preview")
    path = upload_path(summary.token)
    try:
        if file_checksum(path) != summary.checksum:
            raise ValidationError(messages.IMPORT_FILE_CHANGED)
        with path.open("rb") as handle:
            result = households_import(
                commune=commune,
                fileobj=handle,
                user=request.user,
                expected_fingerprint=summary.fingerprint,
                overwrite_manual=overwrite,
            )
    except (ValidationError, FileNotFoundError) as error:
        _forget(request)
        for message in getattr(error, "messages", [messages.IMPORT_EXPIRED]):
            flash.error(request, message)
        return redirect("households:household_import")
    _forget(request)
    flash.success(
        request,
        f"Đã nhập tệp {summary.name}: thêm {result.created} hộ, cập nhật {result.updated} hộ, "
        f"{result.unchanged} hộ không đổi.",
    )
    return redirect("households:household_list")


def household_import_template(request):
    """The blank workbook: the spec's headers, one example row, the khu phố and x lists."""
    require(access.can_import_households(request.user))
    commune = request_commune(request)
    in_progress = current_round(commune)
    year = in_progress.year if in_progress else timezone.localdate().year
    buffer = io.BytesIO()
    template_write(buffer, commune=commune, year=year)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"mau-ho-gia-dinh-{year}.xlsx")


def household_export(request):
    """The current filter of the list as the household workbook (streamed from a temporary file)."""
    require(access.can_export_households(request.user))
    household_filter, households = filtered_households(request, request_commune(request))
    if households.count() > LARGE_EXPORT_ROWS:  # written by the worker, with a progress page
        queued = start_export("households_xlsx", request, query=request.GET.urlencode())
        if queued is not None:
            return queued
    year = household_filter.selected_year
    handle = export_to_tempfile(
        households, year, reveal_national_id=partial(access.can_see_national_id_in, request.user)
    )
    log_personal_data_access(
        action=AccessAction.EXPORT_XLSX,
        request=request,
        label=f"Danh sách hộ gia đình năm {year}",
        query=request.GET.urlencode(),
    )
    return FileResponse(handle, as_attachment=True, filename=f"ho-gia-dinh-{year}.xlsx")
