"""The second, ordinary-size commune ("bench-small") of bench/make_support.py --small N: households with
members and an approved 2024 round, so one ordinary commune can be timed inside a database of a million."""

import datetime

from households.models import (
    AreaType,
    Category,
    Commune,
    Household,
    Member,
    Neighborhood,
    PovertyStandard,
    Review,
    ReviewRound,
    RoundStatus,
)
from households.services.registry import build_search_key
from thoxuan_gnbv import workflow
from thoxuan_gnbv.models import Role, User

YEAR = 2024


@workflow.seeding()
def small_commune(households: int, rng, reset_support) -> Commune:
    """A second commune of ordinary size with members and an approved 2024 review round."""
    commune, _ = Commune.objects.update_or_create(
        code="bench-small",
        defaults={"name": "Xã Đo Nhỏ", "kind": "xa", "area_type": AreaType.RURAL, "issuer_name": "XÃ ĐO NHỎ", "place_name": "Đo Nhỏ",
                  # in the bench commune's province (make_users.py), so the province pages list both
                  "province_id": Commune.objects.filter(code="bench").values_list("province", flat=True).first()},
    )  # fmt: skip
    reset_support(commune)
    Review.objects.filter(round__commune=commune).delete()
    ReviewRound.objects.filter(commune=commune).delete()
    Member.objects.filter(household__commune=commune).delete()
    Household.objects.filter(commune=commune).delete()
    neighborhoods = [
        Neighborhood.objects.update_or_create(commune=commune, name=f"Thôn {n}", defaults={"position": n})[0]
        for n in range(1, 9)
    ]
    Household.objects.bulk_create(
        [
            Household(
                commune=commune,
                neighborhood=rng.choice(neighborhoods),
                code=f"S{i:05d}",
                head_name=f"Chủ hộ {i}",
                search_key=build_search_key(f"S{i:05d}", f"Chủ hộ {i}"),
            )
            for i in range(1, households + 1)
        ],
        batch_size=5000,
    )
    ids = list(Household.objects.filter(commune=commune).values_list("pk", flat=True))
    Member.objects.bulk_create(
        [
            Member(household_id=pk, full_name=f"Người {pk}-{n}", date_of_birth=datetime.date(1950 + rng.randrange(70), 6, 15), sex=rng.choice(["male", "female"]), relation_to_head="head" if n == 0 else "other")
            for pk in ids
            for n in range(rng.choice([2, 3, 4, 5]))
        ],
        batch_size=5000,
    )  # fmt: skip
    officer = User.objects.update_or_create(username="bench-small-officer", defaults={"role": Role.LABOUR_OFFICER, "commune": commune})[0]  # fmt: skip
    review_round = ReviewRound.objects.create(
        commune=commune, year=YEAR, status=RoundStatus.APPROVED, decision_number="1/QĐ-UBND",
        decision_date=datetime.date(YEAR, 12, 20), approved_by=officer,
    )  # fmt: skip
    standard = PovertyStandard.objects.in_force(YEAR)
    categories = [Category.POOR] * 3 + [Category.NEAR_POOR] * 3 + [Category.AVERAGE] * 4 + [Category.NONE] * 6
    Review.objects.bulk_create(
        [
            Review(household_id=pk, round=review_round, year=YEAR, standard=standard, household_size=3, income=1_000_000, category=rng.choice(categories))
            for pk in ids
        ],
        batch_size=5000,
    )  # fmt: skip
    return commune
