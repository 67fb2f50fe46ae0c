"""Menu entries and home-page tasks of the registry."""

from django.urls import reverse

from households.home_tasks import changed_households_tasks, supervision_tasks
from thoxuan_gnbv import access
from thoxuan_gnbv.navigation import HomeSection, HomeTask, NavItem, register_home, register_nav

register_nav(NavItem("Hộ gia đình", "households:household_list", access.can_view_households, order=20))
register_nav(NavItem("Rà soát", "households:round_list", access.can_view_review_rounds, order=21))


def review_tasks(user):
    """A khu phố head: households of their khu phố not yet reviewed in the open round. The labour
    officer: the round in progress. The chairman: a round awaiting approval. The labour officer and
    the chairman also see how many poor households escaped in the last approved year."""
    if not access.can_view_households(user):
        return
    from households.models import Household, ReviewRound, RoundStatus
    from households.queries import approved_years
    from households.stored import movement_stored

    commune = user.commune
    if commune is None:
        return
    in_progress = access.rounds_visible_to(user, ReviewRound.objects.all()).in_progress().first()
    tasks = []
    if in_progress is not None and in_progress.is_working and access.is_neighborhood_head(user):
        pending = (
            access.households_visible_to(user, Household.objects.all())
            .exclude(reviews__round=in_progress)
            .count()
        )
        tasks.append(
            HomeTask(
                f"Hộ trong khu phố chưa rà soát năm {in_progress.year}",
                reverse("households:household_list"),
                count=pending,
                level="warning" if pending else "success",
            )
        )
    if in_progress is not None and access.can_manage_review_rounds(user):
        tasks.append(
            HomeTask(
                f"{in_progress}: {in_progress.get_status_display().lower()}",
                reverse("households:round_detail", args=[in_progress.pk]),
                count=in_progress.reviews.count(),
            )
        )
    if (
        in_progress is not None
        and in_progress.status == RoundStatus.SUBMITTED
        and access.can_approve_review_round(user, in_progress)
    ):
        tasks.append(
            HomeTask(
                f"Phê duyệt kết quả {str(in_progress).lower()}",
                reverse("households:round_detail", args=[in_progress.pk]),
                count=in_progress.reviews.count(),
                level="danger",
            )
        )
    if access.has_role(user, "labour_officer", "chairman", "vice_chairman"):
        years = approved_years(commune)
        if len(years) >= 2:
            year = years[-1]
            # The movement of the year walks the registry: the worker keeps it (one query here).
            stored = movement_stored(commune, year)
            counts = stored.data["escaped"] if stored.ready else None
            text = (
                f"Hộ nghèo thoát nghèo năm {year} (không có khả năng lao động: "
                f"{counts['without_labour_capacity']}, có khả năng lao động: {counts['with_labour_capacity']})"
                if counts
                else f"Hộ nghèo thoát nghèo năm {year}: {stored.notice.lower()}"
            )
            tasks.append(
                HomeTask(
                    text,
                    reverse("households:movement_table") + f"?year={year}",
                    count=counts["total"] if counts else None,
                    level="success",
                )
            )
    tasks += _ongoing_tasks(user, commune)
    if tasks:
        yield HomeSection("Hộ gia đình và rà soát", tasks, order=20)


def _ongoing_tasks(user, commune) -> list[HomeTask]:
    """Ongoing reviews past their decision deadline (QĐ 24/2021/QĐ-TTg Điều 5 khoản 2), for whoever
    records or decides them: one count query."""
    if not (access.can_record_review_request(user) or access.can_decide_review_request(user)):
        return []
    from django.utils import timezone

    from households.models import ReviewRequest

    late = (
        access.review_requests_visible_to(user, ReviewRequest.objects.filter(commune=commune))
        .pending()
        .filter(due_on__lt=timezone.localdate())
        .count()
    )
    if not late:
        return []
    url = reverse("households:request_list")
    return [
        HomeTask("Giấy đề nghị rà soát thường xuyên đã quá hạn quyết định", url, count=late, level="danger")
    ]


register_home(review_tasks)
register_home(changed_households_tasks)
register_home(supervision_tasks)
