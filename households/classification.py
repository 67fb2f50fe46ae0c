"""Classification by the multidimensional poverty standard (NĐ 07/2021 Điều 3; NĐ 351/2025) —
pure functions, no database: the standard's figures come in as ``Thresholds``.

Income first: a household whose income is above the poverty line is never poor or near-poor,
whatever its deprivations. At or below the line it is poor with at least ``deprivation_cutoff``
deprivations, near-poor with fewer. Above the line and up to the average line: average living
standard. Above that: none of the groups.
"""

import datetime
from dataclasses import dataclass

from households.models import AreaType, Category, Sex


@dataclass(frozen=True)
class Thresholds:
    income_line: int
    average_line: int
    deprivation_cutoff: int
    points_line: int | None = None
    points_per_deprivation: int = 10


def thresholds_for(standard, area_type: str) -> Thresholds:
    """The figures of ``standard`` for an urban or rural commune."""
    urban = area_type == AreaType.URBAN
    return Thresholds(
        income_line=standard.urban_income_line if urban else standard.rural_income_line,
        average_line=standard.urban_average_line if urban else standard.rural_average_line,
        deprivation_cutoff=standard.deprivation_cutoff,
        points_line=standard.urban_points_line if urban else standard.rural_points_line,
        points_per_deprivation=standard.points_per_deprivation,
    )


@dataclass(frozen=True)
class WorkingAge:
    """Working age by the Labour Code 2019 (Điều 169): from ``minimum`` to under the retirement age,
    which differs for men and women and rises by a roadmap — so it is the standard's data."""

    minimum: int
    end_male: int
    end_female: int

    def includes(self, age: int, sex: str) -> bool:
        end = self.end_male if sex == Sex.MALE else self.end_female
        return self.minimum <= age < end


def working_age_for(standard) -> WorkingAge:
    """The working-age limits of ``standard`` (a ``PovertyStandard``)."""
    return WorkingAge(
        standard.working_age_min, standard.working_age_end_male, standard.working_age_end_female
    )


def classify(
    thresholds: Thresholds, *, deprivation_count: int, income: int | None = None, score: int | None = None
) -> str:
    """Return the ``Category`` value. ``income`` (đồng/person/month) wins over a Phiếu B ``score``.

    With a score only, a score at or below the points line counts as income at or below the poverty
    line; the standard gives no points band for the average living standard, so above it is NONE."""
    if income is not None:
        if income <= thresholds.income_line:
            return _poor_or_near_poor(thresholds, deprivation_count)
        if income <= thresholds.average_line:
            return Category.AVERAGE
        return Category.NONE
    if score is None:
        raise ValueError("income or score is required")
    if thresholds.points_line is None:
        raise ValueError("the standard has no points line")
    if score <= thresholds.points_line:
        return _poor_or_near_poor(thresholds, deprivation_count)
    return Category.NONE


def _poor_or_near_poor(thresholds: Thresholds, deprivation_count: int) -> str:
    return Category.POOR if deprivation_count >= thresholds.deprivation_cutoff else Category.NEAR_POOR


def age_on(date_of_birth: datetime.date, on: datetime.date) -> int:
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


def is_working_age(
    date_of_birth: datetime.date | None, sex: str, on: datetime.date, working_age: WorkingAge
) -> bool:
    if date_of_birth is None:
        return False
    return working_age.includes(age_on(date_of_birth, on), sex)


@dataclass(frozen=True)
class MemberFacts:
    date_of_birth: datetime.date | None
    sex: str
    able_to_work: bool
    is_ethnic_minority: bool
    is_meritorious: bool


@dataclass(frozen=True)
class HouseholdFlags:
    is_ethnic_minority: bool
    has_meritorious_person: bool
    without_labour_capacity: bool


def derive_flags(members: list[MemberFacts], on: datetime.date, working_age: WorkingAge) -> HouseholdFlags:
    """Flags of a household from its members: without labour capacity = no member of working age
    (the standard's limits) able to work (our reading of NĐ 07/2021/NĐ-CP; cần xác nhận)."""
    return HouseholdFlags(
        is_ethnic_minority=any(m.is_ethnic_minority for m in members),
        has_meritorious_person=any(m.is_meritorious for m in members),
        without_labour_capacity=not any(
            m.able_to_work and is_working_age(m.date_of_birth, m.sex, on, working_age) for m in members
        ),
    )


# Movements between the approved categories of two consecutive years (QĐ 24/2021/QĐ-TTg yearly review;
# counted in the result tables of TT 07/2021/TT-BLĐTBXH as amended by TT 02/2022/TT-BLĐTBXH).
ESCAPED = "escaped"
FELL_BACK = "fell_back"
NEWLY_POOR = "newly_poor"
UNCHANGED = "unchanged"

MOVEMENT_LABELS = {
    ESCAPED: "Thoát nghèo",
    FELL_BACK: "Tái nghèo",
    NEWLY_POOR: "Nghèo phát sinh",
    UNCHANGED: "Không đổi",
}


def poverty_movement(before: str | None, after: str | None, *, was_ever_poor: bool = False) -> str:
    """The movement of a household from one approved year to the next, seen from the poor list.

    ``before``/``after`` are categories (None = not reviewed that year, counted as not poor).
    Escaped: poor → not poor. Fell back: not poor → poor for a household that was poor before
    (tái nghèo). Newly poor: not poor → poor for the first time (nghèo phát sinh)."""
    was_poor = before == Category.POOR
    is_poor = after == Category.POOR
    if was_poor and not is_poor:
        return ESCAPED
    if not was_poor and is_poor:
        return FELL_BACK if was_ever_poor else NEWLY_POOR
    return UNCHANGED


def is_escape(before: str | None, after: str | None) -> bool:
    """An escape as beneficiaries count it: poor → not poor, or near-poor → average/none."""
    if before == Category.POOR:
        return after != Category.POOR
    if before == Category.NEAR_POOR:
        return after in (Category.AVERAGE, Category.NONE)
    return False


def is_setback(before: str | None, after: str | None) -> bool:
    """Back into a worse group: into poor from anything else, or into near-poor from average/none."""
    if after == Category.POOR:
        return before != Category.POOR
    if after == Category.NEAR_POOR:
        return before not in (Category.POOR, Category.NEAR_POOR)
    return False
