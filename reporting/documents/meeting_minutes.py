"""Biên bản họp dân of one khu phố meeting of a review round (QĐ 24/2021/QĐ-TTg Điều 4 khoản 2: the
khu phố head chairs, the commune Fatherland Front supervises, a household's result is agreed when at
least 50 % of those attending agree; the minutes are made in 02 copies, one kept by the khu phố, one
sent to the commune steering committee). Laid out on the NĐ 30/2020/NĐ-CP document base; no CCCD."""

from dataclasses import dataclass

from households.models import Category
from households.review_law import MEETING_AGREEMENT_MIN_PERCENT, MINUTES_COPIES
from reporting.documents.base import DocumentFrame, frame_for
from thoxuan_gnbv.formatting import format_date


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
    frame: DocumentFrame
    neighborhood: str
    held_on: str
    place: str
    chair_name: str
    secretary_name: str
    supervisor_name: str
    attendance: int
    rows: list[VoteRow]
    agreed: int
    resurvey: int
    note: str
    copies: int
    threshold: int


def _percent(value) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"


def build_meeting_minutes(meeting) -> MinutesDocument:
    """The minutes of ``meeting`` (with its round, commune and neighborhood loaded)."""
    review_round = meeting.round
    votes = list(meeting.votes.select_related("household").order_by("household__code"))
    rows = [
        VoteRow(
            number=i,
            code=vote.household.code,
            head_name=vote.household.head_name,
            category=Category(vote.category).label,
            percent=_percent(vote.agreeing_percent),
            result="Thống nhất" if vote.agreed else "Rà soát lại",
        )
        for i, vote in enumerate(votes, start=1)
    ]
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
        neighborhood=meeting.neighborhood.name,
        held_on=format_date(meeting.held_on),
        place=meeting.place,
        chair_name=meeting.chair_name,
        secretary_name=meeting.secretary_name,
        supervisor_name=meeting.supervisor_name,
        attendance=meeting.attendance,
        rows=rows,
        agreed=sum(1 for v in votes if v.agreed),
        resurvey=sum(1 for v in votes if not v.agreed),
        note=meeting.note,
        copies=MINUTES_COPIES,
        threshold=MEETING_AGREEMENT_MIN_PERCENT,
    )
