"""Demo data of delivery and budget for 2024: the budget (``demo/budget_2024.py``: allocations, the
approved estimate, disbursements), then support records for the nine components consistent with the demo
households' approved statuses, and the activities of Dự án 3, 6 and 7.

Every record goes through the services (eligibility, no overdraft, approval), deterministic
(seeded), and safe to re-run: nothing is added when the 2024 estimate already exists."""

import datetime
import random

from demo.activities_2024 import ACTIVITIES
from demo.budget_2024 import YEAR, _disburse, _seed_budget
from demo.builders import SUPPORT_KINDS
from households.models import Household, Relation, Sex
from households.status import statuses_on
from programs.models import Estimate, Plan
from programs.services import delivery
from programs.services.eligibility import age_on

RECORDER = {
    "2": "laodong",
    "3.1": "nongnghiep",
    "3.2": "tramyte",
    "4.1": "laodong",
    "4.3": "laodong",
    "6.1": "vanhoa",
    "6.2": "laodong",
    "7.1": "laodong",
    "7.2": "laodong",
}
MODEL_COW = ("Mô hình nuôi bò sinh sản năm 2024", "45/QĐ-UBND ngày 15/3/2024", "UBND thị trấn Thọ Xuân")
MODEL_CHICKEN = ("Mô hình chăn nuôi gà thả vườn", "52/QĐ-UBND ngày 02/4/2024", "Hội Nông dân thị trấn")


def seed_delivery_2024(commune, users) -> int:
    """Seed 2024 delivery and budget once; returns the number of support records created."""
    plan = Plan.objects.approved_for(commune, YEAR)
    if plan is None or Estimate.objects.filter(commune=commune, year=YEAR).exists():
        return 0
    components = {c.code: c for c in plan.components.select_related("plan", "project", "subproject")}
    rng = random.Random(YEAR)
    lines = _seed_budget(commune, components, users)
    supports = _seed_supports(commune, components, lines, users, rng)
    _seed_activities(components, lines, users, rng)
    return supports


def _beneficiaries(commune, on_date):
    """Households that are poor, near-poor or recently escaped on ``on_date``, with members."""
    households = Household.objects.filter(commune=commune)
    statuses = statuses_on(households, on_date)
    eligible = sorted(pk for pk, status in statuses.items() if status.is_beneficiary)
    return list(Household.objects.filter(pk__in=eligible).prefetch_related("members").order_by("code"))


def _day(rng, month_from, month_to) -> datetime.date:
    return datetime.date(YEAR, rng.randint(month_from, month_to), rng.randint(1, 28))


