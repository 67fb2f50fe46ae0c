"""The workbook's indicator columns are the poverty standard's indicators for the workbook's year:
change the standard and the export, the import and the required columns follow."""

import datetime
import io

import pytest
import time_machine
from openpyxl import load_workbook

from households import workbook as wb
from households.models import Indicator, PovertyStandard, Review
from households.services.exporting import export_to_tempfile
from households.services.importing import households_import
from households.services.workbook_checks import workbook_read
from tests.households.factories import HouseholdFactory, add_result, approved_round
from tests.households.workbooks import INDICATORS_2022, workbook_bytes

pytestmark = pytest.mark.django_db
NEW_INDICATOR = "Sử dụng dịch vụ số"  # added by NĐ 351/2025/NĐ-CP, last of its list
DROPPED_INDICATOR = "Phương tiện tiếp cận thông tin"


@pytest.fixture
def standard_2027():
    """The seeded 2027–2030 standard (NĐ 351/2025): one indicator dropped, two added."""
    return PovertyStandard.objects.in_force(2028)


@pytest.fixture
def edited_standard_2027(standard_2027):
    """The same standard after an administrator added an indicator in the admin."""
    Indicator.objects.create(
        standard=standard_2027,
        position=14,
        code="extra",
        service="Khác",
        name="Chỉ số bổ sung",
        condition="…",
    )
    return standard_2027


def test_the_2022_2026_layout_is_the_spec_layout():
    assert list(wb.layout_for_year(2024).indicators) == INDICATORS_2022
    assert list(wb.layout_for_year(2026).indicators) == INDICATORS_2022


def test_a_year_under_another_standard_gets_that_standards_columns(standard_2027):
    layout = wb.layout_for_year(2028)
    assert DROPPED_INDICATOR not in layout.indicators
    assert layout.indicators[-1] == NEW_INDICATOR
    assert NEW_INDICATOR in layout.required and NEW_INDICATOR in layout.export
    assert NEW_INDICATOR not in wb.layout_for_year(2024).export


def test_export_of_a_later_year_writes_its_standards_columns_and_marks(commune, neighborhood1, standard_2027):
    household = HouseholdFactory(neighborhood=neighborhood1)
    add_result(
        approved_round(commune, 2028), household, "poor", deprivations=["digital_services", "employment"]
    )
    sheet = load_workbook(export_to_tempfile(household.__class__.objects.all(), 2028)).worksheets[0]
    header, values = ([c.value for c in r] for r in sheet.iter_rows(max_row=2))
    assert header == wb.layout_for_year(2028).export
    marked = {
        h
        for h, v in zip(header, values, strict=True)
        if v == "x" and h in wb.layout_for_year(2028).indicators
    }
    assert marked == {"Việc làm", NEW_INDICATOR}


def _workbook(year, indicators, marks):
    headers = [wb.CODE, wb.NEIGHBORHOOD, wb.HEAD_NAME, wb.SIZE, wb.YEAR, wb.INCOME, *indicators]
    row = ["KP1-0001", "Khu phố 1", "Nguyễn Văn An", 3, year, 1_000_000, *marks]
    return workbook_bytes([row], headers)


def test_import_of_a_later_year_requires_and_reads_its_standards_columns(
    commune, neighborhood1, labour_officer, standard_2027
):
    old_columns = _workbook(2028, INDICATORS_2022, ["x"] * 12)
    assert any(NEW_INDICATOR in error for error in workbook_read(old_columns, commune=commune).errors)
    indicators = list(wb.layout_for_year(2028).indicators)
    marks = ["x" if name in ("Việc làm", "Dinh dưỡng", NEW_INDICATOR) else "" for name in indicators]
    # A round is opened only for the current year or an earlier one: import it during 2028.
    with time_machine.travel(datetime.datetime(2028, 10, 1, 3, tzinfo=datetime.UTC), tick=False):
        households_import(commune=commune, fileobj=_workbook(2028, indicators, marks), user=labour_officer)
    review = Review.objects.get(household__code="KP1-0001")
    assert sorted(review.deprivations) == ["digital_services", "employment", "nutrition"]
    assert review.year == 2028


def test_a_2024_workbook_is_unaffected_by_the_later_standard(
    commune, neighborhood1, labour_officer, standard_2027
):
    plan = workbook_read(io.BytesIO(_workbook(2024, INDICATORS_2022, [""] * 12).read()), commune=commune)
    assert plan.errors == []


def test_an_indicator_added_in_the_admin_becomes_a_column(edited_standard_2027):
    assert wb.layout_for_year(2028).indicators[-1] == "Chỉ số bổ sung"
    assert "Chỉ số bổ sung" not in wb.layout_for_year(2026).indicators
