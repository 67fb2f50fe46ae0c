"""The plan's part pages: bad input answered in Vietnamese, day-first dates, target lines and partner units
saved, moved and removed through the forms."""

import datetime

from django.urls import reverse

from programs.messages import plans as messages
from programs.models import Target


def test_negative_target_on_the_page_is_refused_in_vietnamese(client_for, draft_plan, labour_officer):
    url = reverse("programs:plan_part_create", args=[draft_plan.pk, "targets"])
    data = {
        "action": "Đào tạo nghề",
        "quantity": "-5",
        "unit": "người",
        "text": "",
        "metric": "",
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "10",
    }
    response = client_for(labour_officer).post(url, data)
    assert response.status_code == 200
    assert messages.TARGET_QUANTITY_NEGATIVE in response.text
    assert draft_plan.targets.count() == 1


def test_target_with_breakdown_lines_is_saved_from_the_page(client_for, draft_plan, labour_officer):
    url = reverse("programs:plan_part_create", args=[draft_plan.pk, "targets"])
    data = {
        "action": "Đào tạo nghề cho",
        "quantity": "20",
        "unit": "lao động",
        "text": "thuộc hộ nghèo, cận nghèo",
        "metric": "",
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "10",
        "lines-0-label": "lao động nữ",
        "lines-0-quantity": "12",
        "lines-0-unit": "người",
        "lines-1-label": "",
        "lines-1-quantity": "",
        "lines-1-unit": "hộ",
    }
    response = client_for(labour_officer).post(url, data)
    assert response.status_code == 302
    target = Target.objects.get(plan=draft_plan, quantity=20)
    assert [line.sentence for line in target.lines.all()] == ["lao động nữ 12 người"]


def test_component_deadline_outside_the_year_is_refused_on_the_page(
    client_for, draft_plan, labour_officer, peoples_committee
):
    from tests.programs.factories import project

    url = reverse("programs:plan_part_create", args=[draft_plan.pk, "components"])
    response = client_for(labour_officer).post(
        url,
        {
            "project": project(5).pk,
            "funding_text": "Theo phân bổ",
            "lead_unit": peoples_committee.pk,
            "deadline": "31/03/2025",
        },
    )
    assert response.status_code == 200
    assert messages.DEADLINE_OUTSIDE_YEAR.format(year=2024) in response.text
    assert draft_plan.components.count() == 1


def test_day_first_dates_on_forms(client_for, draft_plan, labour_officer):
    url = reverse("programs:plan_part_create", args=[draft_plan.pk, "bases"])
    client_for(labour_officer).post(
        url,
        {
            "kind": "Quyết định",
            "number": "03/QĐ-UBND",
            "issued_on": "03/04/2024",
            "issuer": "UBND huyện",
            "subject": "",
        },
    )
    assert draft_plan.legal_bases.get(number="03/QĐ-UBND").issued_on == datetime.date(2024, 4, 3)


def test_duplicate_report_period_on_the_page_is_refused_in_vietnamese(client_for, draft_plan, labour_officer):
    response = client_for(labour_officer).post(
        reverse("programs:plan_part_create", args=[draft_plan.pk, "reporting-rules"]),
        {"period": "Q1", "due_date": "20/03/2024", "recipients": "UBND"},
    )
    assert response.status_code == 200
    assert messages.REPORTING_PERIOD_TAKEN in response.text
    assert draft_plan.reporting_rules.count() == 6


def test_component_with_partners_added_moved_and_removed_through_the_page(
    client_for, draft_plan, labour_officer, peoples_committee, health_unit
):
    from tests.programs.factories import project, subproject

    client = client_for(labour_officer)
    response = client.post(
        reverse("programs:plan_part_create", args=[draft_plan.pk, "components"]),
        {
            "project": project(3).pk,
            "subproject": subproject(3, 2).pk,
            "objective": "Cải thiện dinh dưỡng trẻ em.",
            "funding_text": "Theo phân bổ của huyện.",
            "lead_unit": health_unit.pk,
            "lead_role": "health_station",
            "partner_units": [peoples_committee.pk],
            "deadline": "30/09/2024",
        },
    )
    assert response.status_code == 302
    added = draft_plan.components.get(subproject__number=2, project__number=3)
    assert list(added.partner_units.all()) == [peoples_committee]
    assert added.deadline_text == "Hoàn thành quý III năm 2024"
    client.post(reverse("programs:plan_part_move", args=[draft_plan.pk, "components", added.pk, "up"]))
    assert draft_plan.components.order_by("position").first() == added
    client.post(reverse("programs:plan_part_delete", args=[draft_plan.pk, "components", added.pk]))
    assert not draft_plan.components.filter(pk=added.pk).exists()
