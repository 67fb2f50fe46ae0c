"""The stages of the demo's 2024 review round (QĐ 24/2021/QĐ-TTg Điều 4), laid on the approved round
that demo/registry.py builds: the list with its reasons, a meeting in each of the 12 khu phố (one
household below 50 % and discussed again), a posting across Quốc khánh 2/9 so the working-day count
shows, two complaints — one upheld (near-poor → poor, posted again), one rejected — and the steps of
the round up to the chairman's decision. The province's plan started the survey in August so the
posting falls over the holiday. Created once; a re-run leaves it as it is."""

import datetime
import random

from django.utils import timezone

from households.models import (
    Category,
    Complaint,
    Household,
    Meeting,
    MeetingVote,
    Neighborhood,
    Posting,
    QuickScreen,
    Review,
    ReviewRound,
    ReviewRoundTransition,
    RoundHousehold,
    RoundStatus,
)
from households.models.review_stages import ListReason
from households.review_law import POSTING_PLACES, RECHECK_WORKING_DAYS
from households.services.quick_screen import screens_out
from thoxuan_gnbv import workdays, workflow
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage

CHAIRS = [
    "Đỗ Văn Bình",
    "Bùi Văn Tâm",
    "Lê Đình Thắng",
    "Nguyễn Văn Lợi",
    "Trịnh Thị Nga",
    "Hoàng Văn Phú",
    "Lê Thị Hoa",
    "Phạm Văn Dũng",
    "Nguyễn Đình Khải",
    "Vũ Văn Hòa",
    "Lê Văn Quý",
    "Trần Thị Lan",
]
FIRST_MEETING = datetime.date(2024, 8, 19)
POSTING_START = datetime.date(2024, 8, 30)  # Friday; 31/8–3/9 are the weekend and Quốc khánh
SUBMITTED_ON = datetime.date(2024, 12, 10)


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def seed_review_stages_2024(commune, users) -> bool:
    """Lay the stages on the approved 2024 round; False when already there (or no round)."""
    review_round = ReviewRound.objects.filter(commune=commune, year=2024, number=1).first()
    if review_round is None or review_round.entries.exists():
        return False
    with workflow.seeding():
        _stages(review_round, users, random.Random(2024))
    return True


def _stages(review_round, users, rng) -> None:
    officer, chairman, front = users["laodong"], users["chutich"], users.get("mttq")
    before = dict(
        Review.objects.filter(round__commune=review_round.commune, year=2023).values_list(
            "household_id", "category"
        )
    )
    now = dict(Review.objects.filter(round=review_round).values_list("household_id", "category"))
    listed = {pk for pk, c in before.items() if c in (Category.POOR, Category.NEAR_POOR)}
    newcomers = sorted(
        pk for pk, c in now.items() if c in (Category.POOR, Category.NEAR_POOR) and pk not in listed
    )
    reasons = dict.fromkeys(listed, ListReason.LISTED)
    reasons |= {pk: ListReason.APPLIED if i % 2 else ListReason.PROPOSED for i, pk in enumerate(newcomers)}
    RoundHousehold.objects.bulk_create(
        RoundHousehold(
            round=review_round, household_id=pk, reason=r, stage=HouseholdStage.POSTED, added_by=officer
        )
        for pk, r in reasons.items()
    )
    _quick_screens(review_round, set(reasons), officer)
    Review.objects.filter(round=review_round).update(recorded_at=_at(datetime.date(2024, 8, 14)))
    neighborhoods = list(Neighborhood.objects.filter(commune=review_round.commune).order_by("position"))
    by_kp = {}
    for pk, kp in RoundHousehold.objects.filter(round=review_round).values_list(
        "household_id", "household__neighborhood"
    ):
        by_kp.setdefault(kp, []).append(pk)
    day = FIRST_MEETING
    for index, neighborhood in enumerate(neighborhoods):
        chair = CHAIRS[index % len(CHAIRS)]
        meeting = _meeting(review_round, neighborhood, day, chair, front, officer, rng)
        ids = sorted(by_kp.get(neighborhood.pk, []))
        again = ids[0] if index == 2 and ids else None  # one household of Khu phố 3 below 50 %
        for pk in ids:
            percent = 45 if pk == again else rng.randint(62, 96)
            MeetingVote.objects.create(
                meeting=meeting,
                household_id=pk,
                category=now[pk],
                agreeing_percent=percent,
                agreed=percent >= 50,
            )
        if again:
            second = _meeting(
                review_round, neighborhood, datetime.date(2024, 8, 28), chair, front, officer, rng
            )
            MeetingVote.objects.create(
                meeting=second, household_id=again, category=now[again], agreeing_percent=71, agreed=True
            )
        day = workdays.add_working_days(day, 1) if index % 2 else day
    first = Posting.objects.create(
        round=review_round,
        number=1,
        starts_on=POSTING_START,
        ends_on=workdays.last_day_of_period(POSTING_START, 3),
        places=POSTING_PLACES,
        recorded_by=officer,
    )
    _complaints(review_round, first, before, now, officer)
    _log(review_round, officer, chairman)


