"""A workbook whose sheet was cut short in transit: a Vietnamese error, no 500, no file left behind."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from households import messages
from households.models import Household
from households.services.workbook_checks import workbook_read
from tests.households.workbooks import row, workbook_bytes

pytestmark = pytest.mark.django_db


def truncated_workbook() -> io.BytesIO:
    """A good workbook whose ``xl/worksheets/sheet1.xml`` is cut in the middle of its rows."""
    rows = [row(code=f"KP1-{n:04d}", national_id="") for n in range(1, 40)]
    source = zipfile.ZipFile(workbook_bytes(rows))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    broken.seek(0)
    broken.name = "ho.xlsx"
    return broken


def test_truncated_sheet_is_refused_by_the_reader(commune, neighborhood1):
    with pytest.raises(ValidationError) as caught:
        workbook_read(truncated_workbook(), commune=commune)
    assert caught.value.messages == [messages.FILE_NOT_XLSX]


def test_truncated_sheet_upload_shows_the_error_and_removes_the_file(
    client_for, labour_officer, commune, neighborhood1, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = client_for(labour_officer).post(
        reverse("households:household_import"), {"file": truncated_workbook()}
    )
    assert response.status_code == 200
    assert messages.FILE_NOT_XLSX in response.text
    assert list((tmp_path / "imports").iterdir()) == []
    assert not Household.objects.exists()
