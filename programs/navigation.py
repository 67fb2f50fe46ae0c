"""Menu entries, home-page tasks and page panels of the program side (see thoxuan_gnbv.navigation)."""

from django.urls import reverse

from programs.models import PlanStatus
from programs.progress import target_progress
from programs.queries import budget as budget_queries
from programs.queries import corrections as correction_queries
from programs.queries import plans as queries
from programs.queries.delivery import household_support
from thoxuan_gnbv import access
from thoxuan_gnbv.navigation import (
    HomeSection,
    HomeTask,
    NavItem,
    register_home,
    register_nav,
    register_panel,
)

register_nav(NavItem("Kế hoạch", "programs:plan_list", access.can_view_plans, order=10))


def plan_tasks(user):
    """Approvers see plans awaiting their decision; the labour officer sees returned plans to fix,
    drafts to finish and approved plans to number."""
    tasks = []
    for plan in queries.plans_awaiting_approval(user):
        tasks.append(
            HomeTask(
                f"Kế hoạch năm {plan.year} chờ phê duyệt",
                reverse("programs:plan_detail", args=[plan.pk]),
                level="warning",
            )
        )
    wording = {
        PlanStatus.RETURNED: ("Kế hoạch năm {year} bị trả lại: xem ý kiến và sửa", "danger"),
        PlanStatus.DRAFT: ("Kế hoạch năm {year} đang soạn thảo: hoàn thiện và trình phê duyệt", "info"),
        PlanStatus.APPROVED: ("Kế hoạch năm {year} đã phê duyệt: vào số, ngày ban hành", "primary"),
    }
    for plan in queries.plans_needing_work(user):
        text, level = wording[plan.status]
        tasks.append(
            HomeTask(
                text.format(year=plan.year), reverse("programs:plan_detail", args=[plan.pk]), level=level
            )
        )
    if tasks:
        yield HomeSection("Kế hoạch", tasks, order=10)


def target_progress_tasks(user):
    """The chairman, vice chairman and labour officer follow the plan's targets from their home."""
    if not (access.is_approver(user) or access.can_create_plan(user)):
        return
    plan = queries.plan_in_force(user)
    if plan is None:
        return
    rows = target_progress(plan)
    if rows:
        url = reverse("programs:plan_detail", args=[plan.pk]) + "#progress"
        tasks = [
            HomeTask(
                f"{row.text}: đạt {row.achieved}/{row.planned}"
                if row.achieved is not None
                else f"{row.text}: kế hoạch {row.planned}, chưa có kết quả rà soát",
                url,
                level="success" if row.reached else "warning",
            )
            for row in rows
        ]
        yield HomeSection(f"Tiến độ mục tiêu kế hoạch năm {plan.year}", tasks, order=11)


register_home(plan_tasks)
register_home(target_progress_tasks)


# --- delivery and budget: support, activities and money of the plan's components (section III) ----
register_nav(NavItem("Hỗ trợ", "programs:support_list", access.can_view_support, order=30))
register_nav(NavItem("Hoạt động", "programs:activity_list", access.can_view_activities, order=35))
register_nav(NavItem("Kinh phí", "programs:budget_overview", access.can_view_budget, order=40))


def budget_tasks(user):
    """Approvers see estimates awaiting their decision; the accountant sees returned estimates to fix
    and approved lines with money still to pay out."""
    tasks = [
        HomeTask(
            f"Dự toán “{estimate.title}” chờ phê duyệt",
            reverse("programs:estimate_detail", args=[estimate.pk]),
            level="warning",
        )
        for estimate in budget_queries.estimates_awaiting_approval(user)
    ]
    tasks += [
        HomeTask(
            f"Dự toán “{estimate.title}” bị trả lại: xem lý do và sửa",
            reverse("programs:estimate_detail", args=[estimate.pk]),
            level="danger",
        )
        for estimate in budget_queries.estimates_returned(user)
    ]
    open_lines = budget_queries.lines_open_for_disbursement(user)
    first = open_lines.first()
    if first is not None:
        tasks.append(
            HomeTask(
                "Dòng dự toán đã duyệt còn kinh phí chưa giải ngân",
                reverse("programs:estimate_detail", args=[first.estimate_id]),
                count=open_lines.count(),
                level="info",
            )
        )
    if tasks:
        yield HomeSection("Kinh phí", tasks, order=30)


register_home(budget_tasks)


def household_support_panel(request, household):
    """ "Hỗ trợ đã nhận" on the registry's household page, for those who may see support. One query."""
    user = request.user
    if not access.can_view_support(user):
        return None
    record_url = ""
    if access.can_record_any_delivery(user):
        record_url = reverse("programs:support_create") + f"?household={household.pk}"
    context = {"support_groups": household_support(household), "record_url": record_url}
    return "programs/includes/household_support.html", context


register_panel("household_detail", household_support_panel, order=10)


# --- corrections of recorded figures ---------------------------------------------------------------
# No menu entry (the bar is full at 1280 px): approvers reach the list from their home task, everyone
# else corrects from the row's own page.


def correction_tasks(user):
    """Approvers see the correction requests awaiting their decision (figures already reported)."""
    if not access.is_approver(user):
        return
    count = correction_queries.pending_count(user)
    if count:
        task = HomeTask(
            "Đề nghị điều chỉnh số liệu đã báo cáo chờ phê duyệt",
            reverse("programs:correction_list"),
            count=count,
            level="warning",
        )
        yield HomeSection("Điều chỉnh số liệu", [task], order=35)


register_home(correction_tasks)
