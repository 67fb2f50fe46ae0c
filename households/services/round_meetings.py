"""The khu phố meetings of a round (QĐ 24/2021/QĐ-TTg Điều 4 khoản 2): the khu phố head chairs, the
commune Fatherland Front supervises, and each surveyed household's result is agreed when at least
50 % of those attending agree — below that it goes back to be surveyed and discussed again."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from households import messages
from households.models import Meeting, MeetingVote, Review, ReviewRound, RoundHousehold, RoundStatus
from households.review_law import MEETING_AGREEMENT_MIN_PERCENT
from households.services.workbook_checks import chunks
from households.stored import round_progress_changed
from thoxuan_gnbv import workflow
from thoxuan_gnbv.statuses import HouseholdStage


@dataclass(frozen=True)
class MeetingInput:
    neighborhood: object
    held_on: datetime.date
    chair_name: str
    supervisor_name: str
    attendance: int
    secretary_name: str = ""
    place: str = "Nhà văn hóa khu phố"
    note: str = ""


@transaction.atomic
def round_to_meetings(*, review_round: ReviewRound, user) -> ReviewRound:
    """Close the survey and move to the khu phố meetings (at least one household surveyed)."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    workflow.check_step(review_round, to=RoundStatus.MEETING)
    if not RoundHousehold.objects.filter(round=review_round, stage=HouseholdStage.SURVEYED).exists():
        raise ValidationError(messages.NOTHING_SURVEYED)
    return workflow.transition(review_round, to=RoundStatus.MEETING, user=user)


def awaiting_meeting(review_round: ReviewRound, neighborhood):
    """The households of ``neighborhood`` surveyed and waiting for its meeting, with their review."""
    return (
        RoundHousehold.objects.filter(
            round=review_round, household__neighborhood=neighborhood, stage=HouseholdStage.SURVEYED
        )
        .select_related("household")
        .order_by("household__code")
    )


@transaction.atomic
def meeting_record(*, review_round: ReviewRound, data: MeetingInput, votes: dict, user) -> Meeting:
    """Record one meeting's minutes and its vote per household (``votes``: household id → percent
    agreeing). All or nothing: any wrong figure refuses the whole minutes."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    if review_round.status != RoundStatus.MEETING:
        raise ValidationError(messages.ROUND_NOT_MEETING)
    errors = {}
    if data.neighborhood.commune_id != review_round.commune_id:
        errors["neighborhood"] = messages.NEIGHBORHOOD_OTHER_COMMUNE_ROUND
    if data.held_on > timezone.localdate():
        errors["held_on"] = messages.MEETING_DATE_FUTURE
    if data.attendance is None or data.attendance < 1:
        errors["attendance"] = messages.ATTENDANCE_REQUIRED
    if errors:
        raise ValidationError(errors)
    entries = {e.household_id: e for e in awaiting_meeting(review_round, data.neighborhood)}
    chosen = {pk: value for pk, value in votes.items() if value is not None}
    if not chosen:
        raise ValidationError({"votes": messages.MEETING_NO_VOTES})
    reviews = {r.household_id: r for r in Review.objects.filter(round=review_round, household_id__in=chosen)}
    for pk, percent in chosen.items():
        entry = entries.get(pk)
        if entry is None or pk not in reviews:
            code = entry.household.code if entry else str(pk)
            raise ValidationError({"votes": messages.VOTE_NOT_READY.format(code=code)})
        if not Decimal(0) <= Decimal(percent) <= Decimal(100):
            raise ValidationError({"votes": messages.VOTE_PERCENT_RANGE.format(code=entry.household.code)})
        surveyed_on = timezone.localtime(reviews[pk].recorded_at).date()
        if data.held_on < surveyed_on:
            raise ValidationError(
                {
                    "held_on": messages.MEETING_BEFORE_SURVEY.format(
                        held_on=f"{data.held_on:%d/%m/%Y}",
                        code=entry.household.code,
                        surveyed_on=f"{surveyed_on:%d/%m/%Y}",
                    )
                }
            )
    meeting = Meeting(round=review_round, recorded_by=user, **data.__dict__)
    meeting.full_clean()
    meeting.save()
    # One INSERT for the votes and one UPDATE per outcome, whatever the khu phố's size (a merged
    # commune's meeting can list thousands): the round is locked above and in its meeting stage, so the
    # per-row frozen check of save() has nothing to add, and the stored progress is marked once.
    votes_made = [
        MeetingVote(
            meeting=meeting,
            household_id=pk,
            category=reviews[pk].category,
            agreeing_percent=Decimal(percent),
            agreed=Decimal(percent) >= MEETING_AGREEMENT_MIN_PERCENT,
        )
        for pk, percent in chosen.items()
    ]
    MeetingVote.objects.bulk_create(votes_made, batch_size=2000)
    for stage, agreed in ((HouseholdStage.DISCUSSED, True), (HouseholdStage.RESURVEY, False)):
        ids = [entries[vote.household_id].pk for vote in votes_made if vote.agreed is agreed]
        for part in chunks(ids):  # within SQLite's bound on a statement's parameters
            RoundHousehold.objects.filter(pk__in=part).update(stage=stage)
    round_progress_changed(review_round.pk)
    return meeting
