"""Compute the stored figures now, as the worker would: every stale key, or every key of a commune's
year (``--commune CODE --year N``). For after a bulk load that bypassed the ORM's signals, or to warm a
new installation before its users arrive."""

from django.core.management.base import BaseCommand, CommandError

from households.models import Commune
from reporting.figure_tasks import commune_year_keys, refresh_figures
from reporting.models import FigureCache


class Command(BaseCommand):
    help = "Tính lại số liệu tính sẵn (các khóa đã cũ, hoặc mọi khóa của một xã trong một năm)."

    def add_arguments(self, parser):
        parser.add_argument("--commune", help="mã xã (Commune.code)")
        parser.add_argument("--year", type=int)
        parser.add_argument("--all", action="store_true", help="đánh dấu mọi khóa là cũ rồi tính lại")

    def handle(self, *args, commune=None, year=None, all=False, **options):
        if bool(commune) != bool(year):
            raise CommandError("Cần cả --commune và --year, hoặc không có cả hai.")
        if commune:
            found = Commune.objects.filter(code=commune).first()
            if found is None:
                raise CommandError(f"Không có xã mã {commune}.")
            commune_year_keys(found.pk, year)
        if all:
            from django.utils import timezone

            FigureCache.objects.update(dirty_since=timezone.now())
        keys = list(FigureCache.objects.filter(dirty_since__isnull=False).values_list("key", flat=True))
        computed = refresh_figures.call(keys=keys) if keys else 0
        self.stdout.write(f"Đã tính {computed} / {len(keys)} khóa số liệu.")
