"""Reports of the program (section VII of the plan): the reporting periods opened from the approved
plan's regime, each lead unit's report per component and period, and the commune's compiled report
the chairman signs.

Accepted unit reports and approved compiled reports are official: the workflow core
(``thoxuan_gnbv.workflow``) refuses any change by every path (services, ``save``/``delete``, bulk
writes, the admin), and named constraints keep the final states consistent.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from households.models import Commune
from programs.models import Plan, PlanComponent, ReportingPeriodCode, Unit
from reporting import messages
from reporting.periods import Period
from thoxuan_gnbv.statuses import COMPILED_EDITABLE, REPORT_EDITABLE, CompiledStatus, ReportStatus
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet, Step, TransitionLog, Workflow, actor_field

# Sane lengths for narratives: a unit's quarterly report runs to a page or two.
RESULTS_MAX = 8000
NARRATIVE_MAX = 4000
COMMENT_MAX = 1000

COMPILED_SYMBOL = "BC-UBND"


def _narrative(label, limit, **kwargs):
    return models.TextField(label, max_length=limit, validators=[MaxLengthValidator(limit)], **kwargs)


class ReportingPeriod(models.Model):
    """One period of a commune's reporting calendar (quý I…IV, 6 tháng, năm), opened from the
    approved plan's rule: the due date is copied from ``ReportingRule`` when the period opens."""

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="reporting_periods", verbose_name="xã/phường/thị trấn"
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="reporting_periods", verbose_name="kế hoạch"
    )
    year = models.PositiveSmallIntegerField("năm")
    code = models.CharField("kỳ", max_length=4, choices=ReportingPeriodCode.choices)
    start_date = models.DateField("từ ngày")
    end_date = models.DateField("đến ngày")
    due_date = models.DateField("hạn nộp")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["commune", "year", "end_date", "start_date"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "year", "code"], name="reporting_period_unique"),
            models.CheckConstraint(
                condition=Q(start_date__lte=models.F("end_date")), name="reporting_period_dates"
            ),
        ]

    def __str__(self):
        return f"Kỳ báo cáo {self.label}"

    @property
    def period(self) -> Period:
        return Period(year=self.year, code=self.code)

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def slug(self) -> str:
        return self.period.slug


class ReportQuerySet(FrozenQuerySet):
    def for_page(self):
        return self.select_related(
            "period__commune",
            "period__plan",
            "component__project",
            "component__subproject",
            "lead_unit",
            "submitted_by",
            "accepted_by",
        )

    def awaiting_acceptance(self):
        return self.filter(status=ReportStatus.SUBMITTED)


class Report(Freezable, models.Model):
    """A lead unit's report on one component for one period: figures from the data up to the period's
    end (frozen into ``figures`` when submitted) and the unit's narrative."""

    # Plan section VII: units report to the UBND through the labour officer, who accepts or returns
    # them; nobody accepts their own report.
    workflow = Workflow(
        statuses=ReportStatus,
        editable=REPORT_EDITABLE,
        frozen=(ReportStatus.ACCEPTED,),
        frozen_message=messages.REPORT_ACCEPTED_FROZEN,
        log="reporting.ReportTransition",
        steps=[
            Step(
                to=ReportStatus.SUBMITTED,
                sources=REPORT_EDITABLE,
                actor_field="submitted_by",
                time_field="last_submitted_at",
                wrong_state_message=messages.REPORT_NOT_EDITABLE,
            ),
            Step(
                to=ReportStatus.RETURNED,
                sources=(ReportStatus.SUBMITTED,),
                not_by="submitted_by",
                comment_required=True,
                comment_field="return_comment",
                comment_key="return_comment",
                wrong_state_message=messages.REPORT_NOT_SUBMITTED,
                comment_message=messages.RETURN_COMMENT_REQUIRED,
            ),
            Step(
                to=ReportStatus.ACCEPTED,
                sources=(ReportStatus.SUBMITTED,),
                actor_field="accepted_by",
                time_field="accepted_at",
                not_by="submitted_by",
                clears=("return_comment",),
                wrong_state_message=messages.REPORT_NOT_SUBMITTED,
            ),
        ],
    )

    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="reports", verbose_name="kỳ báo cáo"
    )
    component = models.ForeignKey(
        PlanComponent, on_delete=models.PROTECT, related_name="reports", verbose_name="dự án/tiểu dự án"
    )
    lead_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="reports", verbose_name="đơn vị chủ trì"
    )
    status = models.CharField(
        "trạng thái", max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    results = _narrative("kết quả thực hiện", RESULTS_MAX, blank=True)
    problems = _narrative("tồn tại, vướng mắc", NARRATIVE_MAX, blank=True)
    proposals = _narrative("kiến nghị, đề xuất", NARRATIVE_MAX, blank=True)
    figures = models.JSONField("số liệu khi gửi", default=dict, blank=True, editable=False)
    return_comment = _narrative("lý do trả lại", COMMENT_MAX, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người lập"
    )
    submitted_by = actor_field("người gửi")
    # The first submission decides timeliness; a resubmission after a return keeps it.
    submitted_at = models.DateTimeField("gửi lần đầu lúc", null=True, blank=True)
    last_submitted_at = models.DateTimeField("gửi gần nhất lúc", null=True, blank=True)
    is_late = models.BooleanField("gửi muộn", default=False)
    accepted_by = actor_field("người tiếp nhận")
    accepted_at = models.DateTimeField("tiếp nhận lúc", null=True, blank=True)
    created_at = models.DateTimeField("lập lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    history = HistoricalRecords()
    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = "báo cáo của đơn vị"
        verbose_name_plural = "báo cáo của đơn vị"
        ordering = ["period", "component__position", "pk"]
        constraints = [
            # Section VII: one report per lead unit and component for each period.
            models.UniqueConstraint(fields=["period", "component"], name="report_one_per_component_period"),
            models.CheckConstraint(condition=Q(status__in=ReportStatus.values), name="report_status_valid"),
            # A report past the draft has a first submission time; lateness needs one.
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT) | Q(submitted_at__isnull=False),
                name="report_sent_has_time",
            ),
            models.CheckConstraint(
                condition=Q(is_late=False) | Q(submitted_at__isnull=False), name="report_late_was_sent"
            ),
            # An accepted report says who accepted it and when (it is then frozen).
            models.CheckConstraint(
                condition=~Q(status=ReportStatus.ACCEPTED)
                | Q(accepted_by__isnull=False, accepted_at__isnull=False),
                name="report_accepted_has_acceptor",
            ),
        ]

    def __str__(self):
        return f"Báo cáo {self.period.label} – {self.component}"

    @property
    def is_editable(self) -> bool:
        return self.status in REPORT_EDITABLE

    @property
    def is_accepted(self) -> bool:
        return self.status == ReportStatus.ACCEPTED


