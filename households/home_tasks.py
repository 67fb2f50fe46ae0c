"""What the registry puts on a khu phố head's home page beyond the open round: the households of
their khu phố changed since the last approved review (QĐ 24/2021/QĐ-TTg: besides the yearly review,
households whose situation changes are reviewed during the year — "rà soát thường xuyên"), with a
link to exactly those households. Two queries."""

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from households.models import Household, ReviewRound, RoundStatus
from households.queries import changed_since
from thoxuan_gnbv import access
from thoxuan_gnbv.formatting import format_date
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.navigation import HomeSection, HomeTask


def approved_moment(review_round) -> datetime.datetime:
    """When the round's result took effect: its approval time, or for a round entered as history
    (no approval time, only the decision) the end of the decision's day."""
    if review_round.approved_at is not None:
        return review_round.approved_at
    end_of_day = datetime.datetime.combine(review_round.decision_date, datetime.time.max)
    return timezone.make_aware(end_of_day)


def changed_households_tasks(user):
    if not access.is_neighborhood_head(user) or user.commune is None:
        return
    last = access.rounds_visible_to(user, ReviewRound.objects.filter(status=RoundStatus.APPROVED)).first()
    if last is None:
        return
    moment = approved_moment(last)
    households = access.households_visible_to(user, Household.objects.all())
    count = changed_since(households, moment).count()
    since = timezone.localtime(moment).isoformat(timespec="seconds")
    url = reverse("households:household_list") + "?" + urlencode({"changed_since": since})
    task = HomeTask(
        f"Hộ trong khu phố có thay đổi từ khi {str(last).lower()} được phê duyệt",
        url,
        count=count,
        level="warning" if count else "success",
    )
    yield HomeSection("Hộ gia đình và rà soát", [task], order=21)


def supervision_tasks(user):
    """The Fatherland Front supervises the review (QĐ 24/2021/QĐ-TTg Điều 4: the results are agreed at
    a community meeting and posted publicly before the chairman recognises them): the round awaiting approval and the latest
    approved result. Two queries."""
    if not access.has_role(user, Role.FATHERLAND_FRONT) or user.commune is None:
        return
    rounds = access.rounds_visible_to(user, ReviewRound.objects.all())
    tasks = []
    pending = rounds.filter(status=RoundStatus.SUBMITTED).first()
    if pending is not None:
        tasks.append(
            HomeTask(
                f"{pending} đã trình Chủ tịch, chờ phê duyệt",
                reverse("households:round_detail", args=[pending.pk]),
                level="warning",
            )
        )
    last = rounds.filter(status=RoundStatus.APPROVED).first()
    if last is not None:
        tasks.append(
            HomeTask(
                f"Kết quả {str(last).lower()} đã phê duyệt (Quyết định số {last.decision_number} "
                f"ngày {format_date(last.decision_date)})",
                reverse("households:round_detail", args=[last.pk]),
                level="info",
            )
        )
    if tasks:
        yield HomeSection("Giám sát: rà soát hộ nghèo, hộ cận nghèo", tasks, order=26)
