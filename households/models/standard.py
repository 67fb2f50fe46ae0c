import datetime

from django.db import models
from simple_history.models import HistoricalRecords


class PovertyStandardQuerySet(models.QuerySet):
    def in_force(self, year: int):
        """The standard that applies to a review of ``year``: valid at some point of that year, newest first.

        NĐ 07/2021 covers 2022–2025 and, by NĐ 351/2025, also 2026; the new standard applies from 2027."""
        return (
            self.filter(valid_from__lte=datetime.date(year, 12, 31))
            .filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=datetime.date(year, 1, 1)))
            .order_by("-valid_from")
            .prefetch_related("indicators")
            .first()
        )

    def on(self, day: datetime.date):
        """The standards valid on ``day``, the newest first (``.first()`` is the one in force)."""
        return (
            self.filter(valid_from__lte=day)
            .filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day))
            .order_by("-valid_from")
        )


class PovertyStandard(models.Model):
    """A multidimensional poverty standard (chuẩn nghèo đa chiều) for a period: law as data, so an
    administrator can add the next one in the admin without a code change."""

    name = models.CharField(
        "tên", max_length=200, help_text="Ví dụ: Chuẩn nghèo đa chiều giai đoạn 2022–2025"
    )
    legal_basis = models.CharField("căn cứ", max_length=200, help_text="Ví dụ: Nghị định 07/2021/NĐ-CP")
    valid_from = models.DateField("áp dụng từ ngày")
    valid_to = models.DateField(
        "áp dụng đến ngày", null=True, blank=True, help_text="Để trống nếu chưa hết hiệu lực"
    )
    urban_income_line = models.PositiveIntegerField(
        "chuẩn thu nhập thành thị (đồng/người/tháng)", help_text="Hộ có thu nhập bằng hoặc thấp hơn mức này"
    )
    rural_income_line = models.PositiveIntegerField("chuẩn thu nhập nông thôn (đồng/người/tháng)")
    urban_average_line = models.PositiveIntegerField(
        "mức sống trung bình thành thị: thu nhập đến (đồng/người/tháng)",
        help_text="Trên chuẩn nghèo và đến mức này là hộ có mức sống trung bình",
    )
    rural_average_line = models.PositiveIntegerField(
        "mức sống trung bình nông thôn: thu nhập đến (đồng/người/tháng)"
    )
    deprivation_cutoff = models.PositiveSmallIntegerField(
        "số chỉ số thiếu hụt để là hộ nghèo", default=3, help_text="Thiếu hụt từ số chỉ số này trở lên"
    )
    urban_points_line = models.PositiveSmallIntegerField(
        "ngưỡng điểm Phiếu B thành thị",
        null=True,
        blank=True,
        help_text="Điểm bằng hoặc thấp hơn tương đương thu nhập dưới chuẩn",
    )
    rural_points_line = models.PositiveSmallIntegerField(
        "ngưỡng điểm Phiếu B nông thôn", null=True, blank=True
    )
    points_per_deprivation = models.PositiveSmallIntegerField(
        "điểm cho mỗi chỉ số thiếu hụt", default=10, help_text="Phiếu B: 30 điểm = 3 chỉ số"
    )
    # "Hộ mới thoát nghèo": within 36 months of leaving the list (QĐ 90/QĐ-TTg), still a beneficiary.
    recently_escaped_days = models.PositiveSmallIntegerField(
        "thời hạn hộ mới thoát nghèo (ngày)",
        default=1095,
        help_text="1095 ngày = 36 tháng theo QĐ 90/QĐ-TTg (cần xác nhận cách tính theo ngày hay tháng)",
    )
    # Working age (Bộ luật Lao động 2019 Điều 169): from 15 to the retirement age, which rises
    # gradually (men 62 by 2028, women 60 by 2035) — the ages in use here are marked "cần xác nhận".
    working_age_min = models.PositiveSmallIntegerField("tuổi lao động từ", default=15)
    working_age_end_male = models.PositiveSmallIntegerField(
        "tuổi lao động của nam đến dưới", default=62, help_text="Tuổi nghỉ hưu của nam (cần xác nhận)"
    )
    working_age_end_female = models.PositiveSmallIntegerField(
        "tuổi lao động của nữ đến dưới", default=60, help_text="Tuổi nghỉ hưu của nữ (cần xác nhận)"
    )
    is_confirmed = models.BooleanField(
        "đã xác nhận",
        default=True,
        help_text="Bỏ chọn khi danh sách chỉ số còn chờ văn bản hướng dẫn (cần xác nhận)",
    )
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()
    objects = PovertyStandardQuerySet.as_manager()

    class Meta:
        verbose_name = "chuẩn nghèo đa chiều"
        verbose_name_plural = "chuẩn nghèo đa chiều"
        ordering = ["-valid_from"]
        constraints = [
            # A period must end after it starts.
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="poverty_standard_period_ordered",
            ),
            # The average band lies above the poverty line (NĐ 07/2021 Điều 3).
            models.CheckConstraint(
                condition=models.Q(urban_average_line__gt=models.F("urban_income_line"))
                & models.Q(rural_average_line__gt=models.F("rural_income_line")),
                name="poverty_standard_average_above_line",
            ),
            # Working age is a band: it starts before it ends, for men and for women.
            models.CheckConstraint(
                condition=models.Q(working_age_end_male__gt=models.F("working_age_min"))
                & models.Q(working_age_end_female__gt=models.F("working_age_min")),
                name="poverty_standard_working_age_ordered",
            ),
        ]

    def __str__(self):
        end = self.valid_to.year if self.valid_to else "…"
        return f"{self.name} ({self.valid_from.year}–{end})"


class Indicator(models.Model):
    """One indicator of deprivation in basic social services (chỉ số thiếu hụt) of a standard."""

    standard = models.ForeignKey(
        PovertyStandard, on_delete=models.CASCADE, related_name="indicators", verbose_name="chuẩn nghèo"
    )
    position = models.PositiveSmallIntegerField("thứ tự")
    code = models.SlugField("mã", max_length=40, help_text="Ví dụ: employment")
    service = models.CharField("dịch vụ xã hội cơ bản", max_length=100, help_text="Ví dụ: Việc làm")
    name = models.CharField(
        "tên chỉ số", max_length=100, help_text="Đúng tên cột trong tệp Excel hộ gia đình"
    )
    condition = models.TextField("điều kiện thiếu hụt", help_text="Hiện làm hướng dẫn khi nhập rà soát")

    class Meta:
        verbose_name = "chỉ số thiếu hụt"
        verbose_name_plural = "chỉ số thiếu hụt"
        ordering = ["standard", "position"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "code"], name="indicator_code_unique_per_standard"),
            models.UniqueConstraint(fields=["standard", "name"], name="indicator_name_unique_per_standard"),
        ]

    def __str__(self):
        return f"{self.position}. {self.name}"
