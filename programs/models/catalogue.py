"""The programmes' catalogues of projects and sub-projects, each dated by its period: QĐ 90/QĐ-TTg for
2021–2025, QĐ 417/QĐ-BNNMT (phase I of the merged 2026–2035 programme, NQ 257/2025/QH15) for 2026–2030.

Law changes the list from one program period to the next, so it is data seeded by a data migration,
not code: a plan picks the components it runs from here.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from programs.messages import plans as messages
from thoxuan_gnbv.access import DELIVERY_RECORDERS
from thoxuan_gnbv.models import Role


class EligibilityRule(models.TextChoices):
    """Who a component's support may go to (QĐ 90/QĐ-TTg, "Đối tượng" of each project)."""

    STANDARD = "standard", "Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo"
    NUTRITION = "nutrition", "Trẻ em và bà mẹ có con nhỏ trong hộ nghèo, cận nghèo, mới thoát nghèo"
    VOCATIONAL = "vocational", "Hộ nghèo, cận nghèo, mới thoát nghèo và người lao động có thu nhập thấp"


class ComponentRules(models.Model):
    """The law-dependent rules of a catalogue component: who may receive its support and which
    officer records it. A project with sub-projects leaves these to its sub-projects."""

    eligibility_rule = models.CharField(
        "quy tắc đối tượng", max_length=20, choices=EligibilityRule.choices, default=EligibilityRule.STANDARD
    )
    child_age_limit = models.PositiveSmallIntegerField(
        "trẻ em dưới (tuổi)", null=True, blank=True, help_text="Quy tắc dinh dưỡng: trẻ em dưới 16 tuổi"
    )
    young_child_age_limit = models.PositiveSmallIntegerField(
        "bà mẹ có con dưới (tuổi)", null=True, blank=True, help_text="Quy tắc dinh dưỡng: con dưới 5 tuổi"
    )
    recorder_role = models.CharField(
        "công chức ghi nhận mặc định",
        max_length=32,
        choices=Role.choices,
        default=Role.LABOUR_OFFICER,
        help_text="Ghi hỗ trợ, hoạt động khi kế hoạch không giao cho một công chức ghi nhận",
    )

    class Meta:
        abstract = True
        constraints = [
            # The nutrition rule of Dự án 3 TDA 2 is defined by its two age limits.
            models.CheckConstraint(
                condition=~models.Q(eligibility_rule=EligibilityRule.NUTRITION)
                | models.Q(child_age_limit__isnull=False, young_child_age_limit__isnull=False),
                name="%(class)s_nutrition_rule_has_ages",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.eligibility_rule == EligibilityRule.NUTRITION:
            errors = {
                field: messages.NUTRITION_AGE_REQUIRED
                for field in ("child_age_limit", "young_child_age_limit")
                if getattr(self, field) is None
            }
        if self.recorder_role not in DELIVERY_RECORDERS:
            errors["recorder_role"] = messages.RECORDER_NOT_OFFICER
        if errors:
            raise ValidationError(errors)


class ProgramQuerySet(models.QuerySet):
    def in_force(self, year: int):
        """The programme whose period covers ``year`` (the newest if periods overlap), or None."""
        return self.filter(start_year__lte=year, end_year__gte=year).order_by("-start_year").first()


class Program(models.Model):
    """A national target program period, e.g. GNBV 2021–2025."""

    code = models.SlugField("mã", max_length=30, unique=True, help_text="Ví dụ: GNBV-2021-2025")
    name = models.CharField("tên chương trình", max_length=300)
    decision = models.CharField(
        "quyết định phê duyệt", max_length=200, blank=True, help_text="Ví dụ: Quyết định số 90/QĐ-TTg"
    )
    start_year = models.PositiveSmallIntegerField("từ năm")
    end_year = models.PositiveSmallIntegerField("đến năm")
    legal_basis = models.TextField(
        "căn cứ pháp lý", blank=True, help_text="Nghị quyết, quyết định phê duyệt; mỗi văn bản một dòng"
    )
    is_confirmed = models.BooleanField(
        "đã xác nhận",
        default=True,
        help_text="Bỏ chọn khi danh mục dự án còn chờ đối chiếu văn bản (cần xác nhận)",
    )
    note = models.TextField("ghi chú", blank=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        verbose_name = "chương trình"
        verbose_name_plural = "chương trình"
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="program_years_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.start_year}–{self.end_year})"

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


class Project(ComponentRules):
    """A "Dự án" of the program (1–7 in QĐ 90)."""

    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="projects", verbose_name="chương trình"
    )
    number = models.PositiveSmallIntegerField(
        "số dự án", validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    name = models.CharField("tên dự án", max_length=300)
    # The mapping used when a plan is copied into the next programme's first year.
    continued_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continues",
        verbose_name="được tiếp nối bởi (chương trình sau)",
        help_text="Dự án của chương trình kế tiếp; để trống nếu không tiếp tục",
    )

    class Meta:
        verbose_name = "dự án"
        verbose_name_plural = "dự án"
        ordering = ["program", "number"]
        constraints = [
            *ComponentRules.Meta.constraints,
            models.UniqueConstraint(fields=["program", "number"], name="project_number_unique_per_program"),
        ]

    def __str__(self):
        return f"Dự án {self.number}: {self.name}"


class SubProject(ComponentRules):
    """A "Tiểu dự án" of a project (e.g. Dự án 3 – Tiểu dự án 2 Cải thiện dinh dưỡng)."""

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="subprojects", verbose_name="dự án"
    )
    number = models.PositiveSmallIntegerField(
        "số tiểu dự án", validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    name = models.CharField("tên tiểu dự án", max_length=300)
    continued_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continues",
        verbose_name="được tiếp nối bởi (chương trình sau)",
        help_text="Tiểu dự án của chương trình kế tiếp; để trống nếu không tiếp tục",
    )

    class Meta:
        verbose_name = "tiểu dự án"
        verbose_name_plural = "tiểu dự án"
        ordering = ["project", "number"]
        constraints = [
            *ComponentRules.Meta.constraints,
            models.UniqueConstraint(
                fields=["project", "number"], name="subproject_number_unique_per_project"
            ),
        ]

    def __str__(self):
        return f"Dự án {self.project.number} – Tiểu dự án {self.number}: {self.name}"
