"""Money of the program: what the level above allocates to each component (Allocation), the
estimates the accountant prepares and the chairman approves (Estimate, EstimateLine), and what is
actually paid out against an approved line (Disbursement)."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from programs.messages import budget as msg
from programs.models.corrections import Voidable, VoidableQuerySet, active_manager, void_constraint
from thoxuan_gnbv.concurrency import Versioned
from thoxuan_gnbv.formatting import format_money
from thoxuan_gnbv.statuses import ESTIMATE_EDITABLE, EstimateStatus
from thoxuan_gnbv.workflow import (
    Freezable,
    FrozenQuerySet,
    TransitionLog,
    Workflow,
    actor_field,
    submit_return_decide,
)


class FundingSource(models.TextChoices):
    """Section IV of the plan: where the money comes from."""

    CENTRAL = "central", "Ngân sách trung ương"
    LOCAL = "local", "Ngân sách địa phương"
    MOBILISED = "mobilised", "Vốn huy động hợp pháp"
    CREDIT = "credit", "Vốn tín dụng chính sách"


class Allocation(Voidable, Versioned):
    """An amount the level above allocates to one component of a year's plan, from one source,
    by a decision (e.g. "Quyết định 03/QĐ-UBND ngày 10/01/2024")."""

    component = models.ForeignKey(
        "programs.PlanComponent",
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name="dự án/tiểu dự án",
    )
    source = models.CharField("nguồn vốn", max_length=20, choices=FundingSource.choices)
    amount = models.PositiveBigIntegerField("số tiền (đồng)")
    decision_number = models.CharField("số quyết định", max_length=100)
    decision_date = models.DateField("ngày quyết định")
    note = models.CharField("ghi chú", max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người ghi"
    )
    created_at = models.DateTimeField("ghi lúc", auto_now_add=True)
    history = HistoricalRecords()

    # Voided rows drop out of every figure (default manager); their own page reads ``all_objects``.
    objects = active_manager()
    all_objects = VoidableQuerySet.as_manager()

    class Meta:
        verbose_name = "kinh phí được phân bổ"
        verbose_name_plural = "kinh phí được phân bổ"
        ordering = ["component", "source", "decision_date", "pk"]
        constraints = [void_constraint("allocation")]

    def __str__(self):
        return f"{self.get_source_display()} – {format_money(self.amount)} ({self.decision_number})"

    def _account_keys(self) -> set[tuple]:
        component = self.component
        return {(component.plan.commune_id, component.plan.year, component.code, self.source)}

    def save(self, *args, **kwargs):
        # Every path that writes an allocation (service, admin, fixture) keeps the account's allocated
        # total, which the no-overdraft constraint compares with, equal to the sum of its allocations.
        from programs.models.budget_account import BudgetAccount

        keys = self._account_keys()
        if self.pk:
            before = Allocation.objects.filter(pk=self.pk).select_related("component__plan").first()
            keys |= before._account_keys() if before else set()
        with transaction.atomic():
            super().save(*args, **kwargs)
            for commune_id, year, code, source in keys:
                BudgetAccount.sync_allocated(commune_id=commune_id, year=year, code=code, source=source)

    def delete(self, *args, **kwargs):
        from programs.models.budget_account import BudgetAccount

        keys = self._account_keys()
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            for commune_id, year, code, source in keys:
                BudgetAccount.sync_allocated(commune_id=commune_id, year=year, code=code, source=source)
        return result


class EstimateQuerySet(FrozenQuerySet):
    def approved(self):
        return self.filter(status=EstimateStatus.APPROVED)

    def awaiting_approval(self):
        return self.filter(status=EstimateStatus.SUBMITTED)


class Estimate(Freezable, models.Model):
    """A dự toán: the accountant prepares it, the chairman (or a vice chairman) approves it, never the
    person who submitted it. Once approved it is frozen by every path the workflow core guards."""

    workflow = Workflow(
        statuses=EstimateStatus,
        editable=ESTIMATE_EDITABLE,
        frozen=(EstimateStatus.APPROVED,),
        frozen_message=msg.ESTIMATE_FROZEN,
        log="programs.EstimateTransition",
        steps=submit_return_decide(
            EstimateStatus,
            editable=ESTIMATE_EDITABLE,
            decided=EstimateStatus.APPROVED,
            decided_by="approved_by",
            decided_at="approved_at",
            not_editable=msg.ESTIMATE_NOT_EDITABLE,
            not_submitted=msg.ESTIMATE_NOT_SUBMITTED,
            return_comment_message=msg.ESTIMATE_RETURN_NEEDS_REASON,
        ),
    )

    commune = models.ForeignKey(
        "households.Commune",
        on_delete=models.PROTECT,
        related_name="estimates",
        verbose_name="xã/phường/thị trấn",
    )
    year = models.PositiveSmallIntegerField("năm")
    title = models.CharField("tên dự toán", max_length=255)
    status = models.CharField(
        "trạng thái", max_length=20, choices=EstimateStatus.choices, default=EstimateStatus.DRAFT
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người lập"
    )
    submitted_by = actor_field("người trình")
    submitted_at = models.DateTimeField("trình lúc", null=True, blank=True)
    return_comment = models.TextField("lý do trả lại", blank=True)
    approved_by = actor_field("người phê duyệt")
    approved_at = models.DateTimeField("phê duyệt lúc", null=True, blank=True)
    created_at = models.DateTimeField("lập lúc", auto_now_add=True)
    history = HistoricalRecords()

    objects = EstimateQuerySet.as_manager()

    class Meta:
        verbose_name = "dự toán"
        verbose_name_plural = "dự toán"
        ordering = ["-year", "-pk"]
        constraints = [
            # An approved estimate always says who approved it and when (the frozen state is explicit).
            models.CheckConstraint(
                condition=~Q(status=EstimateStatus.APPROVED)
                | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="estimate_approved_has_approver",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    @property
    def is_approved(self) -> bool:
        return self.status == EstimateStatus.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in ESTIMATE_EDITABLE


class EstimateTransition(TransitionLog):
    """One step of an estimate's approval: who moved it from which status to which, and why."""

    estimate = models.ForeignKey(
        Estimate, on_delete=models.CASCADE, related_name="transitions", verbose_name="dự toán"
    )
    from_status = models.CharField("từ trạng thái", max_length=20, choices=EstimateStatus.choices, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=20, choices=EstimateStatus.choices)

    class Meta:
        verbose_name = "bước phê duyệt dự toán"
        verbose_name_plural = "nhật ký phê duyệt dự toán"
        ordering = ["estimate", "at", "pk"]


