"""Household status on a date, movements between approved years, the movement table's identity,
and the escaped-poor counts the plan's target is measured against."""

import datetime

import pytest

from households import queries
from households.models import Category, Household, PovertyStandard
from households.status import status_on, statuses_on
from tests.households.factories import HouseholdFactory, add_result, approved_round

pytestmark = pytest.mark.django_db
P, N, A, X = Category.POOR, Category.NEAR_POOR, Category.AVERAGE, Category.NONE


def history(commune, neighborhood, rounds, categories, **household):
    house = HouseholdFactory(neighborhood=neighborhood, **household)
    for review_round, category in zip(rounds, categories, strict=True):
        if category is not None:
            add_result(review_round, house, category)
    return house


@pytest.fixture
def rounds(commune):
    return [approved_round(commune, year) for year in (2022, 2023, 2024)]


def test_status_comes_from_the_latest_round_decided_on_or_before_the_date(commune, neighborhood1, rounds):
    house = history(commune, neighborhood1, rounds, [P, P, N])
    assert status_on(house, datetime.date(2022, 12, 19)).category == X  # before any decision
    assert status_on(house, datetime.date(2022, 12, 20)).category == P
    later = status_on(house, datetime.date(2025, 1, 10))
    assert later.category == N
    assert later.escaped_on == datetime.date(2024, 12, 20)
    assert later.recently_escaped and later.is_beneficiary


def test_recently_escaped_lasts_1095_days(commune, neighborhood1, rounds):
    house = history(commune, neighborhood1, rounds, [P, A, A])
    escaped = datetime.date(2023, 12, 20)
    assert status_on(house, escaped + datetime.timedelta(days=1095)).recently_escaped
    late = status_on(house, escaped + datetime.timedelta(days=1096))
    assert not late.recently_escaped
    assert not late.is_beneficiary


def test_recently_escaped_window_is_the_standards_in_force_on_the_date(
    commune, neighborhood1, rounds, django_assert_num_queries
):
    house = history(commune, neighborhood1, rounds, [P, A, A])
    day = datetime.date(2023, 12, 20) + datetime.timedelta(days=400)
    assert status_on(house, day).recently_escaped
    PovertyStandard.objects.filter(valid_from__year=2022).update(recently_escaped_days=365)
    with django_assert_num_queries(1):  # the window rides on the reviews' query
        assert not status_on(house, day).recently_escaped
    assert not statuses_on(Household.objects.filter(pk=house.pk), day)[house.pk].recently_escaped
    # On a date of the 2027–2030 standard, that standard's window counts (1,117 days after the escape).
    assert not status_on(house, datetime.date(2027, 1, 10)).recently_escaped
    PovertyStandard.objects.filter(valid_from__year=2027).update(recently_escaped_days=1500)
    assert status_on(house, datetime.date(2027, 1, 10)).recently_escaped


def test_near_poor_rising_to_average_counts_as_escaped(commune, neighborhood1, rounds):
    house = history(commune, neighborhood1, rounds, [N, N, A])
    assert status_on(house, datetime.date(2025, 1, 1)).escaped_on == datetime.date(2024, 12, 20)


def test_falling_back_clears_the_escape(commune, neighborhood1, rounds):
    house = history(commune, neighborhood1, rounds, [P, A, P])
    status = status_on(house, datetime.date(2025, 1, 1))
    assert status.category == P
    assert status.escaped_on is None and not status.recently_escaped


def test_unapproved_rounds_do_not_count(commune, neighborhood1, rounds):
    from households.models import ReviewRound

    house = history(commune, neighborhood1, rounds, [None, None, None])
    open_round = ReviewRound.objects.create(commune=commune, year=2025)
    add_result(open_round, house, P)
    assert status_on(house, datetime.date(2026, 1, 1)).category == X


def test_bulk_statuses_match_single_statuses_in_one_query(
    commune, neighborhood1, rounds, django_assert_num_queries
):
    houses = [
        history(commune, neighborhood1, rounds, pattern)
        for pattern in ([P, P, N], [P, A, A], [None, None, None], [N, N, P])
    ]
    on = datetime.date(2025, 1, 1)
    with django_assert_num_queries(2):
        bulk = statuses_on(Household.objects.all(), on)
    assert bulk == {h.pk: status_on(h, on) for h in houses}


