"""A commune's yearly implementation plan (Kế hoạch năm) and its parts, as the 2024 plan holds them.

Sections follow the document: bases, I purpose/requirements, II goal and measurable targets, III one
section per component (Dự án / Tiểu dự án), IV funding, V main solutions, VI assignments per unit,
VII the reporting regime, then the recipients and the signer block.

An approved or issued plan is an official document: nothing in it may change by any path. Services
refuse it first; ``save()``/``delete()`` of the plan and of every part refuse it again (so the admin
and any stray code path are covered), and named DB constraints keep the approved states consistent.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from simple_history.models import HistoricalRecords

from households.models import Commune
from programs import messages
from programs.models.catalogue import Program, Project, SubProject
from programs.models.units import Unit
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.workflow import TransitionLog, actor_field

# The document type and symbol printed in "Số: 12/KH-UBND" (NĐ 30/2020, Phụ lục III).
PLAN_SYMBOL = "KH-UBND"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn thảo"
    SUBMITTED = "submitted", "Chờ phê duyệt"
    RETURNED = "returned", "Bị trả lại"
    APPROVED = "approved", "Đã phê duyệt"
    ISSUED = "issued", "Đã ban hành"


FROZEN_STATUSES = (PlanStatus.APPROVED, PlanStatus.ISSUED)
EDITABLE_STATUSES = (PlanStatus.DRAFT, PlanStatus.RETURNED)
# Issuing only adds the number and date to an approved plan; nothing else may change afterwards.
ISSUE_FIELDS = frozenset({"status", "document_number", "issued_on", "updated_at"})


class PlanQuerySet(models.QuerySet):
    # Bulk writes bypass save()/delete(), so the queryset refuses them on approved plans too.
    def update(self, **kwargs):
        frozen = self.filter(status__in=FROZEN_STATUSES)
        if frozen.exists():
            issuing = (
                set(kwargs) <= ISSUE_FIELDS
                and kwargs.get("status", PlanStatus.ISSUED) == PlanStatus.ISSUED
                and not frozen.filter(status=PlanStatus.ISSUED).exists()
            )
            if not issuing:
                raise ValidationError(messages.PLAN_FROZEN, code="frozen")
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status__in=FROZEN_STATUSES).exists():
            raise ValidationError(messages.PLAN_FROZEN, code="frozen")
        return super().delete()

    delete.queryset_only = True

    def approved(self):
        return self.filter(status__in=FROZEN_STATUSES)

    def for_year(self, year: int):
        return self.filter(year=year)

    def approved_for(self, commune, year: int):
        """The plan in force for a commune and year: the newest approved or issued version, or None."""
        return (
            self.approved()
            .filter(commune=commune, year=year)
            .select_related("commune", "program")
            .order_by("-approved_at", "-pk")
            .first()
        )

    def awaiting_approval(self):
        return self.filter(status=PlanStatus.SUBMITTED)


class Plan(models.Model):
    """Kế hoạch triển khai thực hiện Chương trình … năm N of one commune (one version of it)."""

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="plans", verbose_name="xã/phường/thị trấn"
    )
    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="plans", verbose_name="chương trình"
    )
    year = models.PositiveSmallIntegerField("năm kế hoạch")
    status = models.CharField(
        "trạng thái", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    document_number = models.CharField(
        "số văn bản", max_length=20, blank=True, help_text="Chỉ phần số, ví dụ 45 trong “Số: 45/KH-UBND”"
    )
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    title = models.CharField(
        "trích yếu",
        max_length=500,
        help_text="Dòng dưới chữ KẾ HOẠCH, ví dụ: Triển khai thực hiện Chương trình … năm 2024",
    )
    issuing_statement = models.TextField(
        "lời ban hành",
        blank=True,
        help_text="Câu sau phần căn cứ, ví dụ: UBND thị trấn … ban hành Kế hoạch … với các nội dung như sau:",
    )
    purpose = models.TextField("I.1. Mục đích", blank=True, help_text="Mỗi đoạn một dòng")
    requirements = models.TextField("I.2. Yêu cầu", blank=True, help_text="Mỗi đoạn một dòng")
    general_goal = models.TextField("II.1. Mục tiêu tổng quát", blank=True)
    funding = models.TextField("IV. Kinh phí thực hiện", blank=True)
    main_solutions = models.TextField(
        "V. Giải pháp chủ yếu", blank=True, help_text="Mỗi giải pháp một dòng; số thứ tự được đánh tự động"
    )
    reporting_regime = models.TextField(
        "VII. Công tác thông tin báo cáo", blank=True, help_text="Đoạn văn quy định chế độ báo cáo"
    )
    closing = models.TextField("đoạn kết", blank=True, help_text="“Trên đây là Kế hoạch …”")
    signer_authority = models.CharField(
        "quyền hạn ký", max_length=50, blank=True, help_text="Ví dụ: KT. CHỦ TỊCH (để trống khi Chủ tịch ký)"
    )
    signer_title = models.CharField("chức vụ người ký", max_length=100, blank=True, default="CHỦ TỊCH")
    signer_name = models.CharField("họ tên người ký", max_length=150, blank=True)
    previous_version = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        verbose_name="bản được điều chỉnh",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người tạo"
    )
    submitted_by = actor_field("người trình")
    submitted_at = models.DateTimeField("lúc trình", null=True, blank=True)
    approved_by = actor_field("người phê duyệt")
    approved_at = models.DateTimeField("lúc phê duyệt", null=True, blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    history = HistoricalRecords()
    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"
        ordering = ["-year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=PlanStatus.values), name="plan_status_valid"
            ),
            # An approved/issued plan always says who approved it and when (the signer is accountable).
            models.CheckConstraint(
                condition=~models.Q(status__in=FROZEN_STATUSES)
                | models.Q(approved_by__isnull=False, approved_at__isnull=False),
                name="plan_approved_has_approver",
            ),
            # An issued plan carries its official number and date (NĐ 30/2020: "Số: …/KH-UBND", ngày …).
            models.CheckConstraint(
                condition=~models.Q(status=PlanStatus.ISSUED)
                | (~models.Q(document_number="") & models.Q(issued_on__isnull=False)),
                name="plan_issued_has_number_and_date",
            ),
            # One plan per commune and year; later versions are amendments linked to it.
            models.UniqueConstraint(
                fields=["commune", "year"],
                condition=models.Q(previous_version__isnull=True),
                name="plan_one_original_per_commune_year",
            ),
            # A version is amended at most once: the amendments form a chain, not a tree.
            models.UniqueConstraint(fields=["previous_version"], name="plan_one_amendment_per_version"),
        ]

    def __str__(self):
        return f"Kế hoạch năm {self.year} – {self.commune}" + (
            f" (bản điều chỉnh {self.version_number})" if self.previous_version_id else ""
        )

    def save(self, *args, **kwargs):
        self._check_not_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if type(self).objects.filter(pk=self.pk, status__in=FROZEN_STATUSES).exists():
            raise ValidationError(messages.PLAN_FROZEN, code="frozen")
        return super().delete(*args, **kwargs)

    @property
    def is_approved(self) -> bool:
        return self.status in FROZEN_STATUSES

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def document_reference(self) -> str:
        """``45/KH-UBND`` once issued, otherwise empty."""
        return f"{self.document_number}/{PLAN_SYMBOL}" if self.document_number else ""

    @property
    def version_number(self) -> int:
        """1 for the original plan, 2 for its first amendment, …"""
        number, plan = 1, self
        while plan.previous_version_id:
            number += 1
            plan = plan.previous_version
        return number

    # --- the freeze guard -------------------------------------------------------------------------
    def _check_not_frozen(self):
        if not self.pk:
            return
        names = [f.attname for f in self._meta.concrete_fields]
        stored = type(self).objects.filter(pk=self.pk).values(*names).first()
        if not stored or stored["status"] not in FROZEN_STATUSES:
            return
        changed = {name for name in names if stored[name] != getattr(self, name)} - {"updated_at"}
        allowed = (
            ISSUE_FIELDS
            if stored["status"] == PlanStatus.APPROVED and self.status == PlanStatus.ISSUED
            else frozenset()
        )
        if changed - allowed:
            raise ValidationError(messages.PLAN_FROZEN, code="frozen")


def plan_is_frozen(plan_id) -> bool:
    return Plan.objects.filter(pk=plan_id, status__in=FROZEN_STATUSES).exists()


class PlanPartQuerySet(models.QuerySet):
    """Bulk update/delete of parts is refused when any of them belongs to an approved plan."""

    frozen_lookup = "plan__status__in"

    def _refuse_if_frozen(self):
        if self.filter(**{self.frozen_lookup: FROZEN_STATUSES}).exists():
            raise ValidationError(messages.PLAN_FROZEN, code="frozen")

    def update(self, **kwargs):
        self._refuse_if_frozen()
        return super().update(**kwargs)

    def delete(self):
        self._refuse_if_frozen()
        return super().delete()

    delete.queryset_only = True


class TargetLineQuerySet(PlanPartQuerySet):
    frozen_lookup = "target__plan__status__in"


class PlanPart(models.Model):
    """A part of a plan (a basis, target, component, …): refuses any change once the plan is approved."""

    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if plan_is_frozen(self.plan_id):
            raise ValidationError(messages.PLAN_FROZEN, code="frozen")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if plan_is_frozen(self.plan_id):
            raise ValidationError(messages.PLAN_FROZEN, code="frozen")
        return super().delete(*args, **kwargs)


class LegalBasis(PlanPart):
    """A document the plan is based on ("Căn cứ"/"Thực hiện"): kind, number, date, issuer, subject."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="legal_bases", verbose_name="kế hoạch"
    )
    kind = models.CharField(
        "loại văn bản", max_length=50, help_text="Ví dụ: Kế hoạch, Quyết định, Nghị quyết"
    )
    number = models.CharField("số, ký hiệu", max_length=50, blank=True, help_text="Ví dụ: 101/KH-UBND")
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    issuer = models.CharField("cơ quan ban hành", max_length=200, help_text="Ví dụ: UBND huyện Thọ Xuân")
    subject = models.TextField("trích yếu", blank=True, help_text="Ví dụ: về triển khai thực hiện …")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "căn cứ"
        verbose_name_plural = "căn cứ"
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return self.citation

    @property
    def citation(self) -> str:
        """``Kế hoạch số 101/KH-UBND ngày 11/04/2024 của UBND huyện Thọ Xuân về …``"""
        parts = [self.kind]
        if self.number:
            parts.append(f"số {self.number}")
        if self.issued_on:
            parts.append(f"ngày {self.issued_on:%d/%m/%Y}")
        parts.append(f"của {self.issuer}")
        if self.subject:
            parts.append(self.subject)
        return " ".join(parts)


