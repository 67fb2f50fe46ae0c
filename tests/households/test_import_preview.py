"""The import preview: what will be created, changed (field: old → new) and left as is, before anything
is written; consent before overwriting a review entered by hand; confirming applies exactly the
previewed file, and is refused when the file or the database changed since the preview."""

import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from households import messages
from households.models import Household, Review
from households.services.import_preview import PAGE_SIZE, preview_build, preview_rows, upload_store
from households.services.importing import HISTORY_REASON, households_import
from households.services.review import review_record, review_round_open
from households.services.workbook_errors import group_errors
from tests.households.factories import HouseholdFactory, approved_round
from tests.households.workbooks import row, workbook_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _text(response) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.text)).split()).replace(" ,", ",")


def _upload(client, rows, name="ho.xlsx"):
    upload = workbook_bytes(rows)
    upload.name = name
    return client.post(reverse("households:household_import"), {"file": upload}, follow=True)


@pytest.fixture
def imported(commune, neighborhood1, labour_officer, open_round):
    """KP1-0001 and KP1-0002 imported into the open 2024 round."""
    households_import(
        commune=commune,
        fileobj=workbook_bytes([row(), row(code="KP1-0002", national_id="", head="Trần Văn Bình")]),
        user=labour_officer,
    )


def test_preview_shows_created_changed_and_unchanged_and_writes_nothing(client_for, labour_officer, imported):
    before = (Household.history.count(), Review.history.count())
    client = client_for(labour_officer)
    rows = [
        row(income=2_500_000),
        row(code="KP1-0002", national_id="", head="Trần Văn Bình"),
        row(code="KP1-0003", national_id=""),
    ]
    response = _upload(client, rows)
    text = _text(response)
    assert "Sẽ thêm mới 1 hộ" in text and "Sẽ thay đổi 1 hộ" in text and "Không đổi 1 hộ" in text
    # The default tab lists the change, field by field.
    assert "Thu nhập bình quân (đồng/người/tháng): 1.800.000 đ → 2.500.000 đ" in text
    assert "Phân loại: Hộ nghèo → Hộ có mức sống trung bình" in text
    same = client.get(reverse("households:household_import_preview") + "?kind=same")
    assert "KP1-0002" in same.text and "KP1-0001" not in same.text
    assert (Household.history.count(), Review.history.count()) == before
    assert not Household.objects.filter(code="KP1-0003").exists()
    # The session holds the summary only, never the rows.
    assert len(json.dumps(client.session["household_import"])) < 600


def test_confirm_applies_exactly_the_preview(client_for, labour_officer, imported):
    client = client_for(labour_officer)
    _upload(client, [row(income=2_500_000), row(code="KP1-0003", national_id="")])
    token = client.session["household_import"]["token"]
    done = client.post(reverse("households:household_import_confirm"), {"token": token}, follow=True)
    assert "thêm 1 hộ, cập nhật 1 hộ, 0 hộ không đổi" in html.unescape(done.text)
    assert Review.objects.get(household__code="KP1-0001").income == 2_500_000
    assert Household.objects.filter(code="KP1-0003").exists()
    assert "household_import" not in client.session


def test_a_review_entered_by_hand_is_overwritten_only_with_consent(
    client_for, labour_officer, imported, open_round
):
    household = Household.objects.get(code="KP1-0002")
    review_record(
        review_round=open_round, household=household, user=labour_officer, deprivations=[], income=900_000
    )
    client = client_for(labour_officer)
    response = _upload(client, [row(code="KP1-0002", national_id="", head="Trần Văn Bình", income=5_000_000)])
    assert 'data-testid="import-manual"' in response.text
    assert response.context["kind"] == "manual" and response.context["rows"][0]["code"] == "KP1-0002"
    token = client.session["household_import"]["token"]
    refused = client.post(reverse("households:household_import_confirm"), {"token": token}, follow=True)
    assert messages.IMPORT_MANUAL_CONSENT.format(count=1) in html.unescape(refused.text)
    assert Review.objects.get(household=household).income == 900_000
    client.post(reverse("households:household_import_confirm"), {"token": token, "overwrite_manual": "1"})
    review = Review.objects.get(household=household)
    assert review.income == 5_000_000
    assert review.history.first().history_change_reason == HISTORY_REASON


def test_the_command_line_refuses_to_overwrite_a_hand_entered_review(
    commune, labour_officer, imported, open_round
):
    household = Household.objects.get(code="KP1-0001")
    review_record(
        review_round=open_round, household=household, user=labour_officer, deprivations=[], income=900_000
    )
    with pytest.raises(Exception, match="ghi đè 1 kết quả"):
        households_import(commune=commune, fileobj=workbook_bytes([row()]), user=None)
    assert Review.objects.get(household=household).income == 900_000


