"""Figures of a report equal counts computed independently in the test, from aggregate queries
whose number does not grow with the number of households."""

import datetime
import random

import pytest
from django.core.cache import cache

from households.models import Category
from programs.models import Allocation, Disbursement
from reporting import services
from reporting.figures.compiled import commune_report_figures
from reporting.figures.reports import component_figures
from tests.programs.delivery.factories import (
    HouseholdFactory,
    MemberFactory,
    approve_round,
    approved_estimate,
)
from tests.reporting.factories import add_activity, add_support, open_period

pytestmark = pytest.mark.django_db
Q2 = (datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))


def make_households(commune, neighborhoods, n, rng):
    households = []
    for i in range(n):
        household = HouseholdFactory(
            neighborhood=neighborhoods[i % len(neighborhoods)],
            commune=commune,
            code=f"H-{i:05d}",
            is_ethnic_minority=rng.random() < 0.3,
            has_meritorious_person=rng.random() < 0.2,
        )
        MemberFactory(
            household=household, has_disability=rng.random() < 0.25, sex=rng.choice(["male", "female"])
        )
        households.append(household)
    return households


@pytest.fixture
def world(
    commune, neighborhood1, neighborhood2, plan, nutrition, farming, health_station, agriculture_officer
):
    """Random support and activities inside and outside Q2 2024 for 40 households."""
    rng = random.Random(7)
    households = make_households(commune, [neighborhood1, neighborhood2], 40, rng)
    supports = []
    for household in households:
        for _ in range(rng.randint(0, 3)):
            component = rng.choice([nutrition, farming])
            on = datetime.date(2024, rng.randint(1, 9), rng.randint(1, 28))
            member = household.members.first() if rng.random() < 0.5 else None
            kind = rng.choice(["nutrition", "tools", "seedlings_livestock"])
            amount = rng.randint(1, 20) * 50_000
            user = health_station if component == nutrition else agriculture_officer
            supports.append(
                add_support(
                    component, household, on=on, user=user, member=member, support_type=kind, amount=amount
                )
            )
    activities = [
        add_activity(nutrition, on=datetime.date(2024, m, 10), user=health_station, participants=20 + m)
        for m in (3, 4, 5, 6, 7)
    ]
    return households, supports, activities


def in_q2(day):
    return Q2[0] <= day <= Q2[1]


def test_support_figures_equal_independent_counts(world, nutrition, farming):
    households, supports, _ = world
    figures = component_figures([nutrition.pk, farming.pk], *Q2)
    for component in (nutrition, farming):
        mine = [s for s in supports if s.component_id == component.pk and in_q2(s.supported_on)]
        got = figures[component.pk]["support"]
        assert got["records"] == len(mine)
        assert got["households"] == len({s.household_id for s in mine})
        assert got["amount"] == sum(s.central_amount for s in mine)
        reached = {s.household for s in mine}
        assert got["priority"]["ethnic_minority"] == sum(1 for h in reached if h.is_ethnic_minority)
        assert got["priority"]["meritorious"] == sum(1 for h in reached if h.has_meritorious_person)
        assert got["priority"]["disability"] == sum(
            1 for h in reached if h.members.filter(has_disability=True).exists()
        )
        assert got["priority"]["women"] == len(
            {s.member_id for s in mine if s.member and s.member.sex == "female"}
        )
        by_type = {row["type"]: row["records"] for row in got["by_type"]}
        for kind in {s.support_type for s in mine}:
            assert by_type[kind] == sum(1 for s in mine if s.support_type == kind)


def test_activity_figures_count_only_the_period(world, nutrition):
    _, _, activities = world
    got = component_figures([nutrition.pk], *Q2)[nutrition.pk]["activities"]
    mine = [a for a in activities if in_q2(a.held_on)]
    assert got["count"] == len(mine) == 3
    assert got["participants"] == sum(a.participants for a in mine)
    assert got["women"] == sum(a.participants_women for a in mine)


def test_budget_is_year_to_date_with_rate(commune, plan, nutrition, accountant, chairman):
    Allocation.objects.create(
        component=nutrition, source="central", amount=40_000_000, decision_number="03/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 10), recorded_by=accountant,
    )  # fmt: skip
    Allocation.objects.create(
        component=nutrition, source="local", amount=10_000_000, decision_number="99/QĐ-UBND",
        decision_date=datetime.date(2024, 8, 1), recorded_by=accountant,
    )  # fmt: skip
    line = approved_estimate(commune, nutrition, amount=40_000_000, accountant=accountant, approver=chairman)
    for day, amount in (
        (datetime.date(2024, 2, 1), 6_000_000),
        (datetime.date(2024, 5, 1), 4_000_000),
        (datetime.date(2024, 7, 1), 9_000_000),
    ):
        Disbursement.objects.create(
            line=line, paid_on=day, amount=amount, voucher_number="PC", payee="Trạm", recorded_by=accountant
        )
    budget = component_figures([nutrition.pk], *Q2)[nutrition.pk]["budget"]
    assert budget == {"allocated": 40_000_000, "disbursed": 10_000_000, "rate": 0.25}


