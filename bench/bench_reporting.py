"""Benchmark of the reporting side (figures, not assertions; run on PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_rep_bench_1k .venv/bin/python bench/bench_reporting.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_rep_bench_1m .venv/bin/python bench/bench_reporting.py

Needs a database prepared by bench/make_households.py and bench/make_support.py (commune "bench" with
an approved 2024 plan and support). Adds the plan's section VII reporting rules if missing, then prints:
- the quarterly dashboard of the commune: median time cold (caches emptied before each request) and
  warm, with the query count;
- the calendar page: median time and query count;
- the compiled report PDF (Q4, with the household annex of every supported household): pages, time,
  pages per second (goal ≥ 3), and without the annex.
Goal for the dashboard: warm time at 1M households ÷ at 1k ≤ 1.5.
"""

import argparse
import datetime
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
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from households.models import Commune, Household  # noqa: E402
from programs.models import Plan, ReportingRule, Support  # noqa: E402
from reporting import services  # noqa: E402
from reporting.documents.annex import household_annex  # noqa: E402
from reporting.documents.pdf import render_compiled_pdf  # noqa: E402
from reporting.documents.report import build_compiled_document  # noqa: E402
from reporting.models import FigureCache  # noqa: E402
from reporting.periods import parse_period  # noqa: E402
from thoxuan_gnbv.models import Role, User  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
RULES = {"Q1": (3, 15), "Q2": (6, 15), "H1": (6, 20), "Q3": (9, 15), "YEAR": (12, 10), "Q4": (12, 15)}


def ensure_rules(plan):
    """The bench plan is approved (frozen), so its rules go in with bulk_create, which skips the
    model's freeze guard — acceptable for synthetic bench data only."""
    if plan.reporting_rules.exists():
        return
    ReportingRule.objects.bulk_create(
        ReportingRule(plan=plan, period=code, due_date=datetime.date(plan.year, m, d), recipients="UBND")
        for code, (m, d) in RULES.items()
    )


def timed(fn, repeat):
    """Median and best of ``repeat`` runs (the best is steadier on a shared, loaded machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def page(client, url, *, cold: bool, repeat: int):
    def get():
        if cold:  # nothing computed: neither the process cache nor the shared figure table
            cache.clear()
            FigureCache.objects.all().delete()
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    if not cold:
        get()  # warm-up (templates, connections, caches)
    # Counted with an execute wrapper: the query log is reset at the start of every request.
    counter = []
    with connection.execute_wrapper(lambda execute, *a: counter.append(1) or execute(*a)):
        get()
    return timed(get, repeat), len(counter)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commune", default="bench")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-cold", action="store_true", help="skip the cold dashboard (a minute at 1M)")
    parser.add_argument("--annex", type=int, default=1500, help="households in the PDF annex (at most)")
    args = parser.parse_args()
    commune = Commune.objects.get(code=args.commune)
    plan = Plan.objects.approved_for(commune, 2024)
    ensure_rules(plan)
    households = Household.objects.filter(commune=commune).count()
    supports = Support.objects.filter(component__plan=plan).count()
    print(f"Commune {commune.code}: {households:,} households, {supports:,} support records")

    chairman, _ = User.objects.update_or_create(
        username="bench-chairman", defaults={"role": Role.CHAIRMAN, "commune": commune}
    )
    officer = User.objects.get(username="bench-officer")
    client = Client()
    client.force_login(chairman)
    # The pages show the chairman's commune: the bench commune.
    for label, url, cold in (
        ("dashboard (cold)", "/reporting/dashboard/?year=2024", True),
        ("dashboard (warm)", "/reporting/dashboard/?year=2024", False),
        ("calendar", "/reporting/calendar/?year=2024", False),
    ):
        if cold and args.no_cold:
            continue
        # A cold page walks the whole registry once: timed once at 1M households, not seven times.
        seconds, queries = page(client, url, cold=cold, repeat=1 if cold else args.repeat)
        if cold:  # then what another process sees: the shared figure table, not its own cache
            cache.clear()
            start = time.perf_counter()
            client.get(url)
            shared = time.perf_counter() - start
            print(f"{'dashboard (shared)':<20} once   {shared * 1000:7.1f} ms")
        median, best = seconds
        print(f"{label:<20} median {median * 1000:7.1f} ms  best {best * 1000:7.1f} ms  {queries:3d} queries")

    period = services.period_open(commune=commune, period=parse_period("2024-Q4"))
    compiled = services.compiled_open(period=period, user=officer)
    start = time.perf_counter()
    annex = household_annex(compiled)[: args.annex]
    annex_seconds = time.perf_counter() - start
    for label, rows in (("PDF without annex", []), (f"PDF with annex ({len(annex):,} households)", annex)):
        render_compiled_pdf(build_compiled_document(compiled))  # warm-up: fonts, templates, figures
        start = time.perf_counter()
        doc = build_compiled_document(compiled, annex=rows)
        data_seconds = time.perf_counter() - start + (annex_seconds if rows else 0)
        start, cpu = time.perf_counter(), time.process_time()
        content, pages = render_compiled_pdf(doc)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        # Rendering alone (the figures are database work, printed apart); CPU time too, as on a
        # shared machine the wall clock also counts other processes' turns.
        print(
            f"{label:<42} {pages:4d} pages  figures {data_seconds:5.2f} s  render {seconds:6.2f} s"
            f"  {pages / seconds:5.1f} pages/s  (CPU {cpu:5.2f} s, {pages / cpu:4.1f} pages/CPU-s)"
        )


if __name__ == "__main__":
    main()
