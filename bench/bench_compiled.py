"""Benchmark of the compiled report (figures, not assertions; run on PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_reports_1k .venv/bin/python bench/bench_compiled.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_reports_100k .venv/bin/python bench/bench_compiled.py

Needs a database prepared by bench/make_households.py and bench/make_support.py (commune "bench").
The annual figures are counted to 31/12 (the generators date support in late December).
Prints, for the H1 and annual periods:
- the compiled report's figures cold — computed by the worker (``reporting.figures.store.refresh``,
  the store emptied), never on a request — and warm, as the page reads them (``compiled_figures_stored``,
  median of 7), with queries;
- the report PDF at about 6 and about 90 pages (the household annex trimmed to reach them): pages,
  seconds, pages per second and the per-page time ratio 90 ÷ 6.
Goals: warm figures at the larger registry ÷ at 1k ≤ 1.5; PDF ≥ 3 pages/s; per-page 90 ÷ 6 ≤ 1.3.
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
from programs.models import Plan  # noqa: E402
from reporting.documents.annex import household_annex  # noqa: E402
from reporting.documents.pdf import render_compiled_pdf  # noqa: E402
from reporting.documents.report import build_compiled_document  # noqa: E402
from reporting.figures import kinds, store  # noqa: E402, F401 — kinds: every kind registered
from reporting.figures.compiled import compiled_figures_stored  # noqa: E402
from reporting.models import FigureCache  # noqa: E402
from reporting.periods import parse_period  # noqa: E402
from reporting.queries import compiled_for_output  # noqa: E402


def figures(period, *, cold: bool) -> tuple[float, int]:
    """Cold: the worker computes the period's stored figures (the store emptied; what no page pays).
    Warm: what the compiled report page reads (``compiled_figures_stored``)."""
    if cold:
        FigureCache.objects.all().delete()
        compiled_figures_stored(period, cutoff=period.end_date)  # creates the keys, as a page would
        keys = list(FigureCache.objects.values_list("key", flat=True))
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        if cold:
            for key in keys:
                store.refresh(key)
        else:
            figures, _ = compiled_figures_stored(period, cutoff=period.end_date)
            assert figures is not None
        seconds = time.perf_counter() - start
    return seconds, len(queries)


def pdf(compiled, rows) -> tuple[int, float, float]:
    """Pages, wall seconds and CPU seconds (the machine is shared: CPU time is the steadier figure)."""
    doc = build_compiled_document(compiled, annex=rows)
    start, cpu = time.perf_counter(), time.process_time()
    _, pages = render_compiled_pdf(doc)
    return pages, time.perf_counter() - start, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commune", default="bench")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--annex-per-page", type=int, default=40, help="annex rows per A4 page (measured)")
    args = parser.parse_args()
    commune = Commune.objects.get(code=args.commune)
    ensure_rules(Plan.objects.approved_for(commune, 2024))
    print(f"# {Household.objects.filter(commune=commune).count():,} households, {connection.vendor}")
    for slug in ("2024-H1", "2024"):
        compiled = compiled_for_output(commune, parse_period(slug))
        cold, cold_queries = figures(compiled.period, cold=True)
        warm = [figures(compiled.period, cold=False) for _ in range(args.repeat)]
        print(
            f"{slug:<8} figures cold {cold * 1000:8.1f} ms ({cold_queries} queries)"
            f"  warm median {statistics.median(w[0] for w in warm) * 1000:7.1f} ms ({warm[0][1]} queries)"
        )
    compiled = compiled_for_output(commune, parse_period("2024"))
    # The generators date support in late December: count to 31/12 so the bench data is in the report.
    compiled.figures_cutoff = compiled.period.end_date
    annex = household_annex(compiled)
    print(f"annex: {len(annex):,} households supported")
    results = {}
    base_pages, _, _ = pdf(compiled, [])  # also the warm-up (fonts, templates)
    for target in (6, 90):
        rows = annex[: max(0, (target - base_pages) * args.annex_per_page)]
        pages, seconds, cpu = pdf(compiled, rows)
        results[target] = (pages, seconds, cpu)
        print(
            f"PDF ~{target:>2} pages: {pages:3d} pages {seconds:6.2f} s  {pages / seconds:5.1f} pages/s"
            f"  {seconds / pages * 1000:6.1f} ms/page  (CPU {cpu:6.2f} s, {pages / cpu:4.1f} pages/CPU-s)"
        )
    (p6, s6, c6), (p90, s90, c90) = results[6], results[90]
    print(
        f"per-page time {p90} ÷ {p6} pages: wall {(s90 / p90) / (s6 / p6):.2f}, CPU {(c90 / p90) / (c6 / p6):.2f}"
    )


if __name__ == "__main__":
    main()
