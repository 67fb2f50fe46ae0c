from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from households.management.options import commune_from_option
from programs.models import Plan
from programs.queries.plans import with_document
from reporting.documents.pdf import render_plan_pdf
from reporting.documents.plan import build_plan_document
from thoxuan_gnbv.formatting import format_number


class Command(BaseCommand):
    help = "In kế hoạch năm ra PDF: render_plan --year 2024 [--commune MÃ] --out TỆP.pdf"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Năm kế hoạch")
        parser.add_argument("--commune", help="Mã xã/phường/thị trấn (bắt buộc khi có nhiều đơn vị)")
        parser.add_argument("--out", required=True, help="Đường dẫn tệp PDF sẽ ghi")

    def handle(self, *args, year, commune=None, out, **options):
        commune = commune_from_option(commune)
        # The plan in force (newest approved version), else the newest draft, which prints "DỰ THẢO".
        plan = Plan.objects.approved_for(commune, year) or (
            Plan.objects.filter(commune=commune, year=year).order_by("-pk").first()
        )
        if plan is None:
            raise CommandError(f"{commune} chưa có kế hoạch năm {year}.")
        plan = with_document(Plan.objects.filter(pk=plan.pk)).get()
        doc = build_plan_document(plan)
        pdf = render_plan_pdf(doc)
        Path(out).write_bytes(pdf)
        state = "dự thảo" if doc.frame.is_draft else plan.get_status_display().lower()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã ghi {out} ({format_number(len(pdf))} byte, kế hoạch năm {year}, {state})."
            )
        )