class ReportTransition(TransitionLog):
    """One step of a unit report's workflow: who moved it from which status to which, and why."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="transitions", verbose_name="báo cáo"
    )
    from_status = models.CharField("từ trạng thái", max_length=12, choices=ReportStatus.choices, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=12, choices=ReportStatus.choices)

    class Meta:
        verbose_name = "bước xử lý báo cáo"
        verbose_name_plural = "nhật ký xử lý báo cáo"
        ordering = ["report", "at", "pk"]


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
        steps=[
            Step(
                to=CompiledStatus.SUBMITTED,
                sources=COMPILED_EDITABLE,
                actor_field="submitted_by",
                time_field="submitted_at",
                wrong_state_message=messages.COMPILED_NOT_EDITABLE,
            ),
            Step(
                to=CompiledStatus.RETURNED,
                sources=(CompiledStatus.SUBMITTED,),
                not_by="submitted_by",
                comment_required=True,
                comment_field="return_comment",
                comment_key="return_comment",
                wrong_state_message=messages.COMPILED_NOT_SUBMITTED,
                comment_message=messages.RETURN_COMMENT_REQUIRED,
            ),
            Step(
                to=CompiledStatus.APPROVED,
                sources=(CompiledStatus.SUBMITTED,),
                actor_field="approved_by",
                time_field="approved_at",
                not_by="submitted_by",
                clears=("return_comment",),
                wrong_state_message=messages.COMPILED_NOT_SUBMITTED,
            ),
        ],
    )

    period = models.OneToOneField(
        ReportingPeriod, on_delete=models.PROTECT, related_name="compiled_report", verbose_name="kỳ báo cáo"
    )
    status = models.CharField(
        "trạng thái", max_length=12, choices=CompiledStatus.choices, default=CompiledStatus.DRAFT
    )
    general_situation = _narrative("I. Tình hình chung", NARRATIVE_MAX, blank=True)
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
    document_number = models.CharField(
        "số văn bản", max_length=10, blank=True, help_text="Chỉ phần số trong “Số: …/BC-UBND”"
    )
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    snapshot = models.JSONField("số liệu khi phê duyệt", default=dict, blank=True, editable=False)
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


class DocumentJob(models.Model):
    """A large document rendered in the background (django-tasks-db worker): its progress is shown on
    a page that polls this row; the finished file is kept here until downloaded again."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ"
        RUNNING = "running", "Đang tạo"
        DONE = "done", "Đã xong"
        FAILED = "failed", "Lỗi"

    compiled_report = models.ForeignKey(
        CompiledReport, on_delete=models.CASCADE, related_name="jobs", verbose_name="báo cáo tổng hợp"
    )
    with_annex = models.BooleanField("kèm phụ lục danh sách hộ", default=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    message = models.CharField("thông báo", max_length=255, blank=True)
    pages = models.PositiveIntegerField("số trang", default=0)
    content = models.BinaryField("tệp PDF", null=True, blank=True, editable=False)
    task_id = models.CharField("mã tác vụ", max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người yêu cầu"
    )
    created_at = models.DateTimeField("yêu cầu lúc", auto_now_add=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "tác vụ tạo văn bản"
        verbose_name_plural = "tác vụ tạo văn bản"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="document_job_progress_max_100"),
        ]

    def __str__(self):
        return f"PDF {self.compiled_report} ({self.get_status_display()})"


class FigureCache(models.Model):
    """Figures that take a walk over the whole registry (poverty counts and movements by khu phố),
    kept under a key naming the data they came from, so that every web process and the worker share
    one computation (see ``figures.poverty_figures``). Safe to empty at any time."""

    key = models.CharField("khóa", max_length=200, unique=True)
    data = models.JSONField("số liệu")
    computed_at = models.DateTimeField("tính lúc", auto_now=True)

    class Meta:
        verbose_name = "số liệu tính sẵn"
        verbose_name_plural = "số liệu tính sẵn"

    def __str__(self):
        return self.key
