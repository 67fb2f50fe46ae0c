"""Demo reports of 2024 (``manage.py seed_demo``): every unit's Q1 and Q2 reports submitted — most
on time, a few late — and accepted; the compiled Q1 report approved as 12/BC-UBND. Safe to re-run:
a commune that already has 2024 reporting periods is left as it is.

The services stamp submissions and approvals with the real clock; demo data happened in 2024, so
those timestamps are moved back afterwards with queryset updates (the only writes here that bypass
the services, and only for timestamps)."""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from programs.models import Plan
from reporting import services
from reporting.figures.reports import plan_components
from reporting.models import (
    CompiledReport,
    CompiledReportTransition,
    CompiledStatus,
    Report,
    ReportingPeriod,
    ReportStatus,
    ReportTransition,
)
from reporting.periods import is_late, parse_period
from thoxuan_gnbv import access, workflow

YEAR = 2024
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
# period, submission day for most units, (component codes submitted late, their day)
SUBMISSIONS = [
    ("2024-Q1", datetime.date(2024, 3, 12), ({"6.1"}, datetime.date(2024, 3, 19))),
    ("2024-Q2", datetime.date(2024, 6, 13), ({"3.1", "7.2"}, datetime.date(2024, 6, 18))),
]
RESULTS = {
    "3.2": "Tổ chức cân, đo chiều cao cho trẻ em dưới 5 tuổi của hộ nghèo, cận nghèo; cấp sản phẩm dinh dưỡng và tư vấn chăm sóc dinh dưỡng cho các bà mẹ.",
    "3.1": "Rà soát nhu cầu hỗ trợ phát triển sản xuất; hỗ trợ giống cây trồng, vật nuôi cho hộ nghèo, hộ cận nghèo có đăng ký.",
    "6.1": "Duy trì tin bài trên đài truyền thanh thị trấn về chính sách giảm nghèo; cập nhật bảng tin tại các khu phố.",
}
DEFAULT_RESULT = (
    "Triển khai các nội dung theo kế hoạch; phối hợp các khu phố rà soát đối tượng, tuyên truyền chính sách."
)


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=HCM)


def _author(component, users_by_role):
    return users_by_role.get(access.delivery_recorder_role(component))


@transaction.atomic
def seed_reports_2024(commune, users) -> int:
    if ReportingPeriod.objects.filter(commune=commune, year=YEAR).exists():
        return 0
    plan = Plan.objects.approved_for(commune, YEAR)
    if plan is None:
        return 0
    users_by_role = {user.role: user for user in users.values() if user.role}
    officer, chairman = users["laodong"], users["chutich"]
    components = plan_components(plan)
    count = 0
    for slug, on_time_day, (late_codes, late_day) in SUBMISSIONS:
        period = services.period_open(commune=commune, period=parse_period(slug))
        for component in components:
            author = _author(component, users_by_role)
            if author is None:
                continue
            report = services.report_open(period=period, component=component, user=author)
            report = services.report_update(
                report=report,
                user=author,
                results=RESULTS.get(component.code, DEFAULT_RESULT),
                problems="Kinh phí phân bổ chậm so với kế hoạch." if component.code == "3.1" else "",
                proposals="Đề nghị cấp trên sớm phân bổ kinh phí năm 2024."
                if component.code == "3.1"
                else "",
            )
            report = services.report_submit(report=report, user=author)
            day = late_day if component.code in late_codes else on_time_day
            Report.objects.filter(pk=report.pk).update(
                submitted_at=_at(day), last_submitted_at=_at(day), is_late=is_late(day, period.due_date)
            )
            report.refresh_from_db()
            # Nobody accepts their own report: the labour officer's own go to the chairman.
            acceptor = chairman if author == officer else officer
            report = services.report_accept(report=report, user=acceptor)
            with workflow.seeding():
                Report.objects.filter(pk=report.pk).update(
                    accepted_at=_at(day + datetime.timedelta(days=1), 15)
                )
            ReportTransition.objects.filter(report=report, to_status=ReportStatus.DRAFT).update(
                at=_at(day - datetime.timedelta(days=3))
            )
            ReportTransition.objects.filter(report=report, to_status=ReportStatus.SUBMITTED).update(
                at=_at(day)
            )
            ReportTransition.objects.filter(report=report, to_status=ReportStatus.ACCEPTED).update(
                at=_at(day + datetime.timedelta(days=1), 15)
            )
            count += 1
    q1 = ReportingPeriod.objects.get(commune=commune, year=YEAR, code="Q1")
    compiled = services.compiled_open(period=q1, user=officer)
    compiled = services.compiled_update(
        compiled=compiled,
        user=officer,
        general_situation=(
            "Quý I năm 2024, UBND thị trấn đã ban hành kế hoạch thực hiện Chương trình, phân công các đơn vị "
            "chủ trì từng dự án, tiểu dự án; các khu phố phối hợp rà soát, theo dõi hộ nghèo, hộ cận nghèo."
        ),
        steering=(
            "UBND thị trấn ban hành Kế hoạch thực hiện Chương trình năm 2024, phân công công chức, đơn vị "
            "chủ trì từng dự án, tiểu dự án; tổ chức hội nghị triển khai tới 12 khu phố."
        ),
        results="Các đơn vị gửi báo cáo quý I cơ bản đúng hạn; một đơn vị gửi muộn.",
        problems="Kinh phí năm 2024 được phân bổ chậm so với kế hoạch.",
        proposals="Đề nghị UBND huyện sớm phân bổ kinh phí năm 2024 để các đơn vị triển khai hỗ trợ.",
    )
    compiled = services.compiled_submit(compiled=compiled, user=officer)
    services.compiled_approve(
        compiled=compiled, user=chairman, document_number="12", issued_on=datetime.date(2024, 3, 28)
    )
    with workflow.seeding():
        CompiledReport.objects.filter(pk=compiled.pk).update(
            submitted_at=_at(datetime.date(2024, 3, 25)), approved_at=_at(datetime.date(2024, 3, 28), 16)
        )
    steps = ((CompiledStatus.DRAFT, 22), (CompiledStatus.SUBMITTED, 25), (CompiledStatus.APPROVED, 28))
    for status, day in steps:
        CompiledReportTransition.objects.filter(compiled_report=compiled, to_status=status).update(
            at=_at(datetime.date(2024, 3, day), 16)
        )
    _seed_later_compiled(commune, officer)
    return count


