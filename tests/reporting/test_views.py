"""Report pages: permission matrix (anonymous → login, wrong role → 403, out of scope → 404, right
role → 200 with content), bad input refused in Vietnamese with nothing changed, approved reports
immutable through a direct POST, query counts independent of the number of households."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from households.models import Category
from reporting import services
from reporting.models import CompiledReport, CompiledStatus, DocumentJob, Report, ReportStatus
from tests.programs.delivery.factories import HouseholdFactory, approve_round
from tests.reporting.factories import add_support, open_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(commune, plan):
    return open_period(commune, "2024-Q2")


@pytest.fixture
def draft(period, nutrition, health_station):
    report = services.report_open(period=period, component=nutrition, user=health_station)
    return services.report_update(
        report=report, user=health_station, results="Cấp 20 suất.", problems="", proposals=""
    )


def status(client_for, user, url, method="get", data=None):
    client = client_for(user)
    response = getattr(client, method)(url, data or {})
    return response.status_code, response


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
        assert "hạn 15/06/2024" in response.content.decode()


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


# --- compiled report --------------------------------------------------------------------------------


@pytest.fixture
def compiled(period, labour_officer):
    compiled = services.compiled_open(period=period, user=labour_officer)
    return services.compiled_update(
        compiled=compiled, user=labour_officer, general_situation="Tình hình chung."
    )


def test_compiled_page_matrix(
    client_for, compiled, head1, upper_viewer, accountant, labour_officer, chairman
):
    url = reverse("reporting:compiled_detail", args=[compiled.pk])
    assert status(client_for, None, url)[0] == 302
    assert status(client_for, head1, url)[0] == 403
    assert status(client_for, upper_viewer, url)[0] == 404  # observers see approved reports only
    code, response = status(client_for, accountant, url)
    assert code == 200 and "Trình Chủ tịch" not in response.content.decode()
    code, response = status(client_for, labour_officer, url)
    assert (
        code == 200
        and "Trình Chủ tịch" in response.content.decode()
        and "BÁO CÁO" in response.content.decode()
    )
    assert "Phê duyệt và ban hành" not in status(client_for, chairman, url)[1].content.decode()


def test_compiled_start_only_for_the_labour_officer(client_for, period, chairman, labour_officer):
    url = reverse("reporting:compiled_start", args=["2024-Q2"])
    assert status(client_for, chairman, url, "post")[0] == 403
    assert status(client_for, labour_officer, url, "post")[0] == 302
    assert CompiledReport.objects.filter(period=period).count() == 1


def test_approving_a_non_submitted_compiled_report_is_refused(client_for, compiled, chairman):
    data = {"document_number": "45", "issued_on": timezone.localdate().strftime("%d/%m/%Y")}
    status(client_for, chairman, reverse("reporting:compiled_approve", args=[compiled.pk]), "post", data)
    compiled.refresh_from_db()
    assert compiled.status == CompiledStatus.DRAFT


def test_submit_approve_then_frozen_through_every_page(
    client_for, compiled, labour_officer, chairman, upper_viewer
):
    url = reverse("reporting:compiled_detail", args=[compiled.pk])
    form = {
        "general_situation": "Tình hình chung.",
        "results": "",
        "problems": "",
        "proposals": "",
        "recipients": "UBND huyện (B/c)",
    }
    assert status(client_for, labour_officer, url, "post", form | {"submit_report": "1"})[0] == 302
    approve_url = reverse("reporting:compiled_approve", args=[compiled.pk])
    data = {"document_number": "45", "issued_on": timezone.localdate().strftime("%d/%m/%Y")}
    assert status(client_for, labour_officer, approve_url, "post", data)[0] == 403
    assert status(client_for, chairman, approve_url, "post", data)[0] == 302
    compiled.refresh_from_db()
    assert compiled.status == CompiledStatus.APPROVED and compiled.document_reference == "45/BC-UBND"
    # Now frozen: a direct POST by the labour officer is refused and changes nothing.
    assert status(client_for, labour_officer, url, "post", form | {"general_situation": "Sửa"})[0] == 403
    assert (
        status(
            client_for,
            chairman,
            reverse("reporting:compiled_return", args=[compiled.pk]),
            "post",
            {"comment": "x"},
        )[0]
        == 302
    )
    compiled.refresh_from_db()
    assert compiled.general_situation == "Tình hình chung." and compiled.status == CompiledStatus.APPROVED
    # The level above now sees it and downloads both documents.
    assert status(client_for, upper_viewer, url)[0] == 200
    code, response = status(client_for, upper_viewer, reverse("reporting:compiled_pdf", args=[compiled.pk]))
    assert (
        code == 200 and response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    )
    code, response = status(client_for, upper_viewer, reverse("reporting:compiled_xlsx", args=[compiled.pk]))
    assert code == 200 and response.content[:2] == b"PK"


def test_compiled_report_is_read_only_in_the_admin(
    client_for, compiled, labour_officer, chairman, admin_user
):
    compiled = services.compiled_submit(compiled=compiled, user=labour_officer)
    compiled = services.compiled_approve(
        compiled=compiled, user=chairman, document_number="7", issued_on=timezone.localdate()
    )
    client = client_for(admin_user)
    url = reverse("admin:reporting_compiledreport_change", args=[compiled.pk])
    client.post(url, {"general_situation": "Sửa qua admin", "status": "draft", "document_number": "7"})
    compiled.refresh_from_db()
    assert compiled.general_situation == "Tình hình chung." and compiled.status == CompiledStatus.APPROVED
    assert (
        client.post(
            reverse("admin:reporting_compiledreport_delete", args=[compiled.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert CompiledReport.objects.filter(pk=compiled.pk).exists()


# --- background PDF -----------------------------------------------------------------------------------


def test_large_pdf_job_runs_through_the_tasks_framework(
    client_for, compiled, labour_officer, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        code, response = status(
            client_for, labour_officer, reverse("reporting:compiled_pdf_job", args=[compiled.pk]), "post"
        )
    assert code == 302
    job = DocumentJob.objects.get()
    assert job.status == DocumentJob.Status.DONE and job.progress == 100 and job.pages >= 2
    page = client_for(labour_officer).get(response["Location"]).content.decode()
    assert "Đã xong" in page and 'max="100" value="100"' in page
    download = client_for(labour_officer).get(reverse("reporting:job_download", args=[job.pk]))
    assert download.content.startswith(b"%PDF")


def test_pdf_job_is_private_to_its_requester(client_for, compiled, labour_officer, chairman, accountant):
    job = DocumentJob.objects.create(compiled_report=compiled, requested_by=labour_officer)
    assert status(client_for, chairman, reverse("reporting:job_detail", args=[job.pk]))[0] == 404
    assert (
        status(client_for, accountant, reverse("reporting:compiled_pdf_job", args=[compiled.pk]), "post")[0]
        == 403
    )


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
    few = _count(client, urls[name])
    grow(45, 5)
    many = _count(client, urls[name])
    assert few == many
    assert 5 < few < 60


def test_dashboard_figures_follow_new_support_despite_the_cache(
    client_for, plan, commune, neighborhood1, nutrition, health_station, chairman
):
    url = reverse("reporting:dashboard") + "?year=2024"
    client = client_for(chairman)
    before = client.get(url).context["data"].totals["households"]
    household = HouseholdFactory(neighborhood=neighborhood1, commune=commune, code="C-1")
    add_support(nutrition, household, on=datetime.date(2024, 3, 3), user=health_station)
    after = client.get(url).context["data"].totals["households"]
    assert (before, after) == (0, 1)


# A real transaction: the worker closes its database connection between tasks, which PostgreSQL would
# not survive inside the test's wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_large_pdf_job_is_run_by_the_documented_db_worker(
    client_for, compiled, labour_officer, django_capture_on_commit_callbacks
):
    """With the configured django-tasks-db backend the job waits in the database until
    ``manage.py db_worker`` (README, Triển khai) picks it up."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        client_for(labour_officer).post(reverse("reporting:compiled_pdf_job", args=[compiled.pk]))
    job = DocumentJob.objects.get()
    assert job.status == DocumentJob.Status.QUEUED
    assert DBTaskResult.objects.get().task_path == "reporting.tasks.render_compiled_pdf_job"
    assert DBTaskResult.objects.get().args_kwargs["kwargs"] == {
        "job_id": job.pk,
        "commune_id": compiled.period.commune_id,
    }
    page = client_for(labour_officer).get(reverse("reporting:job_detail", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' in page and "Đang chờ" in page
    call_command("db_worker", "--batch", "--no-startup-delay")
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.DONE and bytes(job.content).startswith(b"%PDF")


def test_admin_pages_of_reports_open(client_for, draft, compiled, admin_user):
    client = client_for(admin_user)
    for url in (
        reverse("admin:reporting_report_change", args=[draft.pk]),
        reverse("admin:reporting_compiledreport_change", args=[compiled.pk]),
        reverse("admin:reporting_report_changelist"),
    ):
        assert client.get(url).status_code == 200


def test_the_worker_reads_only_the_commune_the_job_names(compiled, labour_officer, other_commune):
    from reporting.tasks import render_compiled_pdf_job

    job = DocumentJob.objects.create(compiled_report=compiled, requested_by=labour_officer)
    with pytest.raises(DocumentJob.DoesNotExist):
        render_compiled_pdf_job.call(job_id=job.pk, commune_id=other_commune.pk)
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.QUEUED and not job.content
