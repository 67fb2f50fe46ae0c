"""Corrections of recorded delivery and money: a soft void on the four corrected kinds (Support,
Activity, Allocation, Disbursement) and one ``Correction`` row per edit or void, keeping the reason and
every changed field (old → new). Nothing recorded is ever deleted: a voided row stays, with who voided
it, when and why, and drops out of every total because the default manager leaves it out."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from programs.messages import corrections as msg
from thoxuan_gnbv.statuses import CORRECTION_DECIDED, CorrectionStatus
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet, Step, TransitionLog, Workflow, actor_field


class VoidableQuerySet(models.QuerySet):
    def active(self):
        """Rows that count: not voided."""
        return self.filter(voided_at__isnull=True)

    def voided(self):
        return self.filter(voided_at__isnull=False)


class ActiveManager(models.Manager.from_queryset(VoidableQuerySet)):
    """The default manager: every figure, list, count and export reads ``Model.objects`` (or a related
    manager built from it), so leaving voided rows out here drops them from every total at once.
    Pages that show a voided row and its history read ``Model.all_objects``."""

    def get_queryset(self):
        return super().get_queryset().active()


def active_manager(queryset_class=VoidableQuerySet):
    """The default manager of a voidable model, keeping its own QuerySet methods."""
    return ActiveManager.from_queryset(queryset_class)()


class Voidable(models.Model):
    """A recorded row that is voided, never deleted (soft void): who, when and why stay on the row."""

    voided_at = models.DateTimeField("hủy bỏ lúc", null=True, blank=True, editable=False)
    voided_by = actor_field("người hủy bỏ")
    void_reason = models.TextField("lý do hủy bỏ", blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None


def void_constraint(prefix: str) -> models.CheckConstraint:
    # A voided row always says who voided it and why (nothing disappears without a trace).
    return models.CheckConstraint(
        condition=Q(voided_at__isnull=True) | (Q(voided_by__isnull=False) & ~Q(void_reason="")),
        name=f"{prefix}_void_has_actor_and_reason",
    )


class CorrectedKind(models.TextChoices):
    SUPPORT = "support", "Hỗ trợ"
    ACTIVITY = "activity", "Hoạt động"
    ALLOCATION = "allocation", "Kinh phí được phân bổ"
    DISBURSEMENT = "disbursement", "Khoản giải ngân"


class CorrectionAction(models.TextChoices):
    EDIT = "edit", "Sửa"
    VOID = "void", "Hủy bỏ"


class Correction(Freezable, models.Model):
    """One edit or void of a recorded row, with its reason and the changed fields
    (``changes``: ``[{"field", "label", "old", "new", "value"}]``, ``value`` the new stored value).
    Applied at once while the period is open; once an approved report used the row it is a request the
    chairman or a vice chairman approves (then applied) or refuses — never the requester."""

    workflow = Workflow(
        statuses=CorrectionStatus,
        frozen=CORRECTION_DECIDED,
        frozen_message=msg.CORRECTION_DECIDED,
        log="programs.CorrectionTransition",
        steps=[
            Step(
                to=CorrectionStatus.APPROVED,
                sources=(CorrectionStatus.REQUESTED,),
                actor_field="decided_by",
                time_field="decided_at",
                not_by="requested_by",
                own_message=msg.CORRECTION_OWN,
                wrong_state_message=msg.CORRECTION_NOT_REQUESTED,
            ),
            Step(
                to=CorrectionStatus.REFUSED,
                sources=(CorrectionStatus.REQUESTED,),
                actor_field="decided_by",
                time_field="decided_at",
                not_by="requested_by",
                comment_required=True,
                comment_field="decision_comment",
                own_message=msg.CORRECTION_OWN,
                wrong_state_message=msg.CORRECTION_NOT_REQUESTED,
                comment_message=msg.CORRECTION_REFUSE_NEEDS_REASON,
            ),
        ],
    )

    commune = models.ForeignKey(
        "households.Commune", on_delete=models.PROTECT, related_name="+", verbose_name="xã/phường/thị trấn"
    )
    kind = models.CharField("loại bản ghi", max_length=20, choices=CorrectedKind.choices)
    object_id = models.PositiveBigIntegerField("mã bản ghi")
    action = models.CharField("điều chỉnh", max_length=10, choices=CorrectionAction.choices)
    reason = models.TextField("lý do điều chỉnh")
    changes = models.JSONField("thay đổi", default=list, blank=True)
    object_version = models.PositiveIntegerField("phiên bản bản ghi khi đề nghị")
    locked_by = models.CharField("báo cáo đã dùng số liệu", max_length=255, blank=True)
    status = models.CharField("trạng thái", max_length=12, choices=CorrectionStatus.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người đề nghị"
    )
    requested_at = models.DateTimeField("đề nghị lúc", auto_now_add=True)
    decided_by = actor_field("người phê duyệt")
    decided_at = models.DateTimeField("quyết định lúc", null=True, blank=True)
    decision_comment = models.TextField("ý kiến", blank=True)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "điều chỉnh số liệu"
        verbose_name_plural = "điều chỉnh số liệu"
        ordering = ["-requested_at", "-pk"]
        indexes = [
            # The history on an object's page: its corrections, newest first.
            models.Index(fields=["kind", "object_id", "-requested_at"], name="correction_of_object"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="correction_has_reason"),
            # A decided request says who decided (four-eyes is checked by the workflow step).
            models.CheckConstraint(
                condition=~Q(status__in=[CorrectionStatus.APPROVED, CorrectionStatus.REFUSED])
                | Q(decided_by__isnull=False, decided_at__isnull=False),
                name="correction_decided_has_decider",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.get_kind_display().lower()} #{self.object_id}"

    @property
    def is_pending(self) -> bool:
        return self.status == CorrectionStatus.REQUESTED


class CorrectionTransition(TransitionLog):
    """One decision on a correction request: who approved or refused it, when, and why."""

    correction = models.ForeignKey(
        Correction, on_delete=models.CASCADE, related_name="transitions", verbose_name="điều chỉnh"
    )
    from_status = models.CharField(
        "từ trạng thái", max_length=12, choices=CorrectionStatus.choices, blank=True
    )
    to_status = models.CharField("sang trạng thái", max_length=12, choices=CorrectionStatus.choices)

    class Meta:
        verbose_name = "bước phê duyệt điều chỉnh"
        verbose_name_plural = "nhật ký phê duyệt điều chỉnh"
        ordering = ["correction", "at", "pk"]
