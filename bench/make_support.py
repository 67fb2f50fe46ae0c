"""Add the delivery tables to a bench database made by bench/make_households.py: for each year with an
approved review round (2022–2024), an approved plan with the nine components, about three support
records per poor/near-poor household of the list in force, communication activities, and the budget
written THROUGH the budget services (allocations, an estimate submitted by the accountant and approved by
the chairman, quarterly disbursements), so ``BudgetAccount`` holds what the services would have kept:
allocated = the allocations, disbursed = the payments, each covering the year's support and activities.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1k .venv/bin/python bench/make_support.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1m .venv/bin/python bench/make_support.py --small 1000

Support of year Y goes to the households poor or near-poor in the round approved at the end of Y-1
(dated February to mid-December); in the first round's year, to that round's list after its decision.
``--small N`` also creates a second commune ("bench-small") of N households with its own plan and
support, so bench/bench_delivery.py can time one ordinary commune inside a database of a million
households. Support rows go in with COPY on PostgreSQL, executemany elsewhere. Re-running replaces the
delivery data of both communes. Deterministic (seeded).
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.db.models import Min  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.make_small import small_commune  # noqa: E402
from bench.make_sql import analyze, insert_rows  # noqa: E402
from demo.builders import SUPPORT_KINDS  # noqa: E402
from demo.plan_parts_2024 import COMPONENT_LEADS  # noqa: E402
from households.models import (  # noqa: E402
    Category,
    Commune,
    Member,
    Review,
    ReviewRound,
    RoundStatus,
)
from programs.models import (  # noqa: E402
    Activity,
    Allocation,
    BudgetAccount,
    Disbursement,
    Estimate,
    EstimateLine,
    FundingSource,
    Plan,
    PlanComponent,
    PlanStatus,
    Program,
    Project,
    SubProject,
    Support,
    Unit,
)
from programs.services import budget  # noqa: E402
from thoxuan_gnbv import workflow  # noqa: E402
from thoxuan_gnbv.models import Role, User  # noqa: E402

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
ACTIVITY_COST = 2_000_000
QUARTERS = (3, 6, 9, 12)


@workflow.seeding()
def reset(commune):
    """Remove a previous run's rows, approved ones included (benchmark data, not official records)."""
    supports = Support._base_manager.filter(household__commune=commune)
    supports._raw_delete(supports.db)
    Activity._base_manager.filter(component__plan__commune=commune).delete()
    Disbursement._base_manager.filter(line__estimate__commune=commune).delete()
    EstimateLine.objects.filter(estimate__commune=commune).delete()
    Estimate.objects.filter(commune=commune).delete()
    Allocation._base_manager.filter(component__plan__commune=commune).delete()
    BudgetAccount.objects.filter(commune=commune).delete()
    PlanComponent.objects.filter(plan__commune=commune).delete()
    Plan.objects.filter(commune=commune).delete()


def plan_for(commune, year: int, users) -> dict[str, PlanComponent]:
    program = Program.objects.get(code="GNBV-2021-2025")
    unit, _ = Unit.objects.get_or_create(commune=commune, name=f"UBND {commune.name}")
    plan = Plan.objects.create(
        commune=commune, program=program, year=year, title=f"Kế hoạch năm {year}", created_by=users["officer"]
    )
    components = {}
    for position, (code, lead_role) in enumerate(COMPONENTS.items(), start=1):
        number, _, sub = code.partition(".")
        project = Project.objects.get(program=program, number=int(number))
        subproject = SubProject.objects.get(project=project, number=int(sub)) if sub else None
        components[code] = PlanComponent.objects.create(
            plan=plan, position=position, project=project, subproject=subproject, lead_unit=unit,
            lead_role=lead_role, deadline=datetime.date(year, 12, 31),
        )  # fmt: skip
    with workflow.seeding():
        Plan.objects.filter(pk=plan.pk).update(
            status=PlanStatus.APPROVED, approved_by=users["chairman"], approved_at=timezone.now()
        )
    plan.refresh_from_db()
    for component in components.values():
        component.plan = plan
    return components


