"""The quarterly evaluation dashboard."""

from django.shortcuts import render
from django.utils import timezone

from reporting.dashboard import dashboard_data
from reporting.queries import calendar_years
from reporting.views.common import default_year
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import request_commune, require, year_param


def dashboard(request):
    require(access.can_view_dashboard(request.user))
    commune = request_commune(request)
    today = timezone.localdate()
    years = calendar_years(commune)
    year = year_param(request, default=default_year(years, today))
    data = dashboard_data(commune, year, today=today)
    return render(request, "reporting/dashboard.html", {"data": data, "years": years})
