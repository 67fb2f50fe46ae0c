"""Benchmark of the review result tables (render_review --format xlsx) on the generated registry.

    createdb -h 127.0.0.1 -U postgres gnbv_tables_1k
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_tables_1k
    .venv/bin/python manage.py migrate
    .venv/bin/python bench/make_households.py --households 1000
    .venv/bin/python bench/bench_review_tables.py --prepare     # adds an approved 2023 round
    .venv/bin/python bench/bench_review_tables.py               # time and peak memory, JSON line

``--prepare`` gives the bench commune an approved 2023 round derived from its 2024 one in one
INSERT … SELECT (seeded ``random()``: about 8 % poor, 12 % near-poor), so the tables have households
escaping, falling back and newly poor. The run builds the tables and writes the workbook to a
temporary file, bypassing the stored figures (the worker's walk is what is timed): wall time (median of ``--repeat``, without tracing) and peak Python memory
(tracemalloc, one traced run). Goals (issue): time at 1M ÷ at 1k no worse than linear
(≤ 1000 × …, in practice far less: the fixed costs dominate at 1k); peak at 1M ÷ at 100k ≤ 1.3.
"""

import argparse
import json
import os
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

from households.models import Commune, Household, ReviewRound, RoundStatus  # noqa: E402
from reporting.documents.review_tables import build_review_tables  # noqa: E402
from reporting.documents.review_xlsx import write_review_xlsx  # noqa: E402
from reporting.figures.review_tables_stored import compute_tables_figures  # noqa: E402
from thoxuan_gnbv import workflow  # noqa: E402


def prepare(commune) -> None:
    """An approved 2023 round beside the generated 2024 one (skipped when present)."""
    if ReviewRound.objects.filter(commune=commune, year=2023).exists():
        return
    final = ReviewRound.objects.get(commune=commune, year=2024, number=1)
    with transaction.atomic(), workflow.seeding():
        earlier = ReviewRound.objects.create(
            commune=commune, year=2023, number=1, status=RoundStatus.APPROVED, decision_number="9/QĐ-UBND",
            decision_date=final.decision_date.replace(year=2023), approved_by=final.approved_by,
        )  # fmt: skip
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT setseed(0.42)")
                draw = "random()"
            else:
                draw = "(abs(random()) % 1000) / 1000.0"
            cursor.execute(
                f"""
                INSERT INTO households_review (household_id, round_id, year, standard_id, household_size,
                    income, score, deprivations, deprivation_count, category, recorded_by_id, recorded_at, note)
                SELECT household_id, %s, 2023, standard_id, household_size, income, score, deprivations,
                    deprivation_count,
                    CASE WHEN r < 0.08 THEN 'poor' WHEN r < 0.20 THEN 'near_poor' ELSE category END,
                    recorded_by_id, recorded_at, note
                FROM (SELECT *, {draw} AS r FROM households_review WHERE round_id = %s) AS drawn
                """,
                [earlier.pk, final.pk],
            )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a live database


def run(commune) -> float:
    """The registry walk (what the worker stores for the page) and the workbook written from it: the
    stored figures are bypassed, else every run after the first would only read them."""
    started = time.perf_counter()
    with tempfile.TemporaryFile(suffix=".xlsx") as handle:
        tables = build_review_tables(commune, 2024, figures=compute_tables_figures(commune, 2024))
        write_review_xlsx(tables, handle)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prepare", action="store_true", help="add the approved 2023 round and stop")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true", help="skip the traced run")
    args = parser.parse_args()
    commune = Commune.objects.get(code="bench")
    if args.prepare:
        prepare(commune)
        return
    households = Household.objects.filter(commune=commune).count()
    seconds = statistics.median(run(commune) for _ in range(args.repeat))
    peak = None
    if not args.no_memory:
        tracemalloc.start()
        run(commune)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    tables = build_review_tables(commune, 2024, figures=compute_tables_figures(commune, 2024))
    total = tables.total
    print(
        json.dumps(
            {
                "db": connection.vendor,
                "households": households,
                "seconds": round(seconds, 3),
                "peak_mb": round(peak / 1e6, 2) if peak else None,
                "poor": total.get("p_end"),
                "near_poor": total.get("n_end"),
                "escaped": total.get("p_escaped"),
            }
        )
    )


if __name__ == "__main__":
    main()
