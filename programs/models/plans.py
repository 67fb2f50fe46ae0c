"""A commune's yearly implementation plan (Kế hoạch năm) and its approval log.

Sections follow the document: bases, I purpose/requirements, II goal and measurable targets, III one
section per component (Dự án / Tiểu dự án), IV funding, V main solutions, VI assignments per unit,
VII the reporting regime, then the recipients and the signer block (the parts: ``plan_parts``).

An approved or issued plan is an official document: nothing in it may change by any path. The
workflow core (``thoxuan_gnbv.workflow``) refuses it on ``save``/``delete``, on bulk writes and for
every part; named DB constraints keep the approved states consistent.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from households.models import Commune
from programs.messages import plans as messages
from programs.models.catalogue import Program
from thoxuan_gnbv.concurrency import Versioned
from thoxuan_gnbv.statuses import PLAN_APPROVED, PLAN_EDITABLE, PlanStatus
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet, Step, TransitionLog, Workflow, actor_field

__all__ = ["PLAN_SYMBOL", "Plan", "PlanQuerySet", "PlanStatus", "PlanTransition"]

# The document type and symbol printed in "Số: 12/KH-UBND" (NĐ 30/2020, Phụ lục III).
PLAN_SYMBOL = "KH-UBND"

FROZEN_STATUSES = PLAN_APPROVED
EDITABLE_STATUSES = PLAN_EDITABLE


# The plan's own texts, in the order of the document (the edit form and a new version copy these).
PLAN_TEXT_FIELDS = (
    "issuing_statement",
    "purpose",
    "requirements",
    "general_goal",
    "funding",
    "main_solutions",
    "reporting_regime",
    "closing",
    "signer_authority",
    "signer_title",
    "signer_name",
)


class PlanQuerySet(FrozenQuerySet):
    def approved(self):
        return self.filter(status__in=FROZEN_STATUSES)

    def for_year(self, year: int):
        return self.filter(year=year)

    def approved_newest_first(self):
        """Approved or issued versions, each year's in force first: the newest approved version of a
        year is the one in force."""
        return self.approved().select_related("commune", "program").order_by("-year", "-approved_at", "-pk")

    def approved_for(self, commune, year: int):
        """The plan in force for a commune and year, or None."""
        return self.approved_newest_first().filter(commune=commune, year=year).first()

    def awaiting_approval(self):
        return self.filter(status=PlanStatus.SUBMITTED)


class Plan(Freezable, Versioned):
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

    # NĐ 30/2020: a plan is approved by the chairman (or a vice chairman signing "KT. CHỦ TỊCH"), never
    # by the officer who submitted it, then numbered and dated when issued — the one change an approved
    # plan still takes. A change after that is an amendment: a new version approved again.
    workflow = Workflow(
        statuses=PlanStatus,
        editable=EDITABLE_STATUSES,
        frozen=FROZEN_STATUSES,
        frozen_message=messages.PLAN_FROZEN,
        log="programs.PlanTransition",
        steps=[
            Step(
                to=PlanStatus.SUBMITTED,
                sources=EDITABLE_STATUSES,
                actor_field="submitted_by",
                time_field="submitted_at",
                wrong_state_message=messages.PLAN_SUBMIT_STATUS,
            ),
            Step(
                to=PlanStatus.RETURNED,
                sources=(PlanStatus.SUBMITTED,),
                not_by="submitted_by",
                comment_required=True,
                wrong_state_message=messages.PLAN_APPROVE_STATUS,
                own_message=messages.PLAN_APPROVE_OWN,
                comment_message=messages.PLAN_RETURN_COMMENT,
            ),
            Step(
                to=PlanStatus.APPROVED,
                sources=(PlanStatus.SUBMITTED,),
                actor_field="approved_by",
                time_field="approved_at",
                not_by="submitted_by",
                wrong_state_message=messages.PLAN_APPROVE_STATUS,
                own_message=messages.PLAN_APPROVE_OWN,
            ),
            Step(
                to=PlanStatus.ISSUED,
                sources=(PlanStatus.APPROVED,),
                on_frozen=("document_number", "issued_on"),
                wrong_state_message=messages.PLAN_ISSUE_STATUS,
            ),
        ],
    )

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
