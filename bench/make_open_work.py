"""Leave in a bench database the work in progress that approved years do not have, so that
bench/crawl.py reaches those pages too, at 1k as at 1M:

- the 2024 reporting periods with unit reports and the compiled commune report (demo/reports_2024.py);
- corrections of 2024 support and payments, one waiting for the chairman (demo/corrections_2024.py);
- three ongoing review requests of 2025 in different states (demo/ongoing_2025.py);
- a draft plan for 2025 copied from the approved 2024 plan, and a draft estimate of 2024 with one line;
- an open review round of the current year, its list prepared (the survey stage).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_crawl_1m .venv/bin/python bench/make_open_work.py

Everything goes through the services (the demo's own seeders, called on the bench commune with its demo
users). Run it after bench/make_support.py, and after any import benchmark: with a round open, an import
writes into that round instead of opening its own. Once only: a second run leaves the database as it is.
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from demo.corrections_2024 import seed_corrections_2024  # noqa: E402
from demo.ongoing_2025 import seed_ongoing_2025  # noqa: E402
from demo.plan_parts_2024 import REPORTING_RULES, REPORTS_TO  # noqa: E402
from demo.reports_2024 import seed_reports_2024  # noqa: E402
from households.models import Commune, ReviewRequest  # noqa: E402
from households.services.review import current_round, review_round_open  # noqa: E402
from programs.models import Estimate, Plan, PlanComponent, ReportingRule  # noqa: E402
from programs.services.budget import allocation_record, estimate_create, estimate_line_add  # noqa: E402
from programs.services.plan_versions import plan_copy_to_next_year  # noqa: E402
from thoxuan_gnbv import workflow  # noqa: E402
from thoxuan_gnbv.models import User  # noqa: E402
from thoxuan_gnbv.statuses import EstimateStatus  # noqa: E402

YEAR = 2024


def open_work(commune) -> list[str]:
    """Create what is missing; the names of what was made."""
    users = {user.username: user for user in User.objects.filter(commune=commune)}
    made = []
    plan = Plan.objects.approved_for(commune, YEAR)
    if plan is not None and not plan.reporting_rules.exists():
        # The bench plans have no section VII; the reports need its periods (the demo plan's).
        with workflow.seeding():
            ReportingRule.objects.bulk_create(
                ReportingRule(plan=plan, period=period, due_date=due, recipients=REPORTS_TO)
                for period, due in REPORTING_RULES
            )
    if seed_reports_2024(commune, users):
        made.append("báo cáo 2024 và báo cáo tổng hợp")
    if seed_corrections_2024(commune, users):
        made.append("đề nghị sửa 2024")
    if not ReviewRequest.objects.filter(commune=commune).exists():
        seed_ongoing_2025(commune, users)
        made.append("đề nghị rà soát thường xuyên 2025")
    if plan is not None and not Plan.objects.filter(commune=commune, year=YEAR + 1).exists():
        plan_copy_to_next_year(plan=plan, user=users["laodong"])
        made.append(f"dự thảo kế hoạch {YEAR + 1}")
    if (
        plan is not None
        and not Estimate.objects.filter(commune=commune, year=YEAR)
        .exclude(status=EstimateStatus.APPROVED)
        .exists()
    ):
        component = PlanComponent.objects.filter(plan=plan, allocations__isnull=False).order_by("pk").first()
        source = component.allocations.values_list("source", flat=True).first()
        # The approved estimate holds the whole allocation: a supplementary allocation makes room.
        allocation_record(
            component=component,
            source=source,
            amount=1_000_000,
            decision_number="99/QĐ-UBND",
            decision_date=datetime.date(YEAR, 11, 20),
            user=users["ketoan"],
        )
        estimate = estimate_create(commune=commune, year=YEAR, title="Dự toán bổ sung", user=users["ketoan"])
        estimate_line_add(
            estimate=estimate,
            component=component,
            source=source,
            content="Bổ sung kinh phí hỗ trợ",
            amount=1_000_000,
            user=users["ketoan"],
        )
        made.append(f"dự toán nháp {YEAR}")
    if current_round(commune) is None:
        review_round_open(commune=commune, year=timezone.localdate().year, user=users["laodong"])
        made.append(f"đợt rà soát {timezone.localdate().year} đang mở")
    return made


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commune", default="bench")
    args = parser.parse_args()
    commune = Commune.objects.get(code=args.commune)
    started = time.perf_counter()
    with transaction.atomic():
        made = open_work(commune)
    print(
        f"{commune.name}: {', '.join(made) or 'đã có, không tạo thêm'} ({time.perf_counter() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
