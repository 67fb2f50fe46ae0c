"""What a review round records stage by stage (QĐ 24/2021/QĐ-TTg Điều 4): the list of households to
review with the reason each is on it, the khu phố meetings with the share agreeing per household, the
public postings and the complaints with their re-check. Each row belongs to its round and is frozen
with it once approved or cancelled."""

from django.db import models
from simple_history.models import HistoricalRecords

from households.models.geography import Neighborhood
from households.models.registry import Household
from households.models.review import Category, ReviewRound
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet, actor_field


class ListReason(models.TextChoices):
    """Why a household is on the list to review (QĐ 24/2021 Điều 4 khoản 1)."""

    LISTED = "listed", "Đang trong danh sách hộ nghèo, cận nghèo"
    APPLIED = "applied", "Có giấy đề nghị (Mẫu số 01)"
    PROPOSED = "proposed", "Khu phố đề xuất"
    COMPLAINT = "complaint", "Phát sinh từ khiếu nại"


class RoundHousehold(Freezable, models.Model):
    """One household on a round's list to review, and the stage it has reached."""

    frozen_parent = "round"

    round = models.ForeignKey(
        ReviewRound, on_delete=models.CASCADE, related_name="entries", verbose_name="đợt rà soát"
    )
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="round_entries", verbose_name="hộ"
    )
    reason = models.CharField("lý do rà soát", max_length=12, choices=ListReason.choices)
    stage = models.CharField(
        "bước", max_length=12, choices=HouseholdStage.choices, default=HouseholdStage.TO_SURVEY
    )
    note = models.CharField("ghi chú", max_length=255, blank=True)
    added_by = actor_field("người đưa vào danh sách")

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "hộ cần rà soát"
        verbose_name_plural = "danh sách hộ cần rà soát"
        constraints = [
            models.UniqueConstraint(fields=["round", "household"], name="round_household_unique"),
        ]
        indexes = [models.Index(fields=["round", "stage"], name="round_household_stage_idx")]

    def __str__(self):
        return f"{self.household.code} – {self.get_stage_display()}"


class Meeting(Freezable, models.Model):
    """Biên bản họp dân of one khu phố: chaired by the khu phố head, supervised by the commune MTTQ."""

    frozen_parent = "round"

    round = models.ForeignKey(
        ReviewRound, on_delete=models.CASCADE, related_name="meetings", verbose_name="đợt rà soát"
    )
    neighborhood = models.ForeignKey(
        Neighborhood, on_delete=models.PROTECT, related_name="+", verbose_name="khu phố"
    )
    held_on = models.DateField("ngày họp")
    place = models.CharField("địa điểm", max_length=200, default="Nhà văn hóa khu phố")
    chair_name = models.CharField("chủ trì (khu trưởng)", max_length=100)
    secretary_name = models.CharField("thư ký", max_length=100, blank=True)
    supervisor_name = models.CharField("đại diện MTTQ giám sát", max_length=100)
    attendance = models.PositiveIntegerField("số người dự họp")
    note = models.TextField("ý kiến khác", blank=True)
    recorded_by = actor_field("người nhập")
    recorded_at = models.DateTimeField("nhập lúc", auto_now_add=True)

    history = HistoricalRecords()
    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "biên bản họp dân"
        verbose_name_plural = "biên bản họp dân"
        ordering = ["held_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(attendance__gte=1), name="meeting_attendance_positive"),
        ]

    def __str__(self):
        return f"Họp dân {self.neighborhood.name} ngày {self.held_on:%d/%m/%Y}"


