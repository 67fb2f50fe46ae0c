"""Background jobs (Django 6 tasks, run by the django-tasks-db worker: ``manage.py db_worker``).

A compiled report with its household annex runs past 30 pages: rendering it inside a request would
keep the officer waiting (and a proxy may cut the request), so the page queues a ``DocumentJob``
and shows its progress while the worker renders it.
"""

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from reporting.documents.pdf_parts import ROWS_PER_PAGE
from reporting.models import CompiledReport, DocumentJob


def _progress(job_id: int, progress: int, message: str, **fields) -> None:
    DocumentJob.objects.filter(pk=job_id).update(progress=progress, message=message, **fields)


@task()
def render_compiled_pdf_job(job_id: int, commune_id: int) -> int:
    """Render the compiled report PDF (with the household annex) for ``job_id``; returns the pages.
    The job names its commune: the worker reads only that commune's compiled report. The annex is
    read and laid out a part at a time (``annex_pdf``), so memory stays that of one part."""
    from reporting.documents.annex_pdf import check_annex_size, render_compiled_with_annex
    from reporting.documents.pdf import render_compiled_pdf
    from reporting.documents.report import build_compiled_document

    job = DocumentJob.objects.select_related("compiled_report").get(
        pk=job_id, compiled_report__period__commune_id=commune_id
    )
    _progress(job_id, 5, "Đang lấy số liệu…", status=DocumentJob.Status.RUNNING)
    try:
        compiled = CompiledReport.objects.select_related(
            "period__commune", "period__plan__program", "approved_by"
        ).get(pk=job.compiled_report_id, period__commune_id=commune_id)
        doc = build_compiled_document(compiled)
        if job.with_annex:
            households = check_annex_size(compiled)
            expected = max(1, households // ROWS_PER_PAGE)  # the progress bar's scale
            _progress(job_id, 10, f"Đang dàn trang ({households} hộ trong phụ lục)…")
            content, pages = render_compiled_with_annex(
                compiled,
                doc,
                on_part=lambda n: _progress(
                    job_id, min(95, 10 + 85 * n // expected), f"Đã dàn {n} trang…", pages=n
                ),
            )
        else:
            content, pages = render_compiled_pdf(doc)
    except Exception as error:  # the page must show the failure rather than spin forever
        _progress(job_id, 100, f"Không tạo được tệp: {error}"[:255], status=DocumentJob.Status.FAILED)
        raise
    _progress(
        job_id,
        100,
        f"Đã xong: {pages} trang.",
        status=DocumentJob.Status.DONE,
        pages=pages,
        content=content,
        finished_at=timezone.now(),
    )
    return pages


def document_job_start(*, compiled: CompiledReport, user, with_annex: bool = True) -> DocumentJob:
    """Queue the large PDF of a compiled report; the worker picks it up after the commit."""
    job = DocumentJob.objects.create(compiled_report=compiled, with_annex=with_annex, requested_by=user)

    def enqueue():
        result = render_compiled_pdf_job.enqueue(job_id=job.pk, commune_id=compiled.period.commune_id)
        DocumentJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(enqueue)
    return job
