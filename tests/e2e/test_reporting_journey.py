"""Browser journey of section VII: the health station submits its Q2 report, the labour officer
accepts it and compiles the commune report, the chairman approves it; the PDF and the Excel
workbook download and open."""

import importlib
import io

import pytest
from django.apps import apps as django_apps
from openpyxl import load_workbook
from pypdf import PdfReader

from demo.plan_builder import seed_plan_2024
from demo.registry import seed_commune
from demo.units import seed_units
from demo.users import DEMO_PASSWORD, seed_users
from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    # Browser tests flush the database between tests, taking the migration-seeded catalogue with it:
    # seed it again (the migration's function is idempotent).
    catalogue = importlib.import_module("programs.migrations.0003_seed_program_catalogue_qd90")
    catalogue.seed(django_apps, None)
    importlib.import_module("programs.migrations.0008_seed_component_rules_qd90").seed(django_apps, None)
    users = seed_users()
    commune = seed_commune(users)
    seed_units(commune, users)
    seed_plan_2024(commune, users)
    return users


def as_user(page, live_server, username):
    page.context.clear_cookies()
    login(page, live_server, username, DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")


def test_quarterly_report_from_unit_to_chairman(page, live_server, demo):
    # The health station opens and submits its Q2 report (after the 15/06 deadline: accepted, marked late).
    as_user(page, live_server, "tramyte")
    page.get_by_role("link", name="Báo cáo", exact=True).first.click()
    page.goto(f"{live_server.url}/reporting/calendar/?year=2024")
    page.locator('[data-testid="cell-3.2-Q2"] button').click()
    page.fill("textarea[name=results]", "Cấp sản phẩm dinh dưỡng cho 20 trẻ em dưới 5 tuổi.")
    page.fill("textarea[name=problems]", "Một số hộ chưa đưa trẻ đi cân đo.")
    page.click("input[name=submit_report]")
    assert page.get_by_test_id("report-status").inner_text() == "Chờ tiếp nhận"
    assert page.get_by_test_id("report-late").is_visible()

    # The labour officer sees it on the home page, accepts it, then compiles the commune report.
    as_user(page, live_server, "laodong")
    page.get_by_role("link", name="chờ tiếp nhận").first.click()
    page.get_by_role("button", name="Tiếp nhận").click()
    assert page.get_by_test_id("report-status").inner_text() == "Đã tiếp nhận"
    page.goto(f"{live_server.url}/reporting/calendar/?year=2024")
    page.locator("form[action*='/periods/2024-Q2/compiled/start/'] button").click()
    assert "Một số hộ chưa đưa trẻ đi cân đo." in page.locator("textarea[name=problems]").input_value()
    page.fill("textarea[name=general_situation]", "Quý II, các đơn vị triển khai đúng kế hoạch.")
    # Every narrative section of the report is required before it goes to the chairman.
    page.click("input[name=submit_report]")
    assert "Mục II. Công tác chỉ đạo, điều hành còn trống" in page.content()
    assert page.get_by_test_id("compiled-status").inner_text() == "Đang soạn"
    page.fill("textarea[name=steering]", "Chỉ đạo các khu phố rà soát nhu cầu hỗ trợ.")
    page.fill("textarea[name=proposals]", "Đề nghị phân bổ kinh phí sớm.")
    page.click("input[name=submit_report]")
    assert page.get_by_test_id("compiled-status").inner_text() == "Chờ phê duyệt"

    # The chairman approves it with its number; the documents download and open.
    as_user(page, live_server, "chutich")
    page.get_by_role("link", name="Báo cáo tổng hợp quý II năm 2024 chờ phê duyệt").click()
    page.fill("input[name=document_number]", "45")
    page.click("input[name=approve]")
    assert page.get_by_test_id("compiled-status").inner_text() == "Đã phê duyệt"
    assert "Số: 45/BC-UBND" in page.get_by_test_id("document").inner_text()

    with page.expect_download() as pdf_download:
        page.get_by_test_id("download-pdf").click()
    content = pdf_download.value.path().read_bytes()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Số: 45/BC-UBND" in text and "Cấp sản phẩm dinh dưỡng cho 20 trẻ em" in text

    with page.expect_download() as xlsx_download:
        page.get_by_test_id("download-xlsx").click()
    assert xlsx_download.value.suggested_filename == "bao-cao-2024-Q2.xlsx"
    workbook = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes()))
    assert workbook["Dự án, tiểu dự án"]["A3"].value == "Số: 45/BC-UBND"
    assert page.outside_requests == []


def test_dashboard_charts_draw_on_a_phone(phone_page, live_server, demo):
    login(phone_page, live_server, "chutich", DEMO_PASSWORD)
    phone_page.wait_for_url(f"{live_server.url}/")
    errors = []
    phone_page.on("pageerror", lambda error: errors.append(str(error)))
    phone_page.goto(f"{live_server.url}/reporting/dashboard/?year=2024")
    phone_page.wait_for_function("document.querySelector('#chart-neighborhoods').width > 0")
    assert errors == []
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
