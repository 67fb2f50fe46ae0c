"""Unit reports: opened from the plan's regime, written by the lead unit, submitted on time or late
(time frozen on both sides of each deadline), accepted or returned by the labour officer, frozen
once accepted by every path."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from reporting import messages, services
from reporting.models import Report, ReportStatus, ReportTransition
from reporting.periods import parse_period
from tests.reporting.factories import RULES_2024, make_reporting_plan, open_period

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def at(day: datetime.date, hour=9, minute=0):
    return time_machine.travel(
        datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HCM), tick=False
    )


def written(period, component, user, results="Đã cấp 20 suất dinh dưỡng cho trẻ em."):
    report = services.report_open(period=period, component=component, user=user)
    return services.report_update(report=report, user=user, results=results, problems="", proposals="")


def test_period_takes_its_due_date_from_the_plan(commune, plan):
    for code, due in RULES_2024.items():
        slug = "2024" if code == "YEAR" else f"2024-{code}"
        assert open_period(commune, slug).due_date == due


def test_due_dates_are_data_a_different_plan_gives_different_dates(other_commune, chairman, labour_officer):
    from tests.factories import UnitFactory

    rules = {"Q2": datetime.date(2025, 7, 5)}
    make_reporting_plan(
        other_commune,
        approver=chairman,
        author=labour_officer,
        lead_unit=UnitFactory(commune=other_commune),
        rules=rules,
        year=2025,
    )
    assert open_period(other_commune, "2025-Q2").due_date == datetime.date(2025, 7, 5)
    with pytest.raises(ValidationError) as error:
        open_period(other_commune, "2025-Q1")
    assert "không quy định kỳ báo cáo" in str(error.value)


def test_period_without_approved_plan_is_refused(commune):
    with pytest.raises(ValidationError) as error:
        services.period_open(commune=commune, period=parse_period("2030-Q1"))
    assert error.value.messages == [messages.NO_APPROVED_PLAN.format(year=2030)]


@pytest.mark.parametrize(("code", "due"), list(RULES_2024.items()))
def test_submitted_at_the_last_minute_before_the_named_day_is_on_time(
    commune, plan, nutrition, health_station, code, due
):
    # "Trước ngày 15/6": 23:59 on the 14th is the last minute on time.
    period = open_period(commune, "2024" if code == "YEAR" else f"2024-{code}")
    report = written(period, nutrition, health_station)
    with at(due - datetime.timedelta(days=1), 23, 59):
        report = services.report_submit(report=report, user=health_station)
    assert report.status == ReportStatus.SUBMITTED
    assert report.is_late is False


@pytest.mark.parametrize(("code", "due"), list(RULES_2024.items()))
def test_submitted_on_the_named_day_is_late_but_accepted(commune, plan, nutrition, health_station, code, due):
    period = open_period(commune, "2024" if code == "YEAR" else f"2024-{code}")
    report = written(period, nutrition, health_station)
    with at(due, 0, 1):
        report = services.report_submit(report=report, user=health_station)
    assert report.status == ReportStatus.SUBMITTED
    assert report.is_late is True


def test_resubmitting_after_a_return_keeps_the_first_submission_timeliness(
    commune, plan, nutrition, health_station, labour_officer
):
    period = open_period(commune, "2024-Q2")
    report = written(period, nutrition, health_station)
    with at(datetime.date(2024, 6, 10)):
        report = services.report_submit(report=report, user=health_station)
    report = services.report_return(report=report, user=labour_officer, comment="Bổ sung số trẻ được hỗ trợ.")
    with at(datetime.date(2024, 6, 25)):
        report = services.report_submit(report=report, user=health_station)
    assert report.is_late is False
    assert report.submitted_at.astimezone(HCM).date() == datetime.date(2024, 6, 10)
    assert report.last_submitted_at.astimezone(HCM).date() == datetime.date(2024, 6, 25)


def test_only_the_lead_units_officer_opens_the_report(
    commune, plan, nutrition, agriculture_officer, labour_officer
):
    period = open_period(commune, "2024-Q2")
    for user in (agriculture_officer, labour_officer):
        with pytest.raises(ValidationError) as error:
            services.report_open(period=period, component=nutrition, user=user)
        assert error.value.messages == [messages.NOT_REPORT_AUTHOR]
    assert not Report.objects.exists()


def test_another_units_report_cannot_be_edited_or_submitted(
    commune, plan, nutrition, health_station, agriculture_officer
):
    period = open_period(commune, "2024-Q2")
    report = written(period, nutrition, health_station)
    with pytest.raises(ValidationError):
        services.report_update(
            report=report, user=agriculture_officer, results="khác", problems="", proposals=""
        )
    with pytest.raises(ValidationError):
        services.report_submit(report=report, user=agriculture_officer)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.results == "Đã cấp 20 suất dinh dưỡng cho trẻ em."


def test_a_component_of_another_plan_is_refused(
    commune, plan, health_station, other_commune, chairman, labour_officer, health_unit
):
    from tests.factories import UnitFactory
    from tests.reporting.factories import component

    other = make_reporting_plan(
        other_commune, approver=chairman, author=labour_officer, lead_unit=UnitFactory(commune=other_commune)
    )
    with pytest.raises(ValidationError) as error:
        services.report_open(
            period=open_period(commune, "2024-Q2"), component=component(other, "3.2"), user=health_station
        )
    assert messages.COMPONENT_NOT_IN_PLAN in error.value.messages


def test_over_long_narrative_is_refused_and_nothing_changes(commune, plan, nutrition, health_station):
    report = written(open_period(commune, "2024-Q2"), nutrition, health_station)
    with pytest.raises(ValidationError) as error:
        services.report_update(
            report=report, user=health_station, results="x" * 8001, problems="", proposals=""
        )
    assert "results" in error.value.message_dict
    report.refresh_from_db()
    assert report.results == "Đã cấp 20 suất dinh dưỡng cho trẻ em."


def test_submit_needs_results(commune, plan, nutrition, health_station):
    report = written(open_period(commune, "2024-Q2"), nutrition, health_station, results="  ")
    with pytest.raises(ValidationError) as error:
        services.report_submit(report=report, user=health_station)
    assert error.value.message_dict == {"results": [messages.RESULTS_REQUIRED]}


def test_accepting_a_report_that_is_not_submitted_is_refused(
    commune, plan, nutrition, health_station, labour_officer
):
    report = written(open_period(commune, "2024-Q2"), nutrition, health_station)
    with pytest.raises(ValidationError) as error:
        services.report_accept(report=report, user=labour_officer)
    assert error.value.messages == [messages.REPORT_NOT_SUBMITTED]
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_only_the_labour_officer_accepts(commune, plan, nutrition, health_station, chairman):
    report = written(open_period(commune, "2024-Q2"), nutrition, health_station)
    report = services.report_submit(report=report, user=health_station)
    for user in (health_station, chairman):
        with pytest.raises(ValidationError):
            services.report_accept(report=report, user=user)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_labour_officer_cannot_accept_their_own_report_the_chairman_does(
    commune, plan, livelihood, labour_officer, chairman
):
    report = written(open_period(commune, "2024-Q2"), livelihood, labour_officer)
    report = services.report_submit(report=report, user=labour_officer)
    with pytest.raises(ValidationError) as error:
        services.report_accept(report=report, user=labour_officer)
    assert error.value.messages == [messages.NOT_REPORT_REVIEWER]
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    report = services.report_accept(report=report, user=chairman)
    assert report.status == ReportStatus.ACCEPTED
    assert report.accepted_by == chairman


def test_home_page_lists_each_report_for_the_one_who_may_accept_it(
    client_for, commune, plan, livelihood, nutrition, labour_officer, health_station, chairman
):
    period = open_period(commune, "2024-Q2")
    own = services.report_submit(report=written(period, livelihood, labour_officer), user=labour_officer)
    unit = services.report_submit(report=written(period, nutrition, health_station), user=health_station)
    officer_home = client_for(labour_officer).get("/").text
    chairman_home = client_for(chairman).get("/").text
    assert f"của {unit.component} chờ tiếp nhận" in officer_home
    assert f"của {own.component} chờ tiếp nhận" not in officer_home
    assert f"của {own.component} chờ tiếp nhận" in chairman_home
    assert f"của {unit.component} chờ tiếp nhận" not in chairman_home


def test_return_needs_a_comment(commune, plan, nutrition, health_station, labour_officer):
    report = services.report_submit(
        report=written(open_period(commune, "2024-Q2"), nutrition, health_station), user=health_station
    )
    with pytest.raises(ValidationError) as error:
        services.report_return(report=report, user=labour_officer, comment=" ")
    assert error.value.message_dict == {"return_comment": [messages.RETURN_COMMENT_REQUIRED]}


def test_accepted_report_is_frozen_by_every_path(commune, plan, nutrition, health_station, labour_officer):
    report = services.report_submit(
        report=written(open_period(commune, "2024-Q2"), nutrition, health_station), user=health_station
    )
    report = services.report_accept(report=report, user=labour_officer)
    with pytest.raises(ValidationError):
        services.report_update(report=report, user=health_station, results="sửa", problems="", proposals="")
    report.results = "sửa trực tiếp"
    with pytest.raises(ValidationError):
        report.save()
    with pytest.raises(ValidationError):
        report.delete()
    stored = Report.objects.get(pk=report.pk)
    assert stored.results == "Đã cấp 20 suất dinh dưỡng cho trẻ em."
    assert stored.status == ReportStatus.ACCEPTED


def test_every_transition_and_change_is_recorded(commune, plan, nutrition, health_station, labour_officer):
    report = written(open_period(commune, "2024-Q2"), nutrition, health_station)
    report = services.report_submit(report=report, user=health_station)
    report = services.report_return(report=report, user=labour_officer, comment="Thiếu số liệu.")
    report = services.report_submit(report=report, user=health_station)
    services.report_accept(report=report, user=labour_officer)
    steps = list(
        ReportTransition.objects.filter(report=report).values_list(
            "from_status", "to_status", "actor__username"
        )
    )
    assert steps == [
        ("", "draft", "tramyte"),
        ("draft", "submitted", "tramyte"),
        ("submitted", "returned", "laodong"),
        ("returned", "submitted", "tramyte"),
        ("submitted", "accepted", "laodong"),
    ]
    assert report.history.count() >= 6


# --- the workflow core: four-eyes and the log -----------------------------------------------------


def test_the_author_never_returns_their_own_report(commune, plan, livelihood, labour_officer):
    report = services.report_submit(
        report=written(open_period(commune, "2024-Q2"), livelihood, labour_officer), user=labour_officer
    )
    with pytest.raises(ValidationError) as error:
        services.report_return(report=report, user=labour_officer, comment="Tự trả lại")
    assert error.value.messages == [messages.NOT_REPORT_REVIEWER]
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_the_core_refuses_the_author_even_past_the_role_check(commune, plan, livelihood, labour_officer):
    from thoxuan_gnbv import messages as workflow_messages
    from thoxuan_gnbv import workflow

    report = services.report_submit(
        report=written(open_period(commune, "2024-Q2"), livelihood, labour_officer), user=labour_officer
    )
    with pytest.raises(ValidationError) as error:
        workflow.transition(report, to=ReportStatus.ACCEPTED, user=labour_officer)
    assert error.value.messages == [workflow_messages.FOUR_EYES]
    assert not ReportTransition.objects.filter(report=report, to_status=ReportStatus.ACCEPTED).exists()


def test_acceptance_clears_an_earlier_return_reason(commune, plan, nutrition, health_station, labour_officer):
    report = services.report_submit(
        report=written(open_period(commune, "2024-Q2"), nutrition, health_station), user=health_station
    )
    report = services.report_return(report=report, user=labour_officer, comment="Bổ sung số liệu.")
    assert report.return_comment == "Bổ sung số liệu."
    report = services.report_submit(report=report, user=health_station)
    report = services.report_accept(report=report, user=labour_officer)
    assert Report.objects.get(pk=report.pk).return_comment == ""
    assert report.accepted_by == labour_officer and report.last_submitted_at >= report.submitted_at
