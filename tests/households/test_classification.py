"""Classification at every boundary (NĐ 07/2021, NĐ 351/2025), as data from the seeded standards."""

import datetime

import pytest

from households.classification import (
    MemberFacts,
    Thresholds,
    WorkingAge,
    classify,
    derive_flags,
    thresholds_for,
    working_age_for,
)
from households.models import AreaType, Category, PovertyStandard, Sex

pytestmark = pytest.mark.django_db


def seeded(year, area):
    return thresholds_for(PovertyStandard.objects.in_force(year), area)


@pytest.mark.parametrize(
    ("year", "area", "line", "average"),
    [
        (2024, AreaType.URBAN, 2_000_000, 3_000_000),
        (2024, AreaType.RURAL, 1_500_000, 2_250_000),
        (2026, AreaType.URBAN, 2_000_000, 3_000_000),
        (2027, AreaType.URBAN, 2_800_000, 4_200_000),
        (2027, AreaType.RURAL, 2_200_000, 3_300_000),
    ],
)
def test_seeded_standard_in_force_for_the_year_gives_the_decree_lines(year, area, line, average):
    thresholds = seeded(year, area)
    assert (thresholds.income_line, thresholds.average_line, thresholds.deprivation_cutoff) == (
        line,
        average,
        3,
    )


@pytest.mark.parametrize("year", [2024, 2027])
@pytest.mark.parametrize("area", [AreaType.URBAN, AreaType.RURAL])
def test_income_boundaries_around_the_poverty_line(year, area):
    t = seeded(year, area)
    # At the line: still in the poor/near-poor group; the deprivation count decides between them.
    assert classify(t, deprivation_count=3, income=t.income_line) == Category.POOR
    assert classify(t, deprivation_count=2, income=t.income_line) == Category.NEAR_POOR
    assert classify(t, deprivation_count=3, income=t.income_line - 1) == Category.POOR
    assert classify(t, deprivation_count=2, income=t.income_line - 1) == Category.NEAR_POOR
    # Just above the line: never poor, whatever the deprivations.
    assert classify(t, deprivation_count=12, income=t.income_line + 1) == Category.AVERAGE
    assert classify(t, deprivation_count=0, income=t.income_line + 1) == Category.AVERAGE


@pytest.mark.parametrize("year", [2024, 2027])
@pytest.mark.parametrize("area", [AreaType.URBAN, AreaType.RURAL])
def test_income_boundaries_around_the_average_line(year, area):
    t = seeded(year, area)
    assert classify(t, deprivation_count=5, income=t.average_line - 1) == Category.AVERAGE
    assert classify(t, deprivation_count=5, income=t.average_line) == Category.AVERAGE
    assert classify(t, deprivation_count=5, income=t.average_line + 1) == Category.NONE


def test_same_income_is_poor_in_a_rural_commune_and_average_in_a_town_in_2024():
    income = 1_800_000
    assert classify(seeded(2024, AreaType.RURAL), deprivation_count=3, income=income) == Category.AVERAGE
    assert classify(seeded(2024, AreaType.URBAN), deprivation_count=3, income=income) == Category.POOR


def test_2027_standard_makes_a_2024_average_household_poor():
    income = 2_500_000  # urban: above the 2,000,000 line of 2024, below the 2,800,000 line of 2027
    assert classify(seeded(2024, AreaType.URBAN), deprivation_count=3, income=income) == Category.AVERAGE
    assert classify(seeded(2027, AreaType.URBAN), deprivation_count=3, income=income) == Category.POOR


def test_2026_still_uses_the_2022_standard_and_2027_the_new_one():
    assert PovertyStandard.objects.in_force(2026).legal_basis == "Nghị định 07/2021/NĐ-CP"
    assert PovertyStandard.objects.in_force(2027).legal_basis == "Nghị định 351/2025/NĐ-CP"
    assert not PovertyStandard.objects.in_force(2027).is_confirmed


@pytest.mark.parametrize(("area", "points"), [(AreaType.URBAN, 175), (AreaType.RURAL, 140)])
def test_phieu_b_points_line(area, points):
    t = seeded(2024, area)
    assert t.points_line == points
    assert classify(t, deprivation_count=3, score=points) == Category.POOR
    assert classify(t, deprivation_count=2, score=points - 1) == Category.NEAR_POOR
    assert classify(t, deprivation_count=3, score=points + 1) == Category.NONE


