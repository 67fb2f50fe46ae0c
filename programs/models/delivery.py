"""What the program delivers: support to a household or one of its members (Support) and the
events of a component — trainings, conferences, communication — (Activity)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from programs.messages import delivery as msg
from programs.models.corrections import Voidable, VoidableQuerySet, active_manager, void_constraint
from programs.services.eligibility import EligibilityBasis
from thoxuan_gnbv.concurrency import Versioned


class SupportType(models.TextChoices):
    SEEDLINGS_LIVESTOCK = "seedlings_livestock", "Giống cây trồng, vật nuôi"
    MATERIALS = "materials", "Vật tư"
    TOOLS = "tools", "Công cụ, máy móc"
    FERTILISER_FEED = "fertiliser_feed", "Phân bón, thức ăn chăn nuôi"
    VOCATIONAL_TRAINING = "vocational_training", "Đào tạo nghề"
    JOB_PLACEMENT = "job_placement", "Giới thiệu, kết nối việc làm"
    NUTRITION = "nutrition", "Can thiệp dinh dưỡng"
    COMMUNICATION = "communication", "Truyền thông, thông tin"
    OTHER = "other", "Khác"


class SupportQuerySet(VoidableQuerySet):
    def for_list(self):
        """What a list row shows, in one query."""
        return self.select_related(
            "component__project",
            "component__subproject",
            "component__plan",
            "household__neighborhood",
            "member",
            "recorded_by",
        )

    def in_year(self, year):
        return self.filter(supported_on__year=year)

    def exceptions(self):
        return self.filter(is_exception=True)


class Support(Voidable, Versioned):
    """A benefit delivered under one component of an approved plan to a household, or to one of its
    members. The value is split by funding source; the household's counterpart (đối ứng) is kept
    beside it; revolving capital records what must come back and what did."""

    component = models.ForeignKey(
        "programs.PlanComponent",
        on_delete=models.PROTECT,
        related_name="supports",
        verbose_name="dự án/tiểu dự án",
    )
    household = models.ForeignKey(
        "households.Household", on_delete=models.PROTECT, related_name="supports", verbose_name="hộ"
    )
    member = models.ForeignKey(
        "households.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supports",
        verbose_name="người được hỗ trợ",
        help_text="Để trống nếu hỗ trợ cho cả hộ.",
    )
    support_type = models.CharField("loại hỗ trợ", max_length=30, choices=SupportType.choices)
    description = models.CharField("nội dung hỗ trợ", max_length=255)
    quantity = models.DecimalField(
        "số lượng",
        max_digits=12,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0, message=msg.QUANTITY_NEGATIVE)],
    )
    unit = models.CharField("đơn vị tính", max_length=30, help_text="Ví dụ: con, kg, suất, khóa học")
    central_amount = models.PositiveBigIntegerField("ngân sách trung ương (đồng)", default=0)
    local_amount = models.PositiveBigIntegerField("ngân sách địa phương (đồng)", default=0)
    mobilised_amount = models.PositiveBigIntegerField("vốn huy động (đồng)", default=0)
    credit_amount = models.PositiveBigIntegerField("vốn tín dụng (đồng)", default=0)
    counterpart_cash = models.PositiveBigIntegerField("đối ứng của hộ bằng tiền (đồng)", default=0)
    counterpart_in_kind = models.CharField(
        "đối ứng của hộ bằng hiện vật, ngày công", max_length=255, blank=True
    )
    supported_on = models.DateField("ngày hỗ trợ")
    production_model = models.CharField(
        "thuộc mô hình/dự án sản xuất", max_length=255, blank=True, help_text="Tên mô hình, nếu có"
    )
    production_model_decision = models.CharField("quyết định phê duyệt mô hình", max_length=150, blank=True)
    production_model_lead = models.CharField("đơn vị chủ trì mô hình", max_length=200, blank=True)
    amount_to_return = models.PositiveBigIntegerField("số vốn phải hoàn trả (luân chuyển) (đồng)", default=0)
    amount_returned = models.PositiveBigIntegerField("số vốn đã hoàn trả (đồng)", default=0)
    low_income_worker = models.BooleanField(
        "người lao động có thu nhập thấp (đã xác nhận)",
        default=False,
        help_text="Chỉ dùng cho đào tạo nghề (Dự án 4 – Tiểu dự án 1).",
    )
    eligibility_basis = models.CharField(
        "căn cứ được hỗ trợ", max_length=20, choices=EligibilityBasis.choices, editable=False
    )
    is_exception = models.BooleanField("trường hợp ngoại lệ", default=False)
    exception_reason = models.TextField("lý do ngoại lệ", blank=True)
    disbursement = models.ForeignKey(
        "programs.Disbursement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supports",
        verbose_name="khoản giải ngân",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người ghi nhận"
    )
    created_at = models.DateTimeField("ghi lúc", auto_now_add=True)
    history = HistoricalRecords()

    # Voided rows drop out of every figure (default manager); their own page reads ``all_objects``.
    objects = active_manager(SupportQuerySet)
    all_objects = SupportQuerySet.as_manager()

    class Meta:
        verbose_name = "hỗ trợ"
        verbose_name_plural = "hỗ trợ"
        ordering = ["-supported_on", "-pk"]
        indexes = [
            # The list pages walk support records newest first (keyset pagination on date, id).
            models.Index(fields=["-supported_on", "-id"], name="support_newest_first"),
            # The component overview's per-component aggregates (households and people reached)
            # read only these columns: an index-only scan instead of visiting every support row.
            models.Index(fields=["component", "household", "member"], name="support_component_reach"),
            # The exceptions page lists the few supports given outside the rules: a partial index holds
            # only them, so the page does not scan every support of the province.
            models.Index(
                fields=["-supported_on", "-id"],
                condition=Q(is_exception=True),
                name="support_exceptions_newest",
            ),
        ]
        constraints = [
            # An exception is only an exception with its written justification.
            models.CheckConstraint(
                condition=Q(is_exception=False) | ~Q(exception_reason=""), name="support_exception_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(amount_returned__lte=F("amount_to_return")), name="support_returned_not_above_due"
            ),
            models.CheckConstraint(condition=Q(quantity__gte=0), name="support_quantity_not_negative"),
            void_constraint("support"),
        ]

    def __str__(self):
        return f"{self.description} – {self.supported_on:%d/%m/%Y}"

    @property
    def total_amount(self) -> int:
        return self.central_amount + self.local_amount + self.mobilised_amount + self.credit_amount

    @property
    def priority_groups(self) -> list[str]:
        """The program's priority groups this record reaches (QĐ 90: ethnic minority, revolutionary
        merit, women of poor households, disability), from the household and the member."""
        household, member = self.household, self.member
        groups = []
        if household.is_ethnic_minority or (member and member.is_ethnic_minority):
            groups.append("Dân tộc thiểu số")
        if household.has_meritorious_person or (member and member.is_meritorious):
            groups.append("Người có công")
        if member and member.sex == "female" and self.eligibility_basis == EligibilityBasis.POOR:
            groups.append("Phụ nữ hộ nghèo")
        if member and member.has_disability:
            groups.append("Người khuyết tật")
        return groups


class ActivityType(models.TextChoices):
    TRAINING = "training", "Tập huấn, đào tạo"
    CONFERENCE = "conference", "Hội nghị, hội thảo"
    COMMUNICATION = "communication", "Truyền thông"
    STAGED_COMMUNICATION = "staged", "Truyền thông sân khấu hóa"
    EXPERIENCE_VISIT = "experience_visit", "Tham quan, học tập kinh nghiệm"
    MONITORING = "monitoring", "Kiểm tra, giám sát"
    OTHER = "other", "Khác"


class ActivityQuerySet(VoidableQuerySet):
    def for_list(self):
        return self.select_related("component__project", "component__subproject", "recorded_by")


class Activity(Voidable, Versioned):
    """An event of a component (Dự án 6 and 7 above all): who took part, what it cost, what it made."""

    component = models.ForeignKey(
        "programs.PlanComponent",
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name="dự án/tiểu dự án",
    )
    activity_type = models.CharField("loại hoạt động", max_length=30, choices=ActivityType.choices)
    title = models.CharField("tên hoạt động", max_length=255)
    held_on = models.DateField("ngày tổ chức")
    place = models.CharField("địa điểm", max_length=255)
    participants = models.PositiveIntegerField("số người tham gia")
    participants_women = models.PositiveIntegerField("trong đó: nữ", default=0)
    participants_poor = models.PositiveIntegerField("trong đó: người thuộc hộ nghèo, cận nghèo", default=0)
    participants_ethnic_minority = models.PositiveIntegerField("trong đó: người dân tộc thiểu số", default=0)
    households = models.ManyToManyField(
        "households.Household", blank=True, related_name="activities", verbose_name="danh sách hộ tham gia"
    )
    central_amount = models.PositiveBigIntegerField("ngân sách trung ương (đồng)", default=0)
    local_amount = models.PositiveBigIntegerField("ngân sách địa phương (đồng)", default=0)
    mobilised_amount = models.PositiveBigIntegerField("vốn huy động (đồng)", default=0)
    credit_amount = models.PositiveBigIntegerField("vốn tín dụng (đồng)", default=0)
    outputs = models.TextField(
        "sản phẩm", blank=True, help_text="Ví dụ: 1 chương trình phát thanh; in 500 tờ rơi"
    )
    disbursement = models.ForeignKey(
        "programs.Disbursement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="khoản giải ngân",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người ghi nhận"
    )
    created_at = models.DateTimeField("ghi lúc", auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[households])

    objects = active_manager(ActivityQuerySet)
    all_objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = "hoạt động"
        verbose_name_plural = "hoạt động"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["-held_on", "-id"], name="activity_newest_first")]
        constraints = [
            # "Of which" counts never exceed the total of participants.
            models.CheckConstraint(
                condition=Q(participants_women__lte=F("participants"))
                & Q(participants_poor__lte=F("participants"))
                & Q(participants_ethnic_minority__lte=F("participants")),
                name="activity_breakdown_within_participants",
            ),
            void_constraint("activity"),
        ]

    def __str__(self):
        return self.title

    @property
    def total_amount(self) -> int:
        return self.central_amount + self.local_amount + self.mobilised_amount + self.credit_amount
