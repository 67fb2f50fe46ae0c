"""Browser journeys of the registry: a khu phố head reviews a household found by typing its name
without accents; the labour officer imports a workbook, reads a row error, fixes it and imports."""

import pytest
from playwright.sync_api import expect

from households.models import Category, Household, Review
from households.services.review import review_round_open
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.households.factories import HouseholdFactory, ensure_standards
from tests.households.workbooks import row, workbook_bytes

# A journey's flush removes data-migration rows; ensure_standards() puts the poverty standards back.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def registry(commune, neighborhood1, neighborhood2, head1, labour_officer):
    ensure_standards()
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Nguyễn Thị Hường")
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0002", head_name="Nguyễn Văn Hùng")
    review_round_open(
        commune=commune, year=2024, user=labour_officer, history_reason="Nhập kết quả đã rà soát trên giấy"
    )


def test_khu_pho_head_finds_a_household_without_accents_and_records_its_review(
    page, live_server, registry, head1
):
    login(page, live_server, head1.username, PASSWORD)
    page.get_by_role("link", name="Hộ gia đình").first.click()
    page.get_by_label("Tìm theo tên, mã hộ hoặc CCCD").fill("nguyen thi huong")
    page.get_by_role("button", name="Lọc, tìm").click()
    table = page.get_by_test_id("household-table")
    expect(table).to_contain_text("Nguyễn Thị Hường")
    expect(table).not_to_contain_text("Nguyễn Văn Hùng")
    page.get_by_role("link", name="KP1-0001").click()
    page.get_by_role("link", name="Rà soát hộ").click()
    page.get_by_label("Thu nhập bình quân (đồng/người/tháng)").fill("1900000")
    page.get_by_label("1. Việc làm (Việc làm)", exact=True).check()
    page.get_by_label("8. Diện tích nhà ở (Nhà ở)", exact=True).check()
    page.get_by_label("10. Nhà tiêu hợp vệ sinh (Nước sinh hoạt và vệ sinh)", exact=True).check()
    # The result shows before saving (static JS calling the preview endpoint).
    expect(page.get_by_test_id("review-result")).to_contain_text("Hộ nghèo")
    assert not Review.objects.exists()
    page.get_by_role("button", name="Lưu kết quả").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu kết quả rà soát năm 2024: Hộ nghèo")
    expect(page.get_by_test_id("review-history")).to_contain_text("Hộ nghèo")
    assert Review.objects.get().category == Category.POOR
    assert page.outside_requests == []


def test_labour_officer_imports_a_workbook_after_fixing_the_row_error(
    page, live_server, registry, labour_officer, tmp_path
):
    bad = tmp_path / "ho-gia-dinh.xlsx"
    bad.write_bytes(
        workbook_bytes(
            [row(code="KP1-0100"), row(code="KP2-0100", neighborhood="Khu phố 2", national_id="1234")]
        ).getvalue()
    )
    login(page, live_server, labour_officer.username, PASSWORD)
    page.goto(f"{live_server.url}/households/import/")
    page.set_input_files("input[type=file]", str(bad))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text('Dòng 3, cột "Số CCCD chủ hộ": số CCCD phải gồm đúng 12 chữ số')
    assert not Household.objects.filter(code="KP1-0100").exists()

    fixed = tmp_path / "ho-gia-dinh-da-sua.xlsx"
    fixed.write_bytes(
        workbook_bytes(
            [row(code="KP1-0100"), row(code="KP2-0100", neighborhood="Khu phố 2", national_id="038190000124")]
        ).getvalue()
    )
    page.set_input_files("input[type=file]", str(fixed))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.get_by_test_id("import-counts")).to_contain_text("Sẽ thêm mới 2 hộ")
    page.get_by_role("button", name="Xác nhận nhập").click()
    expect(page.get_by_role("alert")).to_contain_text("thêm 2 hộ, cập nhật 0 hộ")
    assert set(Household.objects.values_list("code", flat=True)) >= {"KP1-0100", "KP2-0100"}