class TargetMetric(models.TextChoices):
    """What the portal can count live for a target (from the approved household reviews)."""

    POOR_HOUSEHOLDS_REDUCED = "poor_households_reduced", "Số hộ nghèo giảm (thoát nghèo)"
    WITHOUT_LABOUR_CAPACITY = "without_labour_capacity", "Trong đó: hộ không có khả năng lao động"
    WITH_LABOUR_CAPACITY = "with_labour_capacity", "Trong đó: hộ có khả năng lao động"


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


class TargetLine(models.Model):
    """A breakdown line of a target ("trong đó: hộ không có khả năng lao động 2 hộ")."""

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
    objects = TargetLineQuerySet.as_manager()

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

    def save(self, *args, **kwargs):
        if plan_is_frozen(Target.objects.filter(pk=self.target_id).values("plan_id")[:1]):
            raise ValidationError(messages.PLAN_FROZEN, code="frozen")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if plan_is_frozen(Target.objects.filter(pk=self.target_id).values("plan_id")[:1]):
            raise ValidationError(messages.PLAN_FROZEN, code="frozen")
        return super().delete(*args, **kwargs)

    @property
    def sentence(self) -> str:
        return f"{self.label} {self.quantity} {self.unit}".strip()


ROMAN_QUARTERS = {3: "I", 6: "II", 9: "III", 12: "IV"}
QUARTER_ENDS = {(3, 31), (6, 30), (9, 30)}


