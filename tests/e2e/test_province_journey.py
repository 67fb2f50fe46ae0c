"""Browser journey: the province viewer ``captinh`` signs in and lands on the province roll-up, opens
the approved Q1 compiled report of Thọ Xuân from it, comes back and downloads the province workbook
from its job page (read back with openpyxl). Screenshots of the roll-up at 1280 and 390 px go to
/tmp/province/."""

import importlib
import io
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from openpyxl import load_workbook

from demo.plan_builder import seed_plan_2024
from demo.registry import seed_commune, seed_households
from demo.reports_2024 import seed_reports_2024
from demo.units import seed_units
from demo.users import DEMO_PASSWORD, seed_province_viewer, seed_users
from households.models import Commune
from reporting.province_tasks import refresh_province_rows
from tests.e2e.conftest import login

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.shared_cache]
SHOTS = Path("/tmp/province")


def _seed():
    catalogue = importlib.import_module("programs.migrations.0003_seed_program_catalogue_qd90")
    catalogue.seed(django_apps, None)
    importlib.import_module("programs.migrations.0008_seed_component_rules_qd90").seed(django_apps, None)
    users = seed_users()
    commune = seed_commune(users)
    seed_province_viewer()
    seed_units(commune, users)
    seed_plan_2024(commune, users)
    seed_households(commune, users)
    seed_reports_2024(commune, users)
    # The worker's refresh, as db_worker runs it after the approvals.
    refresh_province_rows.call(commune_ids=list(Commune.objects.values_list("pk", flat=True)), year=2024)
    return commune


def test_province_viewer_reads_the_roll_up_drills_in_and_downloads(page, phone_page, live_server, settings):
    # The workbook is a background job: here the task runs at once, as a db_worker would pick it up.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    commune = _seed()
    # Seeding the demo's reports is the slow part; the pages themselves answer within the default.
    page.set_default_timeout(60000)
    phone_page.set_default_timeout(60000)
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "captinh", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/reporting/province/")
    page.goto(f"{live_server.url}/reporting/province/?year=2024")
    table = page.locator('[data-testid="province-rollup"]')
    assert commune.name in table.inner_text()
    assert "Toàn tỉnh" in page.locator('[data-testid="province-total"]').inner_text()
    page.screenshot(path=str(SHOTS / "rollup-1280.png"), full_page=True)

    page.locator('[data-testid="compiled-link"]').first.click()
    page.wait_for_url("**/reporting/compiled/*/")
    assert "12/BC-UBND" in page.content()

    page.goto(f"{live_server.url}/reporting/province/?year=2024")
    page.locator('[data-testid="province-workbook"]').click()
    page.wait_for_url("**/reporting/province/jobs/*/")
    assert "Đã xong" in page.locator('[data-testid="job-status"]').inner_text()
    with page.expect_download() as download:
        page.locator('[data-testid="job-download"]').click()
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()), read_only=True)
    rows = list(book["Hộ nghèo"].iter_rows(values_only=True))
    assert rows[6][1] == "Xã/phường"
    assert any(len(r) > 1 and r[1] == commune.name for r in rows)
    assert page.outside_requests == []

    login(phone_page, live_server, "captinh", DEMO_PASSWORD)
    phone_page.wait_for_url(f"{live_server.url}/reporting/province/")
    phone_page.goto(f"{live_server.url}/reporting/province/?year=2024")
    assert phone_page.locator('[data-testid="province-workbook"]').is_visible()
    # The wide table scrolls inside its own box; the page never scrolls sideways.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    phone_page.screenshot(path=str(SHOTS / "rollup-390.png"), full_page=True)
