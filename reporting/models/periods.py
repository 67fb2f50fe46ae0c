"""The commune's reporting calendar: one period per quarter, half-year or year, opened from the approved plan's rule."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from households.models import Commune
from programs.models import Plan, ReportingPeriodCode
from reporting.periods import Period


class ReportingPeriod(models.Model):
    """One period of a commune's reporting calendar (quý I…IV, 6 tháng, năm), opened from the
    approved plan's rule: the due date is copied from ``ReportingRule`` when the period opens."""

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="reporting_periods", verbose_name="xã/phường/thị trấn"
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="reporting_periods", verbose_name="kế hoạch"
    )
    year = models.PositiveSmallIntegerField("năm")
    code = models.CharField("kỳ", max_length=4, choices=ReportingPeriodCode.choices)
    start_date = models.DateField("từ ngày")
    end_date = models.DateField("đến ngày")
    due_date = models.DateField("hạn nộp")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["commune", "year", "end_date", "start_date"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "year", "code"], name="reporting_period_unique"),
            models.CheckConstraint(
                condition=Q(start_date__lte=models.F("end_date")), name="reporting_period_dates"
            ),
        ]

    def __str__(self):
        return f"Kỳ báo cáo {self.label}"

    @property
    def period(self) -> Period:
        return Period(year=self.year, code=self.code)

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def slug(self) -> str:
        return self.period.slug
