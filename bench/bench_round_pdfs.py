"""Benchmark of an approved round's PDFs (figures, not assertions): the certificates (Mẫu số 03), the
result tables with their four name lists and the recognition decision with its annexed lists — the
documents that go to the worker above ``CERTIFICATE_JOB_HOUSEHOLDS`` / ``REVIEW_PDF_JOB_ROWS``.

    createdb -h 127.0.0.1 -U postgres gnbv_round_pdfs_1k
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_round_pdfs_1k
    .venv/bin/python bench/make_households.py --households 1000
    .venv/bin/python bench/bench_round_pdfs.py

Each document runs in its own process, so its peak RSS (``ru_maxrss``: Django, WeasyPrint, pypdf and
the document) is its own: the certificates of one khu phố and of the whole commune, the tables PDF
and the decision PDF of the bench commune's 2024 round, written to a temporary file as the worker
does. Prints per document: households or list rows, pages, wall seconds, ms per page, peak RSS (MB),
and whether the view would queue it at today's thresholds. Goal: peak RSS of the whole commune's
certificates within ~1.3 × one khu phố's (memory bounded by the chunk, not the list).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

CASES = ["certificates-khu-pho", "certificates-commune", "tables", "decision"]


def run_case(case: str) -> dict:
    import django

    django.setup()
    from households.models import Commune, ReviewRound
    from reporting.documents.certificate_batch import write_certificates
    from reporting.documents.certificates import LISTED
    from reporting.documents.review_decision import build_decision, write_decision_pdf
    from reporting.documents.review_pdf import write_review_pdf
    from reporting.documents.review_tables import build_review_tables
    from reporting.export_tasks import review_list_rows
    from thoxuan_gnbv.background import CERTIFICATE_JOB_HOUSEHOLDS, REVIEW_PDF_JOB_ROWS

    commune = Commune.objects.get(code="bench")
    review_round = ReviewRound.objects.filter(commune=commune, year=2024).order_by("-number").first()
    started = time.perf_counter()
    with tempfile.TemporaryFile(suffix=".pdf") as out:
        if case.startswith("certificates"):
            reviews = review_round.reviews.filter(category__in=LISTED)
            if case == "certificates-khu-pho":
                first = reviews.order_by("household__neighborhood__position").first()
                reviews = reviews.filter(household__neighborhood_id=first.household.neighborhood_id)
            size = reviews.count()
            pages = write_certificates(reviews, out, can_see_national_id=lambda head_id: False)
            queued = size > CERTIFICATE_JOB_HOUSEHOLDS
        elif case == "tables":
            tables = build_review_tables(commune, 2024)
            size = review_list_rows(tables)
            pages = write_review_pdf(tables, out)
            queued = size > REVIEW_PDF_JOB_ROWS
        else:
            decision = build_decision(review_round)
            size = review_list_rows(decision.tables)
            pages = write_decision_pdf(decision, out)
            queued = size > REVIEW_PDF_JOB_ROWS
        seconds = time.perf_counter() - started
        size_mb = out.tell() / 1e6
    return {
        "case": case,
        "size": size,
        "pages": pages,
        "seconds": round(seconds, 2),
        "ms_per_page": round(1000 * seconds / max(pages, 1), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "file_mb": round(size_mb, 2),
        "queued": queued,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=CASES, help="run one document in this process")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    for case in CASES:
        subprocess.run([sys.executable, __file__, "--case", case], check=True)
    print(json.dumps({"load": os.getloadavg()}))


if __name__ == "__main__":
    main()
