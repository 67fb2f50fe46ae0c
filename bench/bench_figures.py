"""Benchmark of the figure store (figures, not assertions; run on PostgreSQL, one scale per database).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/figs_1k .venv/bin/python bench/bench_figures.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/figs_1m .venv/bin/python bench/bench_figures.py

Needs bench/make_households.py and bench/make_support.py (commune "bench", an approved 2024 plan).
Prints:
- the worker's cold computation of every key of the commune's 2024 (``figure_tasks.commune_year_keys``
  then ``store.refresh`` per key, the store emptied first): seconds and queries per kind and in all —
  the time a page never pays;
- what each page pays instead (median of 7 after a warm-up, with queries): the compiled report's
  figures of H1 and the year, the dashboard, the movement table, the round list's counts, a
  component's overview, the plan page's target progress.
Goal: each warm read at 1M ÷ at 1k ≤ 1.5, queries equal at both sizes.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.bench_reporting import ensure_rules  # noqa: E402
from households.models import Commune, Household  # noqa: E402
from households.stored import movement_stored, round_counts_stored  # noqa: E402
from programs.models import Plan  # noqa: E402
from programs.progress import target_progress_stored  # noqa: E402
from programs.queries.delivery import component_overview  # noqa: E402
from reporting.dashboard import dashboard_data  # noqa: E402
from reporting.figure_tasks import commune_year_keys  # noqa: E402
from reporting.figures import kinds, store  # noqa: E402, F401 — kinds: every kind registered
from reporting.figures.compiled import compiled_figures_stored  # noqa: E402
from reporting.figures.reports import plan_components  # noqa: E402
from reporting.models import FigureCache  # noqa: E402
from reporting.periods import parse_period  # noqa: E402
from reporting.queries import compiled_for_output  # noqa: E402


def timed(call) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        call()
        seconds = time.perf_counter() - start
    return seconds, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commune", default="bench")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--warm-only", action="store_true", help="skip the cold computation (keys kept)")
    args = parser.parse_args()
    commune = Commune.objects.get(code=args.commune)
    plan = Plan.objects.approved_for(commune, args.year)
    ensure_rules(plan)
    periods = {slug: compiled_for_output(commune, parse_period(slug)).period for slug in ("2024-H1", "2024")}
    households = Household.objects.filter(commune=commune).count()
    print(f"# {households:,} households, {connection.vendor}, load {os.getloadavg()[0]:.2f}")

    # The worker, cold: every key of the year computed once (the queue is not used: timed one by one).
    if not args.warm_only:
        cold(commune, args.year)
    warm(commune, plan, periods, args)


def cold(commune, year: int) -> None:
    FigureCache.objects.all().delete()
    keys = commune_year_keys(commune.pk, year)
    by_kind: dict[str, list[float]] = {}
    total_start = time.perf_counter()
    for key in keys:
        seconds, _ = timed(lambda key=key: store.refresh(key))
        by_kind.setdefault(key.split(":")[0], []).append(seconds)
    total = time.perf_counter() - total_start
    for kind, times in sorted(by_kind.items()):
        print(f"worker cold {kind:<10} {len(times):3d} keys  {sum(times):8.2f} s  (max {max(times):6.2f} s)")
    print(f"worker cold all        {len(keys):3d} keys  {total:8.2f} s")


def warm(commune, plan, periods, args) -> None:
    component = plan_components(plan)[0]
    pages = {
        "compiled H1 figures": lambda: compiled_figures_stored(
            periods["2024-H1"], cutoff=periods["2024-H1"].end_date
        ),
        "compiled year figures": lambda: compiled_figures_stored(periods["2024"]),
        "dashboard": lambda: dashboard_data(commune, args.year),
        "movement table": lambda: movement_stored(commune, args.year),
        "round list counts": lambda: round_counts_stored(commune),
        "component overview": lambda: component_overview(component),
        "plan target progress": lambda: target_progress_stored(plan),
    }
    for call in pages.values():
        call()  # warm-up (and a key first read here is created, queued and computed below)
    store_keys = list(FigureCache.objects.filter(dirty_since__isnull=False).values_list("key", flat=True))
    for key in store_keys:
        store.refresh(key)
    for name, call in pages.items():
        runs = [timed(call) for _ in range(args.repeat)]
        median = statistics.median(r[0] for r in runs)
        print(f"page {name:<22} warm median {median * 1000:8.2f} ms  ({runs[0][1]} queries)")


if __name__ == "__main__":
    main()
