"""Benchmark of the compiled report PDF with its household annex (figures, not assertions).

    DATABASE_URL=sqlite:////tmp/pdf_demo.sqlite3 .venv/bin/python bench/bench_pdf.py   # after seed_demo
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> .venv/bin/python bench/bench_pdf.py --count-only

Renders the annual 2024 compiled report of the commune (``--commune``, default the only one) with
generated annex rows (names from ``demo/builders.py``; the layout cost does not depend on where rows
come from) so that the document runs to about 6, 90 and 900 pages. Each size runs in its own process,
so its peak RSS (``ru_maxrss``: Django, WeasyPrint and the document) is its own; the annex parts are
laid out in worker processes (``pdf_parts``, ``--workers``), whose CPU is counted with the parent's
and whose peak RSS (the largest worker's) is printed beside the parent's. Prints per size:
pages, wall and CPU seconds, pages/s, ms per page, and, split by kind, the report's pages (laid out
alone) and the annex pages (the rest); then the per-page ratios 90 ÷ 6 and 900 ÷ 6, overall and per
kind. ``--part-rows 1000000`` lays the annex out in one part, as before it was split (the comparison).
``--count-only``: on a real registry, the time of the size check the page runs before queueing the
job (``check_annex_size``, which stops counting past the limit), of the exact count and of the
per-khu phố counts the worker reads first.
Goals: ≥ 3 pages/s; per-page 90 ÷ 6 ≤ 1.3; peak RSS < 300 MB at every size.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

ROWS_PER_PAGE = 40  # measured: rows of the annex table on an A4 page


def rows_for(n: int):
    from demo.builders import full_name
    from reporting.documents.annex import AnnexRow

    rng = random.Random(7)
    return [
        AnnexRow(
            number=i,
            code=f"KP{1 + i * 12 // max(n, 1):02d}-{i:06d}",
            head_name=full_name(rng, rng.choice("MF")),
            neighborhood=f"Khu phố {1 + i * 12 // max(n, 1)}",
            components=rng.choice(["1", "3.1", "4.1, 5", "2, 3.2", "7"]),
            amount=rng.randrange(500_000, 30_000_000, 1000),
        )
        for i in range(1, n + 1)
    ]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one(target: int, part_rows: int, commune: str | None, workers: int | None) -> dict:
    from households.models import Commune
    from reporting.documents import annex_pdf
    from reporting.documents.pdf import render_compiled_pdf
    from reporting.documents.report import build_compiled_document
    from reporting.periods import parse_period
    from reporting.queries import compiled_for_output

    commune_obj = Commune.objects.get(code=commune) if commune else Commune.objects.get()
    compiled = compiled_for_output(commune_obj, parse_period("2024"))
    doc = build_compiled_document(compiled)
    render_compiled_pdf(doc)  # warm-up: fonts, templates
    start, cpu = time.perf_counter(), time.process_time()
    _, report_pages = render_compiled_pdf(doc)
    report = (time.perf_counter() - start, time.process_time() - cpu)
    rows = rows_for(max(0, target - report_pages) * ROWS_PER_PAGE)
    start, cpu, child = time.perf_counter(), time.process_time(), children_cpu()
    parts = annex_pdf.row_parts(rows, part_rows)
    _, pages = annex_pdf.merge_report_and_annex(doc, parts, workers=workers)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    child = children_cpu() - child
    return {
        "target": target,
        "rows": len(rows),
        "pages": pages,
        "wall": wall,
        "cpu": cpu + child,
        "parent_cpu": cpu,
        "report_pages": report_pages,
        "report_wall": report[0],
        "report_cpu": report[1],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def count_only(commune: str | None) -> None:
    from households.models import Commune, Household
    from reporting.documents.annex import annex_chunks, annex_count
    from reporting.documents.annex_pdf import AnnexTooLong, check_annex_size
    from reporting.periods import parse_period
    from reporting.queries import compiled_for_output

    commune_obj = Commune.objects.get(code=commune) if commune else Commune.objects.get()
    compiled = compiled_for_output(commune_obj, parse_period("2024"))
    households = Household.objects.filter(commune=commune_obj).count()

    def check(compiled):
        try:
            return check_annex_size(compiled)
        except AnnexTooLong:
            return -1  # refused

    checks = (("check_annex_size", check), ("annex_count", annex_count), ("annex_chunks", annex_chunks))
    for label, fn in checks:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            result = fn(compiled)
            times.append(time.perf_counter() - start)
        shown = result if isinstance(result, int) else f"{len(result)} khu phố"
        print(f"{households:,} households: {label} {min(times) * 1000:.1f} ms best of 5 ({shown})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commune")
    parser.add_argument("--sizes", default="6,90,900", help="target page counts")
    parser.add_argument(
        "--part-rows", type=int, default=0, help="rows per annex part (default: the module's)"
    )
    parser.add_argument(
        "--workers", type=int, default=-1, help="annex layout processes (default: the module's; 1: here)"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--count-only", action="store_true")
    args = parser.parse_args()
    if args.count_only or args.one is not None:
        import django

        django.setup()
    if args.count_only:
        return count_only(args.commune)
    if args.one is not None:
        from reporting.documents.annex_pdf import PART_ROWS

        workers = None if args.workers < 0 else args.workers
        print(json.dumps(one(args.one, args.part_rows or PART_ROWS, args.commune, workers)))
        return
    print(f"# load {Path('/proc/loadavg').read_text().strip()}")
    results = []
    for target in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(target), "--part-rows", str(args.part_rows)]
        command += ["--workers", str(args.workers)]
        if args.commune:
            command += ["--commune", args.commune]
        r = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        annex_pages = r["pages"] - r["report_pages"]
        annex_cpu = max(r["cpu"] - r["report_cpu"], 1e-9)
        r["annex_ms_per_page_cpu"] = annex_cpu / annex_pages * 1000 if annex_pages else None
        results.append(r)
        print(
            f"~{target:>4} pages: {r['pages']:4d} pages ({r['rows']:,} rows)  wall {r['wall']:7.2f} s"
            f"  {r['pages'] / r['wall']:5.1f} pages/s  {r['wall'] / r['pages'] * 1000:6.1f} ms/page"
            f"  CPU {r['cpu']:7.2f} s {r['cpu'] / r['pages'] * 1000:6.1f} ms/page"
            f"  | report {r['report_pages']} pages {r['report_cpu'] / r['report_pages'] * 1000:6.1f} CPU-ms/page"
            f"  annex {r['annex_ms_per_page_cpu'] or 0:6.1f} CPU-ms/page"
            f"  | peak RSS {r['peak_rss_mb']:6.1f} MB, worker {r['worker_peak_rss_mb']:6.1f} MB"
        )
    print(f"# load {Path('/proc/loadavg').read_text().strip()}")
    base = results[0]
    for r in results[1:]:
        wall = (r["wall"] / r["pages"]) / (base["wall"] / base["pages"])
        cpu = (r["cpu"] / r["pages"]) / (base["cpu"] / base["pages"])
        annex = (
            f", annex pages alone {r['annex_ms_per_page_cpu'] / base['annex_ms_per_page_cpu']:.2f}"
            if base["annex_ms_per_page_cpu"]
            else ""
        )
        print(f"per-page {r['pages']} ÷ {base['pages']} pages: wall {wall:.2f}, CPU {cpu:.2f}{annex}")


if __name__ == "__main__":
    main()
