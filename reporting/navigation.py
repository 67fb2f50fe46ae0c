"""Menu entries, home-page tasks and page panels of the reporting side (see thoxuan_gnbv.navigation)."""

from reporting.home_tasks import report_tasks, supervision_tasks
from thoxuan_gnbv import access
from thoxuan_gnbv.navigation import (
    NavItem,
    register_home,
    register_nav,
    register_panel,
)

register_nav(NavItem("Báo cáo", "reporting:calendar", access.can_view_reports, order=40))
register_nav(NavItem("Đánh giá quý", "reporting:dashboard", access.can_view_dashboard, order=41))


register_home(report_tasks)
register_home(supervision_tasks)


def plan_document_panel(buttons: bool):
    """The plan's document and PDF links (reporting renders every document), for plan readers."""

    def provider(request, plan):
        if not access.can_view_plans(request.user):
            return None
        return "reporting/includes/plan_document_links.html", {"plan": plan, "buttons": buttons}

    return provider


register_panel("plan_actions", plan_document_panel(buttons=True), order=10)
register_panel("plan_list_item", plan_document_panel(buttons=False), order=10)
