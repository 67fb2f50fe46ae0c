"""Household codes suggested per khu phố (``KP1-0036``), overridable; exactly one head per household
(the form, the service and a partial unique index)."""

import html
import re

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from households import messages
from households.models import Household, Member, Neighborhood, Relation
from households.services import registry
from households.services.household_codes import MAX_TRIES, suggest_code, suggest_codes
from tests.factories import NeighborhoodFactory
from tests.households.factories import HouseholdFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_the_next_code_of_a_khu_pho_follows_its_highest_number(neighborhood1, neighborhood2):
    for number in (1, 35, 7):
        HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-{number:04d}")
    HouseholdFactory(neighborhood=neighborhood2, code="KP2-0100")
    assert suggest_code(neighborhood1) == "KP1-0036"
    assert suggest_codes([neighborhood1, neighborhood2]) == {
        neighborhood1.pk: "KP1-0036",
        neighborhood2.pk: "KP2-0101",
    }


def test_a_khu_pho_without_households_starts_at_one(commune):
    from tests.factories import NeighborhoodFactory

    empty = NeighborhoodFactory(commune=commune, name="Khu phố 7", position=7)
    assert suggest_code(empty) == "KP7-0001"


def reference_suggestion(neighborhood) -> str:
    """The rule spelled out in plain Python over every code, one khu phố at a time: what
    ``suggest_codes`` must answer with its three queries."""
    households = Household.objects.filter(commune_id=neighborhood.commune_id)
    mine = [h for h in households if h.neighborhood_id == neighborhood.pk]
    latest = max(mine, key=lambda h: h.id).code if mine else ""
    found = re.match(r"^(.+)-(\d+)$", latest)
    prefix = found.group(1) if found else f"KP{neighborhood.position or neighborhood.pk}"
    codes = {h.code for h in households}
    # The database compares codes byte by byte (SQLite BINARY, PostgreSQL C collation), as Python does.
    in_range = [code for code in codes if f"{prefix}-" <= code < f"{prefix}-:"]
    found = re.match(r"^(.+)-(\d+)$", max(in_range, default=""))
    number, width = (int(found.group(2)) + 1, len(found.group(2))) if found else (1, 4)
    for candidate in range(number, number + MAX_TRIES):
        if f"{prefix}-{candidate:0{width}d}" not in codes:
            return f"{prefix}-{candidate:0{width}d}"
    return ""


def khu_pho_with_codes(commune, position, *codes):
    neighborhood = NeighborhoodFactory(commune=commune, name=f"Khu phố {position}", position=position)
    for code in codes:  # in this order, so the last one is the most recently added
        HouseholdFactory(neighborhood=neighborhood, code=code)
    return neighborhood


def test_suggestions_cost_three_queries_whatever_the_number_of_khu_pho(commune, django_assert_num_queries):
    # Each khu phố has a number taken past a width change, so the suggestion skips one.
    neighborhoods = [
        khu_pho_with_codes(commune, position, f"KP{position}-9999", f"KP{position}-10000")
        for position in range(1, 6)
    ]
    for count in (2, 5):
        with django_assert_num_queries(3):
            suggestions = suggest_codes(neighborhoods[:count])
        assert list(suggestions.values()) == [f"KP{p}-10001" for p in range(1, count + 1)]
        # The form's queryset of khu phố is itself the first query: still three.
        with django_assert_num_queries(3):
            suggest_codes(Neighborhood.objects.filter(pk__in=[n.pk for n in neighborhoods[:count]]))


def test_suggestions_match_the_rule_computed_khu_pho_by_khu_pho(commune, other_commune):
    taken_up_to_max = [f"KP9-{n:04d}" for n in range(1, MAX_TRIES + 1)]
    neighborhoods = [
        khu_pho_with_codes(commune, 1, "KP1-0001", "KP1-0035", "KP1-0007"),  # highest, not latest
        khu_pho_with_codes(commune, 10, "KP10-0500"),  # "KP1" must not read "KP10-…"
        khu_pho_with_codes(commune, 2),  # no household: KP<thứ tự>
        khu_pho_with_codes(commune, 3, "TD-0005", "nhập tay 12"),  # latest code has no number
        khu_pho_with_codes(commune, 4, "TX-07"),  # width 2
        khu_pho_with_codes(commune, 5, "KP5-00099"),  # width 5, grows to 00100
        khu_pho_with_codes(commune, 6, "KP6-9999", "KP6-10000", "KP6-10001"),  # taken past the top
        khu_pho_with_codes(commune, 7, "KP7-0001", "KP7-0002", "KP7-0035a"),  # top has no number
        khu_pho_with_codes(commune, 8, "KP8-0003", "A-B-0007"),  # prefix with a "-" inside
        khu_pho_with_codes(commune, 9, *taken_up_to_max, "KP9-0020z"),  # all tries taken: ""
        khu_pho_with_codes(commune, 11, "KP1-0002"),  # khu phố 1's scheme: the same suggestion
        khu_pho_with_codes(commune, 0),  # no position: KP<pk>
    ]
    # Another commune's codes of the same prefixes are neither the top nor taken here.
    elsewhere = NeighborhoodFactory(commune=other_commune, name="Khu phố 1", position=1)
    for code in ("KP1-0036", "KP1-0900", "KP2-0001", "KP7-0036", "KP9-0021", "KP9-0099"):
        HouseholdFactory(neighborhood=elsewhere, code=code)

    expected = {n.pk: reference_suggestion(n) for n in neighborhoods}
    assert suggest_codes(neighborhoods) == expected
    queryset = Neighborhood.objects.filter(pk__in=[n.pk for n in neighborhoods]).order_by("position")
    assert suggest_codes(queryset) == expected
    assert [suggest_code(n) for n in neighborhoods] == list(expected.values())
    # The reference itself is checked against the cases spelled out.
    assert list(expected.values()) == [
        "KP1-0036",
        "KP10-0501",
        "KP2-0001",
        "KP3-0001",
        "TX-08",
        "KP5-00100",
        "KP6-10002",
        "KP7-0003",
        "A-B-0008",
        "",
        "KP1-0036",
        f"KP{neighborhoods[-1].pk}-0001",
    ]


