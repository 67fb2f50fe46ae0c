"""A background document job (the compiled report with its household annex, a large export): its
progress page and the download, for the officer who asked for it."""

import datetime

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from households.models import Meeting, ReviewRound
from reporting.models import DocumentJob
from reporting.queries import get_job_for_user
from thoxuan_gnbv import access
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import require


def _job(request, pk) -> DocumentJob:
    # The job holds a household list: only its requester (or an administrator) of its commune sees it.
    return get_job_for_user(request.user, pk)


# A worker polls the queue every second or so: a job still waiting after a minute means none runs.
WORKER_PICKUP = datetime.timedelta(minutes=1)


def no_worker_yet(job: DocumentJob, now: datetime.datetime | None = None) -> bool:
    """Still queued a minute after it was asked for: no background worker has taken the job."""
    now = now or timezone.now()
    return job.status == DocumentJob.Status.QUEUED and now - job.created_at >= WORKER_PICKUP


def job_detail(request, pk):
    job = _job(request, pk)
    return render(request, "reporting/report_job.html", {"job": job, "no_worker": no_worker_yet(job)})


LABELS = {
    DocumentJob.Kind.ANNEX_XLSX: "Báo cáo {slug} – danh sách hộ được hỗ trợ (Excel)",
    DocumentJob.Kind.HOUSEHOLDS_XLSX: "Danh sách hộ gia đình (Excel, tiến trình nền)",
    DocumentJob.Kind.REVIEW_XLSX: "Biểu kết quả rà soát và danh sách hộ (Excel, tiến trình nền)",
    DocumentJob.Kind.PROVINCE_XLSX: "Biểu tổng hợp kết quả rà soát của tỉnh (Excel, tiến trình nền)",
}


def job_download(request, pk):
    return _download(request, _job(request, pk))


def _province_job(request, pk) -> DocumentJob:
    # The province level's own pages (no commune opened): only the province's jobs, to its viewer.
    require(access.is_province_viewer(request.user))
    return get_job_for_user(request.user, pk, province_only=True)


@require_GET
def province_job(request, pk):
    job = _province_job(request, pk)
    return render(request, "reporting/report_job.html", {"job": job, "no_worker": no_worker_yet(job)})


@require_GET
def province_job_download(request, pk):
    return _download(request, _province_job(request, pk))


# The PDFs of an approved review round: logged as their immediate download is, against the round.
ROUND_PDFS = {
    DocumentJob.Kind.CERTIFICATES_PDF,
    DocumentJob.Kind.REVIEW_TABLES_PDF,
    DocumentJob.Kind.DECISION_PDF,
}


def _round_pdf(request, job):
    review_round = ReviewRound.objects.filter(pk=job.params.get("round"), commune_id=job.commune_id).first()
    # The row belongs to the round's commune.
    return _logged_pdf(
        request, job, review_round, label=job.params.get("label", ""), query=job.params.get("query", "")
    )


def _minutes_pdf(request, job):
    """Logged as the immediate download of the minutes is: against the meeting, in its commune."""
    meetings = Meeting.objects.select_related("neighborhood")  # its label names the khu phố
    meeting = meetings.filter(pk=job.params.get("meeting"), round__commune_id=job.commune_id).first()
    return _logged_pdf(request, job, meeting, commune=job.commune)


def _logged_pdf(request, job, obj, **logged):
    """A background PDF's file, its download logged against ``obj`` as the immediate download is."""
    log_personal_data_access(action=AccessAction.DOWNLOAD_PDF, request=request, obj=obj, **logged)
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)


def _download(request, job):
    if job.status != DocumentJob.Status.DONE or not (job.content or job.file):
        raise Http404
    if job.kind in ROUND_PDFS:
        return _round_pdf(request, job)
    if job.kind == DocumentJob.Kind.MEETING_MINUTES_PDF:
        return _minutes_pdf(request, job)
    if job.file:  # an export: written to the media storage, streamed from there
        log_personal_data_access(
            action=AccessAction.EXPORT_XLSX,
            request=request,
            obj=job.compiled_report,
            label=LABELS[job.kind].format(
                slug=job.compiled_report.period.slug if job.compiled_report else ""
            ),
            query=job.params.get("query", ""),
        )
        return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)
    log_personal_data_access(
        action=AccessAction.DOWNLOAD_PDF,
        request=request,
        obj=job.compiled_report,
        label=f"Báo cáo {job.compiled_report.period.slug} – phụ lục danh sách hộ",
    )
    response = HttpResponse(bytes(job.content), content_type="application/pdf")
    slug = job.compiled_report.period.slug
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{slug}-phu-luc.pdf"'
    return response
