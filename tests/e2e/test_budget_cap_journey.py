"""The allocation cap as the accountant meets it: a line past what is left of the allocation, and one
on a sub-project with nothing allocated, are refused on the estimate page with the sub-project, the
source and the shortfall named; the line that fits is accepted and the page compares the estimate
with the allocation. Screenshots at 1280 and 390 px go to /tmp/money/."""

import pathlib

import pytest

from programs.models import EstimateLine, FundingSource
from programs.services.budget import estimate_create
from tests.e2e.conftest import login
from tests.factories import PASSWORD, CommuneFactory, UnitFactory, UserFactory
from tests.programs.delivery.factories import allocate, approved_estimate, components_by_code, make_plan
from thoxuan_gnbv.models import Role

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = pathlib.Path("/tmp/money")


@pytest.fixture
def world(transactional_db):
    commune = CommuneFactory(code="tho-xuan-cap", name="Thị trấn Kiểm Thử")
    chairman = UserFactory(username="chutich", role=Role.CHAIRMAN, full_name="Lê Văn Hùng", commune=commune)
    accountant = UserFactory(
        username="ketoan", role=Role.ACCOUNTANT, full_name="Phạm Thị Lan", commune=commune
    )
    plan = make_plan(
        commune,
        approver=chairman,
        author=UserFactory(username="laodong", role=Role.LABOUR_OFFICER, commune=commune),
        lead_unit=UnitFactory(commune=commune, name="UBND thị trấn Kiểm Thử"),
    )
    components = components_by_code(plan)
    # 3.1 central: 10 million in an approved estimate (its own allocation), then 40 million more.
    approved_estimate(commune, components["3.1"], amount=10_000_000, accountant=accountant, approver=chairman)
    allocate(components["3.1"], 40_000_000, accountant)
    draft = estimate_create(commune=commune, year=2024, title="Dự toán bổ sung đợt 2", user=accountant)
    return {"components": components, "draft": draft}


def add_line(page, component, amount):
    page.select_option("#id_component", str(component.pk))
    page.select_option("#id_source", FundingSource.CENTRAL)
    page.fill("#id_content", "Hỗ trợ giống bò sinh sản")
    page.fill("#id_amount", amount)
    page.get_by_role("button", name="Thêm dòng").click()


def test_accountant_is_refused_a_line_past_the_allocation(page, browser, live_server, world):
    SHOTS.mkdir(exist_ok=True)
    components, draft = world["components"], world["draft"]
    login(page, live_server, "ketoan", PASSWORD)
    page.goto(f"{live_server.url}/programs/budget/estimates/{draft.pk}/")

    add_line(page, components["3.1"], "45.000.000")
    error = page.locator("main form").filter(has_text="Thêm dòng").inner_text()
    assert "3.1." in error and "Ngân sách trung ương" in error
    assert "các dự toán khác đã giữ 10.000.000 đ" in error and "thiếu 5.000.000 đ" in error
    page.screenshot(path=SHOTS / "estimate-refused-1280.png", full_page=True)

    add_line(page, components["7.1"], "5.000.000")
    error = page.locator("main form").filter(has_text="Thêm dòng").inner_text()
    assert "7.1." in error and "chưa được phân bổ kinh phí" in error and "thiếu 5.000.000 đ" in error
    assert not EstimateLine.objects.filter(estimate=draft).exists()

    add_line(page, components["3.1"], "40.000.000")
    assert "Đã thêm dòng dự toán." in page.locator(".alert-success[role=alert]").inner_text()
    cap = page.get_by_test_id("estimate-cap")
    assert "40.000.000 đ" in cap.inner_text() and "vượt" not in cap.inner_text()
    assert page.get_by_test_id("cap-total-remaining").inner_text() == "0 đ"
    page.screenshot(path=SHOTS / "estimate-cap-1280.png", full_page=True)

    phone = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844}, is_mobile=True)
    small = phone.new_page()
    login(small, live_server, "ketoan", PASSWORD)
    small.goto(f"{live_server.url}/programs/budget/estimates/{draft.pk}/")
    add_line(small, components["3.1"], "1.000")
    assert "thiếu 1.000 đ" in small.locator("main form").filter(has_text="Thêm dòng").inner_text()
    small.screenshot(path=SHOTS / "estimate-refused-390.png", full_page=True)
    assert small.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()
    assert page.outside_requests == []
