"""Review years for the bench generators: believable category movements from year to year, the rows of
each approved round (reviews, the list with its reasons, khu phố meetings and votes, the posting, the
steps of the round) and the history rows of the households that changed.

The yearly movements are proportional, so the movement tables have content at any size: each year about
a quarter of the poor escape (two thirds to near-poor), a few near-poor fall into poverty, some of last
year's escapers fall back, and a few average or better-off households become near-poor or newly poor.
"""

import datetime
import json

from households.models import Category, Meeting, Posting, ReviewRound, ReviewRoundTransition, RoundStatus
from households.models.review_stages import ListReason
from households.review_law import POSTING_PLACES
from thoxuan_gnbv import workdays
from thoxuan_gnbv.statuses import HouseholdStage

YEARS = (2022, 2023, 2024)
POOR, NEAR, AVERAGE, NONE = Category.POOR, Category.NEAR_POOR, Category.AVERAGE, Category.NONE
BENEFICIARIES = (POOR, NEAR)
FIRST_YEAR_SHARES = ((POOR, 0.05), (NEAR, 0.10), (AVERAGE, 0.25), (NONE, 0.60))
# category → [(next category, probability)]; what is left stays where it was.
MOVES = {
    POOR: [(NEAR, 0.17), (AVERAGE, 0.08)],
    NEAR: [(POOR, 0.04), (AVERAGE, 0.10)],
    AVERAGE: [(NEAR, 0.03), (POOR, 0.005)],
    NONE: [(NEAR, 0.008), (AVERAGE, 0.02)],
}
FALL_BACK = 0.15  # an escaper of last year poor again


def first_category(rng, without_labour: bool) -> str:
    # Households without labour capacity are far more often poor (NĐ 07/2021/NĐ-CP counts them apart).
    if without_labour and rng.random() < 0.4:
        return POOR
    draw, total = rng.random(), 0.0
    for category, share in FIRST_YEAR_SHARES:
        total += share
        if draw < total:
            return category
    return NONE


def next_category(rng, before: str, earlier: str | None) -> str:
    """The category of the next year from this year's (``before``) and the year before's."""
    if earlier == POOR and before != POOR and rng.random() < FALL_BACK:
        return POOR
    draw, total = rng.random(), 0.0
    for category, probability in MOVES[before]:
        total += probability
        if draw < total:
            return category
    return before


def categories(rng, without_labour: bool) -> dict[int, str]:
    """One household's category in each of YEARS."""
    years = {YEARS[0]: first_category(rng, without_labour)}
    for year in YEARS[1:]:
        years[year] = next_category(rng, years[year - 1], years.get(year - 2))
    return years


def decision_date(year: int) -> datetime.date:
    return datetime.date(year, 12, 20)


def at(day: datetime.date, hour: int = 9) -> str:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC).isoformat()


def create_round(commune, year: int, users) -> ReviewRound:
    """An approved round (regular, number 1) with its steps, submitted by the labour officer and approved
    by the chairman (QĐ 24/2021/QĐ-TTg Điều 4–5), its dates in the year reviewed."""
    officer, chairman = users["laodong"], users["chutich"]
    opened, meeting, posting = (
        datetime.date(year, 8, 5),
        datetime.date(year, 8, 19),
        datetime.date(year, 9, 3),
    )
    submitted, decided = datetime.date(year, 12, 10), decision_date(year)
    review_round = ReviewRound.objects.create(
        commune=commune, year=year, number=1, status=RoundStatus.APPROVED, opened_by=officer,
        submitted_by=officer, submitted_at=at(submitted), decision_number=f"{year - 2000}{year % 7}/QĐ-UBND",
        decision_date=decided, approved_by=chairman, approved_at=at(decided, 15),
    )  # fmt: skip
    steps = [
        ("", RoundStatus.OPEN, officer, opened),
        (RoundStatus.OPEN, RoundStatus.MEETING, officer, meeting),
        (RoundStatus.MEETING, RoundStatus.POSTING, officer, posting),
        (RoundStatus.POSTING, RoundStatus.SUBMITTED, officer, submitted),
        (RoundStatus.SUBMITTED, RoundStatus.APPROVED, chairman, decided),
    ]
    ReviewRoundTransition.objects.bulk_create(
        ReviewRoundTransition(review_round=review_round, from_status=a, to_status=b, actor=u, at=at(d))
        for a, b, u, d in steps
    )
    return review_round


def meetings(review_round, neighborhoods, users, rng) -> dict[int, int]:
    """One meeting per khu phố (Điều 4 khoản 2) and the posting (khoản 3); returns khu phố → meeting."""
    year, officer = review_round.year, users["laodong"]
    front = users.get("mttq")
    found, day = {}, datetime.date(year, 8, 19)
    for index, neighborhood in enumerate(neighborhoods):
        found[neighborhood.pk] = Meeting.objects.create(
            round=review_round, neighborhood=neighborhood, held_on=day, chair_name=f"Khu trưởng {neighborhood.name}",
            secretary_name="Nguyễn Thị Thu", supervisor_name=front.full_name if front else "Vũ Thị Hạnh",
            attendance=rng.randint(38, 64), recorded_by=officer, place=f"Nhà văn hóa {neighborhood.name}",
        ).pk  # fmt: skip
        day = workdays.add_working_days(day, 1) if index % 2 else day
    start = datetime.date(year, 9, 3)
    Posting.objects.create(
        round=review_round, number=1, starts_on=start, ends_on=workdays.last_day_of_period(start, 3),
        places=POSTING_PLACES, recorded_by=officer,
    )  # fmt: skip
    return found


def stage_rows(round_id, meeting_id, officer_id, household_id, was, now, rng):
    """The list entry and the meeting vote of a household on the round's list (poor or near-poor the
    year before, or now), or (None, None). Every vote agreed (the re-survey case is the demo's)."""
    if was not in BENEFICIARIES and now not in BENEFICIARIES:
        return None, None
    reason = (
        ListReason.LISTED if was in BENEFICIARIES else rng.choice([ListReason.APPLIED, ListReason.PROPOSED])
    )
    entry = (round_id, household_id, reason, HouseholdStage.POSTED, "", officer_id)
    vote = (meeting_id, household_id, now, rng.randint(55, 97), True)
    return entry, vote


ENTRY_COLUMNS = ["round_id", "household_id", "reason", "stage", "note", "added_by_id"]
VOTE_COLUMNS = ["meeting_id", "household_id", "category", "agreeing_percent", "agreed"]
REVIEW_COLUMNS = [
    "household_id", "round_id", "year", "standard_id", "household_size", "income", "deprivations",
    "deprivation_count", "category", "recorded_at", "note", "recorded_by_id",
]  # fmt: skip


def review_row(household_id, review_round, standard_id, size, income, deprived, category, officer_id):
    recorded = at(datetime.date(review_round.year, 8, 14))
    return (
        household_id, review_round.pk, review_round.year, standard_id, size, income, json.dumps(deprived),
        len(deprived), category, recorded, "", officer_id,
    )  # fmt: skip
