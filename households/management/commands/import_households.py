from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from households.management.options import commune_from_option
from households.services.importing import households_import


class Command(BaseCommand):
    help = "Nhập tệp Excel hộ gia đình (cùng mã kiểm tra với trang web). Có lỗi thì không nhập gì."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp .xlsx")
        parser.add_argument("--commune", help="mã xã (bỏ qua được khi chỉ có một xã)")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
        parser.add_argument(
            "--overwrite-manual",
            action="store_true",
            help="đồng ý ghi đè kết quả rà soát do cán bộ nhập tay (không có thì từ chối)",
        )

    def handle(self, *args, **options):
        commune = commune_from_option(options["commune"])
        try:
            with open(options["file"], "rb") as handle:
                result = households_import(
                    commune=commune,
                    fileobj=handle,
                    user=None,
                    dry_run=options["dry_run"],
                    overwrite_manual=options["overwrite_manual"],
                )
        except FileNotFoundError as exc:
            raise CommandError(f"Không tìm thấy tệp {options['file']}.") from exc
        except ValidationError as error:
            for message in error.messages:
                self.stderr.write(message)
            raise CommandError(f"Không nhập: {len(error.messages)} lỗi.") from error
        verb = "Kiểm tra xong (chưa ghi)" if options["dry_run"] else "Đã nhập"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: thêm {result.created} hộ, cập nhật {result.updated} hộ, "
                f"{result.unchanged} hộ không đổi."
            )
        )
        if result.manual:
            self.stdout.write(f"Ghi đè {result.manual} kết quả rà soát do cán bộ nhập tay.")
