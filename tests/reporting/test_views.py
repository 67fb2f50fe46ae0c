"""Report pages (calendar, unit report, dashboard; the compiled report's in ``test_compiled_views.py``):
permission matrix (anonymous → login, wrong role → 403, out of scope → 404, right
role → 200 with content), bad input refused in Vietnamese with nothing changed, approved reports
immutable through a direct POST, query counts independent of the number of households."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from households.models import Category
from reporting.models import Report, ReportStatus
from tests.figure_worker import get_warm, run_figure_worker
from tests.programs.delivery.factories import HouseholdFactory, approve_round
from tests.reporting.factories import add_support, status

pytestmark = pytest.mark.django_db


# --- calendar ---------------------------------------------------------------------------------------


def test_calendar_matrix(client_for, plan, head1, upper_viewer, health_station, labour_officer):
    url = reverse("reporting:calendar") + "?year=2024"
    code, response = status(client_for, None, url)
    assert code == 302 and "/dang-nhap/" in response["Location"]
    assert status(client_for, head1, url)[0] == 403
    for user in (upper_viewer, health_station, labour_officer):
        code, response = status(client_for, user, url)
        assert code == 200
        assert "Lịch báo cáo năm 2024" in response.content.decode()
        assert "trước ngày 15/06/2024 (chậm nhất 14/06/2024)" in response.content.decode()


def test_calendar_links_the_quarterly_evaluation_only_for_who_may_open_it(
    client_for, plan, health_station, labour_officer
):
    dashboard = reverse("reporting:dashboard")
    assert dashboard in client_for(labour_officer).get(reverse("reporting:calendar")).content.decode()
    assert dashboard not in client_for(health_station).get(reverse("reporting:calendar")).content.decode()


def test_calendar_shows_states_from_the_data(client_for, draft, plan, health_station, labour_officer):
    import time_machine

    with time_machine.travel(datetime.datetime(2024, 6, 16, 9, tzinfo=datetime.UTC), tick=False):
        response = client_for(labour_officer).get(reverse("reporting:calendar") + "?year=2024")
    html = response.content.decode()
    cell = html.split('data-testid="cell-3.2-Q2"')[1].split("</td>")[0]
    assert "Quá hạn" in cell
    cell = html.split('data-testid="cell-3.2-Q3"')[1].split("</td>")[0]
    assert "Chưa lập" in cell


def test_lead_unit_starts_its_report_from_the_calendar(
    client_for, period, nutrition, health_station, agriculture_officer
):
    url = reverse("reporting:report_start", args=["2024-Q2", nutrition.pk])
    assert status(client_for, agriculture_officer, url, "post")[0] == 403
    code, response = status(client_for, health_station, url, "post")
    report = Report.objects.get(component=nutrition, period=period)
    assert code == 302 and response["Location"] == reverse("reporting:report_detail", args=[report.pk])


@pytest.mark.parametrize("slug", ["2024-Q7", "2031-Q1", "abc"])
def test_starting_a_report_for_a_period_that_does_not_exist_is_404(
    client_for, plan, nutrition, health_station, slug
):
    code, _ = status(
        client_for, health_station, reverse("reporting:report_start", args=[slug, nutrition.pk]), "post"
    )
    assert code == 404
    assert not Report.objects.exists()


# --- unit report ------------------------------------------------------------------------------------


def test_report_page_matrix(client_for, draft, head1, upper_viewer, agriculture_officer, health_station):
    url = reverse("reporting:report_detail", args=[draft.pk])
    assert status(client_for, None, url)[0] == 302
    assert status(client_for, head1, url)[0] == 403
    assert status(client_for, upper_viewer, url)[0] == 404  # drafts stay inside the People's Committee
    code, response = status(client_for, agriculture_officer, url)
    assert code == 200 and "Gửi báo cáo" not in response.content.decode()
    code, response = status(client_for, health_station, url)
    assert code == 200
    html = response.content.decode()
    assert "Gửi báo cáo" in html and "Cấp 20 suất." in html


def test_report_page_shows_live_figures(client_for, draft, commune, neighborhood1, nutrition, health_station):
    for i in range(4):
        household = HouseholdFactory(neighborhood=neighborhood1, commune=commune, code=f"V-{i}")
        add_support(nutrition, household, on=datetime.date(2024, 4, 2 + i), user=health_station)
    add_support(nutrition, household, on=datetime.date(2024, 7, 2), user=health_station)  # Q3: not counted
    html = (
        client_for(health_station).get(reverse("reporting:report_detail", args=[draft.pk])).content.decode()
    )
    assert 'data-testid="fig-households">4<' in html


def test_another_units_officer_cannot_post_to_the_report(client_for, draft, agriculture_officer):
    data = {"results": "Sửa trộm", "problems": "", "proposals": "", "submit_report": "1"}
    assert (
        status(
            client_for, agriculture_officer, reverse("reporting:report_detail", args=[draft.pk]), "post", data
        )[0]
        == 403
    )
    draft.refresh_from_db()
    assert draft.results == "Cấp 20 suất." and draft.status == ReportStatus.DRAFT


def test_over_long_narrative_is_refused_in_vietnamese(client_for, draft, health_station):
    data = {"results": "x" * 8001, "problems": "", "proposals": "", "save": "1"}
    code, response = status(
        client_for, health_station, reverse("reporting:report_detail", args=[draft.pk]), "post", data
    )
    assert code == 200
    assert "tối đa 8000" in response.content.decode()  # Django's own Vietnamese message, under the field
    draft.refresh_from_db()
    assert draft.results == "Cấp 20 suất."


def test_submit_accept_through_the_pages(client_for, draft, health_station, labour_officer):
    url = reverse("reporting:report_detail", args=[draft.pk])
    data = {"results": "Cấp 25 suất.", "problems": "", "proposals": "", "submit_report": "1"}
    assert status(client_for, health_station, url, "post", data)[0] == 302
    draft.refresh_from_db()
    assert draft.status == ReportStatus.SUBMITTED and draft.results == "Cấp 25 suất."
    assert (
        status(client_for, health_station, reverse("reporting:report_accept", args=[draft.pk]), "post")[0]
        == 403
    )
    assert (
        status(client_for, labour_officer, reverse("reporting:report_accept", args=[draft.pk]), "post")[0]
        == 302
    )
    draft.refresh_from_db()
    assert draft.status == ReportStatus.ACCEPTED
    # An accepted report: a direct POST by its author is refused and changes nothing.
    data["results"] = "Sửa sau khi tiếp nhận"
    assert status(client_for, health_station, url, "post", data)[0] == 403
    draft.refresh_from_db()
    assert draft.results == "Cấp 25 suất."


def test_accepting_a_draft_through_the_page_changes_nothing(client_for, draft, labour_officer):
    response = client_for(labour_officer).post(
        reverse("reporting:report_accept", args=[draft.pk]), follow=True
    )
    assert "Chỉ tiếp nhận hoặc trả lại báo cáo đang chờ tiếp nhận." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT


# --- dashboard ----------------------------------------------------------------------------------------


def test_dashboard_matrix(client_for, plan, health_station, chairman, labour_officer, upper_viewer):
    url = reverse("reporting:dashboard") + "?year=2024"
    assert status(client_for, None, url)[0] == 302
    assert status(client_for, health_station, url)[0] == 403
    for user in (chairman, labour_officer, upper_viewer):
        code, response = status(client_for, user, url)
        html = response.content.decode()
        assert code == 200
        assert 'id="dashboard-data" type="application/json"' in html
        assert "js/dashboard.js" in html
        assert "<script>" not in html  # no inline script (CSP)


# --- query counts -------------------------------------------------------------------------------------


def _count(client, url) -> int:
    """Queries of one request (an execute wrapper: the query log is reset when a request starts)."""
    cache.clear()
    executed = []
    with connection.execute_wrapper(lambda execute, *args: executed.append(args[0]) or execute(*args)):
        assert client.get(url).status_code == 200
    return len(executed)


@pytest.mark.parametrize("name", ["calendar", "dashboard", "report", "compiled"])
def test_page_query_count_does_not_grow_with_households(
    name,
    client_for,
    commune,
    neighborhood1,
    chairman,
    labour_officer,
    health_station,
    draft,
    compiled,
    nutrition,
):
    urls = {
        "calendar": reverse("reporting:calendar") + "?year=2024",
        "dashboard": reverse("reporting:dashboard") + "?year=2024",
        "report": reverse("reporting:report_detail", args=[draft.pk]),
        "compiled": reverse("reporting:compiled_detail", args=[compiled.pk]),
    }
    client = client_for(chairman if name == "dashboard" else labour_officer)

    def grow(n, start):
        households = [
            HouseholdFactory(neighborhood=neighborhood1, commune=commune, code=f"Q-{start + i}")
            for i in range(n)
        ]
        for household in households:
            add_support(nutrition, household, on=datetime.date(2024, 5, 1), user=health_station)
        approve_round(
            commune,
            datetime.date(2023, 12, 1 + start // 5),
            dict.fromkeys(households, Category.POOR),
            chairman,
        )

    grow(5, 0)
    get_warm(client, urls[name])  # the worker computes what the new data made stale
    few = _count(client, urls[name])
    grow(45, 5)
    get_warm(client, urls[name])
    many = _count(client, urls[name])
    assert few == many
    # The pages read stored figures: a few queries, never the computation.
    assert 5 < few < 70


def test_dashboard_figures_follow_new_support_despite_the_cache(
    client_for, plan, commune, neighborhood1, nutrition, health_station, chairman
):
    url = reverse("reporting:dashboard") + "?year=2024"
    client = client_for(chairman)
    before = client.get(url).context["data"].totals["households"]
    household = HouseholdFactory(neighborhood=neighborhood1, commune=commune, code="C-1")
    add_support(nutrition, household, on=datetime.date(2024, 3, 3), user=health_station)
    run_figure_worker()  # the support queued its commune-year figures
    after = client.get(url).context["data"].totals["households"]
    assert (before, after) == (0, 1)


def test_admin_pages_of_reports_open(client_for, draft, compiled, admin_user):
    client = client_for(admin_user)
    for url in (
        reverse("admin:reporting_report_change", args=[draft.pk]),
        reverse("admin:reporting_compiledreport_change", args=[compiled.pk]),
        reverse("admin:reporting_report_changelist"),
    ):
        assert client.get(url).status_code == 200


def test_calendar_links_a_compiled_draft_only_for_who_may_open_it(
    client_for, compiled, upper_viewer, labour_officer
):
    """Readers open approved compiled reports only: a draft shows its state without a link (it would
    answer 404 to them)."""
    from thoxuan_gnbv.statuses import CompiledStatus

    url = reverse("reporting:calendar") + "?year=2024"
    detail = reverse("reporting:compiled_detail", args=[compiled.pk])
    assert detail in client_for(labour_officer).get(url).content.decode()
    page = client_for(upper_viewer).get(url).content.decode()
    assert detail not in page and "Đang soạn" in page
    assert client_for(upper_viewer).get(detail).status_code == 404
    type(compiled).objects.filter(pk=compiled.pk).update(
        status=CompiledStatus.APPROVED, approved_by=labour_officer, approved_at=compiled.created_at,
        issued_on=datetime.date(2024, 7, 5), document_number="12/BC-UBND",
    )  # fmt: skip
    assert detail in client_for(upper_viewer).get(url).content.decode()
