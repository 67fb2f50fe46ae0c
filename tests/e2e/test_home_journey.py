"""Browser journeys of the home page and the phone layout: the health station's home lists its
overdue report, most urgent first, and opens the calendar; on a phone a wide table keeps its first
column in place while the rest scrolls, and the household page shows who is the head."""

import pytest
from playwright.sync_api import expect

from households.models import Relation
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.households.factories import HouseholdFactory, MemberFactory
from tests.reporting.factories import make_reporting_plan

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plan(commune, peoples_committee, health_unit, chairman, labour_officer):
    """The approved 2024 plan with its reporting regime; nothing sent yet, so every 2024 report of
    the health station is overdue today."""
    return make_reporting_plan(
        commune,
        approver=chairman,
        author=labour_officer,
        lead_unit=peoples_committee,
        health_unit=health_unit,
    )


def test_health_station_home_lists_its_overdue_report_first(page, live_server, plan, health_station):
    login(page, live_server, health_station.username, PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_test_id("home-overdue")).to_contain_text("việc đã quá hạn")
    reports = page.get_by_test_id("home-section").filter(has=page.get_by_text("Báo cáo", exact=True))
    tasks = reports.get_by_test_id("home-task")
    first = tasks.first
    expect(first).to_contain_text("Viết và gửi báo cáo quý I năm 2024")
    expect(first.get_by_test_id("home-task-due")).to_contain_text("Hạn 15/03/2024 · đã quá hạn")
    expect(tasks.nth(1)).to_contain_text("quý II năm 2024")  # the next deadline, 15/06/2024
    first.get_by_role("link").click()
    expect(page.get_by_test_id("calendar")).to_be_visible()
    assert page.url.endswith("/reporting/calendar/?year=2024")


def test_phone_wide_table_keeps_its_first_column(phone_page, live_server, plan, labour_officer):
    login(phone_page, live_server, labour_officer.username, PASSWORD)
    phone_page.wait_for_url(f"{live_server.url}/")
    phone_page.goto(f"{live_server.url}/reporting/calendar/?year=2024")
    box = phone_page.locator(".table-scroll").first
    expect(phone_page.get_by_test_id("table-scroll-hint").first).to_be_visible()
    first_cell = box.locator("tbody tr").first.locator("td, th").first
    before = first_cell.bounding_box()["x"]
    later_cell = box.locator("tbody tr").first.locator("td").nth(2)
    later_before = later_cell.bounding_box()["x"]
    box.evaluate("element => { element.scrollLeft = 200; element.dispatchEvent(new Event('scroll')); }")
    expect(box).to_have_class("table-responsive table-scroll has-overflow is-scrolled")
    assert abs(first_cell.bounding_box()["x"] - before) < 1  # sticky: stays in place (border half-pixel)
    assert later_cell.bounding_box()["x"] < later_before  # the others scrolled
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390  # the page itself does not


def test_phone_household_page_shows_the_head(phone_page, live_server, commune, neighborhood1, head1):
    household = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Nguyễn Thị Hường")
    MemberFactory(household=household, full_name="Nguyễn Thị Hường", relation_to_head=Relation.HEAD)
    MemberFactory(household=household, full_name="Phạm Văn Sơn", relation_to_head=Relation.SPOUSE)
    login(phone_page, live_server, head1.username, PASSWORD)
    phone_page.wait_for_url(f"{live_server.url}/")
    phone_page.goto(f"{live_server.url}/households/{household.pk}/")
    badge = phone_page.get_by_test_id("head-badge")
    expect(badge).to_have_count(1)
    expect(badge).to_be_in_viewport()
    box = badge.bounding_box()
    assert box["x"] + box["width"] <= 390  # seen without scrolling sideways
    row = phone_page.get_by_test_id("member-table").locator("tr", has=badge)
    expect(row).to_contain_text("Nguyễn Thị Hường")
