"""The commune's compiled report (Báo cáo của UBND) the chairman signs, built from the accepted unit reports, and its log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from reporting import messages
from reporting.models.periods import ReportingPeriod
from reporting.models.reports import COMMENT_MAX, NARRATIVE_MAX, RESULTS_MAX, _narrative
from thoxuan_gnbv.statuses import COMPILED_EDITABLE, CompiledStatus
from thoxuan_gnbv.workflow import (
    Freezable,
    FrozenQuerySet,
    TransitionLog,
    Workflow,
    actor_field,
    submit_return_decide,
)

COMPILED_SYMBOL = "BC-UBND"


class CompiledReport(Freezable, models.Model):
    """The commune's report for a period (báo cáo tổng hợp), drafted by the labour officer from the
    units' reports and the data, approved by the chairman. Approval freezes it with ``snapshot``:
    the figures and unit narratives as they were, so later data changes never alter it."""

    # NĐ 30/2020: the chairman (or a vice chairman) signs and numbers it — never its own compiler.
    workflow = Workflow(
        statuses=CompiledStatus,
        editable=COMPILED_EDITABLE,
        frozen=(CompiledStatus.APPROVED,),
        frozen_message=messages.COMPILED_APPROVED_FROZEN,
        log="reporting.CompiledReportTransition",
        steps=submit_return_decide(
            CompiledStatus,
            editable=COMPILED_EDITABLE,
            decided=CompiledStatus.APPROVED,
            decided_by="approved_by",
            decided_at="approved_at",
            not_editable=messages.COMPILED_NOT_EDITABLE,
            not_submitted=messages.COMPILED_NOT_SUBMITTED,
            return_comment_message=messages.RETURN_COMMENT_REQUIRED,
            comment_key="return_comment",
        ),
    )

    period = models.OneToOneField(
        ReportingPeriod, on_delete=models.PROTECT, related_name="compiled_report", verbose_name="kỳ báo cáo"
    )
    status = models.CharField(
        "trạng thái", max_length=12, choices=CompiledStatus.choices, default=CompiledStatus.DRAFT
    )
    general_situation = _narrative("I. Tình hình chung", NARRATIVE_MAX, blank=True)
    steering = _narrative("II. Công tác chỉ đạo, điều hành", NARRATIVE_MAX, blank=True)
    results = _narrative("nhận xét kết quả thực hiện", RESULTS_MAX, blank=True)
    problems = _narrative("tồn tại, vướng mắc", NARRATIVE_MAX, blank=True)
    proposals = _narrative("kiến nghị, đề xuất", NARRATIVE_MAX, blank=True)
    recipients = models.TextField(
        "nơi nhận",
        max_length=1000,
        validators=[MaxLengthValidator(1000)],
        blank=True,
        help_text="Mỗi nơi nhận một dòng",
    )
    figures_cutoff = models.DateField(
        "ngày chốt số liệu",
        null=True,
        blank=True,
        help_text="Chỉ với báo cáo năm: số liệu tính đến ngày này (mặc định 30/11), phần còn lại là ước thực hiện",
    )
    document_number = models.CharField(
        "số văn bản", max_length=10, blank=True, help_text="Chỉ phần số trong “Số: …/BC-UBND”"
    )
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    snapshot = models.JSONField("số liệu khi phê duyệt", default=dict, blank=True, editable=False)
    # The figures as the chairman was asked to approve them: approval compares them with today's and,
    # when they differ, shows what changed and asks again rather than signing figures never read.
    submitted_figures = models.JSONField("số liệu khi trình", default=dict, blank=True, editable=False)
    return_comment = _narrative("lý do trả lại", COMMENT_MAX, blank=True)
    compiled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người lập"
    )
    submitted_by = actor_field("người trình")
    submitted_at = models.DateTimeField("trình lúc", null=True, blank=True)
    approved_by = actor_field("người phê duyệt")
    approved_at = models.DateTimeField("phê duyệt lúc", null=True, blank=True)
    created_at = models.DateTimeField("lập lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    history = HistoricalRecords()
    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "báo cáo tổng hợp"
        verbose_name_plural = "báo cáo tổng hợp"
        ordering = ["-period__year", "-period__end_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=CompiledStatus.values), name="compiled_status_valid"
            ),
            # NĐ 30/2020: an approved (issued) report carries its approver, number and date.
            models.CheckConstraint(
                condition=~Q(status=CompiledStatus.APPROVED)
                | (
                    Q(approved_by__isnull=False, approved_at__isnull=False, issued_on__isnull=False)
                    & ~Q(document_number="")
                ),
                name="compiled_approved_is_numbered",
            ),
        ]

    def __str__(self):
        return f"Báo cáo tổng hợp {self.period.label}"

    def clean(self):
        super().clean()
        # TT 10/2022: only the annual report is cut off before its period ends (the rest "ước thực hiện").
        if self.figures_cutoff and self.period_id:
            period = self.period
            if period.code != "YEAR":
                raise ValidationError({"figures_cutoff": messages.CUTOFF_ONLY_ANNUAL})
            if self.figures_cutoff.year != period.year:
                raise ValidationError(
                    {"figures_cutoff": messages.CUTOFF_OUTSIDE_YEAR.format(year=period.year)}
                )

    @property
    def is_editable(self) -> bool:
        return self.status in COMPILED_EDITABLE

    @property
    def is_approved(self) -> bool:
        return self.status == CompiledStatus.APPROVED

    @property
    def document_reference(self) -> str:
        return f"{self.document_number}/{COMPILED_SYMBOL}" if self.document_number else ""


class CompiledReportTransition(TransitionLog):
    """One step of the compiled report's approval: who moved it from which status to which, and why."""

    compiled_report = models.ForeignKey(
        CompiledReport, on_delete=models.CASCADE, related_name="transitions", verbose_name="báo cáo tổng hợp"
    )
    from_status = models.CharField("từ trạng thái", max_length=12, choices=CompiledStatus.choices, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=12, choices=CompiledStatus.choices)

    class Meta:
        verbose_name = "bước phê duyệt báo cáo tổng hợp"
        verbose_name_plural = "nhật ký phê duyệt báo cáo tổng hợp"
        ordering = ["compiled_report", "at", "pk"]
