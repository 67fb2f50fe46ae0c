"""The round page's progress per khu phố and stage is a stored figure (``round_progress:<round>``):
the worker keeps it equal to the live count through every write that moves a household between
stages or khu phố — saves, the posting's bulk update, the list's bulk insert, Phiếu A, a khu phố
move — and the page reads it in one query, never grouping the round's list, at any size. A key not
computed yet still renders the khu phố rows, says the figures are being computed and queues once."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from households.models import Household, Review, RoundHousehold
from households.models.review_stages import ListReason
from households.services import (
    quick_screen,
    registry,
    round_list,
    round_meetings,
    round_posting,
    round_progress,
)
from households.services import review as review_services
from households.services.round_meetings import MeetingInput
from households.services.round_progress import progress_by_neighborhood
from households.stored import CATEGORIES, SCREENED_OUT, round_progress_changed, round_progress_key
from reporting.figure_tasks import commune_year_keys
from reporting.models import FigureCache
from tests.figure_worker import run_figure_worker
from tests.households.factories import HouseholdFactory, add_result, approved_round
from thoxuan_gnbv.statuses import HouseholdStage
from thoxuan_gnbv.stored_figures import COMPUTING

pytestmark = pytest.mark.django_db
D = datetime.date
POOR = {"deprivations": ["employment", "housing_area", "latrine"], "income": 1_900_000}


def travel(day: D):
    return time_machine.travel(
        datetime.datetime(day.year, day.month, day.day, 10, tzinfo=datetime.UTC), tick=False
    )


def live(review_round) -> dict:
    """The counts walked row by row (the figure the page must show), in the stored figure's shape."""
    counts: dict[str, dict[str, int]] = {}
    for entry in RoundHousehold.objects.filter(round=review_round).select_related(
        "household", "quick_screen"
    ):
        row = counts.setdefault(str(entry.household.neighborhood_id), {})
        row[entry.stage] = row.get(entry.stage, 0) + 1
        screen = getattr(entry, "quick_screen", None)
        if entry.stage == HouseholdStage.TO_SURVEY and screen is not None and screen.screened_out:
            row[SCREENED_OUT] = row.get(SCREENED_OUT, 0) + 1
    categories: dict[str, int] = {}
    for review in Review.objects.filter(round=review_round):
        categories[review.category] = categories.get(review.category, 0) + 1
    counts[CATEGORIES] = categories
    return counts


def stored(review_round) -> dict | None:
    return FigureCache.objects.get(key=round_progress_key(review_round.pk)).data


def worker_agrees(review_round) -> dict:
    """The write marked the round's progress stale; the worker recomputes it to the live count."""
    key = FigureCache.objects.get(key=round_progress_key(review_round.pk))
    assert key.dirty_since is not None, "the write did not mark the round's progress stale"
    run_figure_worker()
    assert stored(review_round) == live(review_round)
    return {pk: row for pk, row in stored(review_round).items() if pk != CATEGORIES}