def test_the_form_offers_the_suggestion_and_a_blank_code_takes_it(client_for, labour_officer, neighborhood1):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0035")
    client = client_for(labour_officer)
    page = client.get(reverse("households:household_create"))
    assert "KP1-0036" in html.unescape(page.text) and "households-code.js" in page.text
    data = {"neighborhood": neighborhood1.pk, "code": "", "head_name": "Lê Thị Mai"}
    response = client.post(reverse("households:household_create"), data)
    assert response.status_code == 302
    assert Household.objects.get(head_name="Lê Thị Mai").code == "KP1-0036"


def test_the_add_page_costs_the_same_queries_whatever_the_number_of_khu_pho(
    client_for, labour_officer, neighborhood1
):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0035")
    client = client_for(labour_officer)
    url = reverse("households:household_create")
    client.get(url)  # session and caches warm
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for position in range(2, 8):
        khu_pho_with_codes(neighborhood1.commune, position, f"KP{position}-0001", f"KP{position}-0002")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(few) == len(many)
    assert "KP7-0003" in html.unescape(response.text)


def test_a_typed_code_overrides_the_suggestion(client_for, labour_officer, neighborhood1):
    data = {"neighborhood": neighborhood1.pk, "code": "KP1-9000", "head_name": "Lê Thị Mai"}
    client_for(labour_officer).post(reverse("households:household_create"), data)
    assert Household.objects.get(head_name="Lê Thị Mai").code == "KP1-9000"


def test_a_suggestion_taken_meanwhile_is_a_form_error_not_a_500(
    client_for, labour_officer, neighborhood1, monkeypatch
):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001")
    monkeypatch.setattr(registry, "suggest_code", lambda neighborhood: "KP1-0001")  # another officer won
    data = {"neighborhood": neighborhood1.pk, "code": "", "head_name": "Lê Thị Mai"}
    response = client_for(labour_officer).post(reverse("households:household_create"), data)
    assert response.status_code == 200
    assert messages.HOUSEHOLD_CODE_USED in html.unescape(response.text)
    assert not Household.objects.filter(head_name="Lê Thị Mai").exists()


def test_a_second_head_is_refused_naming_the_field(client_for, labour_officer, house1):
    MemberFactory(household=house1, full_name="Nguyễn Thị Hường", relation_to_head=Relation.HEAD)
    data = {
        "full_name": "Đỗ Văn Bình",
        "sex": "male",
        "relation_to_head": "head",
        "has_health_insurance": "on",
    }
    response = client_for(labour_officer).post(reverse("households:member_create", args=[house1.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["relation_to_head"] == [
        messages.HEAD_ALREADY.format(name="Nguyễn Thị Hường")
    ]
    assert house1.members.count() == 1


def test_moving_a_head_into_a_household_with_a_head_is_refused(labour_officer, house1, house2):
    MemberFactory(household=house1, relation_to_head=Relation.HEAD)
    mover = MemberFactory(household=house2, relation_to_head=Relation.HEAD)
    with pytest.raises(Exception, match="Hộ đã có chủ hộ"):
        registry.member_update(member=mover, user=labour_officer, household=house1)
    assert Member.objects.get(pk=mover.pk).household_id == house2.pk


def test_the_database_refuses_a_second_head(house1):
    MemberFactory(household=house1, relation_to_head=Relation.HEAD)
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory(household=house1, relation_to_head=Relation.HEAD)
    MemberFactory(household=house1, relation_to_head=Relation.CHILD)  # other relations stay free
    assert house1.members.filter(relation_to_head=Relation.HEAD).count() == 1
