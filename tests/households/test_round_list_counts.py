"""The round list's "Số hộ": an approved round reads the counts snapshot at its approval (frozen, so
exact) instead of counting its reviews; a round not approved yet shows the count the worker keeps
(never counted on the request). Same queries at any size."""

import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from households.models import Category, Household, ReviewRound, RoundStatus
from tests.figure_worker import get_warm, run_figure_worker
from tests.households.factories import add_result, approved_round
from thoxuan_gnbv import stored_figures, workflow

pytestmark = pytest.mark.django_db


def _houses(neighborhood, start, stop):
    return Household.objects.bulk_create(
        Household(commune=neighborhood.commune, neighborhood=neighborhood, code=f"KP1-{i:04d}", head_name="A")
        for i in range(start, stop)
    )


def _list(client):
    from django.db import connection

    run_figure_worker()  # the worker has recounted what changed
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("households:round_list"))
    assert response.status_code == 200
    return response, len(captured)


def test_round_list_counts_from_the_snapshot_and_the_open_round(
    client_for, labour_officer, commune, neighborhood1
):
    approved = approved_round(commune, 2024)
    with workflow.seeding():  # an approved round is frozen; the fixture writes its snapshot directly
        ReviewRound.objects.filter(pk=approved.pk).update(summary={"poor": 7, "near_poor": 3, "none": 1})
    open_round = ReviewRound.objects.create(commune=commune, year=2025, number=1, status=RoundStatus.OPEN)
    for house in _houses(neighborhood1, 0, 4):
        add_result(open_round, house, Category.POOR)
    client = client_for(labour_officer)
    cold = client.get(reverse("households:round_list"))
    assert {r.pk: r.review_count for r in cold.context["rounds"]} == {approved.pk: 11, open_round.pk: None}
    response, small = _list(client)
    counts = {r.pk: r.review_count for r in response.context["rounds"]}
    assert counts == {approved.pk: 11, open_round.pk: 4}  # 11 from the snapshot: it has no reviews here
    for house in _houses(neighborhood1, 4, 40):
        add_result(open_round, house, Category.NEAR_POOR)
    stored_figures.changed(commune.pk, ("rounds",))  # the fixture writes in bulk: no save signal
    response, large = _list(client)
    assert {r.pk: r.review_count for r in response.context["rounds"]}[open_round.pk] == 40
    assert small == large


def test_approved_round_without_snapshot_is_counted(client_for, labour_officer, commune, neighborhood1):
    approved = approved_round(commune, 2023)
    for house in _houses(neighborhood1, 0, 3):
        add_result(approved, house, Category.POOR)
    response = get_warm(client_for(labour_officer), reverse("households:round_list"))
    assert [r.review_count for r in response.context["rounds"]] == [3]


def test_round_page_counts_an_approved_round_from_its_snapshot(
    client_for, labour_officer, commune, neighborhood1
):
    approved = approved_round(commune, 2024)
    with workflow.seeding():
        ReviewRound.objects.filter(pk=approved.pk).update(summary={"poor": 7, "near_poor": 3, "none": 1})
    response = client_for(labour_officer).get(reverse("households:round_detail", args=[approved.pk]))
    assert response.status_code == 200
    assert response.context["total"] == 11
    assert dict(response.context["by_category"])[Category.POOR.label] == 7
