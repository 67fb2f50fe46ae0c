"""The plan's parts through its services: targets and their breakdown, components, report rules, and their
order, each refusal naming its field."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from programs.messages import plans as messages
from programs.models import LegalBasis, PlanComponent, ReportingRule, Target
from programs.services import plan_parts as part_services
from tests.factories import UnitFactory
from tests.programs.factories import _messages, project, subproject


def test_negative_target_quantity_is_refused_and_nothing_changes(draft_plan, labour_officer):
    target = draft_plan.targets.get()
    target.quantity = -3
    with pytest.raises(ValidationError) as error:
        part_services.target_save(target=target, lines=[], user=labour_officer)
    assert _messages(error.value, "quantity") == [messages.TARGET_QUANTITY_NEGATIVE]
    assert Target.objects.get(pk=target.pk).quantity == 8
    assert Target.objects.get(pk=target.pk).lines.count() == 2


def test_breakdown_lines_may_not_exceed_the_target(draft_plan, labour_officer):
    target = draft_plan.targets.get()
    lines = [
        {"label": "a", "quantity": 5, "unit": "hộ", "metric": ""},
        {"label": "b", "quantity": 4, "unit": "hộ", "metric": ""},
    ]
    with pytest.raises(ValidationError) as error:
        part_services.target_save(target=target, lines=lines, user=labour_officer)
    assert _messages(error.value, "quantity") == [messages.TARGET_LINES_EXCEED.format(total=9, quantity=8)]
    assert [line.quantity for line in target.lines.all()] == [2, 6]


def test_target_lines_are_replaced(draft_plan, labour_officer):
    target = draft_plan.targets.get()
    target.quantity = 10
    part_services.target_save(
        target=target,
        lines=[{"label": "hộ có người khuyết tật", "quantity": 3, "unit": "hộ", "metric": ""}],
        user=labour_officer,
    )
    target.refresh_from_db()
    assert target.quantity == 10
    assert [line.sentence for line in target.lines.all()] == ["hộ có người khuyết tật 3 hộ"]


def test_component_deadline_outside_the_plan_year_is_refused(draft_plan, labour_officer, peoples_committee):
    component = PlanComponent(
        plan=draft_plan, project=project(5), lead_unit=peoples_committee, deadline=datetime.date(2025, 3, 31)
    )
    with pytest.raises(ValidationError) as error:
        part_services.plan_part_save(part=component, user=labour_officer)
    assert _messages(error.value, "deadline") == [messages.DEADLINE_OUTSIDE_YEAR.format(year=2024)]
    assert draft_plan.components.count() == 1


def test_subproject_of_another_project_is_refused(draft_plan, labour_officer, peoples_committee):
    component = PlanComponent(
        plan=draft_plan,
        project=project(4),
        subproject=subproject(3, 2),
        lead_unit=peoples_committee,
        deadline=datetime.date(2024, 12, 31),
    )
    with pytest.raises(ValidationError) as error:
        part_services.plan_part_save(part=component, user=labour_officer)
    assert _messages(error.value, "subproject") == [messages.SUBPROJECT_OTHER_PROJECT]


def test_lead_unit_of_another_commune_is_refused(draft_plan, labour_officer, other_commune):
    foreign = UnitFactory(commune=other_commune, name="UBND xã khác")
    component = PlanComponent(
        plan=draft_plan, project=project(5), lead_unit=foreign, deadline=datetime.date(2024, 12, 31)
    )
    with pytest.raises(ValidationError) as error:
        part_services.plan_part_save(part=component, user=labour_officer)
    assert "lead_unit" in error.value.message_dict


def test_report_due_date_outside_the_plan_year_is_refused(draft_plan, labour_officer):
    draft_plan.reporting_rules.filter(period="YEAR").delete()
    rule = ReportingRule(
        plan=draft_plan, period="YEAR", due_date=datetime.date(2025, 1, 10), recipients="UBND"
    )
    with pytest.raises(ValidationError) as error:
        part_services.plan_part_save(part=rule, user=labour_officer)
    assert _messages(error.value, "due_date") == [messages.DUE_DATE_OUTSIDE_YEAR.format(year=2024)]


def test_new_parts_go_last_and_move_up_and_down(draft_plan, labour_officer):
    second = part_services.plan_part_save(
        part=LegalBasis(plan=draft_plan, kind="Quyết định", number="03/QĐ-UBND", issuer="UBND huyện"),
        user=labour_officer,
    )
    first = draft_plan.legal_bases.exclude(pk=second.pk).get()
    assert list(draft_plan.legal_bases.values_list("pk", flat=True)) == [first.pk, second.pk]
    part_services.plan_part_move(part=second, direction="up", user=labour_officer)
    assert list(draft_plan.legal_bases.values_list("pk", flat=True)) == [second.pk, first.pk]
    part_services.plan_part_move(part=second, direction="down", user=labour_officer)
    assert list(draft_plan.legal_bases.values_list("pk", flat=True)) == [first.pk, second.pk]
    with pytest.raises(ValidationError):
        part_services.plan_part_move(part=second, direction="sideways", user=labour_officer)


def test_removing_a_part(draft_plan, labour_officer):
    part_services.plan_part_delete(part=draft_plan.recipients.get(), user=labour_officer)
    assert not draft_plan.recipients.exists()


def test_component_wording_of_deadlines_and_codes(draft_plan, peoples_committee):
    component = PlanComponent(
        plan=draft_plan, project=project(3), subproject=subproject(3, 2), lead_unit=peoples_committee
    )
    for day, text in [
        (datetime.date(2024, 12, 31), "Trong năm 2024"),
        (datetime.date(2024, 9, 30), "Hoàn thành quý III năm 2024"),
        (datetime.date(2024, 8, 15), "Hoàn thành trước ngày 15/08/2024"),
    ]:
        component.deadline = day
        assert component.deadline_text == text
    assert component.code == "3.2"
    assert component.display_title == "Cải thiện dinh dưỡng"


def test_the_same_component_cannot_be_added_twice(draft_plan, labour_officer, peoples_committee):
    existing = draft_plan.components.get()
    twin = PlanComponent(
        plan=draft_plan,
        project=existing.project,
        subproject=existing.subproject,
        lead_unit=peoples_committee,
        deadline=datetime.date(2024, 12, 31),
    )
    with pytest.raises(ValidationError) as error:
        part_services.plan_part_save(part=twin, user=labour_officer)
    assert _messages(error.value, "project") == [messages.COMPONENT_TAKEN]


def test_a_report_period_is_ruled_once(draft_plan, labour_officer):
    rule = ReportingRule(plan=draft_plan, period="Q1", due_date=datetime.date(2024, 3, 20), recipients="UBND")
    with pytest.raises(ValidationError) as error:
        part_services.plan_part_save(part=rule, user=labour_officer)
    assert _messages(error.value, "period") == [messages.REPORTING_PERIOD_TAKEN]
    assert draft_plan.reporting_rules.filter(period="Q1").count() == 1
