from django.db import models
from simple_history.models import HistoricalRecords

from households import messages
from households.models.geography import Commune
from households.models.registry import Household
from households.models.standard import PovertyStandard
from thoxuan_gnbv.statuses import ROUND_CLOSED, ROUND_WORKING, RoundStatus
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet, Step, TransitionLog, Workflow, actor_field


class Category(models.TextChoices):
    """The result of a review; the labels are exactly those of the household workbook."""

    POOR = "poor", "Hộ nghèo"
    NEAR_POOR = "near_poor", "Hộ cận nghèo"
    AVERAGE = "average", "Hộ có mức sống trung bình"
    NONE = "none", "Không thuộc diện"


class ReviewRoundQuerySet(FrozenQuerySet):
    def in_progress(self):
        """Rounds neither approved nor cancelled: a cancelled round no longer blocks a new one."""
        return self.exclude(status__in=ROUND_CLOSED)


class ReviewRound(Freezable, models.Model):
    """A review round (đợt rà soát) of a commune for a year; the chairman's decision freezes it.

    QĐ 24/2021 (Điều 4, 5): the list is submitted to the chairman, who recognises it by a decision —
    never the officer who submitted it — or sends it back for corrections (the round reopens)."""

    workflow = Workflow(
        statuses=RoundStatus,
        editable=ROUND_WORKING,
        frozen=ROUND_CLOSED,
        frozen_message=messages.ROUND_FROZEN,
        log="households.ReviewRoundTransition",
        steps=[
            # QĐ 24/2021 Điều 4 khoản 2: the surveyed results go to the khu phố meetings.
            Step(
                to=RoundStatus.MEETING,
                sources=(RoundStatus.OPEN,),
                wrong_state_message=messages.ROUND_NOT_OPEN,
            ),
            # Điều 4 khoản 3: the agreed results are posted; complaints come during the posting.
            Step(
                to=RoundStatus.POSTING,
                sources=(RoundStatus.MEETING,),
                wrong_state_message=messages.ROUND_NOT_MEETING,
            ),
            # From the posting; straight from open only for an earlier year entered as history.
            Step(
                to=RoundStatus.SUBMITTED,
                sources=(RoundStatus.OPEN, RoundStatus.POSTING),
                actor_field="submitted_by",
                time_field="submitted_at",
                wrong_state_message=messages.ROUND_NOT_SUBMITTABLE,
            ),
            Step(
                to=RoundStatus.OPEN,
                sources=(RoundStatus.SUBMITTED,),
                not_by="submitted_by",
                comment_field="note",
                wrong_state_message=messages.ROUND_NOT_SUBMITTED,
            ),
            Step(
                to=RoundStatus.APPROVED,
                sources=(RoundStatus.SUBMITTED,),
                actor_field="approved_by",
                time_field="approved_at",
                not_by="submitted_by",
                wrong_state_message=messages.ROUND_NOT_SUBMITTED,
            ),
            Step(
                to=RoundStatus.CANCELLED,
                sources=(*ROUND_WORKING, RoundStatus.SUBMITTED),
                actor_field="cancelled_by",
                time_field="cancelled_at",
                comment_required=True,
                comment_field="cancel_reason",
                comment_key="reason",
                comment_message=messages.CANCEL_REASON_REQUIRED,
                wrong_state_message=messages.ROUND_CLOSED,
            ),
        ],
    )

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
    submitted_by = actor_field("người trình")
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
    # An earlier year entered after the fact skips the stages; the reason says why it is entered.
    history_reason = models.TextField("lý do nhập đợt của năm trước", blank=True)
    # TT 07/2021 Phụ lục I: the commune chooses per round whether it screens with Phiếu A first.
    uses_quick_screen = models.BooleanField("nhận dạng nhanh bằng Phiếu A trước", default=False)
    cancelled_by = actor_field("người hủy")
    cancelled_at = models.DateTimeField("hủy lúc", null=True, blank=True)
    cancel_reason = models.TextField("lý do hủy", blank=True)

    history = HistoricalRecords()
    objects = ReviewRoundQuerySet.as_manager()

    class Meta:
        verbose_name = "đợt rà soát"
        verbose_name_plural = "đợt rà soát"
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "year", "number"], name="review_round_unique_number"),
            # One round in progress per commune at a time, so the khu phố heads know where to record.
            models.UniqueConstraint(
                fields=["commune"],
                condition=~models.Q(status__in=ROUND_CLOSED),
                name="review_round_one_in_progress",
            ),
            # An approved round carries the chairman's decision (QĐ 24/2021: decision recognising the lists).
            models.CheckConstraint(
                condition=~models.Q(status=RoundStatus.APPROVED)
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
            # A cancelled round says why (its reviews stay as history).
            models.CheckConstraint(
                condition=~models.Q(status=RoundStatus.CANCELLED) | ~models.Q(cancel_reason=""),
                name="review_round_cancelled_has_reason",
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

    @property
    def is_working(self) -> bool:
        return self.status in ROUND_WORKING

    @property
    def is_history(self) -> bool:
        """An earlier year entered after the fact: no meetings or posting in the portal."""
        return bool(self.history_reason)


class ReviewRoundTransition(TransitionLog):
    """One step of a review round: who submitted, returned or approved it, when, and why."""

    review_round = models.ForeignKey(
        ReviewRound, on_delete=models.CASCADE, related_name="transitions", verbose_name="đợt rà soát"
    )
    from_status = models.CharField("từ trạng thái", max_length=12, choices=RoundStatus.choices, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=12, choices=RoundStatus.choices)

    class Meta:
        verbose_name = "bước xử lý đợt rà soát"
        verbose_name_plural = "nhật ký xử lý đợt rà soát"
        ordering = ["review_round", "at", "pk"]


class ReviewQuerySet(FrozenQuerySet):
    def approved(self):
        return self.filter(round__status=RoundStatus.APPROVED)


class Review(Freezable, models.Model):
    """The review (rà soát) of one household in one round: the inputs and the classification. Frozen
    with its round once approved: the snapshot the decision recognised."""

    frozen_parent = "round"

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
