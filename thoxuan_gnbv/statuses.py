"""Every approval flow's status values, in one place.

The stored values and Vietnamese labels are those the flows have always had (no data migration); the
domain models re-export them (``programs.models.PlanStatus`` …) so existing imports keep working, and
``access`` compares against these members instead of strings typed by hand.
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
    """The yearly review round in the stages of QĐ 24/2021/QĐ-TTg Điều 4: preparing the list and
    surveying (open), the khu phố meetings, the public posting with its complaints, then submitted to
    the chairman and approved by the decision recognising the lists. A return sends it back to open;
    a round opened by mistake is cancelled with a reason (its reviews stay as history)."""

    OPEN = "open", "Đang rà soát (lập danh sách, điều tra)"
    MEETING = "meeting", "Họp dân khu phố"
    POSTING = "posting", "Niêm yết công khai, giải quyết khiếu nại"
    SUBMITTED = "submitted", "Chờ Chủ tịch phê duyệt"
    APPROVED = "approved", "Đã phê duyệt"
    CANCELLED = "cancelled", "Đã hủy"


class HouseholdStage(models.TextChoices):
    """Where one household of a round's list stands (QĐ 24/2021 Điều 4 khoản 1–3): to survey,
    surveyed, back to re-survey after a meeting below 50 %, agreed at the meeting, posted."""

    TO_SURVEY = "to_survey", "Chưa điều tra"
    SURVEYED = "surveyed", "Đã điều tra, chờ họp dân"
    RESURVEY = "resurvey", "Rà soát lại (họp dân dưới 50 %)"
    DISCUSSED = "discussed", "Đã thống nhất tại họp dân"
    POSTED = "posted", "Đã niêm yết"


class ComplaintStatus(models.TextChoices):
    """A complaint received during the posting and its re-check (phúc tra)."""

    PENDING = "pending", "Đang phúc tra"
    UPHELD = "upheld", "Khiếu nại đúng"
    REJECTED = "rejected", "Khiếu nại không đúng"


class RequestStatus(models.TextChoices):
    """An ongoing review (rà soát thường xuyên, QĐ 24/2021/QĐ-TTg Điều 5) of one household's request:
    received, surveyed, posted publicly, then decided by the chairman (recognised, or answered in
    writing when it does not qualify)."""

    RECEIVED = "received", "Đã tiếp nhận"
    SURVEYED = "surveyed", "Đã rà soát"
    POSTED = "posted", "Đang niêm yết"
    DECIDED = "decided", "Đã có quyết định"


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
# A round still being worked on (not submitted, decided or cancelled): reviews may be recorded.
ROUND_WORKING = (RoundStatus.OPEN, RoundStatus.MEETING, RoundStatus.POSTING)
ROUND_CLOSED = (RoundStatus.APPROVED, RoundStatus.CANCELLED)


class CorrectionStatus(models.TextChoices):
    """A correction (edit or void) of a recorded support, activity, allocation or disbursement: applied at
    once while no approved report used the row; afterwards a request the chairman accepts or refuses."""

    APPLIED = "applied", "Đã điều chỉnh"
    REQUESTED = "requested", "Chờ Chủ tịch phê duyệt"
    APPROVED = "approved", "Đã phê duyệt, đã điều chỉnh"
    REFUSED = "refused", "Bị từ chối"


CORRECTION_DECIDED = (CorrectionStatus.APPLIED, CorrectionStatus.APPROVED, CorrectionStatus.REFUSED)