def budget_for(commune, year: int, components, spent: dict[str, int], users) -> None:
    """Allocation, approved estimate and quarterly payments through programs.services.budget, each
    component's allocation a tenth above what its support and activities cost (rounded up to a million),
    so every account ends with allocated ≥ disbursed = the year's cost."""
    accountant, chairman = users["accountant"], users["chairman"]
    amounts = {
        code: -(-cost * 11 // 10 // 1_000_000) * 1_000_000 for code, cost in spent.items() if cost
    }  # fmt: skip
    for code, amount in amounts.items():
        budget.allocation_record(
            component=components[code], source=FundingSource.CENTRAL, amount=amount,
            decision_number=f"03/QĐ-UBND-{year}", decision_date=datetime.date(year, 1, 10), user=accountant,
        )  # fmt: skip
    estimate = budget.estimate_create(
        commune=commune, year=year, title=f"Dự toán chi Chương trình giảm nghèo năm {year}", user=accountant
    )
    lines = {
        code: budget.estimate_line_add(
            estimate=estimate,
            component=components[code],
            source=FundingSource.CENTRAL,
            content="Chi hỗ trợ hộ nghèo, cận nghèo và hoạt động",
            amount=amount,
            user=accountant,
        )  # fmt: skip
        for code, amount in amounts.items()
    }
    budget.estimate_submit(estimate=estimate, user=accountant)
    budget.estimate_approve(estimate=estimate, user=chairman)
    for n, (code, line) in enumerate(lines.items()):
        cost, paid = spent[code], 0
        for k, month in enumerate(QUARTERS):
            amount = cost - paid if k == len(QUARTERS) - 1 else cost // len(QUARTERS)
            paid += amount
            if amount:
                budget.disbursement_record(
                    line=line, paid_on=datetime.date(year, month, 25), amount=amount,
                    voucher_number=f"PC{year % 100}-{n:02d}{k}", payee="Bộ phận tổ chức thực hiện", user=accountant,
                )  # fmt: skip


def beneficiaries(commune, year: int) -> tuple[list[tuple[int, str]], datetime.date, datetime.date]:
    """(household, category) of the list in force during ``year``, and the dates support may carry."""
    rounds = ReviewRound.objects.filter(commune=commune, status=RoundStatus.APPROVED, number=1)
    source = rounds.filter(year=year - 1).first()
    first, last = datetime.date(year, 2, 1), datetime.date(year, 12, 15)
    if source is None:
        source = rounds.get(year=year)
        first, last = source.decision_date + datetime.timedelta(days=1), datetime.date(year, 12, 31)
    rows = list(
        Review.objects.filter(round=source, category__in=[Category.POOR, Category.NEAR_POOR])
        .order_by("household_id")
        .values_list("household_id", "category")
    )
    return rows, first, last


def supports_for(commune, year: int, components, users, rng) -> tuple[int, dict[str, int]]:
    """Three support records per household of the list; returns the count and the cost per component."""
    listed, first, last = beneficiaries(commune, year)
    span = (last - first).days
    kinds = list(SUPPORT_KINDS.items())
    now = timezone.now().isoformat()
    officer = users["officer"].pk
    spent = dict.fromkeys(COMPONENTS, 0)
    total = 0
    for start in range(0, len(listed), CHUNK):
        chunk = listed[start : start + CHUNK]
        first_member = dict(
            Member.objects.filter(household_id__in=[h for h, _ in chunk]).values("household_id").annotate(first=Min("pk")).values_list("household_id", "first")
        )  # fmt: skip
        rows = []
        for household_id, category in chunk:
            for code, kind in rng.sample(kinds, 3):
                day = first + datetime.timedelta(days=rng.randint(0, span))
                member = first_member.get(household_id) if kind.to_member else None
                spent[code] += kind.central_amount
                rows.append((
                    components[code].pk, household_id, member, kind.support_type, kind.description,
                    kind.quantity, kind.unit, kind.central_amount, 0, 0, 0, 0, "", day.isoformat(), "", "", "",
                    0, 0, False, category, False, "", officer, now, 1, "",
                ))  # fmt: skip
        with transaction.atomic():
            insert_rows("programs_support", SUPPORT_COLUMNS, rows)
        total += len(rows)
    for code in ("6.1", "6.2", "7.1", "7.2"):
        for n in range(25):
            Activity.objects.create(
                component=components[code], activity_type="communication", title=f"Truyền thông {code} số {n}",
                held_on=datetime.date(year, 1 + n % 12, 15), place="Nhà văn hóa", participants=60,
                participants_women=30, participants_poor=20, central_amount=ACTIVITY_COST, recorded_by=users["officer"],
            )  # fmt: skip
            spent[code] += ACTIVITY_COST
    return total, spent


def generate(commune, users, rng, log=print) -> int:
    """Plans, support and budget of every year with an approved round; returns the support count."""
    reset(commune)
    years = sorted(
        ReviewRound.objects.filter(commune=commune, status=RoundStatus.APPROVED).values_list(
            "year", flat=True
        )
    )
    total = 0
    for year in years:
        components = plan_for(commune, year, users)
        count, spent = supports_for(commune, year, components, users, rng)
        with transaction.atomic():
            budget_for(commune, year, components, spent, users)
        total += count
        log(f"  {commune.code} {year}: {count:,} hỗ trợ")
    return total


def bench_users(commune) -> dict[str, User]:
    """The demo's officer, chairman and accountant when make_households.py created them, else bench-*
    users; they work for the bench commune (their request.commune on every page)."""
    users = {}
    if commune.code != "bench":
        return {
            key: User.objects.update_or_create(
                username=f"{commune.code}-{key}", defaults={"role": role, "commune": commune}
            )[0]
            for key, role in (("officer", Role.LABOUR_OFFICER), ("chairman", Role.CHAIRMAN), ("accountant", Role.ACCOUNTANT))
        }  # fmt: skip
    for key, username, role in (
        ("officer", "laodong", Role.LABOUR_OFFICER),
        ("chairman", "chutich", Role.CHAIRMAN),
        ("accountant", "ketoan", Role.ACCOUNTANT),
    ):
        user = User.objects.filter(username=username, commune=commune).first()
        users[key] = (
            user
            or User.objects.update_or_create(
                username=f"bench-{key}", defaults={"role": role, "commune": commune}
            )[0]
        )
    return users


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commune", default="bench")
    parser.add_argument("--small", type=int, default=0, help="also create a commune of this many households")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    started = time.perf_counter()
    rng = random.Random(args.seed)
    commune = Commune.objects.get(code=args.commune)
    communes = [commune]
    if args.small:
        communes.append(small_commune(args.small, rng, reset))
    for each in communes:
        count = generate(each, bench_users(each), rng, log=lambda line: print(line, flush=True))
        print(f"{each.name}: {count:,} hỗ trợ ({time.perf_counter() - started:.0f} s)")
    analyze("programs_support", "programs_activity", "households_member")


if __name__ == "__main__":
    main()
