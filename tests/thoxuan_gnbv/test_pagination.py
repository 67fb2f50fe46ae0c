"""The one keyset pagination (thoxuan_gnbv.pagination): every row once, in order, forward and back,
ascending or descending, ties on the key broken by id, and a cursor that does not decode opens the
first page instead of failing."""

import datetime

import pytest

from households.models import Household, ReviewRound
from tests.households.factories import HouseholdFactory, approved_round
from thoxuan_gnbv.pagination import decode, encode, keyset_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def households(neighborhood1):
    return [HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-{n:03d}") for n in range(7)]


@pytest.fixture
def make_round(commune, chairman):
    def make(year, number=1, decided=None):
        return approved_round(commune, year, decided=decided, number=number, approver=chairman)

    return make


def _walk_forward(queryset, **options):
    seen, cursor = [], ""
    while True:
        page = keyset_page(queryset, after=cursor, size=3, **options)
        seen.extend(page.items)
        if page.is_last:
            return seen
        cursor = page.next_cursor


def test_walking_forward_visits_every_row_once_in_code_order(households):
    seen = _walk_forward(Household.objects.all())
    assert [h.code for h in seen] == sorted(h.code for h in households)


def test_the_last_page_and_the_way_back(households):
    last = keyset_page(Household.objects.all(), last=True, size=3)
    assert [h.code for h in last.items] == ["KP1-004", "KP1-005", "KP1-006"]
    assert last.is_last and not last.next_cursor and last.previous_cursor
    before = keyset_page(Household.objects.all(), before=last.previous_cursor, size=3)
    assert [h.code for h in before.items] == ["KP1-001", "KP1-002", "KP1-003"]
    assert not before.is_first and not before.is_last


def test_first_page_knows_it_is_first_and_has_a_next_cursor(households):
    page = keyset_page(Household.objects.all(), size=3)
    assert page.is_first and not page.is_last and not page.previous_cursor
    assert decode(page.next_cursor) == ("KP1-002", households[2].pk)


def test_descending_date_key_breaks_ties_by_id(make_round):
    same_day = datetime.date(2024, 12, 20)
    rounds = [make_round(2024, number=n, decided=same_day) for n in (1, 2, 3)]
    rounds += [make_round(2023), make_round(2025)]
    queryset = ReviewRound.objects.all()
    seen = _walk_forward(queryset, key="decision_date", descending=True)
    expected = sorted(rounds, key=lambda r: (r.decision_date, r.pk), reverse=True)
    assert [r.pk for r in seen] == [r.pk for r in expected]


def test_a_date_cursor_round_trips_through_the_field(make_round):
    review_round = make_round(2024)
    field = ReviewRound._meta.get_field("decision_date")
    assert decode(encode(review_round, "decision_date"), field) == (
        review_round.decision_date,
        review_round.pk,
    )


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!",
        "WyJ4Il0",  # ["x"]: one value, not two
        "WyJub3QtYS1kYXRlIiwgMV0",  # ["not-a-date", 1]
        "WyIyMDI0LTAxLTAxIiwgImFiYyJd",  # ["2024-01-01", "abc"]
    ],
)
def test_a_cursor_that_does_not_decode_opens_the_first_page(make_round, cursor):
    make_round(2024)
    page = keyset_page(ReviewRound.objects.all(), key="decision_date", descending=True, after=cursor)
    assert page.is_first and len(page.items) == 1
    before = keyset_page(ReviewRound.objects.all(), key="decision_date", before=cursor)
    assert len(before.items) == 1