# Phiếu A (TT 07/2021 Phụ lục I): three proposed households screened out — not poor, no Phiếu B.
SCREENED = [["g1_salary"], ["g1_car", "g2_fridge"], ["g2_fridge", "g2_washer", "g2_motorbike"]]


def _quick_screens(review_round, listed, officer) -> None:
    ReviewRound.objects.filter(pk=review_round.pk).update(uses_quick_screen=True)
    others = (
        Household.objects.filter(commune=review_round.commune)
        .exclude(pk__in=listed)
        .order_by("pk")
        .values_list("pk", flat=True)[: len(SCREENED)]
    )
    for pk, criteria in zip(others, SCREENED, strict=False):
        entry = RoundHousehold.objects.create(
            round=review_round, household_id=pk, reason=ListReason.PROPOSED, added_by=officer
        )
        QuickScreen.objects.create(
            entry=entry,
            criteria=criteria,
            screened_on=datetime.date(2024, 8, 12),
            screened_out=screens_out(criteria),
            screened_by=officer,
        )


def _meeting(review_round, neighborhood, day, chair, front, officer, rng):
    return Meeting.objects.create(
        round=review_round,
        neighborhood=neighborhood,
        held_on=day,
        chair_name=chair,
        secretary_name="Nguyễn Thị Thu",
        supervisor_name=front.full_name if front else "Vũ Thị Hạnh",
        attendance=rng.randint(38, 64),
        recorded_by=officer,
        place=f"Nhà văn hóa {neighborhood.name}",
    )


def _complaints(review_round, first, before, now, officer) -> None:
    """One upheld (the re-check finds the household poor, not near-poor: posted again), one rejected."""
    fell = sorted(pk for pk, c in now.items() if c == Category.POOR and before.get(pk) == Category.NEAR_POOR)
    near = sorted(pk for pk, c in now.items() if c == Category.NEAR_POOR)
    upheld_on, rejected_on = datetime.date(2024, 8, 30), datetime.date(2024, 9, 4)
    rows = [
        (
            fell[0],
            "Bà Lê Thị Mến (hàng xóm)",
            upheld_on,
            "Hộ có chồng mất sức lao động từ tháng 7, thu nhập giảm; đề nghị xem lại.",
            ComplaintStatus.UPHELD,
            datetime.date(2024, 9, 9),
            "Phúc tra: thu nhập bình quân dưới chuẩn, thiếu hụt 3 chỉ số — hộ nghèo.",
            Category.NEAR_POOR,
        ),
        (
            near[0],
            "Ông Trịnh Văn Hải",
            rejected_on,
            "Cho rằng hộ có thu nhập từ cho thuê ki-ốt, không thuộc diện cận nghèo.",
            ComplaintStatus.REJECTED,
            datetime.date(2024, 9, 10),
            "Phúc tra: ki-ốt đã thôi cho thuê từ đầu năm; giữ kết quả hộ cận nghèo.",
            Category.NEAR_POOR,
        ),
    ]
    for pk, who, received, content, status, rechecked, note, category_before in rows:
        Complaint.objects.create(
            round=review_round,
            posting=first,
            household_id=pk,
            complainant=who,
            received_on=received,
            content=content,
            recheck_due=workdays.add_working_days(received, RECHECK_WORKING_DAYS),
            category_before=category_before,
            status=status,
            rechecked_on=rechecked,
            result_note=note,
            category_after=now[pk] if status == ComplaintStatus.UPHELD else "",
            received_by=officer,
            resolved_by=officer,
        )
    start = datetime.date(2024, 9, 11)
    Posting.objects.create(
        round=review_round,
        number=2,
        starts_on=start,
        ends_on=workdays.last_day_of_period(start, 3),
        places=POSTING_PLACES,
        reason="Niêm yết lại kết quả phúc tra hộ chuyển từ cận nghèo sang nghèo.",
        recorded_by=officer,
    )


def _log(review_round, officer, chairman) -> None:
    steps = [
        ("", RoundStatus.OPEN, officer, datetime.date(2024, 8, 5)),
        (RoundStatus.OPEN, RoundStatus.MEETING, officer, FIRST_MEETING),
        (RoundStatus.MEETING, RoundStatus.POSTING, officer, POSTING_START),
        (RoundStatus.POSTING, RoundStatus.SUBMITTED, officer, SUBMITTED_ON),
        (RoundStatus.SUBMITTED, RoundStatus.APPROVED, chairman, review_round.decision_date),
    ]
    for source, target, actor, day in steps:
        ReviewRoundTransition.objects.create(
            review_round=review_round, from_status=source, to_status=target, actor=actor, at=_at(day)
        )
    ReviewRound.objects.filter(pk=review_round.pk).update(
        submitted_by=officer, submitted_at=_at(SUBMITTED_ON)
    )
