"""Browser journey of Phiếu A: from a household's row on the round page the labour officer ticks the
criteria; the household is screened out (no Phiếu B) and the khu phố progress counts it. Screenshots
at 1280 and 390 px go to /tmp/phieua/."""

import pathlib

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from households.models import QuickScreen, RoundHousehold
from households.models.review_stages import ListReason
from households.services import review as review_services
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.figure_worker import run_figure_worker
from tests.households.factories import HouseholdFactory, ensure_standards

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = pathlib.Path("/tmp/phieua")


def test_labour_officer_screens_a_household_with_phieu_a(
    page, phone_page, live_server, commune, neighborhood1, labour_officer
):
    ensure_standards()
    review_round = review_services.review_round_open(
        commune=commune, year=timezone.localdate().year, user=labour_officer, uses_quick_screen=True
    )
    house = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0009", head_name="Trần Văn Khá")
    entry = RoundHousehold.objects.create(round=review_round, household=house, reason=ListReason.PROPOSED)
    login(page, live_server, labour_officer.username, PASSWORD)
    page.goto(f"{live_server.url}/households/rounds/{review_round.pk}/?kp={neighborhood1.pk}#list")
    page.get_by_test_id("quick-screen-link").click()
    expect(page.locator("h1")).to_contain_text("Phiếu A")
    page.get_by_label("Có ô tô", exact=False).check()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "phieu-a-1280.png"), full_page=True)
    page.get_by_role("button", name="Lưu Phiếu A").click()
    expect(page.get_by_test_id("screened-out")).to_be_visible()
    run_figure_worker()  # the worker recounts the round's progress, then the page shows it
    page.reload()
    expect(page.get_by_test_id("round-progress")).to_contain_text("(A: 1)")
    page.screenshot(path=str(SHOTS / "round-1280.png"), full_page=True)
    assert QuickScreen.objects.get(entry=entry).screened_out
    login(phone_page, live_server, labour_officer.username, PASSWORD)
    phone_page.goto(f"{live_server.url}/households/round-entries/{entry.pk}/phieu-a/")
    expect(phone_page.get_by_test_id("quick-screen-result")).to_contain_text("không cần Phiếu B")
    phone_page.screenshot(path=str(SHOTS / "phieu-a-390.png"), full_page=True)
