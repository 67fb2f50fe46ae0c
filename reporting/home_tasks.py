"""What the reporting side puts on each role's home page, each with its deadline (the approved
plan's section VII dates, copied onto the reporting rules), most urgent first (see
``thoxuan_gnbv.navigation.home_sections_for``). Each provider runs a fixed number of queries."""

from django.urls import reverse
from django.utils import timezone

from reporting import queries
from reporting.models import CompiledReport, CompiledStatus
from reporting.periods import Timeliness
from thoxuan_gnbv import access
from thoxuan_gnbv.formatting import format_date
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.navigation import HomeSection, HomeTask
from thoxuan_gnbv.statuses import COMPILED_EDITABLE

# A report not yet due shows on the home page this many days before its deadline.
SOON_DAYS = 30
# Reports still unsent from the plan before the one in force stay on the home page (overdue).
YEARS_FOLLOWED = 2
# The Fatherland Front sees the latest approved compiled reports to supervise.
SUPERVISED_REPORTS = 3


def _calendar_url(year: int) -> str:
    return reverse("reporting:calendar") + f"?year={year}"


def _own_report_tasks(user, calendar) -> list[HomeTask]:
    """The unit's reports still to write, one line per period (count = its components)."""
    by_period: dict = {}
    for row in calendar.rows:
        if not access.can_write_report(user, row.component):
            continue
        for cell in row.cells:
            soon = (cell.due_date - calendar.today).days <= SOON_DAYS
            if cell.state == Timeliness.OVERDUE or (
                cell.state in (Timeliness.NOT_STARTED, Timeliness.DRAFT) and soon
            ):
                by_period.setdefault(cell.period, []).append(cell)
    tasks = []
    for period, cells in by_period.items():
        overdue = cells[0].state == Timeliness.OVERDUE
        tasks.append(
            HomeTask(
                f"Viết và gửi báo cáo {period.label}",
                _calendar_url(period.year),
                count=len(cells),
                level="danger" if overdue else "warning",
                due=cells[0].due_date,
            )
        )
    return tasks


def _compiled_to_write(user, calendar) -> list[HomeTask]:
    """The labour officer: each period due soon or past whose compiled report is not yet submitted."""
    if not access.can_compile_report(user):
        return []
    tasks = []
    for column in calendar.columns:
        compiled = column.compiled
        if compiled is not None and compiled.status not in COMPILED_EDITABLE:
            continue
        if (column.due_date - calendar.today).days > SOON_DAYS:
            continue
        returned = compiled is not None and compiled.status == CompiledStatus.RETURNED
        text = "Sửa báo cáo tổng hợp {label} bị trả lại" if returned else "Lập báo cáo tổng hợp {label}"
        url = (
            reverse("reporting:compiled_detail", args=[compiled.pk])
            if compiled is not None
            else _calendar_url(column.period.year)
        )
        level = "danger" if column.due_date < calendar.today else "warning"
        tasks.append(HomeTask(text.format(label=column.period.label), url, level=level, due=column.due_date))
    return tasks


def report_tasks(user):
    """Unit officers: their reports to write. The labour officer: unit reports to accept and the
    compiled report to write. The chairman: compiled reports (and the labour officer's own reports)
    to decide on."""
    if not access.can_view_reports(user) or access.is_read_only(user):
        return
    commune = user.commune
    if commune is None:  # an administrator without a commune has no reports to follow
        return
    today = timezone.localdate()
    tasks = []
    # The current year's plan and the one before (five queries for both, whatever the number of reports).
    for calendar in queries.latest_calendars(commune, up_to=today.year, count=YEARS_FOLLOWED, today=today):
        tasks += _own_report_tasks(user, calendar) + _compiled_to_write(user, calendar)
    if access.can_review_report(user):
        awaiting = queries.reports_awaiting_acceptance(user).select_related(
            "period", "component__project", "component__subproject"
        )
        for report in awaiting:
            tasks.append(
                HomeTask(
                    f"Báo cáo {report.period.label} của {report.component} chờ tiếp nhận",
                    reverse("reporting:report_detail", args=[report.pk]),
                    level="info",
                    due=report.period.due_date,
                )
            )
    if access.is_approver(user):
        for compiled in queries.compiled_awaiting_approval(user).select_related("period"):
            tasks.append(
                HomeTask(
                    f"Báo cáo tổng hợp {compiled.period.label} chờ phê duyệt",
                    reverse("reporting:compiled_detail", args=[compiled.pk]),
                    level="warning",
                    due=compiled.period.due_date,
                )
            )
    if tasks:
        yield HomeSection("Báo cáo", tasks, order=20)


def supervision_tasks(user):
    """The Fatherland Front supervises (MTTQ's supervision of the programme, QĐ 90/2022/QĐ-TTg — cần xác nhận the article): the latest compiled
    reports approved, to read. One query."""
    if not access.has_role(user, Role.FATHERLAND_FRONT) or user.commune is None:
        return
    approved = (
        access.compiled_reports_visible_to(
            user, CompiledReport.objects.filter(status=CompiledStatus.APPROVED)
        )
        .select_related("period")
        .order_by("-approved_at")[:SUPERVISED_REPORTS]
    )
    tasks = [
        HomeTask(
            f"Báo cáo tổng hợp {compiled.period.label} (số {compiled.document_reference}, "
            f"ngày {format_date(compiled.issued_on)}): xem để giám sát",
            reverse("reporting:compiled_detail", args=[compiled.pk]),
            level="info",
        )
        for compiled in approved
    ]
    if tasks:
        yield HomeSection("Giám sát: báo cáo đã phê duyệt", tasks, order=25)
