"""Browser journeys: Playwright drives Debian's Chromium against Django's live server.

Playwright cannot download its own browsers here, so it launches /usr/bin/chromium. Without that
binary the journeys cannot run: in CI that is a failure, on a developer's machine they are skipped
with a message saying how to install it.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make between
# browser steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _is_browser_test(item) -> bool:
    return "tests/e2e/" in str(item.fspath).replace(os.sep, "/")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _is_browser_test(item):
            item.add_marker(pytest.mark.e2e)
    # Browser journeys run last: Playwright's event loop stays in the test thread for the session, and a
    # later test calling async_to_sync (the health page) would refuse to run beside it.
    items.sort(key=_is_browser_test)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Không tìm thấy Chromium tại {CHROMIUM}: cài bằng 'apt-get install -y chromium'."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context per test, with every request outside the live server recorded."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.outside_requests = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:", "blob:"))
            else page.outside_requests.append(request.url)
        ),
    )
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A 390 px wide phone viewport."""
    context = browser.new_context(
        locale="vi-VN",
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def login(page, live_server, username, password):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit], input[type=submit]")


@pytest.fixture(autouse=True)
def _migration_seed_data(request):
    """Journeys run on transactional databases, which a previous journey's flush left without the data
    the migrations seed (poverty standards, programme catalogues): put it back before each one, as a
    fresh installation has it."""
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("transactional_db")
    from tests.households.factories import ensure_standards
    from tests.programs.factories import program

    ensure_standards()
    program()
