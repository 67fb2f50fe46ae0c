"""Browser journey of the periodic review in stages (QĐ 24/2021/QĐ-TTg Điều 4): one household is
surveyed, agreed at its khu phố meeting, posted, complained about (the re-check rejects the
complaint) and recognised by the chairman's decision. The clock is moved day by day (time_machine),
each day with a fresh sign-in as the idle session would have ended."""

import datetime

import pytest
import time_machine
from playwright.sync_api import expect

from households.models import Complaint, Meeting, ReviewRound, RoundStatus
from households.services.review import review_round_open
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.figure_worker import run_figure_worker
from tests.households.factories import HouseholdFactory, add_result, approved_round, ensure_standards
from thoxuan_gnbv.statuses import ComplaintStatus

pytestmark = pytest.mark.django_db(transaction=True)


def local(day: int, month: int = 10) -> datetime.datetime:
    return datetime.datetime(2026, month, day, 8, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


@pytest.fixture
def clock():
    traveller = time_machine.travel(local(1), tick=True)
    moved = traveller.start()
    yield moved
    traveller.stop()


@pytest.fixture
def listed_round(commune, neighborhood1, labour_officer, chairman, clock):
    ensure_standards()
    house = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Nguyễn Thị Hường")
    add_result(
        approved_round(commune, 2025, datetime.date(2025, 12, 10), approver=chairman), house, "near_poor"
    )
    return review_round_open(commune=commune, year=2026, user=labour_officer)


def sign_in(page, live_server, user):
    page.context.clear_cookies()
    login(page, live_server, user.username, PASSWORD)


def test_one_household_from_survey_to_the_chairmans_decision(
    page, live_server, clock, listed_round, labour_officer, chairman
):
    round_url = f"{live_server.url}/households/rounds/{listed_round.pk}/"
    sign_in(page, live_server, labour_officer)
    # Survey (Phiếu B), pre-filled from the 2025 review, then on to the khu phố meetings.
    page.goto(round_url)
    page.get_by_role("link", name="KP1-0001").click()
    page.get_by_role("link", name="Rà soát hộ").click()
    expect(page.get_by_test_id("previous-review")).to_contain_text("năm 2025")
    page.get_by_label("Thu nhập bình quân (đồng/người/tháng)").fill("1900000")
    expect(page.get_by_test_id("review-result")).to_contain_text("Hộ cận nghèo")
    page.get_by_role("button", name="Lưu kết quả").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã lưu kết quả rà soát năm 2026")
    page.goto(round_url)
    page.get_by_role("button", name="Chuyển sang họp dân").click()
    expect(page.get_by_test_id("round-status")).to_contain_text("Họp dân khu phố")
    # The meeting of Khu phố 1 on 05/10.
    clock.move_to(local(5))
    sign_in(page, live_server, labour_officer)
    run_figure_worker()  # the worker has counted the surveyed households of each khu phố
    page.goto(round_url)
    page.get_by_test_id("meeting-link").click()
    page.get_by_label("Ngày họp").fill("05/10/2026")
    page.get_by_label("Chủ trì (khu trưởng)").fill("Đỗ Văn Bình")
    page.get_by_label("Đại diện MTTQ xã giám sát").fill("Vũ Thị Hạnh")
    page.get_by_label("Số người dự họp").fill("42")
    page.get_by_label("KP1-0001 – Nguyễn Thị Hường: % đồng ý").fill("150")
    page.get_by_role("button", name="Lưu biên bản họp dân").click()
    expect(page.get_by_text("KP1-0001: tỷ lệ đồng ý không được quá 100 %")).to_be_visible()
    assert not Meeting.objects.exists()
    page.get_by_label("KP1-0001 – Nguyễn Thị Hường: % đồng ý").fill("76")
    page.get_by_role("button", name="Lưu biên bản họp dân").click()
    expect(page.get_by_test_id("meetings")).to_contain_text("42 người dự")
    # The posting from 06/10 (the end date comes pre-filled: 3 working days), and a complaint.
    clock.move_to(local(6))
    sign_in(page, live_server, labour_officer)
    page.goto(round_url)
    page.get_by_role("button", name="Bắt đầu niêm yết công khai").click()
    expect(page.get_by_test_id("postings")).to_contain_text("06/10/2026 – 08/10/2026")
    page.get_by_label("Mã hộ bị khiếu nại").fill("KP1-0001")
    page.get_by_label("Người khiếu nại").fill("Ông Trịnh Văn Hải")
    page.get_by_label("Ngày nhận").fill("06/10/2026")
    page.get_by_label("Nội dung khiếu nại").fill("Hộ có thu nhập từ cho thuê ki-ốt.")
    page.get_by_role("button", name="Ghi nhận khiếu nại").click()
    expect(page.get_by_test_id("complaints")).to_contain_text("Đang phúc tra")
    # The re-check rejects it on 09/10; the officer submits on 12/10, after the posting.
    clock.move_to(local(9))
    sign_in(page, live_server, labour_officer)
    page.goto(round_url)
    complaints = page.get_by_test_id("complaints")
    complaints.locator("select[name=status]").select_option(ComplaintStatus.REJECTED)
    complaints.locator("input[name=rechecked_on]").fill("09/10/2026")
    complaints.locator("textarea[name=result_note]").fill("Ki-ốt đã thôi cho thuê từ đầu năm.")
    complaints.get_by_role("button", name="Lưu kết luận phúc tra").click()
    expect(page.get_by_test_id("complaints")).to_contain_text("Khiếu nại không đúng")
    clock.move_to(local(12))
    sign_in(page, live_server, labour_officer)
    page.goto(round_url)
    page.get_by_role("button", name="Trình Chủ tịch phê duyệt").click()
    expect(page.get_by_test_id("round-status")).to_contain_text("Chờ Chủ tịch phê duyệt")
    # The chairman's decision: a date within the posting is refused, then the right one.
    sign_in(page, live_server, chairman)
    page.goto(round_url)
    page.get_by_label("Số quyết định công nhận").fill("12/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("08/10/2026")
    page.get_by_role("button", name="Phê duyệt").click()
    expect(page.get_by_role("alert").first).to_contain_text("sau ngày kết thúc niêm yết (08/10/2026)")
    page.get_by_label("Số quyết định công nhận").fill("12/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("12/10/2026")
    page.get_by_role("button", name="Phê duyệt").click()
    expect(page.get_by_test_id("round-status")).to_contain_text("Quyết định số 12/QĐ-UBND ngày 12/10/2026")
    assert ReviewRound.objects.get(pk=listed_round.pk).status == RoundStatus.APPROVED
    assert Complaint.objects.get().status == ComplaintStatus.REJECTED


def test_an_income_typed_before_the_script_arrives_is_previewed(
    page, live_server, listed_round, labour_officer
):
    """On a slow network the officer types before the form's script has loaded: the script previews
    what is already filled in when it arrives, not only at the next keystroke."""
    held = []
    page.route("**/households-review*.js", lambda route: held.append(route))
    sign_in(page, live_server, labour_officer)
    page.goto(f"{live_server.url}/households/rounds/{listed_round.pk}/")
    page.get_by_role("link", name="KP1-0001").click()
    page.get_by_role("link", name="Rà soát hộ").click(no_wait_after=True)
    page.get_by_label("Thu nhập bình quân (đồng/người/tháng)").fill("1900000")
    page.wait_for_timeout(500)  # no script yet, so no preview
    expect(page.get_by_test_id("review-result")).not_to_contain_text("Hộ cận nghèo")
    assert len(held) == 1
    held[0].continue_()
    expect(page.get_by_test_id("review-result")).to_contain_text("Hộ cận nghèo")
