"""The export "theo bộ lọc" holds exactly the households the list shows for the same filter: a
household with no review in the year goes out with blank review columns, never left out."""

import io

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from households import workbook as wb
from households.models import Category, Household
from households.services.exporting import export_rows
from households.views.registry import filtered_households
from tests.households.factories import HouseholdFactory, add_result, approved_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(commune, neighborhood1, neighborhood2):
    """Eight households: three reviewed in 2024 (poor, near-poor, none), two only in 2023, three never."""
    houses = [
        HouseholdFactory(
            neighborhood=neighborhood1 if i % 2 else neighborhood2, code=f"KP{1 + i % 2}-{i:04d}"
        )
        for i in range(8)
    ]
    houses[0].is_ethnic_minority = True
    houses[0].save()
    round_2023, round_2024 = approved_round(commune, 2023), approved_round(commune, 2024)
    for house, category in zip(houses[:3], [Category.POOR, Category.NEAR_POOR, Category.NONE], strict=True):
        add_result(round_2024, house, category, deprivations=["employment"])
    for house in houses[3:5]:
        add_result(round_2023, house, Category.POOR)
    return houses


def _listed(user, query: dict) -> set[str]:
    request = RequestFactory().get("/households/", query)
    request.user = user
    _, households = filtered_households(request, user.commune)
    return set(households.values_list("code", flat=True))


def _exported(client, query: dict) -> list[dict]:
    response = client.get(reverse("households:household_export"), query)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], values, strict=True)) for values in rows[1:]]


@pytest.mark.parametrize(
    "query",
    [
        {"year": "2024"},
        {"year": "2023"},
        {},
        {"year": "2024", "category": Category.POOR},
        {"year": "2024", "neighborhood": "n2"},
        {"year": "2024", "is_ethnic_minority": "1"},
        {"year": "2024", "q": "KP2"},
    ],
)
def test_export_holds_exactly_the_households_the_list_shows(
    client_for, labour_officer, registry, neighborhood2, query
):
    query = {k: (str(neighborhood2.pk) if v == "n2" else v) for k, v in query.items()}
    exported = _exported(client_for(labour_officer), query)
    assert {r[wb.CODE] for r in exported} == _listed(labour_officer, query)
    assert len(exported) == len({r[wb.CODE] for r in exported})  # one row per household


def test_a_household_without_a_review_that_year_goes_out_with_blank_review_columns(
    client_for, labour_officer, registry
):
    exported = {r[wb.CODE]: r for r in _exported(client_for(labour_officer), {"year": "2024"})}
    assert len(exported) == Household.objects.count() == 8
    never = exported[registry[7].code]
    assert never[wb.YEAR] == 2024 and never[wb.HEAD_NAME] == registry[7].head_name
    assert never[wb.INCOME] is None and never[wb.CATEGORY] is None and never[wb.DEPRIVATION_COUNT] is None
    assert never["Việc làm"] is None
    reviewed = exported[registry[0].code]
    assert reviewed[wb.CATEGORY] == "Hộ nghèo" and reviewed["Việc làm"] == "x"


def test_export_queries_do_not_grow_with_the_households(commune, neighborhood1, registry):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            rows = list(export_rows(Household.objects.filter(commune=commune), 2024))
        return len(queries), len(rows)

    few = count()
    for i in range(40):
        house = HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-{100 + i:04d}")
        if i % 2:
            add_result(registry_round(commune), house, Category.NONE)
    many = count()
    assert many[1] == few[1] + 40
    assert many[0] == few[0]


def registry_round(commune):
    from households.models import ReviewRound

    return ReviewRound.objects.get(commune=commune, year=2024)
