"""The plan's approval journey in Chromium: the labour officer edits and submits, the chairman
returns it with a comment, the officer fixes and resubmits, the chairman approves, the PDF downloads."""

import subprocess

import pytest

from demo.registry import seed_commune
from demo.units import seed_units
from demo.users import DEMO_PASSWORD, seed_users
from programs.models import Plan, PlanStatus, Unit
from tests.e2e.conftest import login
from tests.programs.factories import make_draft, program

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    program()  # transactional tests flush what the data migrations seeded: this puts QĐ 90 back
    users = seed_users()
    commune = seed_commune(users)
    seed_units(commune, users)
    ubnd = Unit.objects.get(commune=commune, short_name="UBND thị trấn")
    plan = make_draft(commune, users["laodong"], ubnd, year=2025, components=3)
    return users, plan


def _as(page, live_server, username):
    page.context.clear_cookies()
    login(page, live_server, username, DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")


def test_plan_is_edited_submitted_returned_fixed_approved_and_printed(page, live_server, demo, tmp_path):
    users, plan = demo
    detail = f"{live_server.url}/programs/plans/{plan.pk}/"

    # The labour officer edits section II and submits.
    _as(page, live_server, "laodong")
    page.get_by_role("link", name="Kế hoạch").first.click()
    page.get_by_role("link", name=plan.title).click()
    page.get_by_role("link", name="Sửa các mục I – VII").click()
    page.get_by_label("II.1. Mục tiêu tổng quát").fill("Giảm nghèo đa chiều, bao trùm, bền vững.")
    page.get_by_role("button", name="Lưu các mục").click()
    assert "Đã lưu các mục của kế hoạch." in page.locator("main").inner_text()
    page.get_by_test_id("submit-plan").click()
    assert page.get_by_test_id("plan-status").inner_text() == "Chờ phê duyệt"

    # The chairman finds it on the home page and returns it with a comment.
    _as(page, live_server, "chutich")
    page.get_by_role("link", name="Kế hoạch năm 2025 chờ phê duyệt").click()
    page.locator("#return-form textarea").fill("Bổ sung căn cứ Quyết định của UBND huyện.")
    page.locator("#return-form").get_by_role("button", name="Trả lại").click()
    assert page.get_by_test_id("plan-status").inner_text() == "Bị trả lại"

    # The officer sees the comment, fixes the plan (adds a basis) and resubmits.
    _as(page, live_server, "laodong")
    page.get_by_role("link", name="Kế hoạch năm 2025 bị trả lại: xem ý kiến và sửa").click()
    assert "Bổ sung căn cứ Quyết định của UBND huyện." in page.get_by_test_id("return-comment").inner_text()
    page.get_by_test_id("add-bases").click()
    page.get_by_label("Loại văn bản").fill("Quyết định")
    page.get_by_label("Số, ký hiệu").fill("03/QĐ-UBND")
    page.get_by_label("Ngày ban hành").fill("10/01/2025")
    page.get_by_label("Cơ quan ban hành").fill("UBND huyện Thọ Xuân")
    page.get_by_role("button", name="Lưu").click()
    assert "03/QĐ-UBND ngày 10/01/2025" in page.locator("#bases").inner_text()
    page.get_by_test_id("submit-plan").click()

    # The chairman approves; the plan can no longer be edited.
    _as(page, live_server, "chutich")
    page.goto(detail)
    page.locator("#approve-form").get_by_role("button", name="Phê duyệt").click()
    assert page.get_by_test_id("plan-status").inner_text() == "Đã phê duyệt"
    log = page.get_by_test_id("transition-log").inner_text()
    assert log.count("Chờ phê duyệt") >= 3 and "Bổ sung căn cứ Quyết định của UBND huyện." in log
    saved = Plan.objects.get(pk=plan.pk)
    assert saved.status == PlanStatus.APPROVED and saved.approved_by == users["chutich"]

    # The PDF downloads and carries the chairman's signature block.
    with page.expect_download() as download_info:
        page.get_by_test_id("pdf-link").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "CHỦ TỊCH" in text and "Lê Văn Hùng" in text and "DỰ THẢO" not in text

    # Editing is gone for the officer too.
    _as(page, live_server, "laodong")
    page.goto(detail)
    assert page.get_by_role("link", name="Sửa các mục I – VII").count() == 0
    assert page.outside_requests == []


def test_plan_pages_fit_a_phone(phone_page, live_server, demo):
    _, plan = demo
    login(phone_page, live_server, "laodong", DEMO_PASSWORD)
    phone_page.wait_for_url(f"{live_server.url}/")
    for path in [
        "/programs/plans/",
        f"/programs/plans/{plan.pk}/",
        f"/programs/plans/{plan.pk}/components/add/",
        f"/reporting/plans/{plan.pk}/",
    ]:
        phone_page.goto(f"{live_server.url}{path}")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    assert phone_page.get_by_test_id("draft-mark").is_visible()
