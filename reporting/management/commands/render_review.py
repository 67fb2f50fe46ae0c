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
        "--out TỆP [--commune MÃ | --province MÃ_TỈNH]. Chỉ lấy số liệu của các đợt rà soát đã được phê "
        "duyệt; với --province: một dòng cho mỗi xã, phường của tỉnh (chỉ Excel)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, type=int, help="Năm rà soát, ví dụ 2024")
        parser.add_argument("--format", required=True, dest="fmt", help="xlsx hoặc pdf")
        parser.add_argument("--out", required=True, help="Đường dẫn tệp sẽ ghi")
        parser.add_argument("--commune", help="Mã xã/phường/thị trấn (bắt buộc khi có nhiều đơn vị)")
        parser.add_argument("--province", help="Mã tỉnh/thành phố, ví dụ 38: biểu tổng hợp cả tỉnh")

    def handle(self, *args, year, fmt, out, commune=None, province=None, **options):
        from reporting.documents.review_tables import build_review_tables

        fmt = (fmt or "").lower()
        if fmt not in ("pdf", "xlsx"):
            raise CommandError(messages.FORMAT_UNKNOWN)
        if province is not None:
            if commune is not None:
                raise CommandError(messages.PROVINCE_OR_COMMUNE)
            return self.handle_province(year, fmt, out, province)
        commune_obj = commune_from_option(commune)
        try:
            tables = build_review_tables(commune_obj, year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        detail = _atomic_write(out, lambda stream: self.write(tables, fmt, stream))
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

    @staticmethod
    def write(tables, fmt, stream) -> str:
        from reporting.documents.review_pdf import write_review_pdf
        from reporting.documents.review_xlsx import write_review_xlsx

        if fmt == "pdf":
            return f"{write_review_pdf(tables, stream)} trang"
        write_review_xlsx(tables, stream)
        return "Excel"

    def handle_province(self, year, fmt, out, code):
        from households.models import Province
        from reporting.documents.province_workbook import write_province_xlsx
        from reporting.province_tasks import communes_in_order

        if fmt != "xlsx":
            raise CommandError(messages.PROVINCE_XLSX_ONLY)
        province = Province.objects.filter(code=code).first()
        if province is None:
            raise CommandError(messages.PROVINCE_UNKNOWN.format(code=code))
        communes = communes_in_order(province.pk, year)
        try:
            found = _atomic_write(out, lambda stream: write_province_xlsx(province, communes, year, stream))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã ghi {out} (Excel, năm {year}, {province.name}: {found}/{communes.count()} xã, phường "
                "có đợt rà soát được phê duyệt)."
            )
        )


def _atomic_write(out, write):
    """``write(stream)`` into a file beside ``out``, renamed at the end: a failed run never leaves
    half a file. Returns what ``write`` returns."""
    target = Path(out)
    # Written beside the target and renamed at the end.
    handle, partial = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            result = write(stream)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return result
