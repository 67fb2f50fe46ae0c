"""What the round page shows the labour officer: each khu phố's progress (to review, surveyed,
discussed, posted, contested) and each stage with who acts, its deadline and what is late. A fixed
number of queries, whatever the number of households: the stage counts are stored figures
(``households.stored.round_progress_stored``)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max

from households.models import Complaint, Meeting, ReviewRound, RoundStatus
from households.review_law import (
    MEETING_AGREEMENT_MIN_PERCENT,
    POSTING_PLACES,
    POSTING_WORKING_DAYS,
    RECHECK_WORKING_DAYS,
    district_opinion_note,
    periodic_window,
)
from households.stored import CATEGORIES, SCREENED_OUT, round_progress_stored
from thoxuan_gnbv import workdays
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage
from thoxuan_gnbv.stored_figures import Stored

_SURVEYED = {
    HouseholdStage.SURVEYED,
    HouseholdStage.RESURVEY,
    HouseholdStage.DISCUSSED,
    HouseholdStage.POSTED,
}
_DISCUSSED = {HouseholdStage.DISCUSSED, HouseholdStage.POSTED}


@dataclass
class NeighborhoodProgress:
    neighborhood: object
    to_review: int = 0
    surveyed: int = 0
    resurvey: int = 0
    awaiting: int = 0
    discussed: int = 0
    posted: int = 0
    contested: int = 0
    screened_out: int = 0
    last_meeting: datetime.date | None = None

    @property
    def unsurveyed(self) -> int:
        return self.to_review - self.surveyed - self.screened_out


@dataclass
class RoundProgress:
    """The rows of the round page's progress table and the stored figures they were built from
    (``stored.notice`` says when they are being computed or updated)."""

    rows: list[NeighborhoodProgress]
    stored: Stored


def progress_by_neighborhood(review_round: ReviewRound, neighborhoods) -> RoundProgress:
    """One row per khu phố in ``neighborhoods`` (already scoped to the user), in their order. The
    stage counts come from the figures the worker keeps (one query, never a walk over the round's
    list); the complaints and meetings, few, are counted live."""
    rows = {n.pk: NeighborhoodProgress(n) for n in neighborhoods}
    stored = round_progress_stored(review_round)
    for pk, row in rows.items():
        counts = (stored.data or {}).get(str(pk), {})
        for stage, n in counts.items():
            if stage == SCREENED_OUT:
                row.screened_out = n
                continue
            row.to_review += n
            row.surveyed += n if stage in _SURVEYED else 0
            row.resurvey += n if stage == HouseholdStage.RESURVEY else 0
            row.awaiting += n if stage == HouseholdStage.SURVEYED else 0
            row.discussed += n if stage in _DISCUSSED else 0
            row.posted += n if stage == HouseholdStage.POSTED else 0
    contested = (
        Complaint.objects.filter(round=review_round, household__neighborhood__in=list(rows))
        .values_list("household__neighborhood")
        .annotate(n=Count("household", distinct=True))
        .order_by()
    )
    for pk, n in contested:
        rows[pk].contested = n
    meetings = (
        Meeting.objects.filter(round=review_round, neighborhood__in=list(rows))
        .values_list("neighborhood")
        .annotate(last=Max("held_on"))
        .order_by()
    )
    for pk, last in meetings:
        rows[pk].last_meeting = last
    return RoundProgress(list(rows.values()), stored)


def category_counts_shown(review_round: ReviewRound, progress: RoundProgress) -> dict[str, int]:
    """{category: households} for the round page: an approved round's frozen summary, else the
    reviews counted by the worker with the progress (never a count over the round's reviews here)."""
    if review_round.status == RoundStatus.APPROVED and review_round.summary:
        return dict(review_round.summary)
    return dict((progress.stored.data or {}).get(CATEGORIES, {}))


@dataclass
class StageView:
    title: str
    who: str
    records: str
    deadline: str
    state: str  # "done", "current", "todo"
    late: list[str] = field(default_factory=list)


_ORDER = [
    RoundStatus.OPEN,
    RoundStatus.MEETING,
    RoundStatus.POSTING,
    RoundStatus.SUBMITTED,
    RoundStatus.APPROVED,
]


def _state(review_round, stage) -> str:
    if review_round.status == RoundStatus.CANCELLED:
        return "todo"
    current = _ORDER.index(review_round.status)
    index = _ORDER.index(stage)
    return (
        "done" if index < current or review_round.is_approved else "current" if index == current else "todo"
    )


def stages(review_round: ReviewRound, *, today: datetime.date, postings, complaints) -> list[StageView]:
    """The stages of QĐ 24/2021 Điều 4 with who, what, the deadline and what is late on ``today``."""
    _, window_end = periodic_window(review_round.year)
    end_text = f"{window_end:%d/%m/%Y}"
    past_window = today > window_end and not review_round.is_approved
    late_window = [f"Quá thời hạn rà soát định kỳ ({end_text})"] if past_window else []
    posting_lines = []
    for posting in postings:
        skipped = workdays.holidays_between(posting.starts_on, posting.ends_on)
        holiday_text = (
            "; nghỉ lễ: " + ", ".join(f"{d:%d/%m} {name}" for d, name in skipped) if skipped else ""
        )
        posting_lines.append(
            f"Lần {posting.number}: {posting.starts_on:%d/%m/%Y} – {posting.ends_on:%d/%m/%Y}{holiday_text}"
        )
    late_complaints = [
        f"Khiếu nại về hộ {c.household.code}: quá hạn phúc tra {c.recheck_due:%d/%m/%Y}"
        for c in complaints
        if c.status == ComplaintStatus.PENDING and today > c.recheck_due
    ]
    rows = [
        StageView(
            "1. Lập danh sách, điều tra (Phiếu A, Phiếu B)",
            "Ban Chỉ đạo rà soát xã, công chức LĐ-TBXH, khu trưởng, rà soát viên",
            "Hộ cần rà soát và lý do; kết quả Phiếu B (thu nhập/điểm, chỉ số thiếu hụt)",
            f"01/9 – {end_text}",
            _state(review_round, RoundStatus.OPEN),
            late_window if review_round.status == RoundStatus.OPEN else [],
        ),
        StageView(
            "2. Họp dân khu phố",
            "Khu trưởng chủ trì; đại diện MTTQ xã giám sát",
            f"Biên bản: ngày, chủ trì, MTTQ, số người dự, tỷ lệ đồng ý từng hộ (≥ {MEETING_AGREEMENT_MIN_PERCENT} %)",
            f"Trước {end_text}",
            _state(review_round, RoundStatus.MEETING),
            late_window if review_round.status == RoundStatus.MEETING else [],
        ),
        StageView(
            "3. Niêm yết công khai, khiếu nại và phúc tra",
            "Công chức LĐ-TBXH; Ban Chỉ đạo rà soát xã phúc tra",
            f"{POSTING_PLACES}; {POSTING_WORKING_DAYS} ngày làm việc; phúc tra trong {RECHECK_WORKING_DAYS} ngày làm việc",
            "; ".join(posting_lines) or f"{POSTING_WORKING_DAYS} ngày làm việc từ ngày niêm yết",
            _state(review_round, RoundStatus.POSTING),
            late_complaints,
        ),
        StageView(
            "4. Quyết định công nhận của Chủ tịch UBND xã",
            "Chủ tịch (Phó Chủ tịch) UBND xã – không phải người trình",
            "Số và ngày quyết định (Mẫu số 02). "
            + district_opinion_note(review_round.decision_date or today),
            f"Sau khi hết niêm yết, trước {end_text}",
            _state(review_round, RoundStatus.SUBMITTED),
            late_window if review_round.status in (RoundStatus.SUBMITTED, RoundStatus.POSTING) else [],
        ),
    ]
    return rows