def test_income_wins_over_a_score_when_both_are_given():
    t = seeded(2024, AreaType.URBAN)
    assert classify(t, deprivation_count=4, income=2_500_000, score=100) == Category.AVERAGE


def test_every_seeded_standard_has_its_indicators_with_their_conditions():
    # NĐ 07/2021: 12 indicators; NĐ 351/2025 from 2027: 13 (one dropped, two added).
    counts = {
        standard.valid_from.year: standard.indicators.count() for standard in PovertyStandard.objects.all()
    }
    assert counts == {2022: 12, 2027: 13}
    for standard in PovertyStandard.objects.all():
        assert all(len(i.condition) > 20 for i in standard.indicators.all())
    assert "8 m²" in PovertyStandard.objects.in_force(2024).indicators.get(code="housing_area").condition


def test_cutoff_is_data_not_code():
    t = Thresholds(income_line=1_000, average_line=1_500, deprivation_cutoff=4)
    assert classify(t, deprivation_count=3, income=900) == Category.NEAR_POOR
    assert classify(t, deprivation_count=4, income=900) == Category.POOR


LABOUR_CODE_2019 = WorkingAge(minimum=15, end_male=62, end_female=60)


def test_household_without_a_working_age_member_able_to_work_is_without_labour_capacity():
    on = datetime.date(2024, 6, 1)
    elderly = MemberFacts(datetime.date(1950, 1, 1), Sex.MALE, True, False, False)
    unable_adult = MemberFacts(datetime.date(1990, 1, 1), Sex.FEMALE, False, False, False)
    able_adult = MemberFacts(datetime.date(1990, 1, 1), Sex.FEMALE, True, True, False)
    child = MemberFacts(datetime.date(2012, 1, 1), Sex.MALE, True, False, False)
    assert derive_flags([elderly, unable_adult, child], on, LABOUR_CODE_2019).without_labour_capacity
    flags = derive_flags([elderly, able_adult], on, LABOUR_CODE_2019)
    assert not flags.without_labour_capacity
    assert flags.is_ethnic_minority


def test_working_age_ends_at_the_standards_retirement_age_for_each_sex():
    on = datetime.date(2024, 6, 1)
    man_61 = MemberFacts(datetime.date(1962, 6, 2), Sex.MALE, True, False, False)
    woman_60 = MemberFacts(datetime.date(1964, 6, 1), Sex.FEMALE, True, False, False)
    assert not derive_flags([man_61], on, LABOUR_CODE_2019).without_labour_capacity
    assert derive_flags([woman_60], on, LABOUR_CODE_2019).without_labour_capacity
    # A later step of the roadmap (women working to 61) changes the result with no code change.
    assert not derive_flags([woman_60], on, WorkingAge(15, 62, 61)).without_labour_capacity


@pytest.mark.django_db
@pytest.mark.parametrize("year", [2024, 2028])
def test_both_seeded_standards_carry_the_window_and_working_age_marked_to_confirm(year):
    standard = PovertyStandard.objects.in_force(year)
    assert standard.recently_escaped_days == 1095
    assert working_age_for(standard) == WorkingAge(minimum=15, end_male=62, end_female=60)
    assert "Cần xác nhận: tuổi lao động" in standard.note


@pytest.mark.django_db
def test_working_age_is_read_from_the_standard_when_a_household_is_refreshed(
    commune, neighborhood1, labour_officer
):
    from django.utils import timezone

    from households.models import Household
    from households.services.registry import household_refresh
    from tests.households.factories import HouseholdFactory, MemberFactory

    household = HouseholdFactory(neighborhood=neighborhood1)
    today = timezone.localdate()
    MemberFactory(
        household=household,
        date_of_birth=today.replace(year=today.year - 61, day=1) - datetime.timedelta(days=1),
        sex=Sex.FEMALE,
        able_to_work=True,
    )
    household_refresh(household)
    assert Household.objects.get(pk=household.pk).without_labour_capacity
    PovertyStandard.objects.update(working_age_end_female=65)
    household_refresh(household)
    assert not Household.objects.get(pk=household.pk).without_labour_capacity