def test_movements_between_two_approved_years(commune, neighborhood1, rounds):
    escaped = history(commune, neighborhood1, rounds, [P, P, N])
    fell_back = history(commune, neighborhood1, rounds, [P, A, P])
    newly = history(commune, neighborhood1, rounds, [N, N, P])
    unchanged = history(commune, neighborhood1, rounds, [P, P, P])
    history(commune, neighborhood1, rounds, [X, X, X])
    movements = queries.household_movements(commune, 2024)
    assert movements == {
        escaped.pk: "escaped",
        fell_back.pk: "fell_back",
        newly.pk: "newly_poor",
        unchanged.pk: "unchanged",
    }


def test_a_household_new_in_the_year_and_poor_is_newly_poor(commune, neighborhood1, rounds):
    house = history(commune, neighborhood1, rounds, [None, None, P])
    assert queries.household_movements(commune, 2024) == {house.pk: "newly_poor"}


def test_a_household_not_reviewed_keeps_its_last_approved_category(commune, neighborhood1, rounds):
    house = history(commune, neighborhood1, rounds, [P, P, None])
    assert queries.categories_in(commune, 2024)[house.pk] == P
    assert queries.household_movements(commune, 2024) == {house.pk: "unchanged"}


def test_escaped_poor_counts_split_by_labour_capacity(commune, neighborhood1, rounds):
    history(commune, neighborhood1, rounds, [P, P, N], without_labour_capacity=True)
    history(commune, neighborhood1, rounds, [P, P, A])
    history(commune, neighborhood1, rounds, [P, P, X])
    history(commune, neighborhood1, rounds, [N, N, A])  # near-poor rising is not a poor household escaping
    history(commune, neighborhood1, rounds, [P, P, P], without_labour_capacity=True)
    assert queries.escaped_poor_counts(commune, 2024) == {
        "total": 3,
        "without_labour_capacity": 1,
        "with_labour_capacity": 2,
    }


def test_movement_table_rows_per_khu_pho_hold_the_identity(commune, neighborhood1, neighborhood2, rounds):
    history(commune, neighborhood1, rounds, [P, P, N], is_ethnic_minority=True)
    history(commune, neighborhood1, rounds, [P, P, P])
    history(commune, neighborhood1, rounds, [X, X, X])
    history(commune, neighborhood1, rounds, [None, None, X])
    history(commune, neighborhood2, rounds, [P, A, P], is_ethnic_minority=True)
    history(commune, neighborhood2, rounds, [N, N, P])
    rows = queries.movement_table(commune, 2024)
    first, second, total = rows
    assert (first.label, first.households, first.start, first.escaped, first.end) == ("Khu phố 1", 4, 2, 1, 1)
    assert (first.start_ethnic, first.escaped_ethnic, first.end_ethnic) == (1, 1, 0)
    assert first.start_rate == 0.5 and first.end_rate == 0.25
    assert (second.start, second.fell_back, second.newly_poor, second.end) == (0, 1, 1, 2)
    assert second.fell_back_ethnic == 1
    assert total.label == "Tổng cộng"
    assert (total.households, total.start, total.escaped, total.fell_back, total.newly_poor, total.end) == (
        6,
        2,
        1,
        1,
        1,
        3,
    )
    assert all(row.identity_ok for row in rows)


def test_identity_check_catches_inconsistent_figures():
    from households.queries import MovementRow

    row = MovementRow(label="x", neighborhood_id=1, start=5, escaped=2, fell_back=1, newly_poor=0, end=5)
    assert not row.identity_ok


def test_movement_table_of_the_near_poor_list(commune, neighborhood1, rounds):
    history(commune, neighborhood1, rounds, [N, N, A])
    history(commune, neighborhood1, rounds, [P, P, N])
    total = queries.movement_table(commune, 2024, Category.NEAR_POOR)[-1]
    assert (total.start, total.escaped, total.newly_poor, total.end) == (1, 1, 1, 1)
