from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from households.management.options import commune_from_option
from reporting import messages
from reporting.periods import parse_period
from reporting.queries import compiled_for_output


class Command(BaseCommand):
    help = (
        "Xuất báo cáo tổng hợp của một kỳ: render_report --period 2024-Q2 --format pdf|xlsx --out TỆP "
        "[--commune MÃ] [--annex]. Báo cáo đã phê duyệt in đúng số liệu lúc phê duyệt; chưa có thì in dự thảo."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period", required=True, help="Kỳ báo cáo: 2024-Q1 … 2024-Q4, 2024-H1 hoặc 2024"
        )
        parser.add_argument("--format", required=True, dest="fmt", help="pdf hoặc xlsx")
        parser.add_argument("--out", required=True, help="Đường dẫn tệp sẽ ghi")
        parser.add_argument("--commune", help="Mã xã/phường/thị trấn (bắt buộc khi có nhiều đơn vị)")
        parser.add_argument("--annex", action="store_true", help="PDF kèm phụ lục danh sách hộ được hỗ trợ")

    def handle(self, *args, period, fmt, out, commune=None, annex=False, **options):
        from reporting.documents.annex_pdf import AnnexTooLong, check_annex_size, render_compiled_with_annex
        from reporting.documents.excel import render_compiled_xlsx
        from reporting.documents.pdf import render_compiled_pdf
        from reporting.documents.report import build_compiled_document

        try:
            parsed = parse_period(period)
        except ValueError as error:
            raise CommandError(str(error)) from error
        fmt = (fmt or "").lower()
        if fmt not in ("pdf", "xlsx"):
            raise CommandError(messages.FORMAT_UNKNOWN)
        commune_obj = commune_from_option(commune)
        try:
            compiled = compiled_for_output(commune_obj, parsed)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        doc = build_compiled_document(compiled)
        if fmt == "pdf" and annex:
            try:
                check_annex_size(compiled)
            except AnnexTooLong as error:
                raise CommandError(str(error)) from error
            content, pages = render_compiled_with_annex(compiled, doc)
            detail = f"{pages} trang"
        elif fmt == "pdf":
            content, pages = render_compiled_pdf(doc)
            detail = f"{pages} trang"
        else:
            content = render_compiled_xlsx(doc, commune=commune_obj)
            detail = "Excel"
        Path(out).write_bytes(content)
        state = "dự thảo" if doc.frame.is_draft else f"số {doc.frame.number_line[4:].strip()}"
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {out} ({detail}, báo cáo {parsed.label}, {state})."))
