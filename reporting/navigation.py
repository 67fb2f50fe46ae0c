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
register_nav(
    NavItem(
        "Tổng hợp tỉnh", "reporting:province_rollup", access.is_province_viewer, order=5, province_level=True
    )
)


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


def household_certificate_panel(request, household):
    """The certificate of a poor or near-poor household, for who prints certificates: shown only when
    the latest decision lists it (a link that would only answer "not listed" is no link)."""
    from reporting.documents.certificates import latest_listed_review

    if not access.can_print_certificates(request.user) or latest_listed_review(household) is None:
        return None
    return "reporting/includes/certificate_links.html", {"household": household}


def round_certificate_panel(request, review_round):
    """The certificates of an approved round's lists, whole or by khu phố."""
    if not (access.can_print_certificates(request.user) and review_round.is_approved):
        return None
    from households.models import Neighborhood

    neighborhoods = Neighborhood.objects.filter(commune_id=review_round.commune_id).order_by(
        "position", "name"
    )
    return "reporting/includes/certificate_links.html", {
        "round": review_round,
        "neighborhoods": neighborhoods,
    }


register_panel("household_detail", household_certificate_panel, order=20)
register_panel("round_detail", round_certificate_panel, order=10)


def review_tables_panel(request, review_round):
    """On an approved round's page: its result tables and the recognition decision (reporting renders
    every document; households' page only names the slot)."""
    if not review_round.is_approved or not access.can_view_review_rounds(request.user):
        return None
    return "reporting/includes/review_round_links.html", {
        "review_round": review_round,
        "can_download": access.can_download_review_tables(request.user),
    }


register_panel("round_detail", review_tables_panel, order=10)


def meeting_minutes_panel(request, meeting):
    """The PDF of a khu phố meeting's minutes on the round page (reporting renders every document)."""
    if not access.can_view_review_rounds(request.user):
        return None
    return "reporting/includes/meeting_minutes_link.html", {"meeting": meeting}


register_panel("round_meeting", meeting_minutes_panel, order=10)
