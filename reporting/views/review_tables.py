"""The review result tables of an approved round (TT 07/2021/TT-BLĐTBXH Phụ lục VII) on the round's
own page, as one Excel workbook and as a landscape PDF, and the chairman's recognition decision
(QĐ 24/2021/QĐ-TTg Mẫu số 02) with its four lists annexed. The downloads carry names (personal
data): each one is written to the access log. Lists longer than the background thresholds
(``LARGE_EXPORT_ROWS`` for the workbook, ``REVIEW_PDF_JOB_ROWS`` for the PDFs) are written by the
worker for the officer who asked, and logged when they download the file (``reporting:job_download``)."""

import tempfile

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from households.models import ReviewRound
from reporting.documents.review_decision import build_decision, write_decision_pdf
from reporting.documents.review_pdf import write_review_pdf
from reporting.documents.review_tables import build_review_tables
from reporting.documents.review_xlsx import write_review_xlsx
from reporting.export_tasks import export_job_start, review_list_rows
from reporting.models import DocumentJob
from thoxuan_gnbv import access
from thoxuan_gnbv.background import LARGE_EXPORT_ROWS, REVIEW_PDF_JOB_ROWS
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


def _queued(request, review_round, tables, kind, label: str):
    """The document handed to the worker: the progress page of its job. ``label`` is what the
    access log says of the file when it is downloaded (the words of an immediate download)."""
    job = export_job_start(
        kind=kind,
        commune=review_round.commune,
        user=request.user,
        params={"year": tables.year, "round": review_round.pk, "label": label},
    )
    return redirect("reporting:job_detail", pk=job.pk)


def review_tables_xlsx(request, pk):
    review_round = _download(request, pk)
    tables = _tables(review_round)
    label = f"Biểu kết quả rà soát năm {tables.year}"
    if review_list_rows(tables) > LARGE_EXPORT_ROWS:  # the lists of a large commune: written by the worker
        return _queued(request, review_round, tables, DocumentJob.Kind.REVIEW_XLSX, label)
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 — closed by the response that streams it
    write_review_xlsx(tables, handle)
    handle.seek(0)
    _log(request, review_round, AccessAction.EXPORT_XLSX, label)
    return FileResponse(handle, as_attachment=True, filename=f"{tables.filename}.xlsx", content_type=XLSX)


def review_tables_pdf(request, pk):
    review_round = _download(request, pk)
    tables = _tables(review_round)
    label = f"Biểu kết quả rà soát năm {tables.year}"
    if review_list_rows(tables) > REVIEW_PDF_JOB_ROWS:  # tens of pages of lists: laid out by the worker
        return _queued(request, review_round, tables, DocumentJob.Kind.REVIEW_TABLES_PDF, label)
    handle = tempfile.TemporaryFile(suffix=".pdf")  # noqa: SIM115 — closed by the response that streams it
    write_review_pdf(tables, handle)
    handle.seek(0)
    _log(request, review_round, AccessAction.DOWNLOAD_PDF, label)
    return FileResponse(handle, as_attachment=True, filename=f"{tables.filename}.pdf")


def review_decision_pdf(request, pk):
    review_round = _download(request, pk)
    if not review_round.is_approved:
        raise Http404
    decision = build_decision(review_round)
    label = f"Quyết định công nhận năm {review_round.year}"
    if review_list_rows(decision.tables) > REVIEW_PDF_JOB_ROWS:  # the four annexed lists: by the worker
        return _queued(request, review_round, decision.tables, DocumentJob.Kind.DECISION_PDF, label)
    handle = tempfile.TemporaryFile(suffix=".pdf")  # noqa: SIM115 — closed by the response that streams it
    write_decision_pdf(decision, handle)
    handle.seek(0)
    _log(request, review_round, AccessAction.DOWNLOAD_PDF, label)
    return FileResponse(handle, as_attachment=True, filename=decision.frame.filename)
