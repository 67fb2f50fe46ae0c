"""The blank household workbook: the spec's headers, one example row, the drop-down lists; from the
import page and from ``export_households --template``."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from households import workbook as wb
from households.services.importing import households_import
from households.services.workbook_template import LISTS_SHEET
from tests.households.workbooks import HEADERS

pytestmark = pytest.mark.django_db


def _validations(sheet) -> dict[str, str]:
    """{first cell of each range: list formula}."""
    found = {}
    for rule in sheet.data_validations.dataValidation:
        for cell_range in str(rule.sqref).split():
            found[cell_range.split(":")[0]] = rule.formula1
    return found


def _check(book, commune):
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS  # exactly the import columns of docs/spec/household-workbook.md
    example = dict(zip(rows[0], rows[1], strict=True))
    assert example[wb.NEIGHBORHOOD] == "Khu phố 1" and example[wb.CODE] == "KP1-0001"
    assert len([r for r in rows[1:] if any(v not in (None, "") for v in r)]) == 1
    validations = _validations(sheet)
    assert validations["B2"] == f"'{LISTS_SHEET}'!$A$2:$A$3"  # Khu phố
    assert validations["I2"] == '"x"' and validations["T2"] == '"x"' and validations["W2"] == '"x"'
    assert "A2" not in validations and "H2" not in validations
    names = [r[0] for r in book[LISTS_SHEET].iter_rows(min_row=2, values_only=True)]
    assert names == ["Khu phố 1", "Khu phố 2"]


def test_template_downloads_from_the_import_page(
    client_for, labour_officer, commune, neighborhood1, neighborhood2
):
    page = client_for(labour_officer).get(reverse("households:household_import"))
    assert reverse("households:household_import_template") in page.text
    response = client_for(labour_officer).get(reverse("households:household_import_template"))
    assert response.status_code == 200
    assert "mau-ho-gia-dinh-" in response["Content-Disposition"]
    _check(load_workbook(io.BytesIO(b"".join(response.streaming_content))), commune)


def test_template_from_the_command_line_imports_its_example(
    tmp_path, commune, neighborhood1, neighborhood2, labour_officer
):
    target = tmp_path / "mau.xlsx"
    call_command("export_households", "--template", str(target), "--year", "2024", stdout=io.StringIO())
    _check(load_workbook(target), commune)
    # The example row is a valid household: the preview would show it as one creation.
    with target.open("rb") as handle:
        result = households_import(commune=commune, fileobj=handle, user=labour_officer, dry_run=True)
    assert (result.created, result.updated) == (1, 0)


def test_export_command_without_file_or_year_answers_in_vietnamese(commune):
    with pytest.raises(CommandError, match="Cần tên tệp và --year"):
        call_command("export_households", stdout=io.StringIO())
