"""A web export over ``LARGE_EXPORT_ROWS`` rows is written by the background worker: the household
list's export queues a job (a constant number of queries, whatever the registry's size), the worker
writes the same workbook the request would have streamed, in the officer's scope, and the officer
downloads it from the job page."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from households.models import Category
from households.views import workbook as workbook_views
from reporting.models import DocumentJob
from tests.households.factories import HouseholdFactory, add_result, approved_round

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def _houses(commune, neighborhood1, neighborhood2, n: int, start: int = 0):
    round_2024 = approved_round(commune, 2024, number=start + 1)
    for i in range(start, start + n):
        house = HouseholdFactory(neighborhood=neighborhood1 if i % 2 else neighborhood2, code=f"KP-{i:04d}")
        if i % 3 == 0:
            add_result(round_2024, house, Category.POOR, deprivations=["employment"])


def _rows(content: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True))


def test_a_large_household_export_runs_as_a_job_and_matches_the_inline_export(
    client_for,
    commune,
    neighborhood1,
    neighborhood2,
    chairman,
    head1,
    settings,
    tmp_path,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    settings.TASKS, settings.MEDIA_ROOT = IMMEDIATE, tmp_path
    _houses(commune, neighborhood1, neighborhood2, 9)
    query = {"year": "2024", "neighborhood": str(neighborhood1.pk)}
    for user in (chairman, head1):  # the head of khu phố 1 exports only khu phố 1, masked as inline
        inline = client_for(user).get(reverse("households:household_export"), query)
        expected = _rows(b"".join(inline.streaming_content))
        monkeypatch.setattr(workbook_views, "LARGE_EXPORT_ROWS", 2)
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(user).get(reverse("households:household_export"), query)
        job = DocumentJob.objects.filter(requested_by=user).get()
        assert response.status_code == 302
        assert response["Location"] == reverse("reporting:job_detail", args=[job.pk])
        assert job.kind == DocumentJob.Kind.HOUSEHOLDS_XLSX and job.status == DocumentJob.Status.DONE
        assert job.message == "Đã xong: 4 dòng." and job.commune_id == commune.pk
        page = client_for(user).get(response["Location"]).content.decode()
        assert "Danh sách hộ gia đình (Excel)" in page and "Tải tệp Excel (ho-gia-dinh-2024.xlsx)" in page
        download = client_for(user).get(reverse("reporting:job_download", args=[job.pk]))
        rows = _rows(b"".join(download.streaming_content))
        assert rows == expected and len(rows) == 5  # the header and khu phố 1's four households
        monkeypatch.setattr(workbook_views, "LARGE_EXPORT_ROWS", 50_000)
    # The job is its requester's: the chairman does not see the khu phố head's.
    head_job = DocumentJob.objects.get(requested_by=head1)
    assert client_for(chairman).get(reverse("reporting:job_detail", args=[head_job.pk])).status_code == 404


def test_queueing_a_large_export_takes_the_same_queries_at_any_size(
    client_for, commune, neighborhood1, neighborhood2, chairman, monkeypatch
):
    monkeypatch.setattr(workbook_views, "LARGE_EXPORT_ROWS", 2)
    client = client_for(chairman)
    url = reverse("households:household_export")
    counts = []
    for start, n in ((0, 5), (5, 50)):
        _houses(commune, neighborhood1, neighborhood2, n, start)
        client.get(url, {"year": "2024"})  # warm-up: session, user
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"year": "2024"}).status_code == 302
        counts.append(len(queries))
        job = DocumentJob.objects.order_by("-pk").first()
        with CaptureQueriesContext(connection) as page_queries:
            assert client.get(reverse("reporting:job_detail", args=[job.pk])).status_code == 200
        counts.append(len(page_queries))
    assert counts[0] == counts[2] and counts[1] == counts[3]
    assert DocumentJob.objects.filter(status=DocumentJob.Status.QUEUED).count() == 4


def test_a_failed_export_says_so_on_its_page(client_for, commune, chairman, settings, tmp_path, monkeypatch):
    from reporting import export_tasks

    settings.MEDIA_ROOT = tmp_path
    job = DocumentJob.objects.create(
        kind=DocumentJob.Kind.HOUSEHOLDS_XLSX, commune=commune, requested_by=chairman, params={"query": ""}
    )

    def broken(*args, **kwargs):
        raise RuntimeError("ổ đĩa đầy")

    monkeypatch.setattr("households.services.exporting.write_workbook", broken)
    with pytest.raises(RuntimeError):
        export_tasks.export_households_job.call(job_id=job.pk, commune_id=commune.pk)
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.FAILED and "ổ đĩa đầy" in job.message
    page = client_for(chairman).get(reverse("reporting:job_detail", args=[job.pk])).content.decode()
    assert "Không tạo được tệp" in page and "job-download" not in page


def test_large_review_lists_are_written_by_the_worker_as_the_request_would(
    client_for,
    commune,
    neighborhood1,
    neighborhood2,
    chairman,
    settings,
    tmp_path,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    from reporting.views import review_tables as review_views
    from tests.figure_worker import warm_figures
    from tests.reporting.review_data import generate

    settings.TASKS, settings.MEDIA_ROOT = IMMEDIATE, tmp_path
    final_round = generate(commune, [neighborhood1, neighborhood2], chairman, households=12)[1]
    warm_figures(commune, 2024)  # the worker's job after the approval: the lists are counted
    client = client_for(chairman)
    url = reverse("reporting:review_tables_xlsx", args=[final_round.pk])
    inline = load_workbook(io.BytesIO(b"".join(client.get(url).streaming_content)))
    monkeypatch.setattr(review_views, "LARGE_EXPORT_ROWS", 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url)
    job = DocumentJob.objects.get()
    assert response["Location"] == reverse("reporting:job_detail", args=[job.pk])
    assert job.kind == DocumentJob.Kind.REVIEW_XLSX and job.status == DocumentJob.Status.DONE
    download = client.get(reverse("reporting:job_download", args=[job.pk]))
    queued = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert queued.sheetnames == inline.sheetnames and len(inline.sheetnames) == 8
    for name in inline.sheetnames:
        assert list(queued[name].iter_rows(values_only=True)) == list(
            inline[name].iter_rows(values_only=True)
        )
