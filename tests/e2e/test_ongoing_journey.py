"""Browser journey of an ongoing review: the labour officer records a household's request received
today and sees its deadline and working days left on the list and on its page; a request already
late shows red."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from households.models import RequestKind, ReviewRequest
from households.ongoing_deadlines import decision_due, working_days_left
from households.services import ongoing as services
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.households.factories import HouseholdFactory, ensure_standards

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def households(neighborhood1, labour_officer):
    ensure_standards()
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Nguyễn Thị Hường")
    late = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0002", head_name="Lê Văn Muộn")
    services.review_request_record(
        commune=late.commune, household=late, kind=RequestKind.RECOGNISE,
        received_on=datetime.date(2025, 3, 10), user=labour_officer,
    )  # fmt: skip


def test_labour_officer_records_a_request_and_sees_its_days_left(
    page, live_server, households, labour_officer
):
    today = timezone.localdate()
    due = decision_due(today)
    left = working_days_left(due, today)
    login(page, live_server, labour_officer.username, PASSWORD)
    page.goto(f"{live_server.url}/households/requests/")
    late_row = page.get_by_test_id("request-row").filter(has_text="KP1-0002")
    expect(late_row.get_by_test_id("days-left")).to_contain_text("Quá hạn")
    expect(late_row.get_by_test_id("days-left")).to_have_class("badge text-bg-danger")
    page.get_by_test_id("request-create").click()
    page.get_by_label("Mã hộ").fill("KP1-0001")
    page.get_by_label("Đề nghị rà soát, công nhận hộ nghèo, hộ cận nghèo (Mẫu số 01)").check()
    page.get_by_label("Ngày nhận giấy đề nghị").fill(today.strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Ghi nhận giấy đề nghị").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Hạn quyết định: {due:%d/%m/%Y}")
    expect(page.get_by_test_id("request-status")).to_contain_text(f"Còn {left} ngày làm việc")
    expect(page.get_by_test_id("survey-form")).to_be_visible()
    page.get_by_role("link", name="Rà soát thường xuyên").first.click()
    row = page.get_by_test_id("request-row").filter(has_text="KP1-0001")
    expect(row).to_contain_text("Đã tiếp nhận")
    expect(row.get_by_test_id("days-left")).to_have_text(f"Còn {left} ngày làm việc")
    request = ReviewRequest.objects.get(household__code="KP1-0001")
    assert (request.received_on, request.due_on, request.received_by) == (today, due, labour_officer)
    assert page.outside_requests == []
