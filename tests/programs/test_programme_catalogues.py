"""Programmes as dated catalogues: the programme in force is picked by the plan's year (QĐ 90/QĐ-TTg for
2021–2025, QĐ 417/QĐ-BNNMT for 2026–2030), a year no programme covers is refused, and copying the 2025 plan
into 2026 maps the components that continue and lists those that do not."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programs.messages import plans as messages
from programs.models import Plan, Program
from programs.services import plan_versions as version_services
from programs.services import plans as services
from programs.services.plan_mapping import map_components
from tests.admin_forms import change_form_data
from tests.programs.factories import (
    NEXT_PROGRAM_CODE,
    PROGRAM_CODE,
    ComponentFactory,
    _messages,
    make_draft,
    next_program,
    program,
    project,
    subproject,
)


@pytest.mark.parametrize(
    ("year", "code"),
    [(2021, PROGRAM_CODE), (2025, PROGRAM_CODE), (2026, NEXT_PROGRAM_CODE), (2030, NEXT_PROGRAM_CODE)],
)
def test_programme_in_force_is_picked_by_year(db, year, code):
    program()
    assert Program.objects.in_force(year).code == code


def test_no_programme_covers_2031_or_2020(db):
    program()
    assert Program.objects.in_force(2031) is None
    assert Program.objects.in_force(2020) is None


def test_the_merged_programme_is_seeded_with_its_basis_and_marked_unconfirmed(db):
    new = next_program()
    assert (new.start_year, new.end_year, new.is_confirmed) == (2026, 2030, False)
    assert "257/2025/QH15" in new.legal_basis and "417/QĐ-BNNMT" in new.decision
    assert "Cần xác nhận" in new.note
    # The nutrition rule of QĐ 90 Dự án 3 TDA 2 is carried to its successor as data.
    nutrition = subproject(3, 2).continued_by
    assert nutrition.project.program == new
    assert (nutrition.eligibility_rule, nutrition.child_age_limit, nutrition.young_child_age_limit) == (
        "nutrition",
        16,
        5,
    )


@pytest.mark.parametrize(("year", "code"), [(2024, PROGRAM_CODE), (2027, NEXT_PROGRAM_CODE)])
def test_plan_created_without_a_programme_takes_the_one_in_force(commune, labour_officer, year, code):
    program()
    plan = services.plan_create(commune=commune, year=year, title=f"KH {year}", user=labour_officer)
    assert plan.program.code == code


def test_plan_year_without_a_programme_is_refused_in_vietnamese(commune, labour_officer):
    program()
    with pytest.raises(ValidationError) as error:
        services.plan_create(commune=commune, year=2031, title="KH 2031", user=labour_officer)
    assert _messages(error.value, "year") == [messages.PLAN_YEAR_NO_PROGRAM.format(year=2031)]
    assert not Plan.objects.exists()


def test_create_page_refuses_a_year_without_programme_naming_it(client_for, commune, labour_officer):
    program()
    response = client_for(labour_officer).post(
        reverse("programs:plan_create"), {"program": "", "year": 2031, "title": "KH 2031"}
    )
    assert response.status_code == 200
    assert "năm 2031" in response.text
    assert not Plan.objects.exists()


def _plan_2025_with_project_1(commune, labour_officer, peoples_committee):
    plan = make_draft(commune, labour_officer, peoples_committee, year=2025, components=3)
    ComponentFactory(plan=plan, position=4, project=project(1), lead_unit=peoples_committee)
    return plan


def test_copy_2025_to_2026_maps_continuing_components_and_drops_the_rest(
    commune, labour_officer, peoples_committee
):
    plan = _plan_2025_with_project_1(commune, labour_officer, peoples_committee)
    copy = version_services.plan_copy_to_next_year(plan=plan, user=labour_officer)
    assert (copy.year, copy.program.code) == (2026, NEXT_PROGRAM_CODE)
    copied = [(c.project.number, c.subproject and c.subproject.number) for c in copy.components.all()]
    # QĐ 90 Dự án 2, 3.1, 3.2 continue as the new Dự án 1, 2.1, 2.2; Dự án 1 (poor districts) does not.
    assert copied == [(1, None), (2, 1), (2, 2)]
    assert {c.project.program_id for c in copy.components.all()} == {copy.program_id}
    mapping = map_components(plan, copy.program)
    assert mapping.not_continued_labels == [str(project(1))]


def test_copy_page_lists_the_components_that_do_not_continue(
    client_for, commune, labour_officer, peoples_committee
):
    plan = _plan_2025_with_project_1(commune, labour_officer, peoples_committee)
    response = client_for(labour_officer).post(
        reverse("programs:plan_copy_to_next_year", args=[plan.pk]), follow=True
    )
    assert response.status_code == 200
    assert "không tiếp tục" in response.text
    assert "Dự án 1:" in response.text
    assert Plan.objects.filter(year=2026, program__code=NEXT_PROGRAM_CODE).exists()


def test_mapping_reads_a_bounded_number_of_queries(
    commune, labour_officer, peoples_committee, django_assert_num_queries
):
    small = make_draft(commune, labour_officer, peoples_committee, year=2025, components=2)
    big = make_draft(commune, labour_officer, peoples_committee, year=2024, components=9)
    new = next_program()
    with django_assert_num_queries(1):
        map_components(small, new)
    with django_assert_num_queries(1):
        map_components(big, new)


def test_admin_confirms_the_programme_and_edits_the_mapping(client_for, admin_user):
    client = client_for(admin_user)
    new = next_program()
    url = reverse("admin:programs_program_change", args=[new.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Cần xác nhận" in page.text
    response = client.post(url, change_form_data(page, is_confirmed="on", note="Đã đối chiếu."))
    assert response.status_code == 302, response.context and response.context["errors"]
    new.refresh_from_db()
    assert new.is_confirmed and new.note == "Đã đối chiếu."
    # Dự án 1 of QĐ 90 is mapped onto the new Dự án 6 in the admin: a copy then carries it on.
    old = project(1)
    url = reverse("admin:programs_project_change", args=[old.pk])
    page = client.get(url)
    target = new.projects.get(number=6)
    response = client.post(url, change_form_data(page, continued_by=str(target.pk)))
    assert response.status_code == 302, response.context and response.context["errors"]
    assert project(1).continued_by == target
