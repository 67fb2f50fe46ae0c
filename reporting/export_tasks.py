"""Exports that grow with the registry, run by the background worker (Django 6 tasks, django-tasks-db):
the household workbook of the list's filter when it selects more than ``LARGE_EXPORT_ROWS`` households,
and the compiled report's annex as an Excel list (no row limit, unlike its PDF). The workbook is
written row by row (openpyxl write-only) to a temporary file, then copied in chunks to the job's file
in the media storage; the page polls the job's progress (``reporting:job_detail``).

The PDFs of an approved review round whose lists pass the thresholds of ``thoxuan_gnbv.background``
(the certificates, the result tables, the recognition decision with its annexed lists) are written the
same way: laid out in bounded parts, merged with pypdf into the temporary file, copied to the job's file.
So are the minutes of a khu phố meeting that voted on more than ``MINUTES_PDF_JOB_ROWS`` households."""

import tempfile
from types import SimpleNamespace

from django.core.files import File
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect
from django.tasks import task
from django.utils import timezone
from openpyxl import Workbook

from reporting.models import DocumentJob
from thoxuan_gnbv.formatting import format_number
from thoxuan_gnbv.viewkit import request_commune

PROGRESS_EVERY = 2000  # rows between two progress updates (one UPDATE each)
ANNEX_HEADERS = ["TT", "Mã hộ", "Chủ hộ", "Khu phố", "Dự án", "Giá trị hỗ trợ (đồng)"]


def _progress(job_id: int, progress: int, message: str, **fields) -> None:
    DocumentJob.objects.filter(pk=job_id).update(progress=progress, message=message, **fields)


