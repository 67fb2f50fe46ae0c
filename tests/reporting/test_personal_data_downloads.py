"""The compiled report's PDF with the household annex is personal data: its download is logged and
never cached."""

import pytest
from django.urls import reverse

from reporting import services
from reporting.models import DocumentJob
from tests.reporting.factories import open_period
from thoxuan_gnbv.models import AccessAction, AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(commune, plan, labour_officer):
    compiled = services.compiled_open(period=open_period(commune, "2024-Q2"), user=labour_officer)
    return DocumentJob.objects.create(
        compiled_report=compiled,
        requested_by=labour_officer,
        status=DocumentJob.Status.DONE,
        content=b"%PDF-1.7 test",
    )


def test_annex_pdf_download_is_logged_and_not_stored(client_for, labour_officer, job):
    response = client_for(labour_officer).get(reverse("reporting:job_download", args=[job.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    directives = {d.strip() for d in response.headers["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.object_type, entry.object_id) == (
        labour_officer,
        AccessAction.DOWNLOAD_PDF,
        "compiledreport",
        str(job.compiled_report_id),
    )
    assert "phụ lục" in entry.object_label
