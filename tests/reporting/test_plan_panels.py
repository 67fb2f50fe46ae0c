"""reporting fills the plan pages' document links through the "plan_actions" and "plan_list_item"
panels (the programs templates name no reporting URL)."""

import pytest
from django.urls import reverse

from reporting.navigation import plan_document_panel
from tests.factories import UserFactory
from tests.programs.factories import make_approved

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved_plan(commune, labour_officer, vice_chairman, peoples_committee):
    return make_approved(commune, labour_officer, vice_chairman, peoples_committee)


@pytest.mark.parametrize("persona", ["chairman", "labour_officer", "head1", "upper_viewer"])
def test_plan_page_and_list_show_the_document_links_to_plan_readers(
    request, client_for, approved_plan, persona
):
    client = client_for(request.getfixturevalue(persona))
    pdf = reverse("reporting:plan_pdf", args=[approved_plan.pk])
    document = reverse("reporting:plan_document", args=[approved_plan.pk])
    detail = client.get(reverse("programs:plan_detail", args=[approved_plan.pk])).text
    assert f'href="{pdf}" data-testid="pdf-link"' in detail and f'href="{document}"' in detail
    listing = client.get(reverse("programs:plan_list")).text
    assert f'href="{pdf}"' in listing and f'href="{document}"' in listing


def test_the_panel_gives_nothing_to_a_user_who_may_not_read_plans(rf, approved_plan, chairman):
    no_role_user = UserFactory(username="khach", role="")
    provider = plan_document_panel(buttons=True)
    refused = rf.get("/")
    refused.user = no_role_user
    assert provider(refused, approved_plan) is None
    allowed = rf.get("/")
    allowed.user = chairman
    assert provider(allowed, approved_plan) == (
        "reporting/includes/plan_document_links.html",
        {"plan": approved_plan, "buttons": True},
    )
