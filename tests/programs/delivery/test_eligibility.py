"""The eligibility rules and "who records what", without the database."""

import datetime
from dataclasses import dataclass

import pytest

from programs.messages import delivery as msg
from programs.models.catalogue import EligibilityRule, SubProject
from programs.services.eligibility import (
    EligibilityBasis,
    Person,
    age_on,
    check_eligibility,
    is_mother_of_young_child,
)

DAY = datetime.date(2024, 6, 1)


@dataclass
class Status:
    """Stands in for households.status.HouseholdStatus."""

    category: str = "none"
    recently_escaped: bool = False


# Catalogue entries as the QĐ 90 seed sets them (unsaved: the rules read only their fields).
STANDARD = SubProject(eligibility_rule=EligibilityRule.STANDARD)
NUTRITION = SubProject(
    eligibility_rule=EligibilityRule.NUTRITION, child_age_limit=16, young_child_age_limit=5
)
VOCATIONAL = SubProject(eligibility_rule=EligibilityRule.VOCATIONAL)

POOR = Status("poor")
NEAR_POOR = Status("near_poor")
ESCAPED = Status("average", recently_escaped=True)
NOT_BENEFICIARY = Status("average")


def test_age_counts_whole_years_and_turns_on_the_birthday():
    born = datetime.date(2008, 6, 2)
    assert age_on(born, datetime.date(2024, 6, 1)) == 15
    assert age_on(born, datetime.date(2024, 6, 2)) == 16


def test_leap_day_birthday_ages_on_first_of_march():
    born = datetime.date(2008, 2, 29)
    assert age_on(born, datetime.date(2024, 2, 28)) == 15
    assert age_on(born, datetime.date(2023, 3, 1)) == 15


@pytest.mark.parametrize(
    ("status", "basis"),
    [
        (POOR, EligibilityBasis.POOR),
        (NEAR_POOR, EligibilityBasis.NEAR_POOR),
        (ESCAPED, EligibilityBasis.RECENTLY_ESCAPED),
    ],
)
def test_poor_near_poor_and_recently_escaped_households_are_eligible(status, basis):
    decision = check_eligibility(rule=STANDARD, status=status, on_date=DAY)
    assert decision.eligible
    assert decision.basis == basis


def test_household_neither_poor_nor_recently_escaped_is_refused_with_the_date():
    decision = check_eligibility(rule=STANDARD, status=NOT_BENEFICIARY, on_date=DAY)
    assert not decision.eligible
    assert decision.reason == msg.NOT_BENEFICIARY.format(date="01/06/2024")


def child(age, relation="child"):
    return Person(name=f"Trẻ {age}", age=age, sex="male", relation=relation)


def test_nutrition_helps_a_child_of_15_but_not_of_16():
    fifteen, sixteen = child(15), child(16)
    assert check_eligibility(rule=NUTRITION, status=POOR, on_date=DAY, person=fifteen).eligible
    refused = check_eligibility(rule=NUTRITION, status=POOR, on_date=DAY, person=sixteen)
    assert not refused.eligible
    assert "16 tuổi" in refused.reason


def test_nutrition_needs_a_person_not_the_whole_household():
    decision = check_eligibility(rule=NUTRITION, status=POOR, on_date=DAY)
    assert decision.reason == msg.NUTRITION_NEEDS_MEMBER


def test_nutrition_child_of_a_household_not_in_the_program_is_refused():
    decision = check_eligibility(rule=NUTRITION, status=NOT_BENEFICIARY, on_date=DAY, person=child(3))
    assert not decision.eligible


def test_mother_of_a_child_under_5_is_eligible_for_nutrition_and_of_a_child_of_5_is_not():
    mother = Person("Lê Thị Hoa", 28, "female", "spouse")
    with_baby = [mother, child(4)]
    with_older = [mother, child(5)]
    assert check_eligibility(
        rule=NUTRITION, status=NEAR_POOR, on_date=DAY, person=mother, household=with_baby
    ).eligible
    assert not check_eligibility(
        rule=NUTRITION, status=NEAR_POOR, on_date=DAY, person=mother, household=with_older
    ).eligible


def test_young_mother_living_with_her_parents_counts_her_grandchild_generation():
    daughter = Person("Lê Thị Mai", 22, "female", "child")
    baby = child(1, relation="grandchild")
    assert is_mother_of_young_child(daughter, [daughter, baby], 5)
    # The head's own toddler is the daughter's sibling, not her child.
    assert not is_mother_of_young_child(daughter, [daughter, child(1, relation="child")], 5)


def test_a_father_is_not_a_mother_of_young_children():
    father = Person("Lê Văn Hải", 30, "male", "head")
    assert not is_mother_of_young_child(father, [father, child(2)], 5)


def test_vocational_training_admits_a_low_income_worker_of_another_household():
    worker = Person("Trịnh Văn Long", 24, "male", "child")
    decision = check_eligibility(
        rule=VOCATIONAL, status=NOT_BENEFICIARY, on_date=DAY, person=worker, low_income_worker=True
    )
    assert decision.eligible and decision.basis == EligibilityBasis.LOW_INCOME_WORKER


def test_vocational_training_without_low_income_or_status_is_refused():
    worker = Person("Trịnh Văn Long", 24, "male", "child")
    decision = check_eligibility(rule=VOCATIONAL, status=NOT_BENEFICIARY, on_date=DAY, person=worker)
    assert decision.reason == msg.NOT_BENEFICIARY_VOCATIONAL.format(date="01/06/2024")


def test_low_income_worker_rule_only_opens_vocational_training():
    worker = Person("Trịnh Văn Long", 24, "male", "child")
    decision = check_eligibility(
        rule=STANDARD, status=NOT_BENEFICIARY, on_date=DAY, person=worker, low_income_worker=True
    )
    assert not decision.eligible


def test_poor_household_keeps_its_basis_in_vocational_training():
    decision = check_eligibility(rule=VOCATIONAL, status=POOR, on_date=DAY, person=child(20))
    assert decision.basis == EligibilityBasis.POOR


def test_the_age_limits_are_read_from_the_catalogue_entry():
    # An administrator lowering the child limit to 6 (a hypothetical amendment) changes the decision.
    narrower = SubProject(
        eligibility_rule=EligibilityRule.NUTRITION, child_age_limit=6, young_child_age_limit=2
    )
    refused = check_eligibility(rule=narrower, status=POOR, on_date=DAY, person=child(6))
    assert not refused.eligible
    assert "dưới 6 tuổi" in refused.reason and "con dưới 2 tuổi" in refused.reason
    mother = Person("Lê Thị Hoa", 28, "female", "spouse")
    assert not check_eligibility(
        rule=narrower, status=POOR, on_date=DAY, person=mother, household=[mother, child(3)]
    ).eligible
