"""Target progress: planned vs achieved, counted from approved household reviews."""

import datetime

import pytest
from django.urls import reverse

from households.models import Category
from programs.models import Plan
from programs.progress import target_progress
from programs.queries.plans import with_document
from tests.figure_worker import warm_figures
from tests.programs.delivery.factories import HouseholdFactory, approve_round


@pytest.fixture
def escaped_two(commune, neighborhood1, chairman):
    """Three poor households in the 2023 review; in 2024 two escaped (one without labour capacity)."""
    stays = HouseholdFactory(neighborhood=neighborhood1, code="KP1-1")
    escapes_able = HouseholdFactory(neighborhood=neighborhood1, code="KP1-2")
    escapes_unable = HouseholdFactory(neighborhood=neighborhood1, code="KP1-3")
    HouseholdFactory._meta.model.objects.filter(pk=escapes_unable.pk).update(without_labour_capacity=True)
    HouseholdFactory._meta.model.objects.filter(pk__in=[stays.pk, escapes_able.pk]).update(
        without_labour_capacity=False
    )
    approve_round(
        commune,
        datetime.date(2023, 12, 20),
        {stays: Category.POOR, escapes_able: Category.POOR, escapes_unable: Category.POOR},
        chairman,
    )
    approve_round(
        commune,
        datetime.date(2024, 12, 20),
        {stays: Category.POOR, escapes_able: Category.NEAR_POOR, escapes_unable: Category.AVERAGE},
        chairman,
    )


def _tracked(plan):
    target = plan.targets.get()
    target.metric = "poor_households_reduced"
    target.save()
    for line, metric in zip(
        target.lines.all(), ["without_labour_capacity", "with_labour_capacity"], strict=True
    ):
        line.metric = metric
        line.save()


def test_progress_counts_escaped_households_against_the_8_2_6_target(
    draft_plan, escaped_two, labour_officer, chairman, commune
):
    _tracked(draft_plan)
    plan = with_document(Plan.objects.filter(pk=draft_plan.pk)).get()
    assert [row.achieved for row in target_progress(plan)] == [None, None, None]  # not yet computed
    warm_figures(commune, 2024)  # the worker, after the round's approval
    rows = target_progress(plan)
    assert [(row.planned, row.achieved, row.is_breakdown) for row in rows] == [
        (8, 2, False),
        (2, 1, True),
        (6, 1, True),
    ]
    assert rows[0].share == 0.25 and not rows[0].reached


def test_untracked_targets_are_left_out(draft_plan):
    assert target_progress(draft_plan) == []


def test_progress_shows_on_the_approved_plan_page_and_the_chairman_home(
    draft_plan, escaped_two, labour_officer, chairman, client_for, commune
):
    from programs.services import plans as services

    _tracked(draft_plan)
    services.plan_submit(plan=draft_plan, user=labour_officer)
    services.plan_approve(plan=draft_plan, user=chairman)
    warm_figures(commune, 2024)  # the worker, after the round's approval
    client = client_for(chairman)
    page = client.get(reverse("programs:plan_detail", args=[draft_plan.pk])).text
    assert 'data-testid="target-progress"' in page
    assert 'value="2" max="8"' in page
    home = client.get("/").text
    assert "Tiến độ mục tiêu kế hoạch năm 2024" in home
    assert "Giảm 8 hộ nghèo theo chuẩn nghèo đa chiều: đạt 2/8" in home
    assert "hộ nghèo có khả năng lao động: đạt 1/6" in client_for(labour_officer).get("/").text
