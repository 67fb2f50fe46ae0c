"""Registered with ``programs.period_locks``: a recorded row whose date a report covers cannot be
corrected without the chairman once that report is approved — a unit report accepted (for its own
component) or the commune's compiled report approved: figures already sent on change only with the
chairman's knowledge."""

from reporting.models import CompiledReport, Report, ReportingPeriod
from thoxuan_gnbv.statuses import CompiledStatus, ReportStatus


def approved_report_using(*, commune_id, component_id, on_date, cumulative) -> str:
    # Budget figures run from 1 January to the period's end; support and activities count in the period.
    periods = ReportingPeriod.objects.filter(commune_id=commune_id, year=on_date.year, end_date__gte=on_date)
    if not cumulative:
        periods = periods.filter(start_date__lte=on_date)
    compiled = (
        CompiledReport.objects.filter(period__in=periods, status=CompiledStatus.APPROVED)
        .select_related("period")
        .order_by("period__end_date")
        .first()
    )
    if compiled is not None:
        number = f" (số {compiled.document_reference})" if compiled.document_reference else ""
        return f"{compiled}{number}"
    report = (
        Report.objects.filter(period__in=periods, component_id=component_id, status=ReportStatus.ACCEPTED)
        .select_related("period")
        .order_by("period__end_date")
        .first()
    )
    return f"Báo cáo {report.period.label} của đơn vị (đã tiếp nhận)" if report is not None else ""
