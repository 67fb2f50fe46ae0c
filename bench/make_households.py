"""Generate a synthetic household registry for the benchmark (households/bench_households.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1k \
        .venv/bin/python bench/make_households.py --households 1000

Creates (after ``migrate``) a commune "bench" with 12 khu phố, N households with about four members
each, an approved 2024 review round covering every household, and a labour officer "bench-officer".
On PostgreSQL rows go in with COPY (1M households + 4M members take a few minutes); elsewhere with
bulk_create. Re-running replaces the bench commune's data. Deterministic (seeded).
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

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from demo.builders import FAMILY, INDICATOR_CODES, full_name  # noqa: E402
from households.classification import classify, thresholds_for  # noqa: E402
from households.models import (  # noqa: E402
    AreaType,
    Commune,
    Household,
    Member,
    Neighborhood,
    PovertyStandard,
    Review,
    ReviewRound,
    RoundStatus,
)
from households.services.registry import MEMBER_FIELDS, build_search_key  # noqa: E402
from thoxuan_gnbv import workflow  # noqa: E402
from thoxuan_gnbv.models import Role, User  # noqa: E402

CHUNK = 50_000
CODE = "bench"


def names(rng):
    """A (full name, sex) pair from the demo's name builder; the family name is drawn first."""
    family = rng.choice(FAMILY)
    sex = "male" if rng.random() < 0.5 else "female"
    return full_name(rng, sex, family), sex


def copy_rows(table, columns, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(rows)
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer
        )


