"""Demo data of the registry side: the commune, its khu phố, ~2,000 synthetic households with their
members, and approved review rounds 2022–2024 whose results give believable movements.

Deterministic (a seeded random generator) and safe to re-run: households are created once.
"""

import datetime
import random

from demo.builders import FAMILY, INDICATOR_CODES, STREETS, People, members_for
from households.classification import MemberFacts, classify, derive_flags, thresholds_for, working_age_for
from households.models import (
    AreaType,
    Category,
    Commune,
    CommuneKind,
    Household,
    Member,
    Neighborhood,
    PovertyStandard,
    Province,
    Relation,
    Review,
    ReviewRound,
    RoundStatus,
    Sex,
)
from households.services.identity import ensure_first_identity
from households.services.registry import build_search_key
from thoxuan_gnbv import workflow
from thoxuan_gnbv.models import User

NEIGHBORHOOD_COUNT = 12
HOUSEHOLD_COUNT = 2000
SEED = 2024
# Decision dates of the chairman's yearly decisions recognising the lists.
DECISIONS = {
    2022: ("186/QĐ-UBND", datetime.date(2022, 12, 20)),
    2023: ("203/QĐ-UBND", datetime.date(2023, 12, 22)),
    2024: ("215/QĐ-UBND", datetime.date(2024, 12, 20)),
}


def seed_commune(users) -> Commune:
    """The demo commune with its khu phố and their heads; ``users`` become its staff."""
    commune, _ = Commune.objects.update_or_create(
        code="tho-xuan",
        defaults={
            "name": "Thị trấn Thọ Xuân",
            "kind": CommuneKind.TOWNSHIP,
            "area_type": AreaType.URBAN,
            "issuer_parent": "ỦY BAN NHÂN DÂN",
            "issuer_name": "THỊ TRẤN THỌ XUÂN",
            "place_name": "Thọ Xuân",
            "reports_to": "UBND huyện Thọ Xuân",
            "province": Province.objects.get_or_create(
                code="38", defaults={"name": "Thanh Hóa", "full_name": "Tỉnh Thanh Hóa"}
            )[0],
        },
    )
    ensure_first_identity(commune)  # the name its 2022–2024 documents print, whatever happens later
    # Every demo user (the administrator too) works for the demo commune: it is their request.commune.
    for user in users.values():
        user.commune = commune
    User.objects.filter(pk__in=[user.pk for user in users.values()]).update(commune=commune)
    heads = {1: users.get("khupho1"), 2: users.get("khupho2")}
    for number in range(1, NEIGHBORHOOD_COUNT + 1):
        Neighborhood.objects.update_or_create(
            commune=commune,
            name=f"Khu phố {number}",
            defaults={"position": number, "head": heads.get(number)},
        )
    return commune


def _plan_categories(rng: random.Random, ids: list[int], wlc: set[int]) -> dict[int, dict[int, str]]:
    """Categories per household per year with believable movements:
    2022: 52 poor, 110 near-poor, 260 average; 2023: 12 poor escape, 4 newly poor;
    2024: 9 poor escape (2 without labour capacity, 7 with), 2 fall back, 3 newly poor."""
    shuffled = ids[:]
    rng.shuffle(shuffled)
    poor_wlc = [i for i in shuffled if i in wlc][:16]
    poor_other = [i for i in shuffled if i not in wlc][:36]
    poor_2022 = poor_wlc + poor_other
    rest = [i for i in shuffled if i not in set(poor_2022) and i not in wlc]
    near_2022, average_2022 = rest[:110], rest[110:370]
    plan = {i: {} for i in ids}
    for i in ids:
        plan[i][2022] = Category.NONE
    for i in near_2022:
        plan[i][2022] = Category.NEAR_POOR
    for i in average_2022:
        plan[i][2022] = Category.AVERAGE
    for i in poor_2022:
        plan[i][2022] = Category.POOR
    # 2023: 12 poor escape (8 to near-poor, 4 to average), 4 near-poor become newly poor, 10 near-poor rise.
    escaped_2023 = poor_other[:12]
    newly_2023 = near_2022[:4]
    risen_2023 = near_2022[4:14]
    for i in ids:
        plan[i][2023] = plan[i][2022]
    for n, i in enumerate(escaped_2023):
        plan[i][2023] = Category.NEAR_POOR if n < 8 else Category.AVERAGE
    for i in newly_2023:
        plan[i][2023] = Category.POOR
    for i in risen_2023:
        plan[i][2023] = Category.AVERAGE
    # 2024: 9 poor escape (2 without labour capacity, 7 with), 2 of the 2023 escapers fall back,
    # 3 households newly poor, 12 near-poor rise to average, 6 average become near-poor.
    poor_2023 = [i for i in ids if plan[i][2023] == Category.POOR]
    escaped_wlc = [i for i in poor_2023 if i in wlc][:2]
    escaped_other = [i for i in poor_2023 if i not in wlc][:7]
    fell_back = escaped_2023[:2]
    newly_2024 = near_2022[20:23]
    for i in ids:
        plan[i][2024] = plan[i][2023]
    for n, i in enumerate(escaped_wlc + escaped_other):
        plan[i][2024] = Category.NEAR_POOR if n % 3 else Category.AVERAGE
    for i in fell_back + newly_2024:
        plan[i][2024] = Category.POOR
    for i in near_2022[30:42]:
        plan[i][2024] = Category.AVERAGE
    for i in average_2022[:6]:
        plan[i][2024] = Category.NEAR_POOR
    return plan


