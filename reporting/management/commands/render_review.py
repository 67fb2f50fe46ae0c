import os
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from households.management.options import commune_from_option
from reporting import messages
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access


class Command(BaseCommand):
    help = (
        "Xuất biểu kết quả rà soát và danh sách hộ của một năm: render_review --year NĂM --format xlsx|pdf "
        "--out TỆP [--commune MÃ]. Chỉ lấy số liệu của các đợt rà soát đã được phê duyệt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, type=int, help="Năm rà soát, ví dụ 2024")
        parser.add_argument("--format", required=True, dest="fmt", help="xlsx hoặc pdf")
        parser.add_argument("--out", required=True, help="Đường dẫn tệp sẽ ghi")
        parser.add_argument("--commune", help="Mã xã/phường/thị trấn (bắt buộc khi có nhiều đơn vị)")

    def handle(self, *args, year, fmt, out, commune=None, **options):
        from reporting.documents.review_pdf import write_review_pdf
        from reporting.documents.review_tables import build_review_tables
        from reporting.documents.review_xlsx import write_review_xlsx

        fmt = (fmt or "").lower()
        if fmt not in ("pdf", "xlsx"):
            raise CommandError(messages.FORMAT_UNKNOWN)
        commune_obj = commune_from_option(commune)
        try:
            tables = build_review_tables(commune_obj, year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        target = Path(out)
        # Written beside the target and renamed at the end: a failed run never leaves half a file.
        handle, partial = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                if fmt == "pdf":
                    detail = f"{write_review_pdf(tables, stream)} trang"
                else:
                    write_review_xlsx(tables, stream)
                    detail = "Excel"
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        log_personal_data_access(
            action=AccessAction.DOWNLOAD_PDF if fmt == "pdf" else AccessAction.EXPORT_XLSX,
            obj=tables.review_round,
            label=f"Biểu kết quả rà soát năm {year} (lệnh render_review)",
            os_user=True,
            commune=commune_obj,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã ghi {out} ({detail}, năm {year}, Quyết định số {tables.review_round.decision_number})."
            )
        )
