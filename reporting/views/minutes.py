"""The minutes of a khu phố meeting of a review round, as a PDF (the round page links it through the
``round_meeting`` panel). A meeting that voted on more than ``MINUTES_PDF_JOB_ROWS`` households (the
largest khu phố of a big commune) is laid out by the background worker for the officer who asked,
and logged when they download the file (``reporting:job_download``)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from reporting.documents.meeting_minutes import build_meeting_minutes, minutes_vote_count
from reporting.documents.minutes_pdf import render_minutes_pdf
from reporting.export_tasks import export_job_start
from reporting.models import DocumentJob
from reporting.queries import meetings_visible_to
from thoxuan_gnbv import access
from thoxuan_gnbv.background import MINUTES_PDF_JOB_ROWS
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import require


def meeting_minutes_pdf(request, pk):
    """404 outside the user's communes or khu phố; the names of household heads it lists are logged as read."""
    require(access.can_view_review_rounds(request.user))
    meeting = get_object_or_404(meetings_visible_to(request.user), pk=pk)
    if minutes_vote_count(meeting) > MINUTES_PDF_JOB_ROWS:  # pages of names: laid out by the worker
        job = export_job_start(
            kind=DocumentJob.Kind.MEETING_MINUTES_PDF,
            commune=meeting.round.commune,
            user=request.user,
            params={"meeting": meeting.pk, "round": meeting.round_id, "year": meeting.round.year},
        )
        return redirect("reporting:job_detail", pk=job.pk)
    doc = build_meeting_minutes(meeting)
    log_personal_data_access(
        action=AccessAction.DOWNLOAD_PDF, request=request, obj=meeting, commune=meeting.round.commune
    )
    response = HttpResponse(render_minutes_pdf(doc), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{doc.frame.filename}"'
    return response