class EstimateLine(Freezable, models.Model):
    """One line of an estimate: an amount for one component from one source. ``disbursed_amount``
    is the running total of its disbursements, kept by ``disbursement_record`` under a row lock and
    guarded by a constraint, so two simultaneous payments can never overdraw the line. Frozen with its
    estimate, except that running total (payments are made against the approved line)."""

    frozen_parent = "estimate"
    frozen_writable = ("disbursed_amount",)

    estimate = models.ForeignKey(
        Estimate, on_delete=models.CASCADE, related_name="lines", verbose_name="dự toán"
    )
    component = models.ForeignKey(
        "programs.PlanComponent",
        on_delete=models.PROTECT,
        related_name="estimate_lines",
        verbose_name="dự án/tiểu dự án",
    )
    source = models.CharField("nguồn vốn", max_length=20, choices=FundingSource.choices)
    content = models.CharField("nội dung chi", max_length=255)
    amount = models.PositiveBigIntegerField("số tiền (đồng)")
    disbursed_amount = models.PositiveBigIntegerField("đã giải ngân (đồng)", default=0, editable=False)
    history = HistoricalRecords()

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "dòng dự toán"
        verbose_name_plural = "dòng dự toán"
        ordering = ["estimate", "component", "source", "pk"]
        constraints = [
            # No overdraft: what is paid out never exceeds the approved line (Luật NSNN 2015, Điều 12 khoản 2:
            # no spending beyond the approved estimate).
            models.CheckConstraint(
                condition=Q(disbursed_amount__lte=F("amount")), name="estimate_line_no_overdraft"
            ),
        ]

    def __str__(self):
        return self.content

    @property
    def remaining(self) -> int:
        return self.amount - self.disbursed_amount


class DisbursementQuerySet(VoidableQuerySet):
    def for_list(self):
        return self.select_related("line__component__project", "line__component__subproject", "recorded_by")


class Disbursement(Voidable, Versioned):
    """Money paid out (giải ngân) against an approved estimate line, with its voucher (chứng từ)."""

    line = models.ForeignKey(
        EstimateLine, on_delete=models.PROTECT, related_name="disbursements", verbose_name="dòng dự toán"
    )
    paid_on = models.DateField("ngày giải ngân")
    amount = models.PositiveBigIntegerField("số tiền (đồng)")
    voucher_number = models.CharField("số chứng từ", max_length=50)
    payee = models.CharField("người/đơn vị nhận", max_length=200)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người ghi"
    )
    created_at = models.DateTimeField("ghi lúc", auto_now_add=True)
    history = HistoricalRecords()

    objects = active_manager(DisbursementQuerySet)
    all_objects = DisbursementQuerySet.as_manager()

    class Meta:
        verbose_name = "khoản giải ngân"
        verbose_name_plural = "khoản giải ngân"
        ordering = ["-paid_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="disbursement_amount_positive"),
            void_constraint("disbursement"),
        ]

    def __str__(self):
        return f"{self.voucher_number} – {format_money(self.amount)}"
