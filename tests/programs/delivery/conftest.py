"""Fixtures of the delivery and budget tests, on top of the personas of the root conftest."""

import datetime

import pytest

from households.models import Category, Relation, Sex
from programs.models import FundingSource
from programs.services.budget import (
    allocation_record,
    estimate_create,
    estimate_line_add,
)
from tests.programs.delivery.factories import (
    HouseholdFactory,
    MemberFactory,
    approve_round,
    components_by_code,
    make_plan,
    make_support,
)

# The decision of the 2023 year-end review, on which the 2024 support rests.
DECIDED_2023 = datetime.date(2023, 12, 20)


@pytest.fixture
def plan(commune, peoples_committee, chairman, labour_officer):
    """The commune's approved 2024 plan with the nine components of the real plan."""
    return make_plan(commune, approver=chairman, author=labour_officer, lead_unit=peoples_committee)


@pytest.fixture
def components(plan):
    return components_by_code(plan)


@pytest.fixture
def poor_household(neighborhood1, chairman):
    """A poor household of khu phố 1 (2023 decision): a mother, her baby, a child of 15, a child of 16."""
    household = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Lê Văn Hải")
    MemberFactory(household=household, full_name="Lê Văn Hải", relation_to_head=Relation.HEAD)
    MemberFactory(
        household=household,
        full_name="Nguyễn Thị Hoa",
        sex=Sex.FEMALE,
        relation_to_head=Relation.SPOUSE,
        date_of_birth=datetime.date(1995, 3, 2),
        is_ethnic_minority=True,
    )
    MemberFactory(
        household=household,
        full_name="Lê Thị Na",
        sex=Sex.FEMALE,
        relation_to_head=Relation.CHILD,
        date_of_birth=datetime.date(2022, 9, 1),
    )
    MemberFactory(
        household=household,
        full_name="Lê Văn Mười Lăm",
        relation_to_head=Relation.CHILD,
        date_of_birth=datetime.date(2008, 6, 2),
    )
    MemberFactory(
        household=household,
        full_name="Lê Văn Mười Sáu",
        relation_to_head=Relation.CHILD,
        date_of_birth=datetime.date(2008, 5, 31),
        has_disability=True,
    )
    approve_round(household.commune, DECIDED_2023, {household: Category.POOR}, chairman)
    return household


@pytest.fixture
def member(poor_household):
    """Returns ``member("Lê Thị Na")``: a member of the poor household by name."""
    return lambda name: poor_household.members.get(full_name=name)


@pytest.fixture
def average_household(neighborhood2, chairman):
    """A household of khu phố 2 that has never been poor."""
    household = HouseholdFactory(neighborhood=neighborhood2, code="KP2-0001", head_name="Trần Văn Khá")
    MemberFactory(household=household, full_name="Trần Văn Khá")
    approve_round(household.commune, DECIDED_2023, {household: Category.AVERAGE}, chairman)
    return household


@pytest.fixture
def support(components, poor_household, agriculture_officer):
    return make_support(components["3.1"], poor_household, agriculture_officer)


@pytest.fixture
def allocation(components, accountant):
    """150.000.000 đ of central budget allocated to 3.1 for 2024."""
    return allocation_record(
        component=components["3.1"],
        source=FundingSource.CENTRAL,
        amount="150.000.000",
        decision_number="03/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 10),
        user=accountant,
    )


@pytest.fixture
def estimate(commune, components, accountant, allocation):
    """A draft 2024 estimate: 120.000.000 đ of the 150.000.000 đ allocated to 3.1 (central)."""
    estimate = estimate_create(
        commune=commune, year=2024, title="Dự toán chi Chương trình năm 2024", user=accountant
    )
    estimate_line_add(
        estimate=estimate,
        component=components["3.1"],
        source=FundingSource.CENTRAL,
        content="Hỗ trợ giống bò sinh sản",
        amount="120.000.000",
        user=accountant,
    )
    return estimate
