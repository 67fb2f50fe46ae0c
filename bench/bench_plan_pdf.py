"""Benchmark of the plan document (figures, not assertions): building the context, rendering the
HTML and rendering the PDF of the newest 2024 plan, median of N runs, plus the plan pages over HTTP.

    DATABASE_URL=sqlite:////tmp/plan.sqlite3 .venv/bin/python bench/bench_plan_pdf.py [N]

Needs ``manage.py seed_demo`` first (it loads the real 2024 plan).
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
from django.db import connection, reset_queries  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client  # noqa: E402

from programs.models import Plan  # noqa: E402
from programs.queries.plans import with_document  # noqa: E402
from reporting.documents.pdf import render_pdf  # noqa: E402
from reporting.documents.plan import build_plan_document  # noqa: E402
from thoxuan_gnbv.models import User  # noqa: E402


def median_ms(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(runs: int) -> None:
    settings.DEBUG = True  # to count queries
    plan_id = Plan.objects.filter(year=2024).order_by("-pk").values_list("pk", flat=True).first()
    fetch = lambda: with_document(Plan.objects.filter(pk=plan_id)).get()  # noqa: E731
    context = {"doc": build_plan_document(fetch()), "document_template": "reporting/documents/plan.html"}
    print(f"context (fetch + build):  {median_ms(lambda: build_plan_document(fetch()), runs):8.1f} ms")
    print(
        f"HTML render:              {median_ms(lambda: render_to_string('reporting/documents/pdf.html', context), runs):8.1f} ms"
    )
    pdf = render_pdf("reporting/documents/pdf.html", context)
    print(
        f"PDF render (WeasyPrint):  {median_ms(lambda: render_pdf('reporting/documents/pdf.html', context), runs):8.1f} ms"
        f"  ({len(pdf):,} bytes)"
    )
    client = Client()
    client.force_login(User.objects.get(username="chutich"))
    for name, url in [
        ("plan list", "/programs/plans/"),
        ("plan page", f"/programs/plans/{plan_id}/"),
        ("document page", f"/reporting/plans/{plan_id}/"),
        ("PDF download", f"/reporting/plans/{plan_id}/pdf/"),
    ]:
        reset_queries()
        client.get(url)
        queries = len(connection.queries)
        print(f"{name:<25} {median_ms(lambda url=url: client.get(url), runs):8.1f} ms  {queries} queries")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
