"""The province level (since 01/07/2025 a commune reports to the province): the roll-up of every
commune of the viewer's province, opening one commune to read its documents, and the province
workbook. Read-only: a province viewer changes nothing anywhere (``access.is_read_only``)."""

from django.contrib import messages as flash
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from reporting import messages
from reporting.figures.province import stale
from reporting.province_tasks import province_guard, request_refresh, rollup_for_page
from thoxuan_gnbv import access
from thoxuan_gnbv.middleware import DRILL_SESSION_KEY
from thoxuan_gnbv.viewkit import require, year_param

FIRST_YEAR = 2021  # the 2021–2025 programme (QĐ 90/QĐ-TTg) is the first the portal holds


@require_GET
def province_rollup(request):
    user = request.user
    require(access.is_province_viewer(user))
    # Back at the province level: no commune is open any more.
    request.session.pop(DRILL_SESSION_KEY, None)
    today = timezone.localdate()
    year = year_param(request, default=today.year)
    rollup, tbody = rollup_for_page(user.province_id, year)
    waiting = [row.commune_id for row in rollup.rows if stale(row)]
    queued = request_refresh(waiting, year, guard=province_guard(user.province_id, year))
    context = {
        "province": user.province,
        "rollup": rollup,
        "tbody": tbody,
        "years": list(range(today.year, FIRST_YEAR - 1, -1)),
        "refreshing": bool(waiting) or queued,
    }
    return render(request, "reporting/province_rollup.html", context)


@require_GET
def province_commune(request, pk):
    """Open commune ``pk`` of the viewer's province, then go to ``next`` (one of its pages)."""
    require(access.is_province_viewer(request.user))
    if not access.covers_commune(request.user, pk):
        raise Http404
    request.session[DRILL_SESSION_KEY] = pk
    target = request.GET.get("next") or ""
    # Only a path of this site: ``redirect`` would take any other word for a view name to reverse.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("home")
    return HttpResponseRedirect(target)


@require_GET
def province_workbook(request):
    """Start the province workbook of the year as a background job and show its progress page."""
    from reporting.documents.province_workbook import approved_count
    from reporting.province_export import start_province_export

    user = request.user
    require(access.is_province_viewer(user))
    year = year_param(request, default=timezone.localdate().year)
    if not approved_count(user.province.communes.all(), year):
        flash.error(request, messages.REVIEW_YEAR_NOT_APPROVED.format(year=year))
        return redirect(f"{reverse('reporting:province_rollup')}?year={year}")
    job = start_province_export(province=user.province, user=user, year=year)
    return redirect("reporting:province_job", pk=job.pk)
