"""A background document job (the compiled report with its household annex): its progress page
and the download, for the officer who asked for it."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from reporting.models import DocumentJob
from thoxuan_gnbv import access


def _job(request, pk) -> DocumentJob:
    job = get_object_or_404(DocumentJob.objects.select_related("compiled_report__period"), pk=pk)
    # The job holds the household annex: only its requester (or an administrator) sees it.
    if job.requested_by_id != request.user.pk and not access.is_admin(request.user):
        raise Http404
    return job


def job_detail(request, pk):
    job = _job(request, pk)
    return render(request, "reporting/report_job.html", {"job": job})


def job_download(request, pk):
    job = _job(request, pk)
    if job.status != DocumentJob.Status.DONE or not job.content:
        raise Http404
    response = HttpResponse(bytes(job.content), content_type="application/pdf")
    slug = job.compiled_report.period.slug
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{slug}-phu-luc.pdf"'
    return response
