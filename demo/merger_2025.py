"""Demo of the 2025 reform: the three communes Thị trấn Thọ Xuân is said to have been merged with
(xã Xuân Hồng, Xuân Trường, Xuân Giang — a secondary source; NQ 1686/NQ-UBTVQH15 not yet read: "cần
xác nhận") as GENERATED sample data, each name marked "(dữ liệu mẫu)", with a few thôn, ~130
households and approved 2023 and 2024 rounds; then their merger into "Xã Thọ Xuân" (code ``xa-tho-xuan``) on
01/07/2025, recorded unconfirmed.

Thị trấn Thọ Xuân itself (code ``tho-xuan``) is recorded among the predecessors and its identity ends
on 30/06/2025, but its households and users are NOT moved: every demo account and page works on its
real 2024 data. The three sample communes are merged through the service, so their households and
khu phố move to xã Thọ Xuân with their history. Safe to re-run: nothing is created twice."""

import datetime
import random

from demo.builders import INDICATOR_CODES, People, members_for
from demo.registry import _inputs_for
from households.classification import classify, thresholds_for
from households.models import (
    AreaType,
    Category,
    Commune,
    CommuneKind,
    CommuneMerger,
    Household,
    Member,
    Neighborhood,
    PovertyStandard,
    Province,
    Review,
    ReviewRound,
    RoundStatus,
)
from households.services.identity import close_identity, ensure_first_identity
from households.services.mergers import merge_communes
from households.services.registry import build_search_key
from thoxuan_gnbv import workflow

SAMPLE_NOTE = "dữ liệu mẫu"
EFFECTIVE_ON = datetime.date(2025, 7, 1)
RESOLUTION = "1686/NQ-UBTVQH15"
SUCCESSOR_CODE = "xa-tho-xuan"
# (code, name, issuer line, place, household code prefix, households)
SAMPLES = [
    ("xuan-hong", "Xã Xuân Hồng", "XÃ XUÂN HỒNG", "Xuân Hồng", "XH", 140),
    ("xuan-truong", "Xã Xuân Trường", "XÃ XUÂN TRƯỜNG", "Xuân Trường", "XT", 120),
    ("xuan-giang", "Xã Xuân Giang", "XÃ XUÂN GIANG", "Xuân Giang", "XG", 130),
]
THON_COUNT = 4
# The sample rounds: (year, decision number, decision date).
ROUNDS = [
    (2023, "176/QĐ-UBND", datetime.date(2023, 12, 22)),
    (2024, "198/QĐ-UBND", datetime.date(2024, 12, 23)),
]
STAY = 0.85  # share of sample households whose result is the same in 2024 as in 2023
NOTE = (
    "Cần xác nhận: thành phần sắp xếp lấy theo nguồn thứ cấp, chưa đối chiếu được văn bản gốc Nghị quyết "
    "1686/NQ-UBTVQH15 (ngày ban hành để trống). Ba xã Xuân Hồng, Xuân Trường, Xuân Giang là dữ liệu mẫu "
    "do máy sinh. Thị trấn Thọ Xuân (mã tho-xuan) được ghi là đơn vị trước sắp xếp nhưng dữ liệu thật năm "
    "2024 của nó được giữ nguyên tại mã tho-xuan (hộ, người dùng không chuyển) để minh họa."
)


def seed_merger_2025(users) -> Commune:
    """The sample communes with their 2023 and 2024 rounds, then the merger (once). Returns xã Thọ Xuân."""
    existing = Commune.objects.filter(code=SUCCESSOR_CODE).first()
    if existing is not None and CommuneMerger.objects.filter(successor=existing).exists():
        return existing
    province = Province.objects.get_or_create(
        code="38", defaults={"name": "Thanh Hóa", "full_name": "Tỉnh Thanh Hóa"}
    )[0]
    rng = random.Random(2025)
    samples = [_sample_commune(rng, province, *row, users) for row in SAMPLES]
    merger = merge_communes(
        predecessors=samples,
        successor={
            "code": SUCCESSOR_CODE,
            "name": "Xã Thọ Xuân",
            "kind": CommuneKind.COMMUNE,
            "area_type": AreaType.RURAL,  # a xã is rural for the poverty line (NĐ 07/2021 Điều 3)
            "issuer_name": "XÃ THỌ XUÂN",
            "place_name": "Thọ Xuân",
            "reports_to": "UBND tỉnh Thanh Hóa",
            "province": province,
        },
        effective_on=EFFECTIVE_ON,
        resolution_number=RESOLUTION,
        confirmed=False,
        note=NOTE,
        user=users.get("quantri"),
    )
    # Recorded, not applied: the real commune keeps its data and users at ``tho-xuan``.
    township = Commune.objects.filter(code="tho-xuan").first()
    if township is not None:
        merger.predecessors.add(township)
        ensure_first_identity(township)
        close_identity(township, EFFECTIVE_ON - datetime.timedelta(days=1))
    return merger.successor


