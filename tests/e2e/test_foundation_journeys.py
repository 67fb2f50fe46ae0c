"""Each demo role logs in through the real login page in Chromium and sees its home page."""

import pytest

from demo.registry import seed_commune
from demo.users import DEMO_PASSWORD, DEMO_USERS, seed_users
from tests.e2e.conftest import login
from thoxuan_gnbv.home import DUTIES

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_users(transactional_db):
    users = seed_users()
    seed_commune(users)
    return users


@pytest.mark.parametrize(("username", "role"), [(u, r) for u, r, *_ in DEMO_USERS])
def test_each_demo_role_logs_in_and_sees_its_home(page, live_server, demo_users, username, role):
    login(page, live_server, username, DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Xin chào")
    assert DUTIES[role] in page.locator("main").inner_text()
    assert "Thị trấn Thọ Xuân" in page.locator("nav").inner_text()
    assert page.outside_requests == []


def test_wrong_password_shows_vietnamese_error(page, live_server, demo_users):
    login(page, live_server, "laodong", "mat-khau-sai")
    alert = page.locator(".alert-danger, .invalid-feedback, .errorlist").first
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in alert.inner_text()
    assert "/dang-nhap/" in page.url


def test_anonymous_visit_redirects_to_login(page, live_server, demo_users):
    page.goto(f"{live_server.url}/households/")
    assert "/dang-nhap/?next=/households/" in page.url
    assert page.get_by_role("heading", name="Đăng nhập").is_visible()


def test_logout_returns_to_login(page, live_server, demo_users):
    login(page, live_server, "chutich", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/dang-nhap/")
    page.goto(f"{live_server.url}/")
    assert "/dang-nhap/" in page.url


@pytest.mark.parametrize("path", ["/dang-nhap/", "/"])
def test_pages_fit_a_phone_without_horizontal_scroll(phone_page, live_server, demo_users, path):
    if path != "/dang-nhap/":
        login(phone_page, live_server, "khupho1", DEMO_PASSWORD)
        phone_page.wait_for_url(f"{live_server.url}/")
    phone_page.goto(f"{live_server.url}{path}")
    scroll_width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390
    # The menu collapses behind the toggler on a phone and opens when tapped.
    if path == "/":
        toggler = phone_page.locator(".navbar-toggler")
        assert toggler.is_visible()
        toggler.click()
        phone_page.get_by_role("button", name="Đăng xuất").wait_for(state="visible")
