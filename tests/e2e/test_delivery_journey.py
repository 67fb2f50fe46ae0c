"""Delivery and budget in the browser: the health station records a nutrition support for a child
(after the portal refuses a 16-year-old), the accountant pays out against an approved estimate line,
and the chairman approves a submitted estimate from the task on the home page."""

import datetime

import pytest

from households.models import Category, Relation, Sex
from programs.models import Disbursement, Estimate, EstimateStatus, FundingSource, Support
from programs.services.budget import estimate_create, estimate_line_add, estimate_submit
from tests.e2e.conftest import login
from tests.factories import PASSWORD, CommuneFactory, NeighborhoodFactory, UnitFactory, UserFactory
from tests.programs.delivery.factories import (
    HouseholdFactory,
    MemberFactory,
    allocate,
    approve_round,
    approved_estimate,
    components_by_code,
    make_plan,
)
from thoxuan_gnbv.models import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db):
    commune = CommuneFactory(code="tho-xuan-e2e", name="Thị trấn Kiểm Thử")
    users = {
        role: UserFactory(username=name, role=role, full_name=full, commune=commune)
        for name, role, full in [
            ("chutich", Role.CHAIRMAN, "Lê Văn Hùng"),
            ("laodong", Role.LABOUR_OFFICER, "Nguyễn Thị Hường"),
            ("tramyte", Role.HEALTH_STATION, "Hoàng Thị Mai"),
            ("ketoan", Role.ACCOUNTANT, "Phạm Thị Lan"),
        ]
    }
    plan = make_plan(
        commune,
        approver=users[Role.CHAIRMAN],
        author=users[Role.LABOUR_OFFICER],
        lead_unit=UnitFactory(commune=commune, name="UBND thị trấn Kiểm Thử"),
    )
    components = components_by_code(plan)
    household = HouseholdFactory(
        neighborhood=NeighborhoodFactory(commune=commune, name="Khu phố 1"),
        code="KP1-0007",
        head_name="Lê Văn Hải",
    )
    MemberFactory(household=household, full_name="Lê Văn Hải")
    MemberFactory(
        household=household,
        full_name="Lê Thị Bống",
        sex=Sex.FEMALE,
        relation_to_head=Relation.CHILD,
        date_of_birth=datetime.date(2015, 8, 1),
    )
    MemberFactory(
        household=household,
        full_name="Lê Văn Lớn",
        relation_to_head=Relation.CHILD,
        date_of_birth=datetime.date(2008, 1, 1),
    )
    approve_round(commune, datetime.date(2023, 12, 22), {household: Category.POOR}, users[Role.CHAIRMAN])
    line = approved_estimate(
        commune,
        components["3.2"],
        amount=30_000_000,
        accountant=users[Role.ACCOUNTANT],
        approver=users[Role.CHAIRMAN],
    )
    allocate(components["6.2"], 15_000_000, users[Role.ACCOUNTANT], source=FundingSource.LOCAL)
    pending = estimate_create(
        commune=commune, year=2024, title="Dự toán bổ sung quý III", user=users[Role.ACCOUNTANT]
    )
    estimate_line_add(
        estimate=pending,
        component=components["6.2"],
        source=FundingSource.LOCAL,
        content="Truyền thông sân khấu hóa",
        amount="15.000.000",
        user=users[Role.ACCOUNTANT],
    )
    estimate_submit(estimate=pending, user=users[Role.ACCOUNTANT])
    return {"components": components, "household": household, "line": line, "pending": pending}


def fill_nutrition(page, world, member_name):
    page.select_option("#id_component", str(world["components"]["3.2"].pk))
    page.select_option("#id_member", label=member_name)
    page.fill("#id_supported_on", "03/06/2024")
    page.select_option("#id_support_type", "nutrition")
    page.fill("#id_description", "Sữa và vi chất dinh dưỡng 6 tháng")
    page.fill("#id_quantity", "6")
    page.fill("#id_unit", "hộp")
    page.fill("#id_central_amount", "720.000")
    page.get_by_role("button", name="Ghi nhận hỗ trợ").click()


def test_nutrition_support_disbursement_and_estimate_approval(page, live_server, world):
    # 1. The health station finds the household and records nutrition support for a child.
    login(page, live_server, "tramyte", PASSWORD)
    page.get_by_role("link", name="Hỗ trợ", exact=True).click()
    page.get_by_role("link", name="Ghi nhận hỗ trợ").click()
    page.fill("#id_q", "KP1-0007")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name="KP1-0007 – Lê Văn Hải").click()
    fill_nutrition(page, world, "Lê Văn Lớn")  # 16 on 03/06/2024: refused with the reason
    assert "chỉ hỗ trợ trẻ em dưới 16 tuổi" in page.locator("main form").inner_text()
    assert not Support.objects.exists()
    fill_nutrition(page, world, "Lê Thị Bống")
    assert "Đã ghi nhận hỗ trợ cho hộ KP1-0007" in page.locator(".alert-success[role=alert]").inner_text()
    assert "Lê Thị Bống" in page.get_by_test_id("support-facts").inner_text()
    support = Support.objects.get()
    assert support.member.full_name == "Lê Thị Bống" and support.central_amount == 720_000
    page.context.clear_cookies()

    # 2. The accountant pays out against the approved line.
    login(page, live_server, "ketoan", PASSWORD)
    page.goto(f"{live_server.url}/programs/budget/estimates/{world['line'].estimate_id}/")
    page.get_by_role("link", name="Giải ngân").click()
    page.fill("#id_paid_on", "10/06/2024")
    page.fill("#id_amount", "31.000.000")
    page.fill("#id_voucher_number", "PC-2024-034")
    page.fill("#id_payee", "Trạm y tế thị trấn")
    page.get_by_role("button", name="Ghi nhận giải ngân").click()
    assert "Vượt dự toán được duyệt" in page.locator("main form").inner_text()
    page.fill("#id_amount", "12.000.000")
    page.get_by_role("button", name="Ghi nhận giải ngân").click()
    assert "PC-2024-034" in page.get_by_test_id("disbursement-list").inner_text()
    assert Disbursement.objects.get().amount == 12_000_000
    page.context.clear_cookies()

    # 3. The chairman approves the submitted estimate from the home page task.
    login(page, live_server, "chutich", PASSWORD)
    page.get_by_role("link", name="Dự toán “Dự toán bổ sung quý III” chờ phê duyệt").click()
    page.get_by_role("button", name="Phê duyệt dự toán").click()
    assert "Đã phê duyệt dự toán" in page.locator(".alert-success[role=alert]").inner_text()
    assert page.get_by_test_id("estimate-status").first.inner_text() == "Đã phê duyệt"
    assert Estimate.objects.get(pk=world["pending"].pk).status == EstimateStatus.APPROVED
    assert page.get_by_role("button", name="Phê duyệt dự toán").count() == 0
    assert page.outside_requests == []


def test_overview_reads_well_on_a_phone(phone_page, live_server, world):
    login(phone_page, live_server, "chutich", PASSWORD)
    phone_page.goto(f"{live_server.url}/programs/components/{world['components']['3.2'].pk}/")
    assert "Cải thiện dinh dưỡng" in phone_page.locator("h1").inner_text()
    # Nothing wider than the screen except inside the scrollable tables.
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