def _counted(rows, job_id: int, total: int):
    """Pass ``rows`` through, updating the job's progress every ``PROGRESS_EVERY`` rows."""
    for done, row in enumerate(rows, start=1):
        yield row
        if done % PROGRESS_EVERY == 0:
            _progress(
                job_id,
                min(95, 5 + 90 * done // max(total, 1)),
                f"Đã ghi {format_number(done)} / {format_number(total)} dòng…",
            )


def _finish(job: DocumentJob, handle, filename: str, count: int) -> None:
    handle.seek(0)
    job.file.save(filename, File(handle), save=False)
    pages = {"pages": count} if job.is_pdf else {}
    DocumentJob.objects.filter(pk=job.pk).update(
        file=job.file.name,
        filename=filename,
        status=DocumentJob.Status.DONE,
        progress=100,
        message=f"Đã xong: {format_number(count)} {'trang' if job.is_pdf else 'dòng'}.",
        finished_at=timezone.now(),
        **pages,
    )


def _run(job_id: int, commune_id: int, kind: str, write) -> int:
    """Run ``write(job, handle) -> (filename, rows or pages)`` for the job, recording failure on it."""
    job = DocumentJob.objects.select_related("commune", "requested_by", "compiled_report__period").get(
        pk=job_id, commune_id=commune_id, kind=kind
    )
    _progress(job_id, 5, "Đang đọc dữ liệu…", status=DocumentJob.Status.RUNNING)
    try:
        with tempfile.TemporaryFile(suffix=".pdf" if job.is_pdf else ".xlsx") as handle:
            filename, rows = write(job, handle)
            _finish(job, handle, filename, rows)
    except Exception as error:  # the page must show the failure rather than spin forever
        _progress(job_id, 100, f"Không tạo được tệp: {error}"[:255], status=DocumentJob.Status.FAILED)
        raise
    return rows


@task()
def export_households_job(job_id: int, commune_id: int) -> int:
    """The household workbook of the list's filter (``params["query"]``), in the requester's scope."""
    from functools import partial

    from households.services.exporting import export_rows, write_workbook
    from households.views.registry import filtered_households
    from households.workbook import layout_for_year
    from thoxuan_gnbv import access

    def write(job, handle):
        user = job.requested_by
        # The same selection as the list page showed the officer: the filter, in the officer's scope.
        request = SimpleNamespace(GET=QueryDict(job.params.get("query", "")), user=user)
        household_filter, households = filtered_households(request, job.commune)
        year = household_filter.selected_year
        total = households.count()
        layout = layout_for_year(year)
        rows = export_rows(
            households, year, layout, reveal_national_id=partial(access.can_see_national_id_in, user)
        )
        write_workbook(_counted(rows, job.pk, total), handle, layout=layout)
        return f"ho-gia-dinh-{year}.xlsx", total

    return _run(job_id, commune_id, DocumentJob.Kind.HOUSEHOLDS_XLSX, write)


@task()
def export_annex_job(job_id: int, commune_id: int) -> int:
    """The compiled report's annex (households supported in the period) as an Excel list."""
    from reporting.documents.annex import annex_count
    from reporting.documents.annex_pdf import database_parts

    def write(job, handle):
        compiled = job.compiled_report
        total = annex_count(compiled)
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Phụ lục")
        sheet.append([f"Danh sách hộ được hỗ trợ – {compiled.period.label}"])
        sheet.append(ANNEX_HEADERS)
        rows = (
            [row.number, row.code, row.head_name, row.neighborhood, row.components, row.amount]
            for part in database_parts(compiled)
            for row in part
        )
        for values in _counted(rows, job.pk, total):
            sheet.append(values)
        book.save(handle)
        return f"phu-luc-{compiled.period.slug}.xlsx", total

    return _run(job_id, commune_id, DocumentJob.Kind.ANNEX_XLSX, write)


@task()
def export_review_tables_job(job_id: int, commune_id: int) -> int:
    """The review result tables of a year with their four name lists (``params["year"]``)."""
    from reporting.documents.review_tables import build_review_tables
    from reporting.documents.review_xlsx import write_review_xlsx

    def write(job, handle):
        tables = build_review_tables(job.commune, job.params["year"])
        _progress(job.pk, 20, "Đang ghi biểu và danh sách hộ…")
        write_review_xlsx(tables, handle)
        return f"{tables.filename}.xlsx", tables.list_row_count

    return _run(job_id, commune_id, DocumentJob.Kind.REVIEW_XLSX, write)


# About 20 name-list rows a landscape A4 page (measured: 533 rows, 29 pages with the four tables):
# the scale of the progress bar of a round's PDF, whose parts report pages.
LIST_ROWS_PER_PAGE = 20


def _on_pages(job_id: int, expected: int):
    """A part's callback: the job's progress from the pages laid out so far out of ``expected``."""

    def report(pages: int) -> None:
        done = format_number(pages) + (f" / {format_number(expected)}" if pages <= expected else "")
        message = f"Đã dàn {done} trang…"
        _progress(job_id, min(95, 10 + 85 * pages // max(expected, 1)), message, pages=pages)

    return report


def _review_round(job: DocumentJob):
    from households.models import ReviewRound

    return ReviewRound.objects.select_related("commune").get(pk=job.params["round"], commune=job.commune)


@task()
def render_certificates_job(job_id: int, commune_id: int) -> int:
    """The certificates (Mẫu số 03) of an approved round's list (``params``: round, category,
    khu phố), in the requester's scope, the CCCD masked as the requester would see it."""
    from reporting.documents.certificate_batch import round_certificates, write_certificates

    def write(job, handle):
        selection = round_certificates(
            job.requested_by,
            _review_round(job),
            category=job.params.get("category", ""),
            neighborhood_id=job.params.get("neighborhood"),
        )
        total = selection.reviews.count()
        _progress(job.pk, 10, f"Đang dàn {format_number(total)} giấy chứng nhận…")
        pages = write_certificates(
            selection.reviews,
            handle,
            can_see_national_id=selection.can_see_national_id,
            on_chunk=_on_pages(job.pk, total),
        )
        return selection.filename, pages

    return _run(job_id, commune_id, DocumentJob.Kind.CERTIFICATES_PDF, write)


@task()
def render_review_tables_pdf_job(job_id: int, commune_id: int) -> int:
    """The review result tables of a year with their four name lists as one PDF (``params["year"]``)."""
    from reporting.documents.review_pdf import write_review_pdf
    from reporting.documents.review_tables import build_review_tables

    def write(job, handle):
        tables = build_review_tables(job.commune, job.params["year"])
        expected = 1 + tables.list_row_count // LIST_ROWS_PER_PAGE
        pages = write_review_pdf(tables, handle, on_part=_on_pages(job.pk, expected))
        return f"{tables.filename}.pdf", pages

    return _run(job_id, commune_id, DocumentJob.Kind.REVIEW_TABLES_PDF, write)


@task()
def render_decision_pdf_job(job_id: int, commune_id: int) -> int:
    """The recognition decision of an approved round with its four annexed lists (Phụ lục I–IV)."""
    from reporting.documents.review_decision import build_decision, write_decision_pdf

    def write(job, handle):
        decision = build_decision(_review_round(job))
        expected = 1 + decision.tables.list_row_count // LIST_ROWS_PER_PAGE
        pages = write_decision_pdf(decision, handle, on_part=_on_pages(job.pk, expected))
        return decision.frame.filename, pages

    return _run(job_id, commune_id, DocumentJob.Kind.DECISION_PDF, write)


# About 30 vote rows a portrait A4 page (measured: 1,000 rows, 32 pages with the heading): the scale
# of the minutes' progress bar.
MINUTES_ROWS_PER_PAGE = 30


@task()
def render_meeting_minutes_job(job_id: int, commune_id: int) -> int:
    """Biên bản họp dân of a khu phố meeting (``params["meeting"]``), in the requester's scope as
    the view checked it: who may no longer see the meeting gets a failed job, not the names."""
    from reporting.documents.meeting_minutes import build_meeting_minutes
    from reporting.documents.minutes_pdf import write_minutes_pdf
    from reporting.messages import MEETING_OUT_OF_SCOPE
    from reporting.queries import meetings_visible_to

    def write(job, handle):
        meetings = meetings_visible_to(job.requested_by).filter(round__commune_id=job.commune_id)
        meeting = meetings.filter(pk=job.params["meeting"]).first()
        if meeting is None:
            raise PermissionError(MEETING_OUT_OF_SCOPE)
        doc = build_meeting_minutes(meeting)
        expected = 1 + doc.voted // MINUTES_ROWS_PER_PAGE
        pages = write_minutes_pdf(doc, handle, on_part=_on_pages(job.pk, expected))
        return doc.frame.filename, pages

    return _run(job_id, commune_id, DocumentJob.Kind.MEETING_MINUTES_PDF, write)


TASKS = {
    DocumentJob.Kind.HOUSEHOLDS_XLSX: export_households_job,
    DocumentJob.Kind.ANNEX_XLSX: export_annex_job,
    DocumentJob.Kind.REVIEW_XLSX: export_review_tables_job,
    DocumentJob.Kind.CERTIFICATES_PDF: render_certificates_job,
    DocumentJob.Kind.REVIEW_TABLES_PDF: render_review_tables_pdf_job,
    DocumentJob.Kind.DECISION_PDF: render_decision_pdf_job,
    DocumentJob.Kind.MEETING_MINUTES_PDF: render_meeting_minutes_job,
}


def export_job_start(*, kind: str, commune, user, params=None, compiled=None) -> DocumentJob:
    """Queue an export; the worker picks it up after the commit."""
    job = DocumentJob.objects.create(
        kind=kind, commune=commune, compiled_report=compiled, params=params or {}, requested_by=user
    )

    def enqueue():
        result = TASKS[kind].enqueue(job_id=job.pk, commune_id=commune.pk)
        DocumentJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(enqueue)
    return job


def start_households_export(request, *, query: str):
    """The household list's export handed to the worker (registered with ``thoxuan_gnbv.background``)."""
    job = export_job_start(
        kind=DocumentJob.Kind.HOUSEHOLDS_XLSX,
        commune=request_commune(request),
        user=request.user,
        params={"query": query},
    )
    return redirect("reporting:job_detail", pk=job.pk)