class PlanComponent(PlanPart):
    """One section of III: a project or sub-project the commune runs this year, with its a–f items."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="components", verbose_name="kế hoạch"
    )
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="+", verbose_name="dự án")
    subproject = models.ForeignKey(
        SubProject,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="tiểu dự án",
    )
    title = models.CharField(
        "tên", max_length=300, help_text="Để trống: lấy tên dự án/tiểu dự án", blank=True
    )
    objective = models.TextField("a. Mục tiêu", blank=True)
    beneficiary_groups = models.TextField("b. Đối tượng", blank=True)
    support_content = models.TextField("c. Nội dung hỗ trợ", blank=True)
    funding_text = models.TextField(
        "d. Kinh phí thực hiện", blank=True, default="Theo phân bổ của UBND huyện."
    )
    lead_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="led_components", verbose_name="cơ quan chủ trì"
    )
    lead_role = models.CharField(
        "công chức tham mưu chính",
        max_length=32,
        choices=Role.choices,
        blank=True,
        help_text="Người tham mưu chính khi cơ quan chủ trì là UBND",
    )
    partner_units = models.ManyToManyField(
        Unit, blank=True, related_name="partnered_components", verbose_name="cơ quan phối hợp"
    )
    deadline = models.DateField(
        "thời hạn hoàn thành", help_text="31/12 nghĩa là “trong năm”; 30/09 nghĩa là “hoàn thành quý III”"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "dự án, tiểu dự án của kế hoạch"
        verbose_name_plural = "dự án, tiểu dự án của kế hoạch"
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return f"{self.code}. {self.display_title}"

    @property
    def code(self) -> str:
        """``"2"`` for Dự án 2, ``"3.1"`` for Dự án 3 – Tiểu dự án 1."""
        if self.subproject_id:
            return f"{self.project.number}.{self.subproject.number}"
        return str(self.project.number)

    @property
    def display_title(self) -> str:
        return self.title or (self.subproject.name if self.subproject_id else self.project.name)

    @property
    def deadline_text(self) -> str:
        """How the document words the deadline: the whole year, a quarter's end, or a date."""
        day = self.deadline
        if (day.month, day.day) == (12, 31):
            return f"Trong năm {day.year}"
        if (day.month, day.day) in QUARTER_ENDS:
            return f"Hoàn thành quý {ROMAN_QUARTERS[day.month]} năm {day.year}"
        return f"Hoàn thành trước ngày {day:%d/%m/%Y}"

    def clean(self):
        errors = {}
        plan = self.plan
        if self.deadline and self.deadline.year != plan.year:
            errors["deadline"] = messages.DEADLINE_OUTSIDE_YEAR.format(year=plan.year)
        if self.project_id and self.project.program_id != plan.program_id:
            errors["project"] = messages.PROJECT_OTHER_PROGRAM
        if self.subproject_id and self.subproject.project_id != self.project_id:
            errors["subproject"] = messages.SUBPROJECT_OTHER_PROJECT
        if self.lead_unit_id and self.lead_unit.commune_id != plan.commune_id:
            errors["lead_unit"] = messages.UNIT_OTHER_COMMUNE.format(commune=plan.commune)
        same = PlanComponent.objects.filter(
            plan=plan, project_id=self.project_id, subproject_id=self.subproject_id
        )
        if self.project_id and same.exclude(pk=self.pk).exists():
            errors["project"] = messages.COMPONENT_TAKEN
        if errors:
            raise ValidationError(errors)


