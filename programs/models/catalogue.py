"""The program's catalogue of projects and sub-projects (QĐ 90/QĐ-TTg for 2021–2025).

Law changes the list from one program period to the next, so it is data seeded by a data migration,
not code: a plan picks the components it runs from here.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Program(models.Model):
    """A national target program period, e.g. GNBV 2021–2025."""

    code = models.SlugField("mã", max_length=30, unique=True, help_text="Ví dụ: GNBV-2021-2025")
    name = models.CharField("tên chương trình", max_length=300)
    decision = models.CharField(
        "quyết định phê duyệt", max_length=200, blank=True, help_text="Ví dụ: Quyết định số 90/QĐ-TTg"
    )
    start_year = models.PositiveSmallIntegerField("từ năm")
    end_year = models.PositiveSmallIntegerField("đến năm")

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


class Project(models.Model):
    """A "Dự án" of the program (1–7 in QĐ 90)."""

    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="projects", verbose_name="chương trình"
    )
    number = models.PositiveSmallIntegerField(
        "số dự án", validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    name = models.CharField("tên dự án", max_length=300)

    class Meta:
        verbose_name = "dự án"
        verbose_name_plural = "dự án"
        ordering = ["program", "number"]
        constraints = [
            models.UniqueConstraint(fields=["program", "number"], name="project_number_unique_per_program"),
        ]

    def __str__(self):
        return f"Dự án {self.number}: {self.name}"


class SubProject(models.Model):
    """A "Tiểu dự án" of a project (e.g. Dự án 3 – Tiểu dự án 2 Cải thiện dinh dưỡng)."""

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="subprojects", verbose_name="dự án"
    )
    number = models.PositiveSmallIntegerField(
        "số tiểu dự án", validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    name = models.CharField("tên tiểu dự án", max_length=300)

    class Meta:
        verbose_name = "tiểu dự án"
        verbose_name_plural = "tiểu dự án"
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"], name="subproject_number_unique_per_project"
            ),
        ]

    def __str__(self):
        return f"Dự án {self.project.number} – Tiểu dự án {self.number}: {self.name}"
