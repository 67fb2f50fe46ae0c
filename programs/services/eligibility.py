"""Who may receive support under a component: plain rules, tested without the database.

The beneficiaries of the program are poor, near-poor and recently escaped households (QĐ 90/QĐ-TTg,
"hộ mới thoát nghèo" — households.status reads the window from the poverty standard). Each catalogue
component carries its rule as data (``programs.models.catalogue.EligibilityRule``):

- standard: those households;
- nutrition (Dự án 3 TDA 2 in QĐ 90): only children under ``child_age_limit`` and mothers of
  children under ``young_child_age_limit`` in such households;
- vocational (Dự án 4 TDA 1 in QĐ 90): also low-income workers from other households.

Who records support (the component's lead officer) is an access rule: ``thoxuan_gnbv.access``.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models

from programs.messages import delivery as msg
from programs.models.catalogue import EligibilityRule

# Generation of each relation to the household head: a mother is one generation above her child.
_GENERATION = {"head": 0, "spouse": 0, "child": 1, "grandchild": 2, "parent": -1}


class EligibilityBasis(models.TextChoices):
    """Why a support record was allowed; kept on the record so reports can count by it."""

    POOR = "poor", "Hộ nghèo"
    NEAR_POOR = "near_poor", "Hộ cận nghèo"
    RECENTLY_ESCAPED = "recently_escaped", "Hộ mới thoát nghèo"
    LOW_INCOME_WORKER = "low_income_worker", "Người lao động có thu nhập thấp"
    EXCEPTION = "exception", "Trường hợp ngoại lệ"


@dataclass(frozen=True)
class Person:
    """What the rules need to know of one household member on the date of support."""

    name: str
    age: int
    sex: str  # households.models.Sex value: "male" / "female"
    relation: str  # households.models.Relation value: "head", "spouse", "child", ...


@dataclass(frozen=True)
class Decision:
    eligible: bool
    basis: str = ""  # an EligibilityBasis value when eligible
    reason: str = ""  # Vietnamese, why not, when not eligible


def age_on(date_of_birth: datetime.date, on_date: datetime.date) -> int:
    """Age in whole years on ``on_date`` (a person born 29/02 turns a year older on 01/03)."""
    years = on_date.year - date_of_birth.year
    if (on_date.month, on_date.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def household_basis(status) -> str:
    """The basis a household's status gives (``households.status.HouseholdStatus``), or ''."""
    if status.category == EligibilityBasis.POOR:
        return EligibilityBasis.POOR
    if status.category == EligibilityBasis.NEAR_POOR:
        return EligibilityBasis.NEAR_POOR
    if status.recently_escaped:
        return EligibilityBasis.RECENTLY_ESCAPED
    return ""


def is_mother_of_young_child(person: Person, household: Iterable[Person], young_child_age_limit: int) -> bool:
    """A woman with a child under ``young_child_age_limit`` one generation below her in the same
    household (the head's or spouse's "con", or a "con"'s "cháu")."""
    if person.sex != "female" or person.relation not in _GENERATION:
        return False
    child_generation = _GENERATION[person.relation] + 1
    return any(
        other.age < young_child_age_limit and _GENERATION.get(other.relation) == child_generation
        for other in household
        if other is not person
    )


def check_eligibility(
    *,
    rule,
    status,
    on_date: datetime.date,
    person: Person | None = None,
    household: Iterable[Person] = (),
    low_income_worker: bool = False,
) -> Decision:
    """Decide whether support under a catalogue component (``rule``: a Project or SubProject, read for
    ``eligibility_rule`` and its age limits) may go to a household (``person`` None) or one member,
    given the household's status on the date of support."""
    day = on_date.strftime("%d/%m/%Y")
    basis = household_basis(status)
    if rule.eligibility_rule == EligibilityRule.VOCATIONAL and not basis:
        if low_income_worker and person is not None:
            return Decision(True, EligibilityBasis.LOW_INCOME_WORKER)
        if low_income_worker:
            return Decision(False, reason=msg.LOW_INCOME_NEEDS_MEMBER)
        return Decision(False, reason=msg.NOT_BENEFICIARY_VOCATIONAL.format(date=day))
    if not basis:
        return Decision(False, reason=msg.NOT_BENEFICIARY.format(date=day))
    if rule.eligibility_rule == EligibilityRule.NUTRITION:
        if person is None:
            return Decision(False, reason=msg.NUTRITION_NEEDS_MEMBER)
        if person.age >= rule.child_age_limit and not is_mother_of_young_child(
            person, household, rule.young_child_age_limit
        ):
            reason = msg.NUTRITION_NOT_CHILD_OR_MOTHER.format(
                child_limit=rule.child_age_limit,
                young_limit=rule.young_child_age_limit,
                name=person.name,
                age=person.age,
            )
            return Decision(False, reason=reason)
    return Decision(True, basis)
