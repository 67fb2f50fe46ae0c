"""Export of the household workbook, read back with openpyxl; and the two management commands."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from households import workbook as wb
from households.models import Category, Household, Review
from households.services.exporting import export_to_tempfile
from households.services.importing import households_import
from tests.households.factories import HouseholdFactory, add_result, approved_round
from tests.households.workbooks import INDICATORS_2022, row, workbook_bytes

pytestmark = pytest.mark.django_db


def read_back(handle):
    sheet = load_workbook(handle).worksheets[0]
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    return header, [dict(zip(header, r, strict=True)) for r in rows[1:]]


def test_export_reads_back_with_the_spec_headers_and_values(commune, neighborhood1, labour_officer):
    households_import(
        commune=commune,
        fileobj=workbook_bytes([row(national_id="001190000123", without_labour="x", deprived=(0, 4, 11))]),
        user=labour_officer,
    )
    header, rows = read_back(export_to_tempfile(Household.objects.all(), 2024))
    assert header == wb.layout_for_year(2024).export
    (only,) = rows
    assert only[wb.CODE].value == "KP1-0001"
    assert only[wb.HEAD_NATIONAL_ID].value == "001190000123"  # leading zeros kept (text)
    assert only[wb.INCOME].value == 1_800_000
    assert [only[h].value for h in INDICATORS_2022].count("x") == 3
    assert only["Việc làm"].value == "x" and only["Phương tiện tiếp cận thông tin"].value == "x"
    assert only[wb.WITHOUT_LABOUR_CAPACITY].value == "x"
    assert only[wb.DEPRIVATION_COUNT].value == 3
    assert only[wb.CATEGORY].value == "Hộ nghèo"


def test_exported_workbook_imports_back_unchanged(commune, neighborhood1, labour_officer):
    households_import(
        commune=commune,
        fileobj=workbook_bytes([row(), row(code="KP1-0002", national_id="", income=4_000_000)]),
        user=labour_officer,
    )
    exported = io.BytesIO(export_to_tempfile(Household.objects.all(), 2024).read())
    result = households_import(commune=commune, fileobj=exported, user=labour_officer)
    # Nothing differs, so nothing is written: no history entry says the import changed anything.
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert Review.history.count() == 2
    assert sorted(Review.objects.values_list("category", flat=True)) == sorted([Category.POOR, Category.NONE])


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_text_starting_like_a_formula_is_written_as_text(commune, neighborhood1, name):
    household = HouseholdFactory(neighborhood=neighborhood1, head_name=name)
    add_result(approved_round(commune, 2024), household, Category.NONE, income=5_000_000)
    _, rows = read_back(export_to_tempfile(Household.objects.all(), 2024))
    cell = rows[0][wb.HEAD_NAME]
    assert cell.value == name and cell.data_type == "s"


def test_export_takes_the_latest_round_of_the_year_once_per_household(commune, neighborhood1):
    household = HouseholdFactory(neighborhood=neighborhood1)
    add_result(approved_round(commune, 2024), household, Category.POOR)
    add_result(approved_round(commune, 2024, number=2), household, Category.AVERAGE, income=2_500_000)
    _, rows = read_back(export_to_tempfile(Household.objects.all(), 2024))
    assert [r[wb.CATEGORY].value for r in rows] == ["Hộ có mức sống trung bình"]


def test_import_command_reports_counts_and_dry_run_writes_nothing(commune, neighborhood1, tmp_path, capsys):
    path = tmp_path / "ho.xlsx"
    path.write_bytes(workbook_bytes([row()]).getvalue())
    call_command("import_households", str(path), "--dry-run")
    assert "thêm 1 hộ" in capsys.readouterr().out
    assert not Household.objects.exists()
    call_command("import_households", str(path), "--commune", commune.code)
    assert Household.objects.count() == 1


def test_import_command_fails_listing_every_row_error(commune, neighborhood1, tmp_path, capsys):
    path = tmp_path / "ho.xlsx"
    path.write_bytes(workbook_bytes([row(income=-1)]).getvalue())
    with pytest.raises(CommandError):
        call_command("import_households", str(path))
    assert 'Dòng 2, cột "Thu nhập bình quân (đồng/người/tháng)"' in capsys.readouterr().err
    assert not Household.objects.exists()


def test_commands_need_the_commune_when_there_are_several(commune, other_commune, tmp_path):
    with pytest.raises(CommandError, match="--commune"):
        call_command("export_households", str(tmp_path / "x.xlsx"), "--year", "2024")


def test_export_command_writes_the_year(commune, neighborhood1, tmp_path, labour_officer):
    households_import(commune=commune, fileobj=workbook_bytes([row()]), user=labour_officer)
    target = tmp_path / "ra.xlsx"
    call_command("export_households", str(target), "--year", "2024")
    header, rows = read_back(str(target))
    assert header == wb.layout_for_year(2024).export and len(rows) == 1
