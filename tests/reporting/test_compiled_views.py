"""Pages of the compiled report: its matrix, the workflow through the pages with the approved report frozen
everywhere (admin included), and the large PDF made in the background by the documented worker."""

import pytest
from django.urls import reverse
from django.utils import timezone

from reporting import services
from reporting.models import CompiledReport, CompiledStatus, DocumentJob
from tests.figure_worker import run_figure_worker
from tests.reporting.factories import status

pytestmark = pytest.mark.django_db


def test_compiled_page_matrix(
    client_for, compiled, head1, upper_viewer, accountant, labour_officer, chairman
):
    url = reverse("reporting:compiled_detail", args=[compiled.pk])
    assert status(client_for, None, url)[0] == 302
    assert status(client_for, head1, url)[0] == 403
    assert status(client_for, upper_viewer, url)[0] == 404  # observers see approved reports only
    code, response = status(client_for, accountant, url)
    assert code == 200 and "Trình Chủ tịch" not in response.content.decode()
    run_figure_worker()  # the first visit queued the report's figures; the worker computed them
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
        "steering": "Ban hành kế hoạch.",
        "results": "",
        "problems": "Không có.",
        "proposals": "Không có.",
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


def test_the_worker_reads_only_the_commune_the_job_names(compiled, labour_officer, other_commune):
    from reporting.tasks import render_compiled_pdf_job

    job = DocumentJob.objects.create(compiled_report=compiled, requested_by=labour_officer)
    with pytest.raises(DocumentJob.DoesNotExist):
        render_compiled_pdf_job.call(job_id=job.pk, commune_id=other_commune.pk)
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.QUEUED and not job.content
