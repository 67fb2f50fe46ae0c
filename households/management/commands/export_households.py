from django.core.management.base import BaseCommand

from households import workbook as wb
from households.management.options import commune_from_option
from households.models import Household
from households.services.exporting import export_rows, write_workbook
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access


class Command(BaseCommand):
    help = "Xuất tệp Excel hộ gia đình với kết quả rà soát của một năm."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp .xlsx sẽ ghi")
        parser.add_argument("--year", type=int, required=True, help="năm rà soát")
        parser.add_argument("--commune", help="mã xã (bỏ qua được khi chỉ có một xã)")

    def handle(self, *args, **options):
        commune = commune_from_option(options["commune"])
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
