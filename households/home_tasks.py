"""What the registry puts on a khu phố head's home page beyond the open round: the households of
their khu phố changed since the last approved review (QĐ 24/2021/QĐ-TTg Điều 4: the khu phố
reviews again what changed), with a link to exactly those households. Two queries."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from households.models import Household, ReviewRound, RoundStatus
from households.queries import changed_since
from thoxuan_gnbv import access
from thoxuan_gnbv.navigation import HomeSection, HomeTask


def changed_households_tasks(user):
    if not access.is_neighborhood_head(user) or user.commune is None:
        return
    last = (
        access.rounds_visible_to(user, ReviewRound.objects.filter(status=RoundStatus.APPROVED))
        .exclude(approved_at=None)
        .order_by("-approved_at")
        .first()
    )
    if last is None:
        return
    households = access.households_visible_to(user, Household.objects.all())
    count = changed_since(households, last.approved_at).count()
    since = timezone.localtime(last.approved_at).isoformat(timespec="seconds")
    url = reverse("households:household_list") + "?" + urlencode({"changed_since": since})
    task = HomeTask(
        f"Hộ trong khu phố có thay đổi từ khi {str(last).lower()} được phê duyệt",
        url,
        count=count,
        level="warning" if count else "success",
    )
    yield HomeSection("Hộ gia đình và rà soát", [task], order=21)
