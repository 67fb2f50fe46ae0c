"""Every approval flow's status values, in one place.

The stored values and Vietnamese labels are those the flows have always had (no data migration); the
domain models re-export them (``programs.models.PlanStatus`` …) so existing imports keep working, and
``access.py`` compares against these members instead of strings typed by hand.
"""

from django.db import models


class PlanStatus(models.TextChoices):
    """The yearly plan: drafted, submitted, approved by the chairman, then issued with its number
    (NĐ 30/2020: "Số: …/KH-UBND", ngày …)."""

    DRAFT = "draft", "Đang soạn thảo"
    SUBMITTED = "submitted", "Chờ phê duyệt"
    RETURNED = "returned", "Bị trả lại"
    APPROVED = "approved", "Đã phê duyệt"
    ISSUED = "issued", "Đã ban hành"


class RoundStatus(models.TextChoices):
    """The yearly review round (QĐ 24/2021): open while results are recorded, submitted to the
    chairman, approved by the decision recognising the lists. A return sends it back to open."""

    OPEN = "open", "Đang rà soát"
    SUBMITTED = "submitted", "Chờ Chủ tịch phê duyệt"
    APPROVED = "approved", "Đã phê duyệt"


class EstimateStatus(models.TextChoices):
    """The budget estimate (dự toán): prepared by the accountant, approved by the chairman."""

    DRAFT = "draft", "Đang lập"
    SUBMITTED = "submitted", "Chờ phê duyệt"
    RETURNED = "returned", "Bị trả lại"
    APPROVED = "approved", "Đã phê duyệt"


class ReportStatus(models.TextChoices):
    """A unit's periodic report: written by the lead unit, accepted by the labour officer."""

    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Chờ tiếp nhận"
    RETURNED = "returned", "Bị trả lại"
    ACCEPTED = "accepted", "Đã tiếp nhận"


class CompiledStatus(models.TextChoices):
    """The commune's compiled report to the level above: drafted, approved and numbered by the chairman."""

    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Chờ phê duyệt"
    RETURNED = "returned", "Bị trả lại"
    APPROVED = "approved", "Đã phê duyệt"


# Groups the access rules and the models share: which statuses may be edited, which are official.
PLAN_EDITABLE = (PlanStatus.DRAFT, PlanStatus.RETURNED)
PLAN_APPROVED = (PlanStatus.APPROVED, PlanStatus.ISSUED)
ESTIMATE_EDITABLE = (EstimateStatus.DRAFT, EstimateStatus.RETURNED)
REPORT_EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)
COMPILED_EDITABLE = (CompiledStatus.DRAFT, CompiledStatus.RETURNED)


class CorrectionStatus(models.TextChoices):
    """A correction (edit or void) of a recorded support, activity, allocation or disbursement: applied at
    once while no approved report used the row; afterwards a request the chairman accepts or refuses."""

    APPLIED = "applied", "Đã điều chỉnh"
    REQUESTED = "requested", "Chờ Chủ tịch phê duyệt"
    APPROVED = "approved", "Đã phê duyệt, đã điều chỉnh"
    REFUSED = "refused", "Bị từ chối"


CORRECTION_DECIDED = (CorrectionStatus.APPLIED, CorrectionStatus.APPROVED, CorrectionStatus.REFUSED)