# The narrative of the later compiled reports (Q2 sent to the chairman; H1 and the year in draft), so
# the demo shows each period's report in full: TT 10/2022/TT-BLĐTBXH Mẫu 01 for H1 and the year.
LATER_COMPILED = {
    "Q2": (
        "Quý II năm 2024, tình hình kinh tế - xã hội trên địa bàn thị trấn ổn định; các đơn vị triển khai hỗ "
        "trợ sản xuất, dinh dưỡng, đào tạo nghề cho hộ nghèo, hộ cận nghèo theo kế hoạch.",
        "UBND thị trấn chỉ đạo các khu phố rà soát nhu cầu hỗ trợ; kiểm tra việc cấp giống tại khu phố 3, 5.",
    ),
    "H1": (
        "6 tháng đầu năm 2024, UBND thị trấn tập trung triển khai Kế hoạch thực hiện Chương trình; các dự án "
        "hỗ trợ trực tiếp hộ nghèo, hộ cận nghèo được triển khai từ tháng 4.",
        "Ban hành kế hoạch năm, phân công đơn vị chủ trì; tổ chức 01 đợt kiểm tra, giám sát việc hỗ trợ "
        "phát triển sản xuất tại các khu phố.",
    ),
    "YEAR": (
        "Năm 2024, các dự án, tiểu dự án của Chương trình được triển khai đồng bộ; số hộ nghèo giảm từ 44 hộ "
        "đầu năm xuống 40 hộ cuối năm theo kết quả rà soát.",
        "UBND thị trấn chỉ đạo rà soát hộ nghèo, hộ cận nghèo cuối năm; tổ chức giám sát, đánh giá thực hiện "
        "Chương trình theo Thông tư 10/2022/TT-BLĐTBXH.",
    ),
}


def _seed_later_compiled(commune, officer):
    for code, (situation, steering) in LATER_COMPILED.items():
        slug = str(YEAR) if code == "YEAR" else f"{YEAR}-{code}"
        period = services.period_open(commune=commune, period=parse_period(slug))
        compiled = services.compiled_open(period=period, user=officer)
        compiled = services.compiled_update(
            compiled=compiled,
            user=officer,
            general_situation=situation,
            steering=steering,
            problems="Kinh phí phân bổ chậm; một số hộ nghèo không có khả năng lao động khó thoát nghèo.",
            proposals="Đề nghị UBND huyện phân bổ kinh phí sớm và hướng dẫn thống nhất biểu mẫu báo cáo.",
        )
        if code == "Q2":
            services.compiled_submit(compiled=compiled, user=officer)
