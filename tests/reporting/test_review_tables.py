"""The review result tables' figures (reporting.figures.review_tables*): every figure against the
independent count of tests/reporting/review_data.py, the identities on every row, lists, and the
freeze: a household edited after the decision never changes an approved year's tables."""

import pytest

from households.models import Category, Household
from reporting.documents.review_tables import build_review_tables
from tests.reporting.review_data import NEAR, POOR, generate
from tests.reporting.review_data import expected as independent

pytestmark = pytest.mark.django_db

COUNTERS = [
    "p_start", "p_escaped", "p_fell_back", "p_new", "p_end", "p_end_ethnic", "p_end_without_labour",
    "n_start", "n_escaped", "n_to_poor", "n_from_poor", "n_new", "n_end", "n_end_ethnic",
]  # fmt: skip


@pytest.fixture
def history(commune, neighborhood1, neighborhood2, chairman):
    from tests.factories import NeighborhoodFactory

    third = NeighborhoodFactory(commune=commune, name="Khu phố 3", position=3)
    return generate(commune, [neighborhood1, neighborhood2, third], chairman)


def test_every_summary_figure_matches_the_independent_count(commune, history):
    rows, sets, _, _ = independent(commune, 2024)
    tables = build_review_tables(commune, 2024)
    by_label = {row.label: row for row in tables.summary}
    for neighborhood in commune.neighborhoods.all():
        row = by_label[neighborhood.name]
        want = rows[neighborhood.pk]
        assert row.total == want["total"]
        assert {name: row.get(name) for name in COUNTERS} == {name: want[name] for name in COUNTERS}
        assert row.poor_identity_ok and row.near_identity_ok
    total = tables.summary[-1]
    assert total.label == "Tổng cộng" and total.number is None
    assert total.total == len(sets["total"])
    assert total.get("p_end") == len(sets["p_end"]) and total.get("n_end") == len(sets["n_end"])
    # The generated history really has every movement (else this test would prove little).
    assert all(
        sets[name] for name in ("p_escaped", "p_fell_back", "p_new", "n_to_poor", "n_from_poor", "n_new")
    )


def test_rates_are_percent_numbers_of_the_rows_households(commune, history):
    row = build_review_tables(commune, 2024).summary[0]
    assert row.poor_cells()[4] == round(100 * row.get("p_start") / row.total, 2)
    assert isinstance(row.poor_cells()[9], float)


def test_deprivation_and_group_tables_match_plain_counts(commune, history):
    from households.models import PovertyStandard

    _, sets, _, facts = independent(commune, 2024)
    tables = build_review_tables(commune, 2024)
    latest = {}
    for review in (
        commune.review_rounds.get(year=2024, number=1).reviews.all(),
        commune.review_rounds.get(year=2024, number=2).reviews.all(),
    ):
        for r in review:
            latest[r.household_id] = r
    indicators = list(PovertyStandard.objects.in_force(2024).indicators.all())
    assert [row.label for row in tables.indicators] == [i.name for i in indicators]
    for row, indicator in zip(tables.indicators, indicators, strict=True):
        poor = sum(1 for r in latest.values() if r.category == POOR and indicator.code in r.deprivations)
        near = sum(1 for r in latest.values() if r.category == NEAR and indicator.code in r.deprivations)
        assert (row.poor, row.near_poor) == (poor, near)
        assert row.poor_rate == round(100 * poor / len(sets["p_end"]), 2)
    groups = {row.label: row for row in tables.groups}
    want = sum(facts[h].without_labour_capacity for h in sets["p_end"])
    assert groups["Hộ không có khả năng lao động"].poor == want
    assert groups["Hộ có người có công"].near_poor == sum(
        facts[h].has_meritorious_person for h in sets["n_end"]
    )
    assert list(groups) == ["Hộ không có khả năng lao động", "Hộ dân tộc thiểu số", "Hộ có người có công"]


def test_the_four_name_lists_are_exactly_the_households_of_each_definition(commune, history):
    _, sets, _, facts = independent(commune, 2024)
    tables = build_review_tables(commune, 2024)
    wanted = {
        "poor": sets["p_end"],
        "near_poor": sets["n_end"],
        "escaped_poor": sets["p_escaped"],
        "escaped_near_poor": sets["n_escaped"],
    }
    for kind, households in wanted.items():
        rows = list(tables.list_rows(kind))
        assert sorted(r.code for r in rows) == sorted(facts[h].code for h in households)
        assert [r.number for r in rows] == list(range(1, len(rows) + 1))
        positions = [(facts_by_code(facts)[r.code].neighborhood.position, r.code) for r in rows]
        assert positions == sorted(positions)  # khu phố order, then code


def facts_by_code(facts):
    return {h.code: h for h in facts.values()}


def test_a_household_edited_after_the_decision_leaves_the_tables_unchanged(commune, history, neighborhood1):
    before = build_review_tables(commune, 2024)
    poor_row = next(iter(before.list_rows("poor")))
    household = Household.objects.get(code=poor_row.code)
    moved_to = household.neighborhood.commune.neighborhoods.exclude(pk=household.neighborhood_id).first()
    household.neighborhood = moved_to
    household.is_ethnic_minority = not household.is_ethnic_minority
    household.head_name = "Tên Đổi Sau Quyết Định"
    household.save()
    after = build_review_tables(commune, 2024)
    assert [r.poor_cells() for r in after.summary] == [r.poor_cells() for r in before.summary]
    assert [r.near_cells() for r in after.summary] == [r.near_cells() for r in before.summary]
    assert next(iter(after.list_rows("poor"))) == poor_row


def test_a_year_without_an_approved_round_is_refused_in_vietnamese(commune, history):
    from django.core.exceptions import ValidationError

    from reporting import messages

    with pytest.raises(ValidationError) as error:
        build_review_tables(commune, 2019)
    assert error.value.messages == [messages.REVIEW_YEAR_NOT_APPROVED.format(year=2019)]


def test_an_open_round_never_counts(commune, history, labour_officer):
    from households.models import Review, ReviewRound

    before = [r.poor_cells() for r in build_review_tables(commune, 2024).summary]
    draft = ReviewRound.objects.create(commune=commune, year=2024, number=3, opened_by=labour_officer)
    household = Household.objects.filter(commune=commune).first()
    Review.objects.create(
        household=household, round=draft, year=2024, standard=history[1].reviews.first().standard,
        income=500_000, category=Category.POOR,
    )  # fmt: skip
    assert [r.poor_cells() for r in build_review_tables(commune, 2024).summary] == before
