"""Add the delivery tables to a bench database made by bench/make_households.py: an approved 2024
plan with the nine components, about three support records per poor/near-poor household, activities,
allocations, an approved estimate and disbursements.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1k .venv/bin/python bench/make_support.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1m .venv/bin/python bench/make_support.py --small 1000

``--small N`` also creates a second commune ("bench-small") of N households with its own plan and
support, so bench/bench_delivery.py can time one ordinary commune inside a database of a million
households. Rows go in with COPY on PostgreSQL, bulk_create elsewhere. Re-running replaces the
delivery data of both communes. Deterministic (seeded).
"""

import argparse
import csv
import datetime
import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Min  # noqa: E402
from django.utils import timezone  # noqa: E402

from demo.builders import SUPPORT_KINDS  # noqa: E402
from demo.plan_parts_2024 import COMPONENT_LEADS  # noqa: E402
from households.models import (  # noqa: E402
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
from households.services.registry import build_search_key  # noqa: E402
from programs.models import (  # noqa: E402
    Activity,
    Allocation,
    Disbursement,
    Estimate,
    EstimateLine,
    EstimateStatus,
    Plan,
    PlanComponent,
    PlanStatus,
    Program,
    Project,
    SubProject,
    Support,
    Unit,
)
from thoxuan_gnbv import workflow  # noqa: E402
from thoxuan_gnbv.models import Role, User  # noqa: E402

YEAR = 2024
CHUNK = 50_000
# code → lead role: the nine components of the demo's 2024 plan, in its order; each household's
# support comes from the same catalogue as the demo's (demo/builders.py).
COMPONENTS = {
    f"{project}.{sub}" if sub else str(project): lead[1] for (project, sub), lead in COMPONENT_LEADS.items()
}
SUPPORT_COLUMNS = [
    "component_id", "household_id", "member_id", "support_type", "description", "quantity", "unit",
    "central_amount", "local_amount", "mobilised_amount", "credit_amount", "counterpart_cash",
    "counterpart_in_kind", "supported_on", "production_model", "production_model_decision",
    "production_model_lead", "amount_to_return", "amount_returned", "low_income_worker",
    "eligibility_basis", "is_exception", "exception_reason", "recorded_by_id", "created_at",
    "version", "void_reason",  # COPY skips Django's defaults (optimistic locking, voiding)
]  # fmt: skip


def copy_rows(table, columns, rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer
        )


@workflow.seeding()
def reset(commune):
    """Remove a previous run's rows, approved ones included (benchmark data, not official records)."""
    Support.objects.filter(household__commune=commune).delete()
    Activity.objects.filter(component__plan__commune=commune).delete()
    Disbursement.objects.filter(line__estimate__commune=commune).delete()
    EstimateLine.objects.filter(estimate__commune=commune).delete()
    Estimate.objects.filter(commune=commune).delete()
    Allocation.objects.filter(component__plan__commune=commune).delete()
    PlanComponent.objects.filter(plan__commune=commune).delete()
    Plan.objects.filter(commune=commune).delete()


def small_commune(households: int, rng) -> Commune:
    """A second commune of ordinary size with members and an approved 2024 review round."""
    commune, _ = Commune.objects.update_or_create(
        code="bench-small",
        defaults={"name": "Xã Đo Nhỏ", "kind": "xa", "area_type": AreaType.RURAL, "issuer_name": "XÃ ĐO NHỎ", "place_name": "Đo Nhỏ"},
    )  # fmt: skip
    reset(commune)
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
    officer = User.objects.get(username="bench-officer")
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


def plan_for(commune, users) -> dict[str, PlanComponent]:
    program = Program.objects.get(code="GNBV-2021-2025")
    unit, _ = Unit.objects.get_or_create(commune=commune, name=f"UBND {commune.name}")
    plan = Plan.objects.create(
        commune=commune, program=program, year=YEAR, title=f"Kế hoạch năm {YEAR}", created_by=users["officer"]
    )
    components = {}
    for position, (code, lead_role) in enumerate(COMPONENTS.items(), start=1):
        number, _, sub = code.partition(".")
        project = Project.objects.get(program=program, number=int(number))
        subproject = SubProject.objects.get(project=project, number=int(sub)) if sub else None
        components[code] = PlanComponent.objects.create(
            plan=plan, position=position, project=project, subproject=subproject, lead_unit=unit,
            lead_role=lead_role, deadline=datetime.date(YEAR, 12, 31),
        )  # fmt: skip
    plan.status = PlanStatus.APPROVED
    plan.approved_by = users["chairman"]
    plan.approved_at = timezone.now()
    plan.save()
    return components


def budget_for(commune, components, users):
    for component in components.values():
        Allocation.objects.create(
            component=component, source="central", amount=2_000_000_000, decision_number="03/QĐ-UBND",
            decision_date=datetime.date(YEAR, 1, 10), recorded_by=users["accountant"],
        )  # fmt: skip
    estimate = Estimate.objects.create(
        commune=commune, year=YEAR, title="Dự toán năm 2024", prepared_by=users["accountant"]
    )
    lines = [
        EstimateLine.objects.create(
            estimate=estimate, component=c, source="central", content="Chi hỗ trợ", amount=1_500_000_000
        )
        for c in components.values()
    ]
    estimate.status = EstimateStatus.APPROVED
    estimate.approved_by = users["chairman"]
    estimate.approved_at = timezone.now()
    estimate.save()
    for n, line in enumerate(lines):
        for k in range(3):
            Disbursement.objects.create(
                line=line, paid_on=datetime.date(YEAR, 3 + k * 3, 10), amount=100_000_000 + n * 1_000_000,
                voucher_number=f"PC-{n:02d}{k}", payee="Bộ phận tổ chức", recorded_by=users["accountant"],
            )  # fmt: skip
        EstimateLine.objects.filter(pk=line.pk).update(disbursed_amount=3 * (100_000_000 + n * 1_000_000))


def supports_for(commune, components, users, rng) -> int:
    postgres = connection.vendor == "postgresql"
    beneficiary_ids = list(
        Review.objects.filter(round__commune=commune, round__status=RoundStatus.APPROVED, category__in=[Category.POOR, Category.NEAR_POOR])
        .values_list("household_id", "category")
        .order_by("household_id")
    )  # fmt: skip
    kinds = list(SUPPORT_KINDS.items())
    now = timezone.now().isoformat()
    total = 0
    for start in range(0, len(beneficiary_ids), CHUNK):
        chunk = beneficiary_ids[start : start + CHUNK]
        first_member = dict(
            Member.objects.filter(household_id__in=[h for h, _ in chunk]).values("household_id").annotate(first=Min("pk")).values_list("household_id", "first")
        )  # fmt: skip
        rows = []
        for household_id, category in chunk:
            for code, kind in rng.sample(kinds, 3):
                day = datetime.date(YEAR, 12, rng.randint(21, 31))
                member = first_member.get(household_id) if kind.to_member else None
                rows.append((
                    components[code].pk, household_id, member if member else "\\N", kind.support_type,
                    kind.description, kind.quantity, kind.unit, kind.central_amount, 0, 0, 0, 0, "",
                    day.isoformat(), "", "", "", 0, 0, False, category, False, "", users["officer"].pk, now, 1, "",
                ))  # fmt: skip
        with transaction.atomic():
            if postgres:
                copy_rows("programs_support", SUPPORT_COLUMNS, rows)
            else:
                Support.objects.bulk_create(
                    [Support(**{c: (None if v == "\\N" else v) for c, v in zip(SUPPORT_COLUMNS, row, strict=True)}) for row in rows],
                    batch_size=5000,
                )  # fmt: skip
        total += len(rows)
        print(f"  {commune.code}: {total:>9,} hỗ trợ", flush=True)
    for code in ("6.1", "6.2", "7.1", "7.2"):
        for n in range(25):
            Activity.objects.create(
                component=components[code], activity_type="communication", title=f"Truyền thông {code} số {n}",
                held_on=datetime.date(YEAR, 1 + n % 12, 15), place="Nhà văn hóa", participants=60,
                participants_women=30, participants_poor=20, central_amount=2_000_000, recorded_by=users["officer"],
            )  # fmt: skip
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commune", default="bench")
    parser.add_argument("--small", type=int, default=0, help="also create a commune of this many households")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    started = time.perf_counter()
    rng = random.Random(args.seed)
    communes = [Commune.objects.get(code=args.commune)]
    # The bench users work for the bench commune (their request.commune on every page).
    users = {
        key: User.objects.update_or_create(username=f"bench-{key}", defaults={"role": role, "commune": communes[0]})[0]
        for key, role in (("officer", Role.LABOUR_OFFICER), ("chairman", Role.CHAIRMAN), ("accountant", Role.ACCOUNTANT))
    }  # fmt: skip
    if args.small:
        communes.append(small_commune(args.small, rng))
    for commune in communes:
        reset(commune)
        components = plan_for(commune, users)
        budget_for(commune, components, users)
        count = supports_for(commune, components, users, rng)
        print(f"{commune.name}: {count:,} hỗ trợ ({time.perf_counter() - started:.0f} s)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE programs_support; ANALYZE programs_activity; ANALYZE households_member")


if __name__ == "__main__":
    main()