@pytest.fixture
def listed(commune, neighborhood1, neighborhood2, chairman):
    """Three households poor or near-poor in the approved 2025 round (two in khu phố 1, one in 2)."""
    houses = [HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-000{i}") for i in (1, 2)]
    houses.append(HouseholdFactory(neighborhood=neighborhood2, code="KP2-0001"))
    decided = approved_round(commune, 2025, D(2025, 12, 10), approver=chairman)
    for house in houses:
        add_result(decided, house, "near_poor")
    houses[0].decided = decided
    return houses


def test_the_stored_progress_follows_every_write_of_a_round(
    client_for, commune, neighborhood1, neighborhood2, labour_officer, listed
):
    kp1, kp2 = str(neighborhood1.pk), str(neighborhood2.pk)
    with travel(D(2026, 10, 1)):
        review_round = review_services.review_round_open(
            commune=commune, year=2026, user=labour_officer, uses_quick_screen=True
        )
    url = reverse("households:round_detail", args=[review_round.pk])
    client_for(labour_officer).get(url)  # the first visit creates the key
    assert worker_agrees(review_round) == {
        kp1: {HouseholdStage.TO_SURVEY: 2},
        kp2: {HouseholdStage.TO_SURVEY: 1},
    }

    # The list prepared again after a late result of the last decision: a bulk insert.
    late = HouseholdFactory(neighborhood=neighborhood2, code="KP2-0002")
    add_result(listed[0].decided, late, "poor")
    assert round_list.list_prepare(review_round=review_round, user=labour_officer) == 1
    assert worker_agrees(review_round)[kp2] == {HouseholdStage.TO_SURVEY: 2}

    # A household proposed by its khu phố, then screened out by Phiếu A.
    proposed = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0009")
    with travel(D(2026, 10, 1)):
        entry = round_list.list_add(
            review_round=review_round, household=proposed, reason=ListReason.PROPOSED, user=labour_officer
        )
    worker_agrees(review_round)
    today = D(2026, 10, 2)
    with travel(today):
        quick_screen.quick_screen_record(
            entry=entry, criteria=["g1_car"], screened_on=today, user=labour_officer, today=today
        )
    assert worker_agrees(review_round)[kp1] == {HouseholdStage.TO_SURVEY: 3, SCREENED_OUT: 1}

    # Phiếu B recorded for the listed households.
    with travel(D(2026, 10, 3)):
        for house in (*listed, late):
            review_services.review_record(
                review_round=review_round, household=house, user=labour_officer, **POOR
            )
    assert worker_agrees(review_round)[kp2] == {HouseholdStage.SURVEYED: 2}
    # The page's result box of an open round: the reviews counted by the worker, as the service counts them.
    shown = round_progress.category_counts_shown(
        review_round, round_progress.progress_by_neighborhood(review_round, [neighborhood1, neighborhood2])
    )
    assert shown == review_services.category_counts(review_round) and sum(shown.values()) == len(
        (*listed, late)
    )

    # A household moves to khu phố 2: it moves between the rows.
    with travel(D(2026, 10, 4)):
        registry.household_update(
            household=Household.objects.get(pk=listed[0].pk), user=labour_officer, neighborhood=neighborhood2
        )
    assert worker_agrees(review_round) == {
        kp1: {HouseholdStage.TO_SURVEY: 1, SCREENED_OUT: 1, HouseholdStage.SURVEYED: 1},
        kp2: {HouseholdStage.SURVEYED: 3},
    }

    # The khu phố meetings agree every result, then the posting moves them all in one update.
    day = D(2026, 10, 5)
    with travel(day):
        round_meetings.round_to_meetings(review_round=review_round, user=labour_officer)
        for neighborhood, houses in (
            (neighborhood1, [listed[1]]),
            (neighborhood2, [listed[0], listed[2], late]),
        ):
            round_meetings.meeting_record(
                review_round=review_round,
                data=MeetingInput(
                    neighborhood=neighborhood,
                    held_on=day,
                    chair_name="Đỗ Văn Bình",
                    supervisor_name="Vũ Thị Hạnh",
                    attendance=40,
                ),
                votes={house.pk: Decimal(80) for house in houses},
                user=labour_officer,
            )
    assert worker_agrees(review_round)[kp2] == {HouseholdStage.DISCUSSED: 3}
    with travel(D(2026, 10, 6)):
        round_posting.posting_start(
            review_round=review_round, starts_on=D(2026, 10, 6), ends_on=D(2026, 10, 20), user=labour_officer
        )
    assert worker_agrees(review_round) == {
        kp1: {HouseholdStage.TO_SURVEY: 1, SCREENED_OUT: 1, HouseholdStage.POSTED: 1},
        kp2: {HouseholdStage.POSTED: 3},
    }
    rows = {row.neighborhood.pk: row for row in progress_by_neighborhood(review_round, [neighborhood1]).rows}
    row = rows[neighborhood1.pk]
    assert (row.to_review, row.surveyed, row.posted, row.screened_out, row.unsurveyed) == (2, 1, 1, 1, 0)


def _grow(review_round, neighborhood, count, stage):
    houses = Household.objects.bulk_create(
        HouseholdFactory.build(neighborhood=neighborhood, code=f"G-{neighborhood.pk}-{stage}-{i}-{count}")
        for i in range(count)
    )
    RoundHousehold.objects.bulk_create(
        RoundHousehold(round=review_round, household=h, reason=ListReason.LISTED, stage=stage) for h in houses
    )


def _page(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, [q["sql"] for q in captured.captured_queries]


def test_the_page_reads_the_progress_in_the_same_queries_at_any_size_and_never_groups_the_list(
    client_for, commune, neighborhood1, neighborhood2, labour_officer
):
    with travel(D(2026, 10, 1)):
        review_round = review_services.review_round_open(commune=commune, year=2026, user=labour_officer)
    client = client_for(labour_officer)
    url = reverse("households:round_detail", args=[review_round.pk]) + f"?kp={neighborhood1.pk}"
    _grow(review_round, neighborhood1, 2, HouseholdStage.SURVEYED)
    client.get(url)
    run_figure_worker()
    small, few = _page(client, url)
    _grow(review_round, neighborhood1, 40, HouseholdStage.TO_SURVEY)
    _grow(review_round, neighborhood2, 40, HouseholdStage.SURVEYED)
    # The fixture inserts in bulk (no save signal), as the list's preparation does; it says so.
    round_progress_changed(review_round.pk)
    run_figure_worker()
    large, many = _page(client, url)
    assert len(few) == len(many)
    assert not [sql for sql in many if "households_roundhousehold" in sql and "GROUP BY" in sql]
    rows = {row.neighborhood.pk: row for row in large.context["progress"]}
    assert (rows[neighborhood1.pk].to_review, rows[neighborhood1.pk].unsurveyed) == (42, 40)
    assert (rows[neighborhood2.pk].to_review, rows[neighborhood2.pk].surveyed) == (40, 40)
    assert 'title="chưa điều tra">(−40)' in large.text
    assert [row.to_review for row in small.context["progress"]] == [2, 0]


def test_a_cold_key_renders_the_khu_pho_rows_with_a_note_and_queues_once(
    client_for, commune, neighborhood1, neighborhood2, labour_officer
):
    with travel(D(2026, 10, 1)):
        review_round = review_services.review_round_open(commune=commune, year=2026, user=labour_officer)
    _grow(review_round, neighborhood1, 3, HouseholdStage.TO_SURVEY)
    client = client_for(labour_officer)
    url = reverse("households:round_detail", args=[review_round.pk])
    first, second = client.get(url), client.get(url)
    for response in (first, second):
        assert response.status_code == 200
        assert COMPUTING in response.text
        assert "Khu phố 1" in response.text and "Khu phố 2" in response.text
        assert 'data-testid="progress-computing"' in response.text
        assert "(−3)" not in response.text  # nothing drawn from figures not computed yet
    key = round_progress_key(review_round.pk)
    queued = DBTaskResult.objects.filter(task_path="reporting.figure_tasks.refresh_figures")
    assert len([job for job in queued if key in job.args_kwargs["kwargs"]["keys"]]) == 1
    run_figure_worker()
    warm = client.get(url)
    assert COMPUTING not in warm.text and 'data-testid="progress-computing"' not in warm.text
    assert 'title="chưa điều tra">(−3)' in warm.text


def test_warming_a_commune_year_covers_its_rounds_progress(commune, neighborhood1, labour_officer):
    with travel(D(2026, 10, 1)):
        review_round = review_services.review_round_open(commune=commune, year=2026, user=labour_officer)
    _grow(review_round, neighborhood1, 2, HouseholdStage.SURVEYED)
    assert round_progress_key(review_round.pk) in commune_year_keys(commune.pk, 2026)
    run_figure_worker()
    assert stored(review_round) == {str(neighborhood1.pk): {HouseholdStage.SURVEYED: 2}, CATEGORIES: {}}
    assert round_progress_key(review_round.pk) not in commune_year_keys(commune.pk, 2025)