class MeetingVote(Freezable, models.Model):
    """The share of those attending who agreed with one household's result (Điều 4 khoản 2: ≥ 50 %)."""

    frozen_parent = "meeting__round"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="votes", verbose_name="cuộc họp"
    )
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="+", verbose_name="hộ")
    category = models.CharField("phân loại đưa ra họp", max_length=12, choices=Category.choices)
    agreeing_percent = models.DecimalField("tỷ lệ đồng ý (%)", max_digits=5, decimal_places=2)
    agreed = models.BooleanField("thống nhất")

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "kết quả biểu quyết"
        verbose_name_plural = "kết quả biểu quyết"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "household"], name="meeting_vote_unique"),
            # A share of those present: never below 0 nor above 100 %.
            models.CheckConstraint(
                condition=models.Q(agreeing_percent__gte=0, agreeing_percent__lte=100),
                name="meeting_vote_percent_range",
            ),
        ]

    def __str__(self):
        return f"{self.household_id}: {self.agreeing_percent} %"


class Posting(Freezable, models.Model):
    """A public posting (niêm yết) of the round's results; number 2, 3… re-post a changed result."""

    frozen_parent = "round"

    round = models.ForeignKey(
        ReviewRound, on_delete=models.CASCADE, related_name="postings", verbose_name="đợt rà soát"
    )
    number = models.PositiveSmallIntegerField("lần niêm yết", default=1)
    starts_on = models.DateField("ngày bắt đầu niêm yết")
    ends_on = models.DateField("ngày kết thúc niêm yết")
    places = models.CharField("nơi niêm yết", max_length=200)
    reason = models.CharField("lý do niêm yết lại", max_length=255, blank=True)
    recorded_by = actor_field("người nhập")

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "niêm yết công khai"
        verbose_name_plural = "niêm yết công khai"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="posting_unique_number"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="posting_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"Niêm yết lần {self.number}: {self.starts_on:%d/%m/%Y} – {self.ends_on:%d/%m/%Y}"


class Complaint(Freezable, models.Model):
    """A complaint (khiếu nại) received during a posting, and its re-check (phúc tra)."""

    frozen_parent = "round"

    round = models.ForeignKey(
        ReviewRound, on_delete=models.CASCADE, related_name="complaints", verbose_name="đợt rà soát"
    )
    posting = models.ForeignKey(
        Posting, on_delete=models.PROTECT, related_name="complaints", verbose_name="niêm yết"
    )
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="complaints", verbose_name="hộ bị khiếu nại"
    )
    complainant = models.CharField("người khiếu nại", max_length=100)
    received_on = models.DateField("ngày nhận")
    content = models.TextField("nội dung khiếu nại")
    recheck_due = models.DateField("hạn phúc tra")
    # The household's category when the complaint came, to tell whether the re-check changed it.
    category_before = models.CharField(
        "phân loại khi khiếu nại", max_length=12, choices=Category.choices, blank=True
    )
    status = models.CharField(
        "kết quả", max_length=12, choices=ComplaintStatus.choices, default=ComplaintStatus.PENDING
    )
    rechecked_on = models.DateField("ngày phúc tra", null=True, blank=True)
    result_note = models.TextField("kết luận phúc tra", blank=True)
    category_after = models.CharField(
        "phân loại sau phúc tra", max_length=12, choices=Category.choices, blank=True
    )
    received_by = actor_field("người tiếp nhận")
    resolved_by = actor_field("người kết luận")

    history = HistoricalRecords()
    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "khiếu nại"
        verbose_name_plural = "khiếu nại"
        ordering = ["received_on", "pk"]
        constraints = [
            # A decided complaint carries its re-check date and conclusion.
            models.CheckConstraint(
                condition=models.Q(status=ComplaintStatus.PENDING)
                | (models.Q(rechecked_on__isnull=False) & ~models.Q(result_note="")),
                name="complaint_resolved_has_recheck",
            ),
        ]

    def __str__(self):
        return f"Khiếu nại của {self.complainant} về hộ {self.household.code}"

    @property
    def is_pending(self) -> bool:
        return self.status == ComplaintStatus.PENDING

    @property
    def changes_classification(self) -> bool:
        return bool(self.category_after) and self.category_after != self.category_before
