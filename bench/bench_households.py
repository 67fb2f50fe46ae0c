"""Benchmark of the household registry at scale (run on PostgreSQL; figures, not assertions).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1k .venv/bin/python bench/bench_households.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_bench_1m .venv/bin/python bench/bench_households.py --export 100000 --import 10000

Prints the median time of the list page (first page, a filtered page, a search, the last page) and
the detail page; with --export N, the workbook export of N rows against a plain csv.writer of the same
rows, and peak memory at N and N/10; with --import N, the import of an N-row workbook (rolled back)
against a bare openpyxl read-only pass over the same file. Needs bench/make_households.py first.
"""

import argparse
import csv
import io
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

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

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


def import_bench(commune, user, rows):
    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as handle:
        path = handle.name
    source = Household.objects.filter(commune=commune, code__lte=f"B{rows:07d}")
    # New codes and year 2025 so the import creates households and opens a round; rolled back after.
    write_workbook(
        ([f"N{r[0][1:]}", *r[1:3], "", *r[4:6], 2025, *r[7:-2]] for r in export_rows(source, 2024)),
        path,
        layout=layout_for_year(2025),
    )

    def bare_read():
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        for _ in book.worksheets[0].iter_rows(values_only=True):
            pass
        book.close()

    def do_import():
        with transaction.atomic():
            with open(path, "rb") as handle:
                result = households_import(commune=commune, fileobj=handle, user=user)
            assert result.created == rows, result
            transaction.set_rollback(True)

    read_time = timed(bare_read, repeat=3)
    import_time = timed(do_import, repeat=3)
    os.unlink(path)
    return read_time, import_time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--export", type=int, default=0, help="rows to export (needs that many households)")
    parser.add_argument("--import", dest="import_rows", type=int, default=0, help="rows to import")
    parser.add_argument("--no-pages", action="store_true", help="skip the page timings")
    parser.add_argument("--only", default="", help="time only the pages whose label contains this")
    args = parser.parse_args()
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
        read_time, import_time = import_bench(commune, user, args.import_rows)
        print(
            f"  nhập {args.import_rows:,} dòng: {import_time:.2f} s; đọc openpyxl {read_time:.2f} s; tỷ lệ {import_time / read_time:.1f}"
        )


if __name__ == "__main__":
    main()
