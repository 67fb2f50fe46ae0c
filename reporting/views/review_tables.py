"""The review result tables of an approved round (TT 07/2021/TT-BLĐTBXH Phụ lục VII) on the round's
own page, as one Excel workbook and as a landscape PDF, and the chairman's recognition decision
(QĐ 24/2021/QĐ-TTg Mẫu số 02) with its four lists annexed. The downloads carry names (personal
data): each one is written to the access log."""

import tempfile

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from households.models import ReviewRound
from reporting.documents.review_decision import build_decision, render_decision_pdf
from reporting.documents.review_pdf import write_review_pdf
from reporting.documents.review_tables import build_review_tables
from reporting.documents.review_xlsx import write_review_xlsx
from reporting.export_tasks import export_job_start, review_list_rows
from reporting.models import DocumentJob
from thoxuan_gnbv import access
from thoxuan_gnbv.background import LARGE_EXPORT_ROWS
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import require

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _round(request, pk) -> ReviewRound:
    require(access.can_view_review_rounds(request.user))
    rounds = access.rounds_visible_to(request.user, ReviewRound.objects.select_related("commune"))
    return get_object_or_404(rounds, pk=pk)


def _tables(review_round):
    """The tables of the round's year; 404 while the round is not approved."""
    if not review_round.is_approved:
        raise Http404
    try:
        return build_review_tables(review_round.commune, review_round.year)
    except ValidationError as error:  # no approved round in the year: nothing to print
        raise Http404 from error


def _download(request, pk):
    require(access.can_download_review_tables(request.user))
    return _round(request, pk)


def _log(request, review_round, action, label):
    log_personal_data_access(
        action=action, request=request, obj=review_round, label=label, commune=review_round.commune
    )


def review_tables(request, pk):
    """The round's result tables on screen (Biểu 01–04) and the downloads."""
    review_round = _round(request, pk)
    tables = _tables(review_round) if review_round.is_approved else None
    return render(
        request,
        "reporting/review_tables.html",
        {
            "review_round": review_round,
            "doc": tables,
            "can_download": access.can_download_review_tables(request.user),
        },
    )


def review_tables_xlsx(request, pk):
    review_round = _download(request, pk)
    tables = _tables(review_round)
    if review_list_rows(tables) > LARGE_EXPORT_ROWS:  # the lists of a large commune: written by the worker
        job = export_job_start(
            kind=DocumentJob.Kind.REVIEW_XLSX,
            commune=review_round.commune,
            user=request.user,
            params={"year": tables.year, "round": review_round.pk},
        )
        return redirect("reporting:job_detail", pk=job.pk)
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 — closed by the response that streams it
    write_review_xlsx(tables, handle)
    handle.seek(0)
    _log(request, review_round, AccessAction.EXPORT_XLSX, f"Biểu kết quả rà soát năm {tables.year}")
    return FileResponse(handle, as_attachment=True, filename=f"{tables.filename}.xlsx", content_type=XLSX)


def review_tables_pdf(request, pk):
    review_round = _download(request, pk)
    tables = _tables(review_round)
    handle = tempfile.TemporaryFile(suffix=".pdf")  # noqa: SIM115 — closed by the response that streams it
    write_review_pdf(tables, handle)
    handle.seek(0)
    _log(request, review_round, AccessAction.DOWNLOAD_PDF, f"Biểu kết quả rà soát năm {tables.year}")
    return FileResponse(handle, as_attachment=True, filename=f"{tables.filename}.pdf")


def review_decision_pdf(request, pk):
    review_round = _download(request, pk)
    if not review_round.is_approved:
        raise Http404
    decision = build_decision(review_round)
    content = render_decision_pdf(decision)
    _log(request, review_round, AccessAction.DOWNLOAD_PDF, f"Quyết định công nhận năm {review_round.year}")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{decision.frame.filename}"'
    return response