def test_poverty_figures_follow_the_review_decided_by_the_period_end(
    commune, neighborhood1, plan, livelihood, labour_officer, chairman
):
    households = [
        HouseholdFactory(neighborhood=neighborhood1, commune=commune, code=f"P{i}") for i in range(6)
    ]
    approve_round(
        commune,
        datetime.date(2023, 12, 20),
        dict.fromkeys(households[:4], Category.POOR) | {households[4]: Category.NEAR_POOR},
        chairman,
    )
    period = open_period(commune, "2024-Q2")
    report = services.report_open(period=period, component=livelihood, user=labour_officer)
    services.report_update(report=report, user=labour_officer, results="Kết quả", problems="", proposals="")
    report = services.report_submit(report=report, user=labour_officer)
    poverty = report.figures["poverty"]
    assert (poverty["poor"], poverty["near_poor"]) == (4, 1)
    assert poverty["round"]["decision_number"] == "1/QĐ-UBND"
    total = poverty["movement"][-1]
    assert total["label"] == "Tổng cộng"
    assert total["end"] == 4


@pytest.mark.parametrize("n", [5, 50])
def test_component_figures_query_count_does_not_grow_with_households(
    n, commune, neighborhood1, plan, nutrition, health_station, django_assert_num_queries
):
    rng = random.Random(n)
    for household in make_households(commune, [neighborhood1], n, rng):
        add_support(nutrition, household, on=datetime.date(2024, 5, 2), user=health_station)
    with django_assert_num_queries(7):
        figures = component_figures([nutrition.pk], *Q2)
    assert figures[nutrition.pk]["support"]["households"] == n


@pytest.mark.parametrize("n", [5, 50])
def test_compiled_figures_query_count_does_not_grow(
    n, commune, neighborhood1, plan, nutrition, health_station, chairman, django_assert_num_queries
):
    rng = random.Random(n)
    households = make_households(commune, [neighborhood1], n, rng)
    approve_round(commune, datetime.date(2023, 12, 20), dict.fromkeys(households, Category.POOR), chairman)
    period = open_period(commune, "2024-Q2")
    # Cold (as a service signing the figures off: stored row missing, computed, stored): period and
    # year to date (support, activities, budget: 7 each; reach: 4 each; funding: 4), the unit reports,
    # targets and the (cold) poverty figures with the commune's place among mergers (its lineage) —
    # the same number at 5 and at 50 households.
    with django_assert_num_queries(60):
        figures = commune_report_figures(period)
    assert figures["poverty"]["poor"] == n
    # Warm: components, the stored rows, unit reports, targets, the poverty key — nothing per row.
    cache.clear()
    with django_assert_num_queries(7):
        assert commune_report_figures(period) == figures | {"taken_on": figures["taken_on"]}


def test_cached_poverty_figures_follow_a_new_household(commune, neighborhood1, plan, chairman):
    from reporting.figures.poverty import poverty_figures

    households = [
        HouseholdFactory(neighborhood=neighborhood1, commune=commune, code=f"N-{i}") for i in range(3)
    ]
    approve_round(commune, datetime.date(2023, 12, 20), dict.fromkeys(households, Category.POOR), chairman)
    on = datetime.date(2024, 6, 30)
    first = poverty_figures(commune, [], on, 2024)["movement"][0]["households"]
    HouseholdFactory(neighborhood=neighborhood1, commune=commune, code="N-new")
    second = poverty_figures(commune, [], on, 2024)["movement"][0]["households"]
    assert (first, second) == (3, 4)


def test_warm_poverty_figures_come_from_the_shared_cache(
    commune, neighborhood1, plan, chairman, django_assert_num_queries
):
    from reporting.figures.poverty import poverty_figures

    households = [
        HouseholdFactory(neighborhood=neighborhood1, commune=commune, code=f"W-{i}") for i in range(3)
    ]
    approve_round(commune, datetime.date(2023, 12, 20), dict.fromkeys(households, Category.POOR), chairman)
    on = datetime.date(2024, 6, 30)
    first = poverty_figures(commune, [], on, 2024)
    cache.clear()  # another process: only the database copy is shared
    with django_assert_num_queries(2):  # the latest round (naming the key), the stored figures
        assert poverty_figures(commune, [], on, 2024) == first


def test_approving_a_round_warms_the_figures_in_the_background(
    commune, neighborhood1, plan, chairman, settings, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from households.models import ReviewRound
    from reporting.models import FigureCache

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    review_round = ReviewRound.objects.create(commune=commune, year=2024, number=1)
    with django_capture_on_commit_callbacks(execute=True):
        review_round.status = "approved"
        review_round.decision_number = "9/QĐ-UBND"
        review_round.decision_date = datetime.date(2024, 12, 20)
        review_round.approved_by = chairman
        review_round.approved_at = timezone.now()
        review_round.save()
    assert FigureCache.objects.filter(key__contains=f":{review_round.pk}:").exists()
