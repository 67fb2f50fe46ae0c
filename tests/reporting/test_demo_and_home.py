"""Demo reports of 2024, the menu entries and the home-page tasks of the reporting side."""

import datetime

import pytest
from django.urls import reverse

from demo.plan_builder import seed_plan_2024
from demo.registry import seed_commune
from demo.reports_2024 import seed_reports_2024
from demo.units import seed_units
from demo.users import seed_users
from reporting import services
from reporting.models import CompiledReport, CompiledStatus, Report, ReportStatus
from tests.reporting.factories import open_period
from thoxuan_gnbv.navigation import home_sections_for, nav_for

pytestmark = pytest.mark.django_db


def test_demo_reports_are_seeded_once(tmp_path):
    users = seed_users()
    commune = seed_commune(users)
    seed_units(commune, users)
    seed_plan_2024(commune, users)
    created = seed_reports_2024(commune, users)
    assert created == Report.objects.count() == 18  # nine components × Q1, Q2
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.ACCEPTED}
    late = set(Report.objects.filter(is_late=True).values_list("period__code", "component__project__number"))
    assert late == {("Q1", 6), ("Q2", 3), ("Q2", 7)}
    compiled = CompiledReport.objects.get(period__code="Q1")
    assert (compiled.status, compiled.document_reference, compiled.issued_on) == (
        CompiledStatus.APPROVED,
        "12/BC-UBND",
        datetime.date(2024, 3, 28),
    )
    assert compiled.snapshot["timeliness"]["late"] == 1
    assert seed_reports_2024(commune, users) == 0
    assert Report.objects.count() == 18


def test_menu_entries_follow_roles(chairman, health_station, head1):
    assert [i.label for i in nav_for(chairman) if i.url_name.startswith("reporting:")] == [
        "Báo cáo",
        "Đánh giá quý",
    ]
    assert [i.label for i in nav_for(health_station) if i.url_name.startswith("reporting:")] == ["Báo cáo"]
    assert not [i for i in nav_for(head1) if i.url_name.startswith("reporting:")]


def _report_tasks(user):
    return [
        task for section in home_sections_for(user) if section.title == "Báo cáo" for task in section.tasks
    ]


def test_home_tasks_for_each_step(
    commune, plan, nutrition, health_station, labour_officer, chairman, time_machine
):
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, tzinfo=datetime.UTC))
    due = {t.text: t.due for t in _report_tasks(health_station)}
    assert due["Viết và gửi báo cáo quý II năm 2024"] == datetime.date(2024, 6, 15)
    report = services.report_open(
        period=open_period(commune, "2024-Q2"), component=nutrition, user=health_station
    )
    services.report_update(report=report, user=health_station, results="Kết quả.", problems="", proposals="")
    report = services.report_submit(report=report, user=health_station)
    tasks = _report_tasks(labour_officer)
    awaiting = [t for t in tasks if t.text.endswith("chờ tiếp nhận")]
    assert len(awaiting) == 1 and awaiting[0].url == reverse("reporting:report_detail", args=[report.pk])
    compiled = services.compiled_open(period=report.period, user=labour_officer)
    compiled = services.compiled_update(
        compiled=compiled,
        user=labour_officer,
        general_situation="Chung.",
        steering="Đã ban hành kế hoạch, phân công đơn vị chủ trì.",
        problems="Không có.",
        proposals="Không có.",
    )
    services.compiled_submit(compiled=compiled, user=labour_officer)
    assert any(t.text == "Báo cáo tổng hợp quý II năm 2024 chờ phê duyệt" for t in _report_tasks(chairman))
    time_machine.move_to(datetime.datetime(2024, 9, 20, 9, tzinfo=datetime.UTC))
    today = datetime.date(2024, 9, 20)
    overdue = [t for t in _report_tasks(health_station) if t.is_overdue(today)]
    # Q1 and the 6-month report were never sent, Q3 is past its date; Q2 was sent on time. The
    # oldest deadline comes first.
    assert [(t.text, t.due, t.level) for t in overdue] == [
        ("Viết và gửi báo cáo quý I năm 2024", datetime.date(2024, 3, 15), "danger"),
        ("Viết và gửi báo cáo 6 tháng đầu năm 2024", datetime.date(2024, 6, 20), "danger"),
        ("Viết và gửi báo cáo quý III năm 2024", datetime.date(2024, 9, 15), "danger"),
    ]
