"""Each role's home page lists what is due for them with its deadline, the most urgent first, in a
number of queries that does not grow with the number of reports."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reporting import services
from reporting.queries import latest_calendars, reporting_calendar
from tests.reporting.factories import component, make_reporting_plan, open_period
from thoxuan_gnbv.navigation import home_sections_for

pytestmark = pytest.mark.django_db


def _tasks(user, title="Báo cáo"):
    return [task for section in home_sections_for(user) if section.title == title for task in section.tasks]


def _submit(period, comp, user):
    report = services.report_open(period=period, component=comp, user=user)
    services.report_update(report=report, user=user, results="Kết quả.", problems="", proposals="")
    return services.report_submit(report=report, user=user)


def test_labour_officer_sees_the_compiled_report_to_write_until_it_is_submitted(
    commune, plan, labour_officer, time_machine
):
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, tzinfo=datetime.UTC))
    tasks = {t.text: t for t in _tasks(labour_officer) if "tổng hợp" in t.text}
    assert tasks["Lập báo cáo tổng hợp quý I năm 2024"].due == datetime.date(2024, 3, 15)
    assert tasks["Lập báo cáo tổng hợp quý I năm 2024"].level == "danger"
    assert tasks["Lập báo cáo tổng hợp quý II năm 2024"].due == datetime.date(2024, 6, 15)
    # Q3 is due on 15/09, more than 30 days ahead: not yet on the page.
    assert "Lập báo cáo tổng hợp quý III năm 2024" not in tasks
    compiled = services.compiled_open(period=open_period(commune, "2024-Q1"), user=labour_officer)
    compiled = services.compiled_update(
        compiled=compiled,
        user=labour_officer,
        general_situation="Chung.",
        steering="Đã ban hành kế hoạch.",
        problems="Không có.",
        proposals="Không có.",
    )
    services.compiled_submit(compiled=compiled, user=labour_officer)
    texts = [t.text for t in _tasks(labour_officer)]
    assert "Lập báo cáo tổng hợp quý I năm 2024" not in texts
    assert "Lập báo cáo tổng hợp quý II năm 2024" in texts


def test_overdue_tasks_come_first_across_sections(commune, plan, health_station, time_machine):
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, tzinfo=datetime.UTC))
    sections = home_sections_for(health_station, today=datetime.date(2024, 6, 10))
    assert sections[0].title == "Nhiệm vụ của bạn"  # the role's duty stays on top
    assert sections[1].title == "Báo cáo"
    assert [(t.text, t.due) for t in sections[1].tasks] == [
        ("Viết và gửi báo cáo quý I năm 2024", datetime.date(2024, 3, 15)),  # overdue
        ("Viết và gửi báo cáo quý II năm 2024", datetime.date(2024, 6, 15)),
        ("Viết và gửi báo cáo 6 tháng đầu năm 2024", datetime.date(2024, 6, 20)),
    ]


def test_home_page_shows_deadlines_and_the_overdue_count(
    commune, plan, health_station, client_for, time_machine
):
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, tzinfo=datetime.UTC))
    page = client_for(health_station).get(reverse("home")).content.decode()
    assert "1 việc đã quá hạn" in page
    assert "Hạn 15/03/2024 · đã quá hạn 87 ngày" in page
    assert "Hạn 15/06/2024" in page
    assert page.index("quý I năm 2024") < page.index("quý II năm 2024")


def test_fatherland_front_sees_approved_compiled_reports_to_supervise(
    commune, plan, labour_officer, chairman, fatherland_front, time_machine
):
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, tzinfo=datetime.UTC))
    assert _tasks(fatherland_front, "Giám sát: báo cáo đã phê duyệt") == []
    compiled = services.compiled_open(period=open_period(commune, "2024-Q1"), user=labour_officer)
    compiled = services.compiled_update(
        compiled=compiled,
        user=labour_officer,
        general_situation="Chung.",
        steering="Đã ban hành kế hoạch.",
        problems="Không có.",
        proposals="Không có.",
    )
    compiled = services.compiled_submit(compiled=compiled, user=labour_officer)
    services.compiled_approve(
        compiled=compiled, user=chairman, document_number="20", issued_on=datetime.date(2024, 6, 10)
    )
    tasks = _tasks(fatherland_front, "Giám sát: báo cáo đã phê duyệt")
    assert [t.text for t in tasks] == [
        "Báo cáo tổng hợp quý I năm 2024 (số 20/BC-UBND, ngày 10/06/2024): xem để giám sát"
    ]
    assert tasks[0].url == reverse("reporting:compiled_detail", args=[compiled.pk])
    # MTTQ writes no report: nothing "to write" for them.
    assert _tasks(fatherland_front) == []


def _home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return len(queries)


def test_labour_officer_home_queries_do_not_grow_with_reports(
    commune,
    plan,
    labour_officer,
    health_station,
    agriculture_officer,
    culture_officer,
    client_for,
    time_machine,
):
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, tzinfo=datetime.UTC))
    period = open_period(commune, "2024-Q2")
    _submit(period, component(plan, "3.2"), health_station)
    client = client_for(labour_officer)
    one = _home_queries(client)
    _submit(period, component(plan, "3.1"), agriculture_officer)
    _submit(period, component(plan, "6.1"), culture_officer)
    assert len([t for t in _tasks(labour_officer) if t.text.endswith("chờ tiếp nhận")]) == 3
    assert _home_queries(client) == one


def test_reports_left_unsent_last_year_stay_on_the_home_page(commune, plan, health_station, time_machine):
    time_machine.move_to(datetime.datetime(2025, 2, 3, 9, tzinfo=datetime.UTC))
    overdue = [t for t in _tasks(health_station) if t.is_overdue(datetime.date(2025, 2, 3))]
    assert [t.text for t in overdue][:2] == [
        "Viết và gửi báo cáo quý I năm 2024",
        "Viết và gửi báo cáo quý II năm 2024",
    ]
    assert "Viết và gửi báo cáo năm 2024" in [t.text for t in overdue]


def test_the_two_years_followed_are_read_together_as_each_years_calendar(
    commune,
    plan,
    peoples_committee,
    chairman,
    labour_officer,
    health_station,
    time_machine,
    django_assert_num_queries,
):
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, tzinfo=datetime.UTC))
    make_reporting_plan(
        commune, approver=chairman, author=labour_officer, lead_unit=peoples_committee, year=2023
    )
    make_reporting_plan(
        commune, approver=chairman, author=labour_officer, lead_unit=peoples_committee, year=2025
    )
    _submit(open_period(commune, "2024-Q1"), component(plan, "3.2"), health_station)
    today = datetime.date(2024, 6, 10)

    with django_assert_num_queries(5):  # plans, rules, components, reports, compiled reports
        calendars = latest_calendars(commune, up_to=2024, count=2, today=today)
        states = [[[cell.state for cell in row.cells] for row in c.rows] for c in calendars]

    assert [c.year for c in calendars] == [2024, 2023]  # 2025 is not followed yet
    for calendar in calendars:
        alone = reporting_calendar(commune, calendar.year, today=today)
        assert calendar.plan == alone.plan
        assert [c.period for c in calendar.columns] == [c.period for c in alone.columns]
        assert [r.component for r in calendar.rows] == [r.component for r in alone.rows]
    assert states[0] == [
        [cell.state for cell in row.cells] for row in reporting_calendar(commune, 2024, today=today).rows
    ]
    # The report submitted for 2024 is on the 2024 calendar only.
    assert [cell.report is not None for row in calendars[0].rows for cell in row.cells].count(True) == 1
    assert not any(cell.report for row in calendars[1].rows for cell in row.cells)
