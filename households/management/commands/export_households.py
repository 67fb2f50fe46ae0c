from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from households import messages
from households import workbook as wb
from households.management.options import commune_from_option
from households.models import Household
from households.services.exporting import export_rows, write_workbook
from households.services.review import current_round
from households.services.workbook_template import template_write
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access


class Command(BaseCommand):
    help = (
        "Xuất tệp Excel hộ gia đình với kết quả rà soát của một năm, hoặc tải tệp mẫu trống (--template TỆP)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="tệp .xlsx sẽ ghi")
        parser.add_argument("--year", type=int, help="năm rà soát (mẫu trống: mặc định năm đang rà soát)")
        parser.add_argument("--commune", help="mã xã (bỏ qua được khi chỉ có một xã)")
        parser.add_argument("--template", metavar="TỆP", help="ghi tệp mẫu trống (tiêu đề, một dòng ví dụ)")

    def handle(self, *args, **options):
        commune = commune_from_option(options["commune"])
        if options["template"]:
            return self._template(commune, options["template"], options["year"])
        if not options["file"] or not options["year"]:
            raise CommandError(messages.EXPORT_ARGUMENTS)
        count = 0

        def counted(rows):
            nonlocal count
            for values in rows:
                count += 1
                yield values

        year = options["year"]
        layout = wb.layout_for_year(year)
        households = Household.objects.filter(commune=commune)
        write_workbook(counted(export_rows(households, year, layout)), options["file"], layout=layout)
        log_personal_data_access(
            action=AccessAction.EXPORT_XLSX,
            os_user=True,
            commune=commune,
            label=f"Danh sách hộ gia đình năm {year} ({count} hộ)",
            query=f"xã={commune.code} năm={year} tệp={options['file']}",
        )
        self.stdout.write(
            self.style.SUCCESS(f"Đã xuất {count} hộ năm {options['year']} ra {options['file']}.")
        )

    def _template(self, commune, path, year):
        """No personal data: the headers, one made-up example row and the khu phố list."""
        if year is None:
            in_progress = current_round(commune)
            year = in_progress.year if in_progress else timezone.localdate().year
        if not 2000 <= year <= 2100:
            raise CommandError(messages.YEAR_RANGE)
        try:
            template_write(path, commune=commune, year=year)
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp {path}: {exc.strerror}.") from exc
        self.stdout.write(self.style.SUCCESS(f"Đã ghi tệp mẫu trống năm {year} ra {path}."))
