"""What happened in Khu phố 1 after the 2024 review was approved (20/12/2024): a family moved house,
another's address was corrected and a baby was born. The khu phố head's home page lists these
households to look at again before the next round (households/home_tasks.py). The rest of the
registry is dated as the 2024 review found it."""

import datetime
from zoneinfo import ZoneInfo

from households.models import Household, Neighborhood, Relation, Sex
from households.services.registry import household_update, member_add

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
# The registry as the 2024 review (decision of 20/12/2024) recorded it.
RECORDED_AT = datetime.datetime(2024, 12, 15, 8, 0, tzinfo=HCM)
NEW_ADDRESSES = ["Số 14, ngõ 3, Khu phố 1", "Số 2, đường Lê Lai, Khu phố 1"]
NEWBORN = {"full_name": "Lê Gia Bảo", "sex": Sex.MALE, "date_of_birth": datetime.date(2025, 3, 8)}


def seed_changes_after_review(commune, users) -> int:
    """Record the three changes once (returns how many households changed; 0 on a re-run)."""
    neighborhood = Neighborhood.objects.filter(commune=commune).order_by("position").first()
    households = list(Household.objects.filter(neighborhood=neighborhood).order_by("code")[:3])
    if len(households) < 3 or households[0].address == NEW_ADDRESSES[0]:
        return 0
    Household.objects.filter(commune=commune).update(updated_at=RECORDED_AT)
    head = users["khupho1"]
    for household, address in zip(households, NEW_ADDRESSES, strict=False):
        household_update(household=household, user=head, address=address)
    member_add(household=households[2], user=head, relation_to_head=Relation.CHILD, **NEWBORN)
    return len(households)
