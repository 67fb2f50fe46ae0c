"""Copying the 2025 plan to 2026 in Chromium: the copy moves into the 2026–2030 programme's catalogue and
the page lists, in Vietnamese, the component that does not continue (QĐ 90 Dự án 1)."""

import pytest

from demo.registry import seed_commune
from demo.units import seed_units
from demo.users import DEMO_PASSWORD, seed_users
from programs.models import Plan, Unit
from programs.services import plans as services
from tests.e2e.conftest import login
from tests.programs.factories import NEXT_PROGRAM_CODE, ComponentFactory, make_draft, program, project

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = "/tmp/law2026"


@pytest.fixture
def approved_2025(transactional_db):
    program()  # transactional tests flush what the data migrations seeded: this puts both catalogues back
    users = seed_users()
    commune = seed_commune(users)
    seed_units(commune, users)
    ubnd = Unit.objects.get(commune=commune, short_name="UBND thị trấn")
    plan = make_draft(commune, users["laodong"], ubnd, year=2025, components=3)
    ComponentFactory(plan=plan, position=4, project=project(1), lead_unit=ubnd)
    services.plan_submit(plan=plan, user=users["laodong"])
    return services.plan_approve(plan=plan, user=users["phochutich"])


@pytest.mark.parametrize("width", [1280, 390])
def test_copy_to_2026_lists_the_component_that_does_not_continue(browser, live_server, approved_2025, width):
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    login(page, live_server, "laodong", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/programs/plans/{approved_2025.pk}/")
    page.get_by_role("button", name="Sao chép sang năm 2026").click()
    # The copy's report page answers the copy: what moved to 2026, and the component that does not continue.
    page.get_by_text("không tiếp tục").first.wait_for()
    copy = Plan.objects.get(year=2026)
    text = page.locator("main").inner_text()
    assert "không tiếp tục" in text and "Dự án 1:" in text
    assert copy.program.code == NEXT_PROGRAM_CODE
    page.screenshot(path=f"{SHOTS}/copy-2026-{width}.png", full_page=False)
    page.goto(f"{live_server.url}/programs/plans/new/")
    page.screenshot(path=f"{SHOTS}/plan-create-{width}.png", full_page=False)
    context.close()