def _inputs_for(rng: random.Random, category: str, thresholds) -> tuple[int, list[str]]:
    """An income and deprivations that the standard classifies as ``category``."""
    line, average = thresholds.income_line, thresholds.average_line
    if category == Category.POOR:
        income, count = rng.randrange(800_000, line + 1, 50_000), rng.randint(3, 6)
    elif category == Category.NEAR_POOR:
        income, count = rng.randrange(1_000_000, line + 1, 50_000), rng.randint(0, 2)
    elif category == Category.AVERAGE:
        income, count = rng.randrange(line + 50_000, average + 1, 50_000), rng.randint(0, 3)
    else:
        income, count = rng.randrange(average + 100_000, 9_000_000, 100_000), rng.randint(0, 1)
    return income, sorted(rng.sample(INDICATOR_CODES, count))


def seed_households(commune, users) -> int:
    """Create the demo households once (returns how many were created; 0 on a re-run)."""
    if Household.objects.filter(commune=commune).exists():
        return 0
    rng = random.Random(SEED)
    people = People(rng)
    neighborhoods = list(Neighborhood.objects.filter(commune=commune).order_by("position"))
    on = datetime.date(2024, 12, 31)
    working_age = working_age_for(PovertyStandard.objects.on(on).get())
    households, member_rows = [], []
    for index in range(HOUSEHOLD_COUNT):
        neighborhood = neighborhoods[index % len(neighborhoods)]
        number = index // len(neighborhoods) + 1
        without_labour = rng.random() < 0.07
        ethnic = rng.random() < 0.05
        family = "Phạm" if index == 0 else rng.choice(FAMILY)
        members = members_for(people, without_labour, family)
        if index == 0:  # someone to find by typing "nguyen thi huong" in Khu phố 1
            members[0].update(name="Nguyễn Thị Hường", sex=Sex.FEMALE)
            for member in members[1:]:
                if member["relation"] == Relation.SPOUSE:
                    member.update(name="Phạm Văn Sơn", sex=Sex.MALE)
        for member in members:
            member["national_id"] = (
                people.national_id(member["sex"], member["born"]) if member["born"].year <= 2010 else ""
            )
            member["ethnic"] = ethnic
            member["merit"] = rng.random() < 0.02
            member["insured"] = rng.random() < 0.93
        flags = derive_flags(
            [MemberFacts(m["born"], m["sex"], m["able"], m["ethnic"], m["merit"]) for m in members],
            on,
            working_age,
        )
        head = members[0]
        code = f"KP{neighborhood.position}-{number:04d}"
        extra = [t for m in members for t in (m["name"], m["national_id"]) if t]
        households.append(
            Household(
                commune=commune,
                neighborhood=neighborhood,
                code=code,
                head_name=head["name"],
                head_national_id=head["national_id"],
                address=f"Số {rng.randint(1, 250)} đường {rng.choice(STREETS)}, {neighborhood.name}",
                is_ethnic_minority=flags.is_ethnic_minority,
                has_meritorious_person=flags.has_meritorious_person,
                without_labour_capacity=flags.without_labour_capacity,
                search_key=build_search_key(code, head["name"], head["national_id"], extra),
            )
        )
        member_rows.append(members)
    Household.objects.bulk_create(households, batch_size=500)
    households = list(Household.objects.filter(commune=commune).order_by("pk"))
    by_code = {h.code: h for h in households}
    members_to_create = []
    for household_data, members in zip([h.code for h in households], member_rows, strict=True):
        household = by_code[household_data]
        for member in members:
            members_to_create.append(
                Member(
                    household=household,
                    full_name=member["name"],
                    date_of_birth=member["born"],
                    sex=member["sex"],
                    relation_to_head=member["relation"],
                    national_id=member["national_id"],
                    is_ethnic_minority=member["ethnic"],
                    is_meritorious=member["merit"],
                    has_health_insurance=member["insured"],
                    able_to_work=member["able"],
                )
            )
    Member.objects.bulk_create(members_to_create, batch_size=1000)
    _seed_rounds(commune, households, users, rng)
    return len(households)


def _seed_rounds(commune, households, users, rng) -> None:
    standard = PovertyStandard.objects.in_force(2024)
    thresholds = thresholds_for(standard, commune.area_type)
    ids = [h.pk for h in households]
    wlc = {h.pk for h in households if h.without_labour_capacity}
    sizes = dict.fromkeys(ids, 0)
    for household_id in Member.objects.filter(household__commune=commune).values_list(
        "household_id", flat=True
    ):
        sizes[household_id] += 1
    plan = _plan_categories(rng, ids, wlc)
    officer = users.get("laodong")
    chairman = users.get("chutich")
    for year, (number, decided) in DECISIONS.items():
        review_round = ReviewRound.objects.create(
            commune=commune,
            year=year,
            number=1,
            status=RoundStatus.APPROVED,
            opened_by=officer,
            decision_number=number,
            decision_date=decided,
            approved_by=chairman,
        )
        reviews = []
        for household_id in ids:
            category = plan[household_id][year]
            income, deprivations = _inputs_for(rng, category, thresholds)
            assert classify(thresholds, deprivation_count=len(deprivations), income=income) == category
            reviews.append(
                Review(
                    household_id=household_id,
                    round=review_round,
                    year=year,
                    standard=standard,
                    household_size=max(sizes[household_id], 1),
                    income=income,
                    deprivations=deprivations,
                    deprivation_count=len(deprivations),
                    category=category,
                    recorded_by=officer,
                )
            )
        Review.objects.bulk_create(reviews, batch_size=1000)
        counts = dict.fromkeys(Category.values, 0)
        for review in reviews:
            counts[review.category] += 1
        with workflow.seeding():  # the round was created approved; its counts come after its reviews
            ReviewRound.objects.filter(pk=review_round.pk).update(summary=counts)