def _seed_supports(commune, components, lines, users, rng) -> int:
    households = _beneficiaries(commune, datetime.date(YEAR, 3, 1))
    rng.shuffle(households)
    working = [h for h in households if not h.without_labour_capacity]
    count = 0

    def record(code, household, supported_on, disbursement=None, **details):
        nonlocal count
        delivery.support_record(
            component=components[code],
            household=household,
            supported_on=supported_on,
            disbursement=disbursement,
            user=users[RECORDER[code]],
            **details,
        )
        count += 1

    # Dự án 2: a cow-breeding model, half the capital revolving back to the fund.
    cows = working[:10]
    paid = _disburse(
        lines["2"], 150_000_000, "PC-2024-015", "Các hộ tham gia mô hình", datetime.date(YEAR, 4, 5), users
    )
    for household in cows:
        returned = rng.choice([0, 2_000_000, 3_000_000, 5_000_000])
        record(
            "2",
            household,
            datetime.date(YEAR, 4, 5),
            paid,
            **SUPPORT_KINDS["2"].details(),
            counterpart_cash=3_000_000,
            counterpart_in_kind="Làm chuồng trại, trồng cỏ",
            production_model=MODEL_COW[0],
            production_model_decision=MODEL_COW[1],
            production_model_lead=MODEL_COW[2],
            amount_to_return=7_500_000,
            amount_returned=returned,
        )
    # Dự án 3 TDA 1: chickens and feed, seedlings and fertiliser.
    farm = working[10:40]
    paid = _disburse(
        lines["3.1"],
        135_000_000,
        "PC-2024-021",
        "HTX dịch vụ nông nghiệp Xuân Phong",
        datetime.date(YEAR, 4, 20),
        users,
    )
    for index, household in enumerate(farm):
        if index % 2 == 0:
            details = {
                **SUPPORT_KINDS["3.1"].details(),
                "production_model": MODEL_CHICKEN[0],
                "production_model_decision": MODEL_CHICKEN[1],
                "production_model_lead": MODEL_CHICKEN[2],
            }
        else:
            details = {
                "support_type": "fertiliser_feed",
                "description": "Hỗ trợ giống lúa chất lượng cao và phân bón NPK",
                "quantity": 250,
                "unit": "kg",
                "central_amount": 2_500_000,
                "local_amount": 500_000,
            }
        record(
            "3.1",
            household,
            _day(rng, 4, 9),
            paid,
            counterpart_cash=rng.choice([0, 500_000, 1_000_000]),
            **details,
        )
    # Dự án 3 TDA 2: children under 16 and mothers of children under 5.
    paid = _disburse(
        lines["3.2"], 30_000_000, "PC-2024-034", "Trạm y tế thị trấn", datetime.date(YEAR, 5, 15), users
    )
    nutrition = 0
    rule = components["3.2"].catalogue_entry  # the age limits are catalogue data
    for household in households:
        if nutrition >= 40:
            break
        day = _day(rng, 5, 9)
        members = [m for m in household.members.all() if m.date_of_birth]
        young = [m for m in members if age_on(m.date_of_birth, day) < rule.young_child_age_limit]
        for member in members:
            age = age_on(member.date_of_birth, day)
            mother = (
                member.sex == Sex.FEMALE
                and member.relation_to_head in (Relation.HEAD, Relation.SPOUSE)
                and young
            )
            if age < rule.child_age_limit or mother:
                details = SUPPORT_KINDS["3.2"].details()
                if mother:
                    details["description"] = "Tư vấn và bổ sung vi chất cho bà mẹ có con dưới 5 tuổi"
                record("3.2", household, day, paid, member=member, **details)
                nutrition += 1
    # Dự án 4 TDA 1: vocational training for working-age members.
    trainees = [
        (h, m)
        for h in working[40:80]
        for m in h.members.all()
        if m.date_of_birth
        and 18 <= age_on(m.date_of_birth, datetime.date(YEAR, 6, 1)) <= 45
        and m.able_to_work
    ][:12]
    paid = _disburse(
        lines["4.1"],
        42_000_000,
        "PC-2024-040",
        "Trung tâm GDNN-GDTX huyện Thọ Xuân",
        datetime.date(YEAR, 6, 10),
        users,
    )
    for household, member in trainees:
        details = SUPPORT_KINDS["4.1"].details()
        details["description"] = rng.choice(
            ["Học nghề may công nghiệp (3 tháng)", "Học nghề sửa chữa máy nông nghiệp (3 tháng)"]
        )
        record("4.1", household, datetime.date(YEAR, 6, 10), paid, member=member, **details)
    # Dự án 4 TDA 3: job placement.
    for household, member in trainees[:8]:
        record(
            "4.3",
            household,
            _day(rng, 9, 11),
            member=member,
            **SUPPORT_KINDS["4.3"].details(),
            local_amount=0,
        )
    # Dự án 6 TDA 1: information devices for households without them.
    for household in working[80:86]:
        record(
            "6.1",
            household,
            _day(rng, 7, 10),
            **SUPPORT_KINDS["6.1"].details(),
        )
    return count


def _seed_activities(components, lines, users, rng) -> None:
    for number, (code, kind, title, place, people, (central, local), outputs) in enumerate(
        ACTIVITIES, start=50
    ):
        if code not in components:
            continue
        total, women, poor, ethnic = people
        held_on = _day(rng, 3, 11)
        payee = "Trạm y tế thị trấn" if code == "3.2" else "Bộ phận tổ chức – UBND thị trấn"
        paid = _disburse(lines[code], central, f"PC-2024-{number:03d}", payee, held_on, users)
        delivery.activity_record(
            component=components[code],
            activity_type=kind,
            title=title,
            held_on=held_on,
            place=place,
            participants=total,
            participants_women=women,
            participants_poor=poor,
            participants_ethnic_minority=ethnic,
            central_amount=central,
            local_amount=local,
            outputs=outputs,
            disbursement=paid,
            user=users[RECORDER[code]],
        )
