"""Each lead unit's report per component and period, and its log; the narrative limits the forms share."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from programs.models import PlanComponent, Unit
from reporting import messages
from reporting.models.periods import ReportingPeriod
from thoxuan_gnbv.statuses import REPORT_EDITABLE, ReportStatus
from thoxuan_gnbv.workflow import (
    Freezable,
    FrozenQuerySet,
    TransitionLog,
    Workflow,
    actor_field,
    submit_return_decide,
)

# Sane lengths for narratives: a unit's quarterly report runs to a page or two.
RESULTS_MAX = 8000
NARRATIVE_MAX = 4000
COMMENT_MAX = 1000


def _narrative(label, limit, **kwargs):
    return models.TextField(label, max_length=limit, validators=[MaxLengthValidator(limit)], **kwargs)


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
        steps=submit_return_decide(
            ReportStatus,
            editable=REPORT_EDITABLE,
            submitted_at="last_submitted_at",
            decided=ReportStatus.ACCEPTED,
            decided_by="accepted_by",
            decided_at="accepted_at",
            not_editable=messages.REPORT_NOT_EDITABLE,
            not_submitted=messages.REPORT_NOT_SUBMITTED,
            return_comment_message=messages.RETURN_COMMENT_REQUIRED,
            comment_key="return_comment",
        ),
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