@workflow.seeding()
def reset(commune):
    """Remove a previous run's rows, approved ones included (benchmark data, not official records)."""
    Review.objects.filter(round__commune=commune).delete()
    ReviewRound.objects.filter(commune=commune).delete()
    Member.objects.filter(household__commune=commune).delete()
    Household.objects.filter(commune=commune).delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)
    commune, _ = Commune.objects.update_or_create(
        code=CODE,
        defaults={
            "name": "Thị trấn Đo Tải",
            "kind": "thi_tran",
            "area_type": AreaType.URBAN,
            "issuer_name": "THỊ TRẤN ĐO TẢI",
            "place_name": "Đo Tải",
        },
    )
    reset(commune)
    neighborhoods = [
        Neighborhood.objects.update_or_create(commune=commune, name=f"Khu phố {n}", defaults={"position": n})[
            0
        ]
        for n in range(1, 13)
    ]
    officer, _ = User.objects.update_or_create(
        username="bench-officer", defaults={"role": Role.LABOUR_OFFICER, "commune": commune}
    )
    standard = PovertyStandard.objects.in_force(2024)
    thresholds = thresholds_for(standard, commune.area_type)
    approved = ReviewRound.objects.create(
        commune=commune, year=2024, status=RoundStatus.APPROVED, decision_number="1/QĐ-UBND",
        decision_date=datetime.date(2024, 12, 20), approved_by=officer,
    )  # fmt: skip
    postgres = connection.vendor == "postgresql"
    now = datetime.datetime.now(datetime.UTC).isoformat()
    serial = 0
    for start in range(0, args.households, CHUNK):
        count = min(CHUNK, args.households - start)
        households, member_rows = [], []
        for i in range(start, start + count):
            head, sex = names(rng)
            serial += 1
            national_id = f"0{serial:011d}"
            code = f"B{i + 1:07d}"
            others = [names(rng) for _ in range(rng.choice([2, 3, 3, 4, 5]))]
            extra = [n for n, _ in others]
            households.append(
                (
                    code,
                    head,
                    national_id,
                    rng.choice(neighborhoods).pk,
                    build_search_key(code, head, national_id, extra),
                    rng.random() < 0.07,
                    rng.random() < 0.05,
                )
            )
            member_rows.append(
                [(head, sex, 1960 + rng.randrange(50), True)]
                + [(n, s, 1950 + rng.randrange(70), False) for n, s in others]
            )
        with transaction.atomic():
            if postgres:
                copy_rows(
                    "households_household",
                    [
                        "commune_id",
                        "neighborhood_id",
                        "code",
                        "head_name",
                        "head_national_id",
                        "address",
                        "is_ethnic_minority",
                        "has_meritorious_person",
                        "without_labour_capacity",
                        "search_key",
                        "created_at",
                        "updated_at",
                        "version",  # optimistic locking (thoxuan_gnbv.concurrency.Versioned): COPY skips defaults
                    ],
                    [
                        (commune.pk, n, code, head, nid, "", eth, False, wlc, key, now, now, 1)
                        for code, head, nid, n, key, wlc, eth in households
                    ],
                )
            else:
                Household.objects.bulk_create(
                    [
                        Household(
                            commune=commune,
                            neighborhood_id=n,
                            code=code,
                            head_name=head,
                            head_national_id=nid,
                            search_key=key,
                            without_labour_capacity=wlc,
                            is_ethnic_minority=eth,
                        )
                        for code, head, nid, n, key, wlc, eth in households
                    ],
                    batch_size=5000,
                )
            ids = dict(
                Household.objects.filter(
                    commune=commune, code__gte=households[0][0], code__lte=households[-1][0]
                ).values_list("code", "pk")
            )
            members, reviews = [], []
            for (code, *_), people in zip(households, member_rows, strict=True):
                pk = ids[code]
                for name, sex, born, is_head in people:
                    members.append(
                        (
                            pk,
                            name,
                            f"{born}-06-15",
                            sex,
                            "head" if is_head else "other",
                            "",
                            False,
                            False,
                            False,
                            True,
                            True,
                        )
                    )
                income = rng.choice(
                    [900_000, 1_500_000, 1_900_000, 2_400_000, 2_900_000, 4_000_000, 6_000_000, 9_000_000]
                )
                deprived = rng.sample(INDICATOR_CODES, rng.choice([0, 0, 1, 2, 3, 4]))
                category = classify(thresholds, deprivation_count=len(deprived), income=income)
                reviews.append((pk, approved.pk, 2024, standard.pk, len(people), income, deprived, category))
            if postgres:
                copy_rows(
                    "households_member",
                    ["household_id", *MEMBER_FIELDS, "version"],
                    [(*member, 1) for member in members],
                )
                import json

                copy_rows(
                    "households_review",
                    [
                        "household_id",
                        "round_id",
                        "year",
                        "standard_id",
                        "household_size",
                        "income",
                        "deprivations",
                        "deprivation_count",
                        "category",
                        "recorded_at",
                        "note",
                    ],
                    [
                        (h, r, y, s, size, inc, json.dumps(d), len(d), c, now, "")
                        for h, r, y, s, size, inc, d, c in reviews
                    ],
                )
            else:
                Member.objects.bulk_create(
                    [
                        Member(
                            household_id=m[0],
                            full_name=m[1],
                            date_of_birth=m[2],
                            sex=m[3],
                            relation_to_head=m[4],
                        )
                        for m in members
                    ],
                    batch_size=5000,
                )
                Review.objects.bulk_create(
                    [
                        Review(
                            household_id=h,
                            round_id=r,
                            year=y,
                            standard_id=s,
                            household_size=size,
                            income=inc,
                            deprivations=d,
                            deprivation_count=len(d),
                            category=c,
                        )
                        for h, r, y, s, size, inc, d, c in reviews
                    ],
                    batch_size=5000,
                )
        print(f"  {start + count:>9,} hộ ({time.perf_counter() - started:.0f} s)", flush=True)
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE households_household; ANALYZE households_member; ANALYZE households_review"
            )
    print(
        f"Đã tạo {args.households:,} hộ, {Member.objects.filter(household__commune=commune).count():,} nhân khẩu trong {time.perf_counter() - started:.0f} s."
    )


if __name__ == "__main__":
    main()
