"""The background document's page says plainly when no worker has picked the job up."""

import datetime

import pytest
from django.urls import reverse

from reporting.models import DocumentJob

pytestmark = pytest.mark.django_db


def test_job_page_says_plainly_when_no_worker_took_the_job(
    client_for, compiled, labour_officer, time_machine
):
    """The household-annex PDF waits for ``db_worker``: after a minute still queued, the page says
    no background worker picked it up and what to do, instead of "Đang chờ 0 %" forever."""
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, 0, tzinfo=datetime.UTC))
    job = DocumentJob.objects.create(compiled_report=compiled, requested_by=labour_officer)
    url = reverse("reporting:job_detail", args=[job.pk])
    client = client_for(labour_officer)
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, 0, 40, tzinfo=datetime.UTC))
    assert 'data-testid="job-no-worker"' not in client.get(url).content.decode()
    time_machine.move_to(datetime.datetime(2024, 6, 10, 9, 1, 5, tzinfo=datetime.UTC))
    page = client.get(url).content.decode()
    assert "Chưa có tiến trình nền nhận việc sau hơn 1 phút" in page
    assert (
        "make run" in page and 'http-equiv="refresh"' in page
    )  # still polling: it runs once a worker starts
    DocumentJob.objects.filter(pk=job.pk).update(status=DocumentJob.Status.RUNNING)
    assert "Chưa có tiến trình nền" not in client.get(url).content.decode()
