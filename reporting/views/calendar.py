"""The reporting calendar: every unit's report of the year's periods, with its state and deadline."""

from django.shortcuts import render
from django.utils import timezone

from households.services.identity import identity_in_year
from reporting.figures.deadlines import unit_deadline, upward_deadline
from reporting.queries import calendar_years, reporting_calendar
from reporting.views.common import default_year
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import request_commune, require, year_param


def report_calendar(request):
    require(access.can_view_reports(request.user))
    commune = request_commune(request)
    today = timezone.localdate()
    years = calendar_years(commune)
    year = year_param(request, default=default_year(years, today))
    calendar = reporting_calendar(commune, year, today=today)
    return render(
        request,
        "reporting/calendar.html",
        {
            "calendar": calendar,
            # Per column: the units' deadline to the commune and the commune's own to the level above.
            "deadline_columns": [
                (column, unit_deadline(column.due_date), upward_deadline(column.period))
                for column in calendar.columns
            ],
            "reports_to": identity_in_year(commune, year).reports_to,
            "years": years,
            "can_compile": access.can_compile_report(request.user),
            # Readers (Fatherland Front, the level above) open only approved compiled reports.
            "approved_only": access.is_read_only(request.user),
            "can_view_dashboard": access.can_view_dashboard(request.user),
            "user_can_write": {
                row.component.pk
                for row in calendar.rows
                if access.can_write_report(request.user, row.component)
            },
        },
    )
