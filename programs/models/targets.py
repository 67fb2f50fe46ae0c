"""II.2 of the plan: its targets and the "trong đó" lines breaking each one down (by khu phố, by group), frozen
through the plan once approved."""

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from programs.messages import plans as messages
from programs.models.plan_parts import PlanPart
from programs.models.plans import Plan
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet


class TargetMetric(models.TextChoices):
    """What the portal can count live for a target (from the approved household reviews)."""

    POOR_HOUSEHOLDS_REDUCED = "poor_households_reduced", "Số hộ nghèo giảm (thoát nghèo)"
    WITHOUT_LABOUR_CAPACITY = "without_labour_capacity", "Trong đó: hộ không có khả năng lao động"
    WITH_LABOUR_CAPACITY = "with_labour_capacity", "Trong đó: hộ có khả năng lao động"


class TargetCounting(models.TextChoices):
    """How a poverty-reduction target is scored. Net (default): the fall in the number of poor households
    between the two reviews (start − end, so households falling back or newly poor count against it), as
    the rate of poor households the plan lowers is a net figure (QĐ 24/2021/QĐ-TTg, Điều 2). Gross: the
    households that escaped poverty, whatever else happened, when the plan says so."""

    NET = "net", "Số hộ nghèo giảm thực (đầu năm − cuối năm)"
    GROSS = "gross", "Số hộ thoát nghèo (chưa trừ tái nghèo, phát sinh)"


class Target(PlanPart):
    """A measurable specific target (II.2), e.g. "Giảm 8 hộ nghèo theo tiêu chuẩn nghèo đa chiều"."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets", verbose_name="kế hoạch")
    action = models.CharField("động từ", max_length=50, help_text="Ví dụ: Giảm, Hỗ trợ, Đào tạo")
    quantity = models.IntegerField(
        "số lượng", validators=[MinValueValidator(0, message=messages.TARGET_QUANTITY_NEGATIVE)]
    )
    unit = models.CharField("đơn vị tính", max_length=50, help_text="Ví dụ: hộ nghèo")
    text = models.CharField(
        "diễn giải", max_length=300, blank=True, help_text="Ví dụ: theo chuẩn nghèo đa chiều"
    )
    metric = models.CharField(
        "chỉ số theo dõi",
        max_length=40,
        choices=TargetMetric.choices,
        blank=True,
        help_text="Để cổng tự đếm kết quả đạt được (tùy chọn)",
    )
    counting = models.CharField(
        "cách tính kết quả",
        max_length=5,
        choices=TargetCounting.choices,
        default=TargetCounting.NET,
        blank=True,  # left empty: net, the default reading of "giảm … hộ nghèo"
        help_text="Giảm thực (mặc định, khi để trống) hoặc số hộ thoát nghèo, theo lời văn của kế hoạch",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "mục tiêu cụ thể"
        verbose_name_plural = "mục tiêu cụ thể"
        ordering = ["plan", "position", "pk"]
        constraints = [
            # A target counts something: a negative quantity is meaningless (and refused by the form too).
            models.CheckConstraint(condition=models.Q(quantity__gte=0), name="target_quantity_not_negative"),
        ]

    def __str__(self):
        return self.sentence

    @property
    def sentence(self) -> str:
        return " ".join(p for p in [self.action, str(self.quantity), self.unit, self.text] if p)


class TargetLine(Freezable, models.Model):
    """A breakdown line of a target ("trong đó: hộ không có khả năng lao động 2 hộ")."""

    frozen_parent = "target__plan"

    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="lines", verbose_name="mục tiêu"
    )
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    label = models.CharField("nội dung", max_length=200, help_text="Ví dụ: hộ không có khả năng lao động")
    quantity = models.IntegerField(
        "số lượng", validators=[MinValueValidator(0, message=messages.TARGET_QUANTITY_NEGATIVE)]
    )
    unit = models.CharField("đơn vị tính", max_length=50, default="hộ")
    metric = models.CharField("chỉ số theo dõi", max_length=40, choices=TargetMetric.choices, blank=True)

    history = HistoricalRecords()
    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "dòng “trong đó”"
        verbose_name_plural = "dòng “trong đó”"
        ordering = ["target", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=0), name="target_line_quantity_not_negative"
            ),
        ]

    def __str__(self):
        return self.sentence

    @property
    def sentence(self) -> str:
        return f"{self.label} {self.quantity} {self.unit}".strip()
