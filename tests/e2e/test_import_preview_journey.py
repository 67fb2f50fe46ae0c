"""Browser journey: the labour officer uploads next year's corrections, reads in the preview what will
change (field: old → new), sees that one review entered by hand would be overwritten, agrees, and
confirms; the database then holds exactly what the preview showed."""

import pytest
from playwright.sync_api import expect

from households.models import Household, Review
from households.services.importing import households_import
from households.services.review import review_record, review_round_open
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.households.factories import ensure_standards
from tests.households.workbooks import row, workbook_bytes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def imported(commune, neighborhood1, labour_officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_standards()
    review_round = review_round_open(
        commune=commune, year=2024, user=labour_officer, history_reason="Nhập lịch sử năm 2024"
    )
    households_import(
        commune=commune,
        fileobj=workbook_bytes([row(), row(code="KP1-0002", national_id="", head="Trần Văn Bình")]),
        user=labour_officer,
    )
    by_hand = Household.objects.get(code="KP1-0002")
    review_record(
        review_round=review_round, household=by_hand, user=labour_officer, deprivations=[], income=900_000
    )


def test_import_preview_shows_changes_then_confirm_applies_them(
    page, live_server, labour_officer, imported, tmp_path
):
    upload = tmp_path / "ho-gia-dinh-2024-sua.xlsx"
    upload.write_bytes(
        workbook_bytes(
            [
                row(income=2_500_000),
                row(code="KP1-0002", national_id="", head="Trần Văn Bình", income=5_000_000),
                row(code="KP1-0003", national_id="", head="Phạm Thị Lan"),
            ]
        ).getvalue()
    )
    login(page, live_server, labour_officer.username, PASSWORD)
    page.goto(f"{live_server.url}/households/import/")
    page.set_input_files("input[type=file]", str(upload))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()

    counts = page.get_by_test_id("import-counts")
    expect(counts).to_contain_text("Sẽ thêm mới 1 hộ")
    expect(counts).to_contain_text("Sẽ thay đổi 2 hộ")
    expect(page.get_by_test_id("import-manual")).to_contain_text(
        "ghi đè 1 kết quả rà soát do cán bộ nhập tay"
    )
    expect(page.get_by_test_id("import-rows")).to_contain_text("KP1-0002")
    page.get_by_role("link", name="Sẽ thay đổi (2)").click()
    rows = page.get_by_test_id("import-rows")
    expect(rows).to_contain_text("Thu nhập bình quân (đồng/người/tháng): 1.800.000 đ → 2.500.000 đ")
    expect(rows).to_contain_text("900.000 đ → 5.000.000 đ")
    assert Review.objects.get(household__code="KP1-0001").income == 1_800_000  # nothing written yet

    confirm = page.get_by_role("button", name="Xác nhận nhập")
    confirm.click()  # the consent box is required: the browser keeps the form
    expect(page.get_by_test_id("import-preview")).to_be_visible()
    assert Review.objects.get(household__code="KP1-0002").income == 900_000
    page.get_by_label("Tôi đồng ý ghi đè 1 kết quả rà soát nhập tay").check()
    confirm.click()
    expect(page.get_by_role("alert")).to_contain_text("thêm 1 hộ, cập nhật 2 hộ, 0 hộ không đổi")
    incomes = dict(Review.objects.values_list("household__code", "income"))
    assert incomes == {"KP1-0001": 2_500_000, "KP1-0002": 5_000_000, "KP1-0003": 1_800_000}