def test_data_changed_since_the_preview_is_refused_and_nothing_written(client_for, labour_officer, imported):
    client = client_for(labour_officer)
    _upload(client, [row(income=2_500_000), row(code="KP1-0003", national_id="")])
    token = client.session["household_import"]["token"]
    Household.objects.filter(code="KP1-0001").update(head_name="Nguyễn Thị Hường Mới")
    refused = client.post(reverse("households:household_import_confirm"), {"token": token}, follow=True)
    assert messages.IMPORT_DATA_CHANGED in html.unescape(refused.text)
    assert not Household.objects.filter(code="KP1-0003").exists()
    assert Review.objects.get(household__code="KP1-0001").income == 1_800_000


def test_a_file_changed_since_the_preview_is_refused(client_for, labour_officer, imported, settings):
    client = client_for(labour_officer)
    _upload(client, [row(code="KP1-0003", national_id="")])
    token = client.session["household_import"]["token"]
    (settings.MEDIA_ROOT / "imports" / f"{token}.xlsx").write_bytes(
        workbook_bytes([row(code="KP1-0009", national_id="")]).getvalue()
    )
    refused = client.post(reverse("households:household_import_confirm"), {"token": token}, follow=True)
    assert messages.IMPORT_FILE_CHANGED in html.unescape(refused.text)
    assert not Household.objects.filter(code__in=["KP1-0003", "KP1-0009"]).exists()


def test_preview_rows_are_paged_from_the_store(commune, neighborhood1, labour_officer):
    rows = [row(code=f"KP1-{i:04d}", national_id="") for i in range(1, PAGE_SIZE + 8)]
    token, checksum = upload_store([workbook_bytes(rows).getvalue()])
    summary = preview_build(commune=commune, token=token, name="ho.xlsx", checksum=checksum)
    assert summary.create == PAGE_SIZE + 7 and summary.change == summary.same == 0
    first, more = preview_rows(token, "create", 1)
    second, after = preview_rows(token, "create", 2)
    assert (len(first), more, len(second), after) == (PAGE_SIZE, True, 7, False)
    assert second[-1]["code"] == f"KP1-{PAGE_SIZE + 7:04d}"


def test_re_importing_last_years_file_gives_one_grouped_error(
    client_for, labour_officer, commune, neighborhood1
):
    approved_round(commune, 2024)
    review_round_open(commune=commune, year=2025, user=labour_officer, history_reason="Nhập lại năm trước")
    for i in range(7):
        HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-{i:04d}")
    response = _upload(
        client_for(labour_officer), [row(code=f"KP1-{i:04d}", national_id="") for i in range(7)]
    )
    errors = response.context["errors"]
    assert errors == [
        '7 dòng, cột "Năm rà soát": đợt rà soát năm 2024 đã phê duyệt, không ghi đè được (dòng 2, 3, 4, 5, 6, …)'
    ]


def test_group_errors_keeps_single_and_distinct_errors_apart():
    errors = [
        'Thiếu cột "Mã hộ".',
        'Dòng 4, cột "Số nhân khẩu": phải là số nguyên ≥ 1',
        'Dòng 2, cột "Số nhân khẩu": phải là số nguyên ≥ 1',
        'Dòng 3, cột "Khu phố": xã không có khu phố "Khu phố 9"',
    ]
    assert group_errors(errors) == [
        'Thiếu cột "Mã hộ".',
        '2 dòng, cột "Số nhân khẩu": phải là số nguyên ≥ 1 (dòng 2, 4)',
        'Dòng 3, cột "Khu phố": xã không có khu phố "Khu phố 9"',
    ]


def _queries(function) -> int:
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_preview_queries_do_not_grow_with_the_rows(
    client_for, commune, neighborhood1, labour_officer, imported
):
    def build(count):
        rows = [row(code=f"KP1-{i:04d}", national_id="") for i in range(1, count + 1)]
        token, checksum = upload_store([workbook_bytes(rows).getvalue()])
        return lambda: preview_build(commune=commune, token=token, name="ho.xlsx", checksum=checksum)

    assert _queries(build(5)) == _queries(build(120))
    client = client_for(labour_officer)
    url = reverse("households:household_import_preview")
    _upload(client, [row(code=f"KP1-{i:04d}", national_id="") for i in range(1, 6)])
    few = _queries(lambda: client.get(url + "?kind=create"))
    _upload(client, [row(code=f"KP1-{i:04d}", national_id="") for i in range(1, 121)])
    many = _queries(lambda: client.get(url + "?kind=create"))
    assert few == many


def test_the_upload_page_points_back_to_a_pending_preview(client_for, labour_officer, commune, neighborhood1):
    client = client_for(labour_officer)
    _upload(client, [row(code="KP1-0003", national_id="")], name="ho-cho.xlsx")
    page = client.get(reverse("households:household_import"))
    assert 'data-testid="import-pending"' in page.text and "ho-cho.xlsx" in page.text
    client.post(reverse("households:household_import_confirm"), {"cancel": "1"})
    assert "import-pending" not in client.get(reverse("households:household_import")).text
    assert not list((client.session.get("household_import") or {}).keys())
