"""The admin records a merger through the service: households move with it, and a bad merger comes
back on the form in Vietnamese with nothing written."""

import pytest
from django.urls import reverse

from households.models import CommuneMerger, Household
from tests.households.factories import HouseholdFactory

pytestmark = pytest.mark.django_db


def _post(client, admin_user, **data):
    client.force_login(admin_user)
    form = {"effective_on": "01/07/2025", "resolution_number": "1686/NQ-UBTVQH15", "note": "", **data}
    return client.post(reverse("admin:households_communemerger_add"), form)


def test_the_admin_merger_moves_the_households(client, admin_user, commune, other_commune, neighborhood1):
    household = HouseholdFactory(neighborhood=neighborhood1, code="A-1")
    response = _post(client, admin_user, successor=other_commune.pk, predecessors=[commune.pk])
    assert response.status_code == 302
    merger = CommuneMerger.objects.get()
    assert list(merger.predecessors.all()) == [commune]
    assert Household.objects.get(pk=household.pk).commune == other_commune


def test_the_admin_refuses_a_successor_among_its_predecessors(client, admin_user, commune, other_commune):
    response = _post(client, admin_user, successor=commune.pk, predecessors=[commune.pk, other_commune.pk])
    assert response.status_code == 200
    assert "không được nằm trong các đơn vị trước sắp xếp" in response.content.decode()
    assert not CommuneMerger.objects.exists()
