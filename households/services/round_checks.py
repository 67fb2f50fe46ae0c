"""What must hold before a round goes to the chairman and before the decision (QĐ 24/2021/QĐ-TTg
Điều 4 khoản 3–4): the posting is over, every complaint has its re-check, and a re-check that changed
a classification has been posted again."""

import datetime

from django.db.models import Max

from households import messages
from households.models import Complaint, ReviewRound, RoundHousehold
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage

# How many household codes a message names before "…".
NAMED_CODES = 10


def named(template: str, codes: list[str]) -> str:
    shown = ", ".join(codes[:NAMED_CODES]) + (" …" if len(codes) > NAMED_CODES else "")
    return template.format(count=len(codes), codes=shown)


def last_posting_end(review_round: ReviewRound) -> datetime.date | None:
    return review_round.postings.aggregate(end=Max("ends_on"))["end"]


def unsurveyed_codes(review_round: ReviewRound) -> list[str]:
    """Codes of the listed households no survey reached (the warning before submitting)."""
    return list(
        RoundHousehold.objects.filter(round=review_round, stage=HouseholdStage.TO_SURVEY)
        # Screened out by Phiếu A (TT 07/2021 Phụ lục I): not poor, no Phiếu B to wait for.
        .exclude(quick_screen__screened_out=True)
        .order_by("household__code")
        .values_list("household__code", flat=True)
    )


def unreposted_codes(review_round: ReviewRound) -> list[str]:
    """Households whose re-check changed their classification with no posting begun on or after it."""
    codes = []
    postings = list(review_round.postings.all())
    for complaint in review_round.complaints.filter(status=ComplaintStatus.UPHELD).select_related(
        "household"
    ):
        if not complaint.changes_classification:
            continue
        if not any(p.number > 1 and p.starts_on >= complaint.rechecked_on for p in postings):
            codes.append(complaint.household.code)
    return codes


def approval_blockers(review_round: ReviewRound, *, on: datetime.date) -> list[str]:
    """Why the round cannot go forward on ``on``: a complaint without its re-check, a posting not
    over, a changed result not posted again. Empty for a round entered as history."""
    if review_round.is_history:
        return []
    problems = []
    pending = list(
        Complaint.objects.filter(round=review_round, status=ComplaintStatus.PENDING)
        .order_by("household__code")
        .values_list("household__code", flat=True)
    )
    if pending:
        problems.append(named(messages.COMPLAINTS_PENDING, pending))
    latest = review_round.postings.order_by("-ends_on").first()
    if latest is not None and latest.ends_on >= on:
        problems.append(
            messages.POSTING_RUNNING.format(number=latest.number, end=f"{latest.ends_on:%d/%m/%Y}")
        )
    unreposted = unreposted_codes(review_round)
    if unreposted:
        problems.append(messages.REPOST_MISSING.format(codes=", ".join(unreposted)))
    return problems