@receiver(m2m_changed, sender=PlanComponent.partner_units.through)
def _refuse_partner_change_on_frozen_plan(sender, instance, action, **kwargs):
    # loaddata (raw) restores a stored state, it does not change an approved plan.
    if kwargs.get("raw"):
        return
    frozen_change = action in ("pre_add", "pre_remove", "pre_clear") and isinstance(instance, PlanComponent)
    if frozen_change and plan_is_frozen(instance.plan_id):
        raise ValidationError(messages.PLAN_FROZEN, code="frozen")


class Assignment(PlanPart):
    """VI: a unit (or officer) and its list of duties."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="assignments", verbose_name="kế hoạch"
    )
    heading = models.CharField(
        "đơn vị / người được giao", max_length=300, help_text="Ví dụ: Công chức phụ trách Lao động - TB&XH"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="đơn vị"
    )
    role = models.CharField("vai trò", max_length=32, choices=Role.choices, blank=True)
    duties = models.TextField("nhiệm vụ", help_text="Mỗi nhiệm vụ một dòng")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "phân công"
        verbose_name_plural = "phân công"
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return self.heading


class ReportingPeriodCode(models.TextChoices):
    """Report periods of section VII (the reporting calendar of the reporting app)."""

    Q1 = "Q1", "Báo cáo quý I"
    Q2 = "Q2", "Báo cáo quý II"
    Q3 = "Q3", "Báo cáo quý III"
    Q4 = "Q4", "Báo cáo quý IV"
    H1 = "H1", "Báo cáo 6 tháng"
    YEAR = "YEAR", "Báo cáo năm"


class ReportingRule(PlanPart):
    """VII: which report is due when, and to whom."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="reporting_rules", verbose_name="kế hoạch"
    )
    period = models.CharField("kỳ báo cáo", max_length=4, choices=ReportingPeriodCode.choices)
    due_date = models.DateField("hạn nộp")
    recipients = models.CharField(
        "gửi về", max_length=300, help_text="Ví dụ: UBND thị trấn qua công chức Lao động – TB&XH"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "quy định báo cáo"
        verbose_name_plural = "quy định báo cáo"
        ordering = ["plan", "due_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "period"], name="reporting_rule_one_per_period"),
        ]

    def __str__(self):
        return f"{self.get_period_display()}: {self.due_date:%d/%m/%Y}"

    def clean(self):
        errors = {}
        if self.due_date and self.plan_id and self.due_date.year != self.plan.year:
            errors["due_date"] = messages.DUE_DATE_OUTSIDE_YEAR.format(year=self.plan.year)
        if (
            self.plan_id
            and ReportingRule.objects.filter(plan_id=self.plan_id, period=self.period)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["period"] = messages.REPORTING_PERIOD_TAKEN
        if errors:
            raise ValidationError(errors)


class Recipient(PlanPart):
    """A line of "Nơi nhận"."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="recipients", verbose_name="kế hoạch"
    )
    name = models.CharField("nơi nhận", max_length=200, help_text="Ví dụ: UBND huyện (B/c)")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "nơi nhận"
        verbose_name_plural = "nơi nhận"
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return self.name


class PlanTransition(TransitionLog):
    """One step of the approval workflow: who moved the plan from which status to which, and why."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="transitions", verbose_name="kế hoạch"
    )
    from_status = models.CharField("từ trạng thái", max_length=20, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=20, choices=PlanStatus.choices)

    class Meta:
        verbose_name = "bước phê duyệt"
        verbose_name_plural = "nhật ký phê duyệt"
        ordering = ["plan", "at", "pk"]
