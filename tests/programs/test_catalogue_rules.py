"""The catalogue's eligibility rules and default recorders are data: seeded for QĐ 90/QĐ-TTg, read by
the eligibility check and by ``access.delivery_recorder_role``, and kept in the admin."""

import pytest
from django.urls import reverse

from programs.models import PlanComponent, Project, SubProject
from programs.models.catalogue import EligibilityRule
from tests.admin_forms import change_form_data
from tests.programs.factories import program, project, subproject
from thoxuan_gnbv.access import delivery_recorder_role
from thoxuan_gnbv.models import Role

pytestmark = pytest.mark.django_db


def component(project_number, sub_number=None, lead_role=""):
    """An unsaved plan component of the seeded catalogue (the recorder rule reads only its fields)."""
    return PlanComponent(
        project=project(project_number),
        subproject=subproject(project_number, sub_number) if sub_number else None,
        lead_role=lead_role,
    )


@pytest.mark.parametrize(
    ("numbers", "role"),
    [
        ((3, 1), Role.AGRICULTURE_OFFICER),
        ((3, 2), Role.HEALTH_STATION),
        ((6, 1), Role.CULTURE_OFFICER),
        ((2,), Role.LABOUR_OFFICER),
        ((4, 1), Role.LABOUR_OFFICER),
        ((4, 3), Role.LABOUR_OFFICER),
        ((6, 2), Role.LABOUR_OFFICER),
        ((7, 1), Role.LABOUR_OFFICER),
        ((7, 2), Role.LABOUR_OFFICER),
    ],
)
def test_seeded_recorder_records_when_the_plan_names_no_recording_officer(numbers, role):
    assert delivery_recorder_role(component(*numbers)) == role


def test_the_components_lead_role_wins_over_the_catalogue():
    assert (
        delivery_recorder_role(component(2, lead_role=Role.AGRICULTURE_OFFICER)) == Role.AGRICULTURE_OFFICER
    )
    # A lead role that is not a recording officer's (the chairman) falls back to the catalogue.
    assert delivery_recorder_role(component(3, 2, lead_role=Role.CHAIRMAN)) == Role.HEALTH_STATION


def test_changing_the_catalogue_changes_who_records():
    SubProject.objects.filter(pk=subproject(7, 1).pk).update(recorder_role=Role.CULTURE_OFFICER)
    Project.objects.filter(pk=project(2).pk).update(recorder_role=Role.AGRICULTURE_OFFICER)
    assert delivery_recorder_role(component(7, 1)) == Role.CULTURE_OFFICER
    assert delivery_recorder_role(component(2)) == Role.AGRICULTURE_OFFICER


def test_seeded_eligibility_rules_of_qd90():
    nutrition = subproject(3, 2)
    assert (nutrition.eligibility_rule, nutrition.child_age_limit, nutrition.young_child_age_limit) == (
        EligibilityRule.NUTRITION,
        16,
        5,
    )
    assert subproject(4, 1).eligibility_rule == EligibilityRule.VOCATIONAL
    qd90 = SubProject.objects.filter(project__program=program())
    others = qd90.exclude(pk__in=[nutrition.pk, subproject(4, 1).pk])
    assert set(others.values_list("eligibility_rule", flat=True)) == {EligibilityRule.STANDARD}
    projects = Project.objects.filter(program=program())
    assert set(projects.values_list("eligibility_rule", flat=True)) == {EligibilityRule.STANDARD}


def test_nutrition_rule_without_its_age_limits_is_refused():
    entry = subproject(3, 1)
    entry.eligibility_rule = EligibilityRule.NUTRITION
    with pytest.raises(Exception, match="giới hạn tuổi"):
        entry.full_clean()


def test_admin_changes_a_sub_projects_rule_and_recorder(client_for, admin_user):
    client = client_for(admin_user)
    entry = project(3)
    url = reverse("admin:programs_project_change", args=[entry.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Quy tắc đối tượng" in page.text or "quy tắc đối tượng" in page.text
    index = [form.instance.number for form in page.context["inline_admin_formsets"][0].formset.forms].index(1)
    changes = {
        f"subprojects-{index}-eligibility_rule": EligibilityRule.NUTRITION,
        f"subprojects-{index}-child_age_limit": "6",
        f"subprojects-{index}-young_child_age_limit": "2",
        f"subprojects-{index}-recorder_role": Role.HEALTH_STATION,
    }
    response = client.post(url, change_form_data(page, **changes))
    assert response.status_code == 302, response.context and response.context["errors"]
    changed = subproject(3, 1)
    assert (changed.eligibility_rule, changed.child_age_limit, changed.recorder_role) == (
        EligibilityRule.NUTRITION,
        6,
        Role.HEALTH_STATION,
    )
