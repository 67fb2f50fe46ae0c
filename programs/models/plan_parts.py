"""The parts of a yearly plan, in the order of the document: bases ("Căn cứ"), III components (Dự án / Tiểu
dự án), VI assignments, VII reporting rules, and the recipients ("Nơi nhận"); II.2 targets are in
``targets.py``. Each part is frozen through its plan (``frozen_parent``) once the plan is
approved, by every path the workflow core guards.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from simple_history.models import HistoricalRecords

from programs.messages import plans as messages
from programs.models.catalogue import Project, SubProject
from programs.models.plans import Plan
from programs.models.units import Unit
from thoxuan_gnbv.concurrency import Versioned
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet, refuse_frozen_write


class PlanPart(Freezable, Versioned):
    """A part of a plan (a basis, target, component, …): frozen through its plan once approved."""

    frozen_parent = "plan"

    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        abstract = True


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
    def catalogue_entry(self) -> Project | SubProject:
        """The catalogue component whose rules apply: the sub-project, or the project without one."""
        return self.subproject if self.subproject_id else self.project

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
        super().clean()
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
    # Partner units are part of section III: frozen with the plan like the component's own fields.
    if action in ("pre_add", "pre_remove", "pre_clear") and isinstance(instance, PlanComponent):
        refuse_frozen_write(instance)


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
        super().clean()
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
