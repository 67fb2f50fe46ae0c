import uuid
from functools import partial
from pathlib import Path

from django.conf import settings
from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from households.forms import ImportForm
from households.services.exporting import export_to_tempfile
from households.services.importing import households_import
from households.services.workbook_checks import workbook_read
from households.views.registry import filtered_households
from thoxuan_gnbv import access
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import request_commune, require

SESSION_KEY = "household_import"


def _upload_dir() -> Path:
    directory = Path(settings.MEDIA_ROOT) / "imports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def household_import(request):
    """Upload → preview of creates/updates and every row error → confirm (all or nothing)."""
    require(access.can_import_households(request.user))
    commune = request_commune(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    plan = None
    errors = []
    if request.method == "POST" and form.is_valid():
        token = uuid.uuid4().hex
        path = _upload_dir() / f"{token}.xlsx"
        with path.open("wb") as target:
            for chunk in form.cleaned_data["file"].chunks():
                target.write(chunk)
        try:
            with path.open("rb") as handle:
                plan = workbook_read(handle, commune=commune)
        except ValidationError as error:
            errors = error.messages
        except BaseException:
            path.unlink(missing_ok=True)  # never keep an upload nobody can confirm
            raise
        if plan is not None and plan.ok:
            _forget(request)
            request.session[SESSION_KEY] = {"token": token, "name": form.cleaned_data["file"].name}
        else:
            errors = errors or plan.errors
            path.unlink(missing_ok=True)
    return render(
        request,
        "households/household_import.html",
        {"form": form, "plan": plan, "errors": errors},
    )


def _forget(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        (_upload_dir() / f"{pending['token']}.xlsx").unlink(missing_ok=True)


@require_POST
def household_import_confirm(request):
    require(access.can_import_households(request.user))
    commune = request_commune(request)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("token") != request.POST.get("token"):
        flash.error(request, "Phiên nhập tệp đã hết hạn: hãy tải tệp lên lại.")
        return redirect("households:household_import")
    path = _upload_dir() / f"{pending['token']}.xlsx"
    try:
        with path.open("rb") as handle:
            result = households_import(commune=commune, fileobj=handle, user=request.user)
    except (ValidationError, FileNotFoundError) as error:
        _forget(request)
        for message in getattr(error, "messages", ["Không đọc được tệp đã tải lên: hãy tải lên lại."]):
            flash.error(request, message)
        return redirect("households:household_import")
    _forget(request)
    flash.success(
        request, f"Đã nhập tệp {pending['name']}: thêm {result.created} hộ, cập nhật {result.updated} hộ."
    )
    return redirect("households:household_list")


def household_export(request):
    """The current filter of the list as the household workbook (streamed from a temporary file)."""
    require(access.can_export_households(request.user))
    household_filter, households = filtered_households(request, request_commune(request))
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
