"""Benchmark of delivery and budget at scale (run on PostgreSQL; figures, not assertions).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1k .venv/bin/python bench/bench_delivery.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1m .venv/bin/python bench/bench_delivery.py

Prints the median time and query count of the component overview (figures from aggregate queries)
for every bench commune, of the overview, support list and budget pages over HTTP (the pages show the
chairman's commune), and of a household's support section. Needs bench/make_households.py and
bench/make_support.py first.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from households.models import Commune, Household  # noqa: E402
from programs.models import PlanComponent, Support  # noqa: E402
from programs.queries.budget import budget_table  # noqa: E402
from programs.queries.delivery import component_overview, household_support  # noqa: E402
from thoxuan_gnbv.models import User  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]


def measure(fn, repeat=7):
    fn()  # warm up (connection, caches)
    # Counted by an execute wrapper: a test-client request resets connection.queries_log when it starts.
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000, len(queries)


def line(label, result):
    ms, queries = result
    print(f"  {label:<55} {ms:8.1f} ms  {queries:3d} truy vấn")


def main():
    households = Household.objects.count()
    supports = Support.objects.count()
    print(f"CSDL {connection.vendor}: {households:,} hộ, {supports:,} hỗ trợ")
    for commune in Commune.objects.filter(code__startswith="bench").order_by("pk"):
        component = PlanComponent.objects.select_related("plan", "project", "subproject").get(
            plan__commune=commune, plan__year=2024, project__number=3, subproject__number=1
        )
        count = Support.objects.filter(component=component).count()
        print(f"{commune.name} ({Household.objects.filter(commune=commune).count():,} hộ)")
        line(f"tổng quan hợp phần 3.1 ({count:,} hỗ trợ)", measure(lambda c=component: component_overview(c)))
        line("bảng kinh phí theo hợp phần năm 2024", measure(lambda c=commune: budget_table(c, 2024)))
        household = (
            Support.objects.filter(household__commune=commune).values_list("household_id", flat=True).first()
        )
        target = Household.objects.get(pk=household)
        line("mục “Hỗ trợ đã nhận” của một hộ", measure(lambda h=target: household_support(h)))

    client = Client()
    chairman = User.objects.select_related("commune").get(username="bench-chairman")
    client.force_login(chairman)
    first = chairman.commune
    component = PlanComponent.objects.get(
        plan__commune=first, plan__year=2024, project__number=3, subproject__number=1
    )
    print(f"Trang web (xã của chủ tịch: {first.name})")
    for label, url in [
        ("tổng quan hợp phần 3.1", f"/programs/components/{component.pk}/"),
        ("danh sách hỗ trợ, trang đầu", "/programs/support/"),
        ("danh sách hỗ trợ lọc theo hợp phần 3.1", f"/programs/support/?component={component.pk}"),
        ("kinh phí năm 2024", "/programs/budget/?year=2024"),
    ]:

        def get(url=url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        line(label, measure(get))


if __name__ == "__main__":
    main()
