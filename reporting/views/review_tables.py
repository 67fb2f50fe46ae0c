"""The review result tables of an approved round (TT 07/2021/TT-BLĐTBXH Phụ lục VII) on the round's
own page, as one Excel workbook and as a landscape PDF, and the chairman's recognition decision
(QĐ 24/2021/QĐ-TTg Mẫu số 02) with its four lists annexed. The downloads carry names (personal
data): each one is written to the access log. Lists longer than the background thresholds
(``LARGE_EXPORT_ROWS`` for the workbook, ``REVIEW_PDF_JOB_ROWS`` for the PDFs) are written by the
worker for the officer who asked, and logged when they download the file (``reporting:job_download``).

No request walks the registry: the page and the downloads' size decision read the figures the worker
stored (``review_tables_stored``, one query); until it has computed them the page says so and a
download goes to the worker. An immediate download is small by definition and writes the figures as
the data stand now."""

import tempfile

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from households.models import ReviewRound
from reporting.documents.review_decision import build_decision, write_decision_pdf
from reporting.documents.review_pdf import write_review_pdf
from reporting.documents.review_tables import build_review_tables
from reporting.documents.review_xlsx import write_review_xlsx
from reporting.export_tasks import export_job_start
from reporting.figures.review_tables_stored import review_tables_stored, stored_tables_figures
from reporting.models import DocumentJob
from thoxuan_gnbv import access, stored_figures
from thoxuan_gnbv.background import LARGE_EXPORT_ROWS, REVIEW_PDF_JOB_ROWS
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import require

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _round(request, pk) -> ReviewRound:
    require(access.can_view_review_rounds(request.user))
    rounds = access.rounds_visible_to(request.user, ReviewRound.objects.select_related("commune"))
    return get_object_or_404(rounds, pk=pk)


def _tables(review_round, figures=None):
    """The tables of the round's year (from ``figures`` when a page read them); 404 while the round
    is not approved."""
    if not review_round.is_approved:
        raise Http404
    try:
        return build_review_tables(review_round.commune, review_round.year, figures)
    except ValidationError as error:  # no approved round in the year: nothing to print
        raise Http404 from error


def _stored_list_rows(review_round) -> int | None:
    """The rows of the year's four name lists as stored (None until the worker computed them); 404
    while the round is not approved."""
    if not review_round.is_approved:
        raise Http404
    figures = stored_tables_figures(review_tables_stored(review_round.commune, review_round.year))
    return figures.list_row_count if figures is not None else None


def _goes_to_worker(rows: int | None, threshold: int) -> bool:
    """Lists not counted yet, or longer than ``threshold``: the document is written by the worker."""
    return rows is None or rows > threshold


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
    tables, notice = None, ""
    if review_round.is_approved:
        stored = review_tables_stored(review_round.commune, review_round.year)
        figures = stored_tables_figures(stored)
        tables = _tables(review_round, figures) if figures is not None else None
        notice = stored.notice if figures is not None else stored_figures.COMPUTING
    return render(
        request,
        "reporting/review_tables.html",
        {
            "review_round": review_round,
            "doc": tables,
            "notice": notice,
            "can_download": access.can_download_review_tables(request.user),
        },
    )


def _queued(request, review_round, kind, label: str):
    """The document handed to the worker: the progress page of its job. ``label`` is what the
    access log says of the file when it is downloaded (the words of an immediate download)."""
    job = export_job_start(
        kind=kind,
        commune=review_round.commune,
        user=request.user,
        params={"year": review_round.year, "round": review_round.pk, "label": label},
    )
    return redirect("reporting:job_detail", pk=job.pk)


def review_tables_xlsx(request, pk):
    review_round = _download(request, pk)
    label = f"Biểu kết quả rà soát năm {review_round.year}"
    # The lists of a large commune (or not counted yet): written by the worker.
    if _goes_to_worker(_stored_list_rows(review_round), LARGE_EXPORT_ROWS):
        return _queued(request, review_round, DocumentJob.Kind.REVIEW_XLSX, label)
    tables = _tables(review_round)
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 — closed by the response that streams it
    write_review_xlsx(tables, handle)
    handle.seek(0)
    _log(request, review_round, AccessAction.EXPORT_XLSX, label)
    return FileResponse(handle, as_attachment=True, filename=f"{tables.filename}.xlsx", content_type=XLSX)


def review_tables_pdf(request, pk):
    review_round = _download(request, pk)
    label = f"Biểu kết quả rà soát năm {review_round.year}"
    # Tens of pages of lists (or not counted yet): laid out by the worker.
    if _goes_to_worker(_stored_list_rows(review_round), REVIEW_PDF_JOB_ROWS):
        return _queued(request, review_round, DocumentJob.Kind.REVIEW_TABLES_PDF, label)
    tables = _tables(review_round)
    handle = tempfile.TemporaryFile(suffix=".pdf")  # noqa: SIM115 — closed by the response that streams it
    write_review_pdf(tables, handle)
    handle.seek(0)
    _log(request, review_round, AccessAction.DOWNLOAD_PDF, label)
    return FileResponse(handle, as_attachment=True, filename=f"{tables.filename}.pdf")


def review_decision_pdf(request, pk):
    review_round = _download(request, pk)
    label = f"Quyết định công nhận năm {review_round.year}"
    # The four annexed lists (or not counted yet): by the worker.
    if _goes_to_worker(_stored_list_rows(review_round), REVIEW_PDF_JOB_ROWS):
        return _queued(request, review_round, DocumentJob.Kind.DECISION_PDF, label)
    decision = build_decision(review_round)
    handle = tempfile.TemporaryFile(suffix=".pdf")  # noqa: SIM115 — closed by the response that streams it
    write_decision_pdf(decision, handle)
    handle.seek(0)
    _log(request, review_round, AccessAction.DOWNLOAD_PDF, label)
    return FileResponse(handle, as_attachment=True, filename=decision.frame.filename)
