"""The minutes of a khu phố meeting of a review round, as a PDF (the round page links it through the
``round_meeting`` panel)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from households.models import Meeting, Neighborhood, ReviewRound
from reporting.documents.meeting_minutes import build_meeting_minutes
from reporting.documents.pdf import render_minutes_pdf
from thoxuan_gnbv import access
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import require


def meeting_minutes_pdf(request, pk):
    """404 outside the user's communes or khu phố; the names of household heads it lists are logged as read."""
    require(access.can_view_review_rounds(request.user))
    rounds = access.rounds_visible_to(request.user, ReviewRound.objects.all())
    neighborhoods = access.neighborhoods_visible_to(request.user, Neighborhood.objects.all())
    meetings = Meeting.objects.select_related("round__commune", "neighborhood")
    meeting = get_object_or_404(meetings.filter(round__in=rounds, neighborhood__in=neighborhoods), pk=pk)
    doc = build_meeting_minutes(meeting)
    log_personal_data_access(
        action=AccessAction.DOWNLOAD_PDF, request=request, obj=meeting, commune=meeting.round.commune
    )
    response = HttpResponse(render_minutes_pdf(doc), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{doc.frame.filename}"'
    return response
