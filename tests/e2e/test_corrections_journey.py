"""Corrections in the browser: the agriculture officer corrects a support's amount with a reason and
sees old → new and the reason under "Lịch sử điều chỉnh"; once quý II's report is accepted, voiding a
support of that quarter becomes a request the chairman approves from the task on the home page."""

import datetime

import pytest
from django.utils import timezone

from households.models import Category
from programs.models import Correction, Support
from reporting.models import Report, ReportingPeriod
from tests.e2e.conftest import login
from tests.factories import PASSWORD, CommuneFactory, NeighborhoodFactory, UnitFactory, UserFactory
from tests.programs.delivery.factories import (
    HouseholdFactory,
    MemberFactory,
    approve_round,
    components_by_code,
    make_plan,
    make_support,
)
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.statuses import CorrectionStatus, ReportStatus
from thoxuan_gnbv.workflow import seeding

pytestmark = pytest.mark.django_db(transaction=True)
REASON = "Phiếu chi PC-2024-051 ghi 1.200.000 đ, nhập nhầm khi ghi nhận"


@pytest.fixture
def world(transactional_db):
    commune = CommuneFactory(code="tho-xuan-e2e", name="Thị trấn Kiểm Thử")
    users = {
        role: UserFactory(username=name, role=role, full_name=full, commune=commune)
        for name, role, full in [
            ("chutich", Role.CHAIRMAN, "Lê Văn Hùng"),
            ("laodong", Role.LABOUR_OFFICER, "Nguyễn Thị Hường"),
            ("nongnghiep", Role.AGRICULTURE_OFFICER, "Trịnh Văn Nam"),
        ]
    }
    unit = UnitFactory(commune=commune, name="UBND thị trấn Kiểm Thử")
    plan = make_plan(
        commune, approver=users[Role.CHAIRMAN], author=users[Role.LABOUR_OFFICER], lead_unit=unit
    )
    farming = components_by_code(plan)["3.1"]
    household = HouseholdFactory(
        neighborhood=NeighborhoodFactory(commune=commune, name="Khu phố 1"),
        code="KP1-0007",
        head_name="Lê Văn Hải",
    )
    MemberFactory(household=household, full_name="Lê Văn Hải")
    approve_round(commune, datetime.date(2023, 12, 22), {household: Category.POOR}, users[Role.CHAIRMAN])
    officer = users[Role.AGRICULTURE_OFFICER]
    open_support = make_support(farming, household, officer, supported_on=datetime.date(2024, 8, 12))
    reported = make_support(farming, household, officer, n=1, supported_on=datetime.date(2024, 5, 10))
    period = ReportingPeriod.objects.create(
        commune=commune,
        plan=plan,
        year=2024,
        code="Q2",
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2024, 6, 30),
        due_date=datetime.date(2024, 6, 15),
    )
    now = timezone.now()
    with seeding():
        Report.objects.create(
            period=period,
            component=farming,
            lead_unit=unit,
            status=ReportStatus.ACCEPTED,
            created_by=officer,
            submitted_by=officer,
            submitted_at=now,
            accepted_by=users[Role.LABOUR_OFFICER],
            accepted_at=now,
        )
    return {"open": open_support, "reported": reported}


def test_a_correction_and_its_reason_show_in_the_history(page, live_server, world):
    # 1. The officer corrects the amount of an August support: applied at once, old → new and the reason kept.
    login(page, live_server, "nongnghiep", PASSWORD)
    page.goto(f"{live_server.url}/programs/support/{world['open'].pk}/")
    page.get_by_role("link", name="Sửa số liệu").click()
    page.fill("#id_central_amount", "1.200.000")
    page.get_by_role("button", name="Lưu điều chỉnh").click()
    assert "Lý do điều chỉnh" in page.locator("main form").inner_text()  # the reason is required
    page.fill("#id_reason", REASON)
    page.get_by_role("button", name="Lưu điều chỉnh").click()
    history = page.get_by_test_id("correction-history").inner_text()
    assert "Ngân sách trung ương (đồng): 1.000.000 đ → 1.200.000 đ" in history
    assert REASON in history and "Đã điều chỉnh" in history
    assert Support.objects.get(pk=world["open"].pk).central_amount == 1_200_000

    # 2. A support of quý II is in an accepted report: voiding it waits for the chairman.
    page.goto(f"{live_server.url}/programs/support/{world['reported'].pk}/")
    page.get_by_role("link", name="Hủy bỏ").click()
    page.fill("#id_reason", "Hộ đã nhận giống từ mô hình khác, ghi nhận trùng")
    page.get_by_role("button", name="Hủy bỏ bản ghi").click()
    assert "gửi Chủ tịch phê duyệt" in page.locator(".alert-warning[role=alert]").inner_text()
    assert "Chờ Chủ tịch phê duyệt" in page.get_by_test_id("correction-history").inner_text()
    assert Support.objects.filter(pk=world["reported"].pk).exists()
    page.context.clear_cookies()

    # 3. The chairman approves from the home page; the support is voided, and its history says so.
    login(page, live_server, "chutich", PASSWORD)
    page.get_by_role("link", name="Đề nghị điều chỉnh số liệu đã báo cáo chờ phê duyệt").click()
    page.get_by_test_id("pending-corrections").get_by_role("link").first.click()
    assert "Hộ đã nhận giống từ mô hình khác" in page.get_by_test_id("correction-reason").inner_text()
    page.get_by_role("button", name="Phê duyệt và áp dụng").click()
    assert "Đã phê duyệt và áp dụng điều chỉnh" in page.locator(".alert-success[role=alert]").inner_text()
    assert Correction.objects.get(object_id=world["reported"].pk).status == CorrectionStatus.APPROVED
    assert not Support.objects.filter(pk=world["reported"].pk).exists()
    page.goto(f"{live_server.url}/programs/support/{world['reported'].pk}/")
    assert "Đã hủy bỏ" in page.get_by_test_id("voided-note").inner_text()
    assert "Lê Văn Hùng" in page.get_by_test_id("correction-history").inner_text()
