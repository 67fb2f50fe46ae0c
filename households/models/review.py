from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from households.models.geography import Commune
from households.models.registry import Household
from households.models.standard import PovertyStandard
from thoxuan_gnbv.workflow import actor_field


class Category(models.TextChoices):
    """The result of a review; the labels are exactly those of the household workbook."""

    POOR = "poor", "Hộ nghèo"
    NEAR_POOR = "near_poor", "Hộ cận nghèo"
    AVERAGE = "average", "Hộ có mức sống trung bình"
    NONE = "none", "Không thuộc diện"


class RoundStatus(models.TextChoices):
    OPEN = "open", "Đang rà soát"
    SUBMITTED = "submitted", "Chờ Chủ tịch phê duyệt"
    APPROVED = "approved", "Đã phê duyệt"


class ReviewRound(models.Model):
    """A review round (đợt rà soát) of a commune for a year; the chairman's decision freezes it."""

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="review_rounds", verbose_name="xã/phường/thị trấn"
    )
    year = models.PositiveSmallIntegerField("năm rà soát")
    number = models.PositiveSmallIntegerField(
        "đợt", default=1, help_text="1 = rà soát định kỳ; 2, 3… = bổ sung"
    )
    status = models.CharField(
        "trạng thái", max_length=12, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    opened_by = actor_field("người mở")
    opened_at = models.DateTimeField("mở lúc", auto_now_add=True)
    submitted_at = models.DateTimeField("trình lúc", null=True, blank=True)
    decision_number = models.CharField(
        "số quyết định", max_length=50, blank=True, help_text="Ví dụ: 215/QĐ-UBND"
    )
    decision_date = models.DateField("ngày quyết định", null=True, blank=True)
    approved_by = actor_field("người phê duyệt")
    approved_at = models.DateTimeField("phê duyệt lúc", null=True, blank=True)
    # Counts per category frozen at approval (the snapshot the decision recognised).
    summary = models.JSONField("kết quả khi phê duyệt", default=dict, blank=True)
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "đợt rà soát"
        verbose_name_plural = "đợt rà soát"
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "year", "number"], name="review_round_unique_number"),
            # One round in progress per commune at a time, so the khu phố heads know where to record.
            models.UniqueConstraint(
                fields=["commune"],
                condition=~models.Q(status="approved"),
                name="review_round_one_in_progress",
            ),
            # An approved round carries the chairman's decision (QĐ 24/2021: decision recognising the lists).
            models.CheckConstraint(
                condition=~models.Q(status="approved")
                | (
                    ~models.Q(decision_number="")
                    & models.Q(decision_date__isnull=False)
                    & models.Q(approved_by__isnull=False)
                ),
                name="review_round_approved_has_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100), name="review_round_year_range"
            ),
        ]

    def __str__(self):
        suffix = f" (đợt {self.number})" if self.number > 1 else ""
        return f"Rà soát năm {self.year}{suffix}"

    @property
    def is_approved(self) -> bool:
        return self.status == RoundStatus.APPROVED

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class ReviewQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(round__status=RoundStatus.APPROVED)


class Review(models.Model):
    """The review (rà soát) of one household in one round: the inputs and the classification."""

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="reviews", verbose_name="hộ"
    )
    round = models.ForeignKey(
        ReviewRound, on_delete=models.PROTECT, related_name="reviews", verbose_name="đợt rà soát"
    )
    # Copied from the round so list filters need no join.
    year = models.PositiveSmallIntegerField("năm rà soát")
    standard = models.ForeignKey(
        PovertyStandard, on_delete=models.PROTECT, related_name="+", verbose_name="chuẩn nghèo"
    )
    household_size = models.PositiveSmallIntegerField("số nhân khẩu", default=1)
    income = models.PositiveBigIntegerField("thu nhập bình quân (đồng/người/tháng)", null=True, blank=True)
    score = models.PositiveSmallIntegerField("điểm Phiếu B", null=True, blank=True)
    # Codes of the standard's indicators in which the household is deprived.
    deprivations = models.JSONField("chỉ số thiếu hụt", default=list, blank=True)
    deprivation_count = models.PositiveSmallIntegerField("số chỉ số thiếu hụt", default=0)
    category = models.CharField("phân loại", max_length=12, choices=Category.choices)
    recorded_by = actor_field("người nhập")
    recorded_at = models.DateTimeField("nhập lúc", auto_now=True)
    note = models.CharField("ghi chú", max_length=255, blank=True)

    history = HistoricalRecords()
    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = "kết quả rà soát"
        verbose_name_plural = "kết quả rà soát"
        ordering = ["-year", "-round__number"]
        constraints = [
            models.UniqueConstraint(fields=["household", "round"], name="review_unique_per_round"),
            # Income or a Phiếu B score is needed to classify.
            models.CheckConstraint(
                condition=models.Q(income__isnull=False) | models.Q(score__isnull=False),
                name="review_has_income_or_score",
            ),
        ]
        indexes = [
            # Category filters and movement tables: "households classified C in year Y".
            models.Index(fields=["year", "category", "household"], name="review_year_category_idx"),
        ]

    def __str__(self):
        return f"{self.household.code} – {self.year}"

    def save(self, *args, **kwargs):
        # Approved rounds are frozen by every path (pages, admin, shell): the snapshot the decision recognised.
        if self.round_id and self._stored_round_is_approved():
            from households import messages

            raise ValidationError(messages.ROUND_FROZEN)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.round_id and self._stored_round_is_approved():
            from households import messages

            raise ValidationError(messages.ROUND_FROZEN)
        return super().delete(*args, **kwargs)

    def clean(self):
        if self.round_id and self._stored_round_is_approved():
            from households import messages

            raise ValidationError(messages.ROUND_FROZEN)

    def _stored_round_is_approved(self) -> bool:
        round_ids = {self.round_id}
        if self.pk:
            stored = Review.objects.filter(pk=self.pk).values_list("round_id", flat=True).first()
            if stored:
                round_ids.add(stored)
        return ReviewRound.objects.filter(pk__in=round_ids, status=RoundStatus.APPROVED).exists()
