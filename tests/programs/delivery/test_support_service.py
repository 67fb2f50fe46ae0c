"""Recording support: eligibility from the household's status on the date, who records, bad input."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from households.models import Category
from programs import messages as msg
from programs.models import PlanStatus, Support, SupportType
from programs.services.delivery import support_record
from programs.services.eligibility import EligibilityBasis
from tests.factories import NeighborhoodFactory
from tests.programs.delivery.factories import HouseholdFactory, MemberFactory, approve_round, make_plan

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 6, 1)


def record(component, household, user, **overrides):
    values = {
        "component": component,
        "household": household,
        "supported_on": DAY,
        "support_type": SupportType.SEEDLINGS_LIVESTOCK,
        "description": "Hỗ trợ 2 con bò sinh sản",
        "quantity": 2,
        "unit": "con",
        "central_amount": 20_000_000,
        "user": user,
    }
    values.update(overrides)
    return support_record(**values)


def test_agriculture_officer_records_support_to_a_poor_household(
    components, poor_household, agriculture_officer
):
    support = record(components["3.1"], poor_household, agriculture_officer, local_amount="2.000.000")
    assert support.eligibility_basis == EligibilityBasis.POOR
    assert support.total_amount == 22_000_000
    assert support.history.count() == 1
    assert support.history.first().history_type == "+"


def test_support_to_a_household_never_poor_is_refused_and_nothing_written(
    components, average_household, agriculture_officer
):
    with pytest.raises(ValidationError) as caught:
        record(components["3.1"], average_household, agriculture_officer)
    assert caught.value.message_dict["household"] == [msg.NOT_BENEFICIARY.format(date="01/06/2024")]
    assert not Support.objects.exists()


def test_status_is_taken_on_the_date_of_support_not_today(
    components, neighborhood1, chairman, agriculture_officer
):
    household = HouseholdFactory(neighborhood=neighborhood1)
    approve_round(household.commune, datetime.date(2024, 7, 1), {household: Category.POOR}, chairman)
    with pytest.raises(ValidationError):
        record(components["3.1"], household, agriculture_officer, supported_on=datetime.date(2024, 6, 30))
    assert record(components["3.1"], household, agriculture_officer, supported_on=datetime.date(2024, 7, 1))


@pytest.mark.parametrize(("days_after_escape", "eligible"), [(1095, True), (1096, False)])
def test_recently_escaped_household_is_eligible_up_to_day_1095(
    commune, neighborhood1, chairman, labour_officer, agriculture_officer, days_after_escape, eligible
):
    household = HouseholdFactory(neighborhood=neighborhood1)
    escaped_on = datetime.date(2021, 12, 20)
    approve_round(commune, datetime.date(2020, 12, 20), {household: Category.POOR}, chairman)
    approve_round(commune, escaped_on, {household: Category.AVERAGE}, chairman)
    day = escaped_on + datetime.timedelta(days=days_after_escape)
    plan = make_plan(commune, year=day.year, approver=chairman, author=labour_officer)
    component = plan.components.get(subproject__number=1, project__number=3)
    if eligible:
        support = record(component, household, agriculture_officer, supported_on=day)
        assert support.eligibility_basis == EligibilityBasis.RECENTLY_ESCAPED
    else:
        with pytest.raises(ValidationError) as caught:
            record(component, household, agriculture_officer, supported_on=day)
        assert "household" in caught.value.message_dict


def nutrition(components, household, member, health_station, **overrides):
    return record(
        components["3.2"],
        household,
        health_station,
        member=member,
        support_type=SupportType.NUTRITION,
        description="Sữa và vi chất dinh dưỡng",
        quantity=6,
        unit="hộp",
        central_amount=900_000,
        **overrides,
    )


def test_health_station_records_nutrition_for_a_child_of_15_but_not_16(
    components, poor_household, member, health_station
):
    # Born 02/06/2008: 15 on 01/06/2024. Born 31/05/2008: 16 on 01/06/2024.
    assert nutrition(components, poor_household, member("Lê Văn Mười Lăm"), health_station)
    with pytest.raises(ValidationError) as caught:
        nutrition(components, poor_household, member("Lê Văn Mười Sáu"), health_station)
    assert caught.value.message_dict["member"] == [
        msg.NUTRITION_NOT_CHILD_OR_MOTHER.format(
            child_limit=16, young_limit=5, name="Lê Văn Mười Sáu", age=16
        )
    ]


def test_nutrition_for_the_mother_of_a_child_under_5(components, poor_household, member, health_station):
    support = nutrition(components, poor_household, member("Nguyễn Thị Hoa"), health_station)
    assert support.member.full_name == "Nguyễn Thị Hoa"


def test_nutrition_for_the_whole_household_is_refused(components, poor_household, health_station):
    with pytest.raises(ValidationError) as caught:
        nutrition(components, poor_household, None, health_station)
    assert caught.value.message_dict["household"] == [msg.NUTRITION_NEEDS_MEMBER]


def test_other_officers_cannot_record_nutrition(
    components, poor_household, member, labour_officer, agriculture_officer
):
    for user in (labour_officer, agriculture_officer):
        with pytest.raises(ValidationError) as caught:
            nutrition(components, poor_household, member("Lê Thị Na"), user)
        assert caught.value.code == "role"
    assert not Support.objects.exists()


def test_vocational_training_for_a_low_income_worker_of_an_average_household(
    components, average_household, labour_officer
):
    worker = average_household.members.get()
    support = record(
        components["4.1"],
        average_household,
        labour_officer,
        member=worker,
        support_type=SupportType.VOCATIONAL_TRAINING,
        description="Học nghề may công nghiệp 3 tháng",
        unit="khóa",
        low_income_worker=True,
    )
    assert support.eligibility_basis == EligibilityBasis.LOW_INCOME_WORKER


def test_exception_needs_a_written_justification_and_is_listed(
    components, average_household, agriculture_officer
):
    with pytest.raises(ValidationError) as caught:
        record(
            components["3.1"],
            average_household,
            agriculture_officer,
            is_exception=True,
            exception_reason="Khó",
        )
    assert caught.value.message_dict["exception_reason"] == [msg.EXCEPTION_NEEDS_REASON]
    reason = "Hộ bị lũ cuốn mất nhà tháng 5/2024, UBND đề nghị hỗ trợ khẩn cấp"
    support = record(
        components["3.1"], average_household, agriculture_officer, is_exception=True, exception_reason=reason
    )
    assert support.eligibility_basis == EligibilityBasis.EXCEPTION
    assert list(Support.objects.exceptions()) == [support]


def test_exception_flag_on_an_eligible_case_is_dropped(components, poor_household, agriculture_officer):
    support = record(
        components["3.1"], poor_household, agriculture_officer, is_exception=True, exception_reason="x" * 30
    )
    assert not support.is_exception
    assert support.eligibility_basis == EligibilityBasis.POOR


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("central_amount", "-500000", msg.MONEY_NEGATIVE),
        ("local_amount", "1,5", msg.MONEY_NOT_INTEGER),
        ("counterpart_cash", "12.5", msg.MONEY_NOT_INTEGER),
    ],
)
def test_negative_or_fractional_amounts_are_refused_naming_the_field(
    components, poor_household, agriculture_officer, field, value, message
):
    with pytest.raises(ValidationError) as caught:
        record(components["3.1"], poor_household, agriculture_officer, **{field: value})
    assert caught.value.message_dict[field] == [message]
    assert not Support.objects.exists()


def test_date_outside_the_plan_year_is_refused(components, poor_household, agriculture_officer):
    with pytest.raises(ValidationError) as caught:
        record(components["3.1"], poor_household, agriculture_officer, supported_on=datetime.date(2025, 1, 2))
    assert caught.value.message_dict["supported_on"] == [msg.DATE_OUTSIDE_PLAN_YEAR.format(year=2024)]


def test_household_of_another_commune_is_refused(components, other_commune, agriculture_officer):
    stranger = HouseholdFactory(neighborhood=NeighborhoodFactory(commune=other_commune))
    with pytest.raises(ValidationError) as caught:
        record(components["3.1"], stranger, agriculture_officer)
    assert caught.value.message_dict["household"] == [msg.HOUSEHOLD_OTHER_COMMUNE]


def test_member_of_another_household_is_refused(
    components, poor_household, average_household, agriculture_officer
):
    with pytest.raises(ValidationError) as caught:
        record(components["3.1"], poor_household, agriculture_officer, member=average_household.members.get())
    assert caught.value.message_dict["member"] == [msg.MEMBER_NOT_IN_HOUSEHOLD]


def test_support_under_a_plan_not_yet_approved_is_refused(
    commune, chairman, labour_officer, poor_household, agriculture_officer
):
    draft = make_plan(commune, year=2025, approved=False, approver=chairman, author=labour_officer)
    assert draft.status == PlanStatus.DRAFT
    component = draft.components.get(project__number=3, subproject__number=1)
    with pytest.raises(ValidationError) as caught:
        record(component, poor_household, agriculture_officer, supported_on=datetime.date(2025, 3, 1))
    assert caught.value.message_dict["component"] == [msg.PLAN_NOT_APPROVED]


def test_revolving_capital_returned_cannot_exceed_what_is_due(
    components, poor_household, agriculture_officer
):
    with pytest.raises(ValidationError) as caught:
        record(
            components["3.1"],
            poor_household,
            agriculture_officer,
            amount_to_return=5_000_000,
            amount_returned=6_000_000,
        )
    assert caught.value.message_dict["amount_returned"] == [msg.RETURNED_EXCEEDS_DUE]
    support = record(
        components["3.1"],
        poor_household,
        agriculture_officer,
        amount_to_return=5_000_000,
        amount_returned=1_000_000,
    )
    assert support.amount_returned == 1_000_000


def test_member_without_birth_date_cannot_get_nutrition(components, poor_household, health_station):
    undated = MemberFactory(household=poor_household, date_of_birth=None, relation_to_head="grandchild")
    with pytest.raises(ValidationError) as caught:
        nutrition(components, poor_household, undated, health_station)
    assert "ngày sinh" in caught.value.message_dict["member"][0]