def _sample_commune(rng, province, code, name, issuer, place, prefix, count, users) -> Commune:
    commune, _ = Commune.objects.update_or_create(
        code=code,
        defaults={
            "name": f"{name} ({SAMPLE_NOTE})",
            "kind": CommuneKind.COMMUNE,
            "area_type": AreaType.RURAL,
            "issuer_name": issuer,
            "place_name": place,
            "reports_to": "UBND huyện Thọ Xuân",
            "province": province,
        },
    )
    ensure_first_identity(commune, legal_basis=SAMPLE_NOTE)
    hoods = [
        Neighborhood.objects.update_or_create(commune=commune, name=f"Thôn {n}", defaults={"position": n})[0]
        for n in range(1, THON_COUNT + 1)
    ]
    if not Household.objects.filter(commune=commune).exists():
        _households(rng, commune, hoods, prefix, count, users)
    return commune


def _households(rng, commune, hoods, prefix, count, users) -> None:
    people = People(rng)
    rows, members_of = [], []
    for index in range(count):
        hood = hoods[index % len(hoods)]
        members = members_for(people, rng.random() < 0.07, rng.choice(["Lê", "Trịnh", "Nguyễn", "Hoàng"]))
        code = f"{prefix}-T{hood.position}-{index // len(hoods) + 1:04d}"
        head = members[0]["name"]
        rows.append(
            Household(
                commune=commune,
                neighborhood=hood,
                code=code,
                head_name=head,
                address=f"{hood.name}, {commune.name}",
                search_key=build_search_key(code, head, ""),
            )
        )
        members_of.append(members)
    Household.objects.bulk_create(rows)
    households = list(Household.objects.filter(commune=commune).order_by("pk"))
    Member.objects.bulk_create(
        Member(
            household=household,
            full_name=m["name"],
            date_of_birth=m["born"],
            sex=m["sex"],
            relation_to_head=m["relation"],
            able_to_work=m["able"],
        )
        for household, members in zip(households, members_of, strict=True)
        for m in members
    )
    # Two approved years, so the 2024 movements are real: most households keep their 2023 result.
    first = [_draw(rng) for _ in households]
    second = [category if rng.random() < STAY else _draw(rng) for category in first]
    for (year, decision, decided), categories in zip(ROUNDS, (first, second), strict=True):
        _approved_round(rng, commune, households, members_of, categories, year, decision, decided, users)


def _draw(rng) -> str:
    draw = rng.random()
    if draw < 0.06:
        return Category.POOR
    if draw < 0.15:
        return Category.NEAR_POOR
    return Category.AVERAGE if draw < 0.4 else Category.NONE


def _approved_round(rng, commune, households, members_of, categories, year, decision, decided, users):
    standard = PovertyStandard.objects.in_force(year)
    thresholds = thresholds_for(standard, commune.area_type)
    review_round = ReviewRound.objects.create(
        commune=commune,
        year=year,
        number=1,
        status=RoundStatus.APPROVED,
        decision_number=decision,
        decision_date=decided,
        # Sample communes have no accounts of their own: the demo chairman stands in as the signer.
        opened_by=users.get("laodong"),
        approved_by=users.get("chutich"),
        note=f"Đợt rà soát {SAMPLE_NOTE}.",
    )
    reviews, counts = [], dict.fromkeys(Category.values, 0)
    for household, members, category in zip(households, members_of, categories, strict=True):
        income, deprivations = _inputs_for(rng, category, thresholds)
        assert classify(thresholds, deprivation_count=len(deprivations), income=income) == category
        assert set(deprivations) <= set(INDICATOR_CODES)
        counts[category] += 1
        reviews.append(
            Review(
                household=household,
                round=review_round,
                year=year,
                standard=standard,
                household_size=len(members),
                income=income,
                deprivations=deprivations,
                deprivation_count=len(deprivations),
                category=category,
                recorded_by=users.get("laodong"),
            )
        )
    Review.objects.bulk_create(reviews)
    with workflow.seeding():  # created approved; its counts come after its reviews
        ReviewRound.objects.filter(pk=review_round.pk).update(summary=counts)
