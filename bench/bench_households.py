"""Benchmark of the household registry at scale (run on PostgreSQL; figures, not assertions).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1k .venv/bin/python bench/bench_households.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1m .venv/bin/python bench/bench_households.py --export 100000 --import 10000

Prints the median time of the list page (first page, a filtered page, a search, the last page) and
the detail page; with --export N, the workbook export of N rows against a plain csv.writer of the same
rows, and peak memory at N and N/10; with --import N, the import of an N-row workbook (rolled back)
against a bare openpyxl read-only pass over the same file, each run in its own process: time, ratio and
peak extra memory (peak RSS minus RSS before; ``--trace`` adds a tracemalloc run). Needs
bench/make_households.py first.

    DATABASE_URL=sqlite:////tmp/imp.sqlite3 .venv/bin/python bench/bench_households.py --no-pages --import 150000 --repeat 1
"""

import argparse
import csv
import io
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from bench.memory import PeakExtra  # noqa: E402
from households.models import Commune, Household  # noqa: E402
from households.services.exporting import export_rows, write_workbook  # noqa: E402
from households.services.importing import households_import  # noqa: E402
from households.workbook import layout_for_year  # noqa: E402
from thoxuan_gnbv.models import User  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]


def timed(fn, repeat=7):
    fn()  # warm up (connection, caches)
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def pages(client, commune, only=""):
    household = Household.objects.filter(commune=commune).order_by("code")[
        Household.objects.filter(commune=commune).count() // 2
    ]
    neighborhood = commune.neighborhoods.order_by("position")[4]
    urls = {
        "trang đầu": "/households/",
        "lọc (khu phố + hộ nghèo 2024)": f"/households/?neighborhood={neighborhood.pk}&year=2024&category=poor",
        "tìm 'nguyen thi huong'": "/households/?q=nguyen+thi+huong",
        # The searches of issue 14: a rare term (one code; a name outside the pool), a mid-frequency
        # name, a two-letter term (word start), an accented name; each must cost the same at any size.
        "tìm hiếm (mã hộ 'b0000500')": "/households/?q=b0000500",
        "tìm hiếm 'khong thi quyen'": "/households/?q=khong+thi+quyen",
        "tìm vừa 'hung mai'": "/households/?q=hung+mai",
        # A mid-frequency name (about three households in a thousand): a page at 1M, a few rows at 1k.
        "tìm vừa 'tran thi mai'": "/households/?q=tran+thi+mai",
        "tìm hai chữ 'zq'": "/households/?q=zq",
        "tìm hai chữ 'ng'": "/households/?q=ng",
        "tìm có dấu 'Nguyễn Thị Hương'": "/households/?q=Nguy%E1%BB%85n+Th%E1%BB%8B+H%C6%B0%C6%A1ng",
        # The two above return a few rows at 1k and a full page at 1M; these fill a page at both sizes,
        # so the ratio compares equal work.
        "lọc đầy trang (cận nghèo 2024)": "/households/?year=2024&category=near_poor",
        "tìm đầy trang 'nguyen'": "/households/?q=nguyen",
        "trang cuối": "/households/?last=1",
        "chi tiết hộ": f"/households/{household.pk}/",
    }
    results = {}
    for label, url in urls.items():
        if only not in label:
            continue

        def get(url=url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = get()
        rows = response.content.decode().count('data-testid="household-row"') or 1
        results[label] = (timed(get), counter.count, rows)
    return results


def export_bench(commune, rows):
    scope = Household.objects.filter(commune=commune, code__lte=f"B{rows:07d}")
    materialised = list(export_rows(scope, 2024))

    def to_csv():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in export_rows(scope, 2024):
            writer.writerow(row)

    def to_xlsx():
        with tempfile.TemporaryFile() as handle:
            write_workbook(export_rows(scope, 2024), handle, layout=layout_for_year(2024))

    csv_time = timed(to_csv, repeat=3)
    xlsx_time = timed(to_xlsx, repeat=3)

    def peak(n):
        part = Household.objects.filter(commune=commune, code__lte=f"B{n:07d}")
        tracemalloc.start()
        with tempfile.TemporaryFile() as handle:
            write_workbook(export_rows(part, 2024), handle, layout=layout_for_year(2024))
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    return len(materialised), csv_time, xlsx_time, peak(rows), peak(rows // 10)


def import_workbook(commune, rows: int) -> str:
    """Write an ``rows``-row workbook of new households for 2025 (the import creates them and opens a
    round) and return its path. The commune's households are cycled when it has fewer than ``rows``:
    each row gets a new code and a new CCCD (unique, as the import requires; the 099 province prefix
    exists nowhere, so none is already registered), so 1,000 generated households feed a 150,000-row file
    that costs memory like a real one (a CCCD per row)."""
    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as handle:
        path = handle.name
    source = list(export_rows(Household.objects.filter(commune=commune, code__lte=f"B{rows:07d}"), 2024))
    # A household without a 2024 review has blank size and income, which the import refuses.
    source = [r for r in source if r[5] is not None]
    write_workbook(
        (
            [f"N{i:07d}", *r[1:3], f"099{i:09d}", *r[4:6], 2025, *r[7:-2]]
            for i, r in zip(range(1, rows + 1), itertools.cycle(source), strict=False)
        ),
        path,
        layout=layout_for_year(2025),
    )
    return path


def bare_read(path: str) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def import_child(kind: str, path: str, rows: int, trace: bool) -> dict:
    """One measured run in this (fresh) process: the bare read or the import (rolled back). Peak RSS
    minus RSS before is the work's own memory (``bench/memory.py``); tracemalloc, when asked, counts
    Python allocations only and slows the run, so its seconds are not reported."""
    # Production runs with DEBUG off; with it on Django keeps the SQL of the last 9,000 queries (bulk
    # inserts of 1,000 rows each), which would be measured as the import's memory.
    settings.DEBUG = False
    commune = Commune.objects.get(code="bench")
    user = User.objects.get(username="bench-officer")
    layout_for_year(2025)  # warm the standard's queries and imports outside the measure

    def work():
        if kind == "read":
            return bare_read(path)
        with transaction.atomic():
            with open(path, "rb") as handle:
                result = households_import(commune=commune, fileobj=handle, user=user)
            assert result.created == rows, result
            transaction.set_rollback(True)
        return rows

    if trace:
        tracemalloc.start()
    with PeakExtra() as memory:
        started = time.perf_counter()
        work()
        seconds = time.perf_counter() - started
    figures = {"kind": kind, "rows": rows, "peak_extra_mb": round(memory.extra_mb, 1)}
    figures |= {"rss_before_mb": round(memory.before_mb, 1), "peak_reset": memory.exact}
    if trace:
        figures["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
        tracemalloc.stop()
    else:
        figures["seconds"] = round(seconds, 3)
    return figures


def import_bench(commune, rows: int, repeat: int, trace: bool) -> dict:
    """Run the bare read and the import ``repeat`` times each, alternately, every run in its own process
    (so each peak is its own), plus one traced import with ``trace``; the median seconds and the largest peak."""
    path = import_workbook(commune, rows)

    def child(kind, traced=False):
        command = [sys.executable, __file__, "--child", kind, "--path", path, "--import", str(rows)]
        output = subprocess.run(command + (["--trace"] if traced else []), check=True, capture_output=True)
        return json.loads(output.stdout)

    try:
        # Alternated (read, import, read, …): a neighbour's load on a shared machine then weighs on both.
        runs = {"read": [], "import": []}
        for _ in range(repeat):
            for kind, results in runs.items():
                results.append(child(kind))
        traced = child("import", traced=True) if trace else {}
    finally:
        os.unlink(path)
    figures = {"rows": rows, "runs": repeat}
    for kind, results in runs.items():
        figures[f"{kind}_seconds"] = statistics.median(r["seconds"] for r in results)
        figures[f"{kind}_peak_extra_mb"] = max(r["peak_extra_mb"] for r in results)
    figures["ratio"] = round(figures["import_seconds"] / figures["read_seconds"], 2)
    figures["peak_reset"] = all(r["peak_reset"] for results in runs.values() for r in results)
    if traced:
        figures["import_tracemalloc_peak_mb"] = traced["tracemalloc_peak_mb"]
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--export", type=int, default=0, help="rows to export (needs that many households)")
    parser.add_argument("--import", dest="import_rows", type=int, default=0, help="rows to import")
    parser.add_argument("--no-pages", action="store_true", help="skip the page timings")
    parser.add_argument("--only", default="", help="time only the pages whose label contains this")
    parser.add_argument("--repeat", type=int, default=3, help="import runs (each in its own process)")
    parser.add_argument("--trace", action="store_true", help="one more import under tracemalloc")
    parser.add_argument("--child", choices=["read", "import"], help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(import_child(args.child, args.path, args.import_rows, args.trace)))
        return
    commune = Commune.objects.get(code="bench")
    user = User.objects.get(username="bench-officer")
    total = Household.objects.filter(commune=commune).count()
    print(f"CSDL: {connection.vendor} {connection.settings_dict['NAME']} · {total:,} hộ")
    client = Client()
    client.force_login(user)
    for label, (seconds, queries, rows) in (
        {} if args.no_pages else pages(client, commune, args.only)
    ).items():
        print(f"  {label:<32} {seconds * 1000:8.1f} ms  {queries} truy vấn  {rows} dòng")
    if args.export:
        count, csv_time, xlsx_time, peak_big, peak_small = export_bench(commune, args.export)
        print(
            f"  xuất {count:,} dòng: xlsx {xlsx_time:.2f} s, csv {csv_time:.2f} s, tỷ lệ {xlsx_time / csv_time:.1f}"
        )
        print(
            f"  bộ nhớ đỉnh: {peak_big / 1e6:.1f} MB ở {args.export:,} dòng, {peak_small / 1e6:.1f} MB ở {args.export // 10:,} dòng, tỷ lệ {peak_big / peak_small:.2f}"
        )
    if args.import_rows:
        f = import_bench(commune, args.import_rows, args.repeat, args.trace)
        print(
            f"  nhập {f['rows']:,} dòng: {f['import_seconds']:.2f} s; đọc openpyxl {f['read_seconds']:.2f} s;"
            f" tỷ lệ {f['ratio']:.1f} (trung vị {f['runs']} lần)"
        )
        traced = (
            f" (tracemalloc {f['import_tracemalloc_peak_mb']:.1f} MB)"
            if "import_tracemalloc_peak_mb" in f
            else ""
        )
        exact = (
            "" if f["peak_reset"] else " (không đặt lại được VmHWM: đỉnh tính từ lúc tiến trình khởi động)"
        )
        print(
            f"  bộ nhớ thêm đỉnh: nhập {f['import_peak_extra_mb']:.1f} MB{traced};"
            f" đọc openpyxl {f['read_peak_extra_mb']:.1f} MB{exact}"
        )
        print("  " + json.dumps(f))


if __name__ == "__main__":
    main()
