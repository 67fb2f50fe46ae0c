"""Biên bản họp dân of one khu phố meeting of a review round (QĐ 24/2021/QĐ-TTg Điều 4 khoản 2: the
khu phố head chairs, the commune Fatherland Front supervises, a household's result is agreed when at
least 50 % of those attending agree; the minutes are made in 02 copies, one kept by the khu phố, one
sent to the commune steering committee). Laid out on the NĐ 30/2020/NĐ-CP document base; no CCCD."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Count, Q

from households.models import Category, MeetingVote
from households.review_law import MEETING_AGREEMENT_MIN_PERCENT, MINUTES_COPIES
from reporting.documents.base import DocumentFrame, frame_for
from thoxuan_gnbv.formatting import format_date

ROWS_CHUNK = 2000  # rows fetched at a time from the database


@dataclass(frozen=True)
class VoteRow:
    number: int
    code: str
    head_name: str
    category: str
    percent: str
    result: str


@dataclass(frozen=True)
class MinutesDocument:
    """The minutes without their vote rows: those are read in parts (``vote_rows``), so that a khu
    phố of thousands of households is never held in memory at once."""

    frame: DocumentFrame
    meeting_id: int
    neighborhood: str
    held_on: str
    place: str
    chair_name: str
    secretary_name: str
    supervisor_name: str
    attendance: int
    voted: int
    agreed: int
    resurvey: int
    note: str
    copies: int
    threshold: int


def _percent(value) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"


def minutes_vote_count(meeting) -> int:
    """The households the meeting voted on: a count of the meeting's own vote rows (the
    ``meeting_vote_unique`` index leads with the meeting), never a walk of the registry."""
    return MeetingVote.objects.filter(meeting_id=meeting.pk).count()


def vote_rows(meeting_id: int) -> Iterator[VoteRow]:
    """The meeting's votes in household code order, numbered from 1, streamed from the database
    (call inside a transaction: PostgreSQL reads them through a server-side cursor)."""
    votes = (
        MeetingVote.objects.filter(meeting_id=meeting_id)
        .order_by("household__code", "pk")
        .values_list("household__code", "household__head_name", "category", "agreeing_percent", "agreed")
    )
    for number, (code, head_name, category, percent, agreed) in enumerate(
        votes.iterator(chunk_size=ROWS_CHUNK), start=1
    ):
        yield VoteRow(
            number=number,
            code=code,
            head_name=head_name,
            category=Category(category).label,
            percent=_percent(percent),
            result="Thống nhất" if agreed else "Rà soát lại",
        )


def build_meeting_minutes(meeting) -> MinutesDocument:
    """The minutes of ``meeting`` (with its round, commune and neighborhood loaded); the conclusion's
    counts in one aggregate over the meeting's votes."""
    review_round = meeting.round
    counts = MeetingVote.objects.filter(meeting_id=meeting.pk).aggregate(
        voted=Count("pk"), agreed=Count("pk", filter=Q(agreed=True))
    )
    frame = frame_for(
        review_round.commune,
        symbol="BB-KP",
        number="",
        issued_on=meeting.held_on,
        year=review_round.year,
        kind_title="BIÊN BẢN",
        subject=f"Họp dân thống nhất kết quả rà soát hộ nghèo, hộ cận nghèo năm {review_round.year}",
        is_draft=False,
        recipients=["Ban Chỉ đạo rà soát xã", f"{meeting.neighborhood.name} (lưu)"],
        signer=None,
        filename=f"bien-ban-hop-dan-{meeting.neighborhood.pk}-{meeting.held_on:%Y%m%d}.pdf",
    )
    return MinutesDocument(
        frame=frame,
        meeting_id=meeting.pk,
        neighborhood=meeting.neighborhood.name,
        held_on=format_date(meeting.held_on),
        place=meeting.place,
        chair_name=meeting.chair_name,
        secretary_name=meeting.secretary_name,
        supervisor_name=meeting.supervisor_name,
        attendance=meeting.attendance,
        voted=counts["voted"],
        agreed=counts["agreed"],
        resurvey=counts["voted"] - counts["agreed"],
        note=meeting.note,
        copies=MINUTES_COPIES,
        threshold=MEETING_AGREEMENT_MIN_PERCENT,
    )
