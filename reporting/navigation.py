"""Menu entries, home-page tasks and page panels of the reporting side (see thoxuan_gnbv.navigation)."""

from django.urls import reverse

from reporting import queries
from thoxuan_gnbv import access
from thoxuan_gnbv.navigation import (
    HomeSection,
    HomeTask,
    NavItem,
    register_home,
    register_nav,
    register_panel,
)

register_nav(NavItem("Báo cáo", "reporting:calendar", access.can_view_reports, order=40))
register_nav(NavItem("Đánh giá quý", "reporting:dashboard", access.can_view_dashboard, order=41))


def report_tasks(user):
    """Each lead unit's own reports due within 30 days or overdue; submitted unit reports awaiting
    the labour officer; compiled reports awaiting the chairman."""
    if not access.can_view_reports(user):
        return
    commune = user.commune
    if commune is None:  # an administrator without a commune has no reports to follow
        return
    tasks = []
    for cell in queries.reports_due_for(user, commune):
        overdue = cell.state == "overdue"
        text = f"Báo cáo {cell.period.label}: hạn {cell.due_date:%d/%m/%Y}" + (
            " – đã quá hạn" if overdue else ""
        )
        url = reverse("reporting:calendar") + f"?year={cell.period.year}"
        tasks.append(HomeTask(text, url, level="danger" if overdue else "warning"))
    if access.can_review_report(user):
        for report in queries.reports_awaiting_acceptance(user).select_related(
            "period", "component__project", "component__subproject"
        ):
            tasks.append(
                HomeTask(
                    f"Báo cáo {report.period.label} của {report.component} chờ tiếp nhận",
                    reverse("reporting:report_detail", args=[report.pk]),
                    level="info",
                )
            )
    if access.is_approver(user):
        for compiled in queries.compiled_awaiting_approval(user).select_related("period"):
            tasks.append(
                HomeTask(
                    f"Báo cáo tổng hợp {compiled.period.label} chờ phê duyệt",
                    reverse("reporting:compiled_detail", args=[compiled.pk]),
                    level="warning",
                )
            )
    if tasks:
        yield HomeSection("Báo cáo", tasks, order=20)


register_home(report_tasks)


def plan_document_panel(buttons: bool):
    """The plan's document and PDF links (reporting renders every document), for plan readers."""

    def provider(request, plan):
        if not access.can_view_plans(request.user):
            return None
        return "reporting/includes/plan_document_links.html", {"plan": plan, "buttons": buttons}

    return provider


register_panel("plan_actions", plan_document_panel(buttons=True), order=10)
register_panel("plan_list_item", plan_document_panel(buttons=False), order=10)


def meeting_minutes_panel(request, meeting):
    """The PDF of a khu phố meeting's minutes on the round page (reporting renders every document)."""
    if not access.can_view_review_rounds(request.user):
        return None
    return "reporting/includes/meeting_minutes_link.html", {"meeting": meeting}


register_panel("round_meeting", meeting_minutes_panel, order=10)
