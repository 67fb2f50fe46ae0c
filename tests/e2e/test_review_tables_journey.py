"""Browser journey: the labour officer opens the approved 2024 round, follows the panel to its result
tables, reads them on a desktop and on a phone, and downloads the workbook (opened with openpyxl).
Screenshots go to /tmp/tables/ for a person to look at."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from demo.registry import seed_commune, seed_households
from demo.users import DEMO_PASSWORD, seed_users
from households.models import ReviewRound
from tests.e2e.conftest import login
from tests.figure_worker import warm_figures

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path("/tmp/tables")


def test_labour_officer_reads_and_downloads_the_2024_tables(page, phone_page, live_server, transactional_db):
    users = seed_users()
    seed_households(seed_commune(users), users)
    approved = ReviewRound.objects.get(year=2024)
    warm_figures(approved.commune, 2024)  # the worker's job queued by the approval
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "laodong", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/households/rounds/{approved.pk}/")
    assert page.locator('[data-testid="review-tables-panel"]').is_visible()
    page.screenshot(path=str(SHOTS / "round-1280.png"))
    page.get_by_role("link", name="Xem biểu kết quả").click()
    page.wait_for_url(f"**/reporting/rounds/{approved.pk}/tables/")
    poor = page.locator('[data-testid="sheet-poor"]')
    assert "KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2024" in poor.inner_text()
    assert "Tổng cộng" in poor.inner_text()
    page.screenshot(path=str(SHOTS / "page-1280.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Excel (biểu và danh sách)").click()
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert book.sheetnames[:2] == ["Hộ nghèo", "Hộ cận nghèo"]
    assert page.outside_requests == []

    login(phone_page, live_server, "laodong", DEMO_PASSWORD)
    phone_page.wait_for_url(f"{live_server.url}/")
    phone_page.goto(f"{live_server.url}/reporting/rounds/{approved.pk}/tables/")
    assert phone_page.locator('[data-testid="review-downloads"]').is_visible()
    # The page itself never scrolls sideways: the wide tables scroll inside their own box.
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1
    phone_page.screenshot(path=str(SHOTS / "page-390.png"), full_page=True)
