"""Benchmark of the province level: the roll-up page warm at 3 communes and at N communes, the cold
computation of every row in the worker, and the province workbook's peak memory at 20 and N communes.

    createdb -h 127.0.0.1 -U postgres gnbv_province
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_province
    .venv/bin/python manage.py migrate
    .venv/bin/python bench/bench_province.py --prepare --communes 166 --households 6000
    .venv/bin/python bench/bench_province.py --communes 166

``--prepare`` makes two provinces: ``bench-3`` with 3 communes and ``bench-N`` with N communes of
``--households`` households each (one khu phố per 500), with approved 2023 and 2024 review rounds
(bulk inserts, about 8 % poor and 12 % near-poor drawn with a fixed seed). The run prints one JSON
line: the worker's cold time for every row of each province, the warm page's median time and query
count at 3 and N communes and their ratio (goal ≤ 2), and the workbook's peak Python memory
(tracemalloc) at 20 and N communes and their ratio (goal: flat).

Without a province-scale PostgreSQL, ``--workbook-only --small 5 --communes 40 --households 200``
(after the same ``--prepare``; SQLite is enough) measures only the workbook's peak at 5 vs 40 communes.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from households.models import (  # noqa: E402
    Commune,
    Household,
    Neighborhood,
    PovertyStandard,
    Province,
    Review,
    ReviewRound,
    RoundStatus,
)
from reporting.documents.province_workbook import write_province_xlsx  # noqa: E402
from reporting.province_tasks import refresh_province_rows  # noqa: E402
from thoxuan_gnbv import workflow  # noqa: E402
from thoxuan_gnbv.models import Role, User  # noqa: E402


def _category(rng) -> str:
    r = rng.random()
    return "poor" if r < 0.08 else "near_poor" if r < 0.20 else "none"


@workflow.seeding()
def make_province(code: str, communes: int, households: int, rng) -> Province:
    province, created = Province.objects.get_or_create(code=code, defaults={"name": f"Tỉnh {code}"})
    if not created:
        return province
    standard = PovertyStandard.objects.in_force(2024)
    # An approved round names who approved it (review_round_approved_has_decision): a fresh database
    # has nobody yet.
    approver = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        "bench-approver", "bench@example.com", None
    )
    for i in range(communes):
        with transaction.atomic():
            commune = Commune.objects.create(
                code=f"{code}-{i:03d}", name=f"Xã {code} {i:03d}", kind="xa", area_type="rural",
                issuer_name=f"XÃ {code} {i:03d}".upper(), place_name=f"Xã {i:03d}", province=province,
            )  # fmt: skip
            hoods = Neighborhood.objects.bulk_create(
                [
                    Neighborhood(commune=commune, name=f"Thôn {n + 1}", position=n + 1)
                    for n in range(max(1, households // 500))
                ]
            )
            Household.objects.bulk_create(
                [
                    Household(commune=commune, neighborhood=hoods[n % len(hoods)], code=f"{commune.code}-{n}",
                              head_name=f"Chủ hộ {n}", search_key=f"{commune.code}-{n}")
                    for n in range(households)
                ],
                batch_size=5000,
            )  # fmt: skip
            ids = list(Household.objects.filter(commune=commune).values_list("pk", flat=True))
            for year in (2023, 2024):
                review_round = ReviewRound.objects.create(
                    commune=commune, year=year, number=1, status=RoundStatus.APPROVED,
                    decision_number=f"{i}/QĐ-UBND", decision_date=datetime.date(year, 12, 20),
                    approved_by=approver, approved_at=timezone.now(),
                )  # fmt: skip
                Review.objects.bulk_create(
                    [
                        Review(household_id=pk, round=review_round, year=year, standard=standard, household_size=3,
                               income=1_000_000, deprivations=[], deprivation_count=0, category=_category(rng))
                        for pk in ids
                    ],
                    batch_size=5000,
                )  # fmt: skip
        print(f"  {code}: {i + 1}/{communes} xã", flush=True)
    User.objects.get_or_create(
        username=f"xem-{code}",
        defaults={"role": Role.UPPER_VIEWER, "province": province, "full_name": "Tỉnh"},
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return province


def cold(province) -> float:
    ids = list(province.communes.values_list("pk", flat=True))
    started = time.perf_counter()
    refresh_province_rows.call(commune_ids=ids, year=2024)
    return time.perf_counter() - started


def warm_page(province, repeat: int) -> tuple[float, int]:
    client = Client()
    client.force_login(User.objects.get(username=f"xem-{province.code}"))
    url = "/reporting/province/?year=2024"
    assert client.get(url).status_code == 200
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries.captured_queries)


def workbook_peak(province, count: int) -> tuple[float, float]:
    communes = list(province.communes.order_by("name", "pk")[:count])
    tracemalloc.start()
    started = time.perf_counter()
    with tempfile.TemporaryFile(suffix=".xlsx") as handle:
        write_province_xlsx(province, communes, 2024, handle)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20, elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--communes", type=int, default=166)
    parser.add_argument("--households", type=int, default=6000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--small", type=int, default=20, help="communes of the workbook's first measure")
    parser.add_argument("--workbook-only", action="store_true")
    parser.add_argument("--page-only", action="store_true", help="cold rows and the warm page, no workbook")
    args = parser.parse_args()
    rng = random.Random(42)
    small_code, large_code = "bench-3", f"bench-{args.communes}"
    if args.prepare:
        make_province(small_code, 3, args.households, rng)
        make_province(large_code, args.communes, args.households, rng)
        return
    small, large = Province.objects.get(code=small_code), Province.objects.get(code=large_code)
    result = {"communes": args.communes, "households_per_commune": args.households}
    if args.workbook_only:
        return print(json.dumps(workbook_result(result, large, args.small, args.communes)))
    result["cold_worker_s"] = {"3": round(cold(small), 2), str(args.communes): round(cold(large), 2)}
    (t_small, q_small), (t_large, q_large) = warm_page(small, args.repeat), warm_page(large, args.repeat)
    result["warm_page_s"] = {"3": round(t_small, 4), str(args.communes): round(t_large, 4)}
    result["warm_page_queries"] = {"3": q_small, str(args.communes): q_large}
    result["warm_ratio"] = round(t_large / t_small, 2)
    # Again in the other order: the machine's load moves between two measures.
    (t_large2, _), (t_small2, _) = warm_page(large, args.repeat), warm_page(small, args.repeat)
    result["warm_ratio_reversed"] = round(t_large2 / t_small2, 2)
    if args.page_only:
        result["loadavg"] = Path("/proc/loadavg").read_text().split()[:3]
        return print(json.dumps(result))
    print(json.dumps(workbook_result(result, large, min(args.small, args.communes), args.communes)))


def workbook_result(result: dict, province, small: int, communes: int) -> dict:
    # Under DEBUG every query is kept (connection.queries, up to 9,000): run with DEBUG=0 as in
    # production. One commune first, so that first-call imports and caches count in neither measure.
    workbook_peak(province, 1)
    peak_small, time_small = workbook_peak(province, small)
    peak_all, time_all = workbook_peak(province, communes)
    result["workbook_peak_mib"] = {str(small): round(peak_small, 2), str(communes): round(peak_all, 2)}
    result["workbook_s"] = {str(small): round(time_small, 1), str(communes): round(time_all, 1)}
    result["workbook_peak_ratio"] = round(peak_all / peak_small, 2)
    result["loadavg"] = Path("/proc/loadavg").read_text().split()[:3]
    return result


if __name__ == "__main__":
    main()
