"""The PDFs of an approved review round that grow with its lists — the certificates (Mẫu số 03), the
result tables and the recognition decision (Mẫu số 02) with its four annexed lists — are laid out by
the background worker above a size threshold: the view queues one job (a constant number of queries,
whatever the lists' size) and answers the job's progress page; the worker writes the same PDF the
request would have sent, in the requester's scope and with the requester's CCCD masking; only the
requester downloads it, and the download is written to the access log as an immediate one is."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from households.models import Category
from reporting import export_tasks
from reporting.documents import certificate_batch
from reporting.models import DocumentJob
from reporting.views import certificates as certificate_views
from reporting.views import review_tables as review_views
from tests.figure_worker import run_figure_worker, warm_figures
from tests.households.factories import HouseholdFactory, add_result, approved_round
from tests.reporting.review_data import generate
from thoxuan_gnbv.models import AccessAction, AccessLog

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def worker(settings, tmp_path):
    """The worker runs the job at the commit (Django's immediate backend); files go to a temp dir."""
    settings.TASKS, settings.MEDIA_ROOT = IMMEDIATE, tmp_path


@pytest.fixture
def decided(commune, neighborhood1, neighborhood2, chairman):
    """The 2024 decision: two poor households in khu phố 1, one near-poor in khu phố 2, one average."""
    round_ = approved_round(commune, 2024, decided=datetime.date(2024, 12, 20), approver=chairman)
    homes = [
        HouseholdFactory(neighborhood=neighborhood1, code="KP1-0002", head_name="Nguyễn Văn An",
                         head_national_id="038123456789"),
        HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Trần Thị Bình"),
        HouseholdFactory(neighborhood=neighborhood2, code="KP2-0001", head_name="Lê Thị Cúc"),
        HouseholdFactory(neighborhood=neighborhood2, code="KP2-0002", head_name="Phạm Văn Dũng"),
    ]  # fmt: skip
    for home, category in zip(
        homes, (Category.POOR, Category.POOR, Category.NEAR_POOR, Category.AVERAGE), strict=True
    ):
        add_result(round_, home, category)
    return round_


@pytest.fixture
def final_round(commune, neighborhood1, neighborhood2, chairman):
    """The approved 2024 round, its tables' figures computed by the worker (as after the approval)."""
    review_round = generate(commune, [neighborhood1, neighborhood2], chairman, households=12)[1]
    warm_figures(commune, 2024)
    return review_round


def _body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def _texts(content: bytes) -> list[str]:
    assert content[:4] == b"%PDF"
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def _queue(client, url, django_capture_on_commit_callbacks, **query):
    """Ask for the document; the job (run at the commit) and the view's answer."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url, query)
    job = DocumentJob.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:job_detail", args=[job.pk])
    job.refresh_from_db()
    return job


# --- certificates ---------------------------------------------------------------------------------


def test_a_long_certificate_list_is_printed_by_the_worker_masked_for_its_requester(
    client_for, decided, chairman, labour_officer, worker, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(certificate_views, "CERTIFICATE_JOB_HOUSEHOLDS", 2)
    url = reverse("reporting:certificate_list", args=[decided.pk])
    for user, national_id in ((chairman, "038*******89"), (labour_officer, "038123456789")):
        client = client_for(user)
        job = _queue(client, url, django_capture_on_commit_callbacks)
        assert (job.kind, job.status, job.requested_by) == (
            DocumentJob.Kind.CERTIFICATES_PDF,
            DocumentJob.Status.DONE,
            user,
        )
        assert (job.progress, job.pages, job.message) == (100, 3, "Đã xong: 3 trang.")
        assert not AccessLog.objects.filter(user=user).exists()  # nothing was handed out yet
        page = client.get(reverse("reporting:job_detail", args=[job.pk])).content.decode()
        assert "Giấy chứng nhận hộ nghèo, hộ cận nghèo (PDF)" in page
        assert "Tải PDF (giay-chung-nhan-2024-dot-1.pdf, 3 trang)" in page
        assert reverse("households:round_detail", args=[decided.pk]) in page
        response = client.get(reverse("reporting:job_download", args=[job.pk]))
        assert response["Content-Type"] == "application/pdf"
        texts = _texts(_body(response))
        # One page a household in khu phố order, the average household left out, the CCCD as the
        # requester sees it (the chairman masked, the labour officer in full).
        assert [name in text for name, text in zip(("Bình", "An", "Cúc"), texts, strict=True)] == [True] * 3
        assert national_id in texts[1] and "038123456789" not in texts[1].replace(national_id, "")
        assert "hộ cận nghèo năm 2024" in texts[2]
        log = AccessLog.objects.get(user=user)
        assert (log.action, log.object_type, log.object_id, log.commune_id) == (
            AccessAction.DOWNLOAD_PDF,
            "reviewround",
            str(decided.pk),
            decided.commune_id,
        )
        assert log.object_label == f"Giấy chứng nhận hộ nghèo, hộ cận nghèo – {decided}"


def test_the_worker_prints_the_khu_pho_and_category_asked_for(
    client_for,
    decided,
    labour_officer,
    neighborhood1,
    worker,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    monkeypatch.setattr(certificate_views, "CERTIFICATE_JOB_HOUSEHOLDS", 1)
    monkeypatch.setattr(certificate_batch, "CHUNK", 1)  # a household a part: the progress moves per part
    progress, update = [], export_tasks._progress

    def recording(job_id, percent, message, **fields):
        progress.append((percent, message))
        update(job_id, percent, message, **fields)

    monkeypatch.setattr(export_tasks, "_progress", recording)
    url = reverse("reporting:certificate_list", args=[decided.pk])
    client = client_for(labour_officer)
    query = {"category": "poor", "neighborhood": str(neighborhood1.pk)}
    job = _queue(client, url, django_capture_on_commit_callbacks, **query)
    assert job.filename == "giay-chung-nhan-2024-dot-1-poor.pdf"
    assert progress == [
        (5, "Đang đọc dữ liệu…"),
        (10, "Đang dàn 2 giấy chứng nhận…"),
        (52, "Đã dàn 1 / 2 trang…"),
        (95, "Đã dàn 2 / 2 trang…"),
    ]
    texts = _texts(_body(client.get(reverse("reporting:job_download", args=[job.pk]))))
    assert len(texts) == 2 and "Trần Thị Bình" in texts[0] and "Nguyễn Văn An" in texts[1]
    log = AccessLog.objects.get()
    assert log.query == f"category=poor&neighborhood={neighborhood1.pk}"
    assert log.object_label == f"Giấy chứng nhận hộ nghèo – {decided}"


def test_a_short_certificate_list_is_still_sent_at_once(client_for, decided, labour_officer):
    response = client_for(labour_officer).get(reverse("reporting:certificate_list", args=[decided.pk]))
    assert response["Content-Type"] == "application/pdf" and len(_texts(_body(response))) == 3
    assert not DocumentJob.objects.exists()
    assert AccessLog.objects.get().action == AccessAction.DOWNLOAD_PDF


def test_too_long_a_certificate_list_is_refused_with_what_to_choose(
    client_for, decided, labour_officer, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(certificate_views, "CERTIFICATE_MAX_HOUSEHOLDS", 2)
    client = client_for(labour_officer)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("reporting:certificate_list", args=[decided.pk]))
    # The list is counted no further than one past the cap, whatever the commune's size.
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts and all("LIMIT 3" in sql for sql in counts)
    response = client.get(reverse("reporting:certificate_list", args=[decided.pk]), follow=True)
    assert response.redirect_chain[0][0] == reverse("households:round_detail", args=[decided.pk])
    assert "Danh sách đã chọn có hơn 2 hộ, quá số giấy chứng nhận cho một lần in" in response.content.decode()
    assert not DocumentJob.objects.exists() and not AccessLog.objects.exists()
    # One list of it fits: sent at once.
    response = client.get(reverse("reporting:certificate_list", args=[decided.pk]) + "?category=poor")
    assert response["Content-Type"] == "application/pdf"


def test_another_officer_cannot_fetch_the_requesters_certificates(
    client_for, decided, chairman, labour_officer, worker, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(certificate_views, "CERTIFICATE_JOB_HOUSEHOLDS", 1)
    url = reverse("reporting:certificate_list", args=[decided.pk])
    job = _queue(client_for(labour_officer), url, django_capture_on_commit_callbacks)
    other = client_for(chairman)  # may print certificates too, but did not ask for these
    assert other.get(reverse("reporting:job_detail", args=[job.pk])).status_code == 404
    assert other.get(reverse("reporting:job_download", args=[job.pk])).status_code == 404
    assert not AccessLog.objects.exists()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code in (200, 302)
    return len(captured)


def test_queueing_the_certificates_takes_the_same_queries_at_any_size(
    client_for, decided, labour_officer, neighborhood1, monkeypatch
):
    monkeypatch.setattr(certificate_views, "CERTIFICATE_JOB_HOUSEHOLDS", 1)
    client = client_for(labour_officer)
    url = reverse("reporting:certificate_list", args=[decided.pk])
    client.get(url)  # warm-up: session, user
    counts = []
    for more in (0, 30):
        for i in range(more):
            add_result(
                decided, HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-1{i:03d}"), Category.POOR
            )
        counts.append(_queries(client, url))
        job = DocumentJob.objects.latest("pk")
        counts.append(_queries(client, reverse("reporting:job_detail", args=[job.pk])))
    # Queueing: session, user, the round in scope, the count, the job's INSERT. The job page: session,
    # user, the job in scope, the commune (the page's header).
    assert counts == [5, 4, 5, 4]
    assert DocumentJob.objects.filter(status=DocumentJob.Status.QUEUED).count() == 3


# --- result tables and the recognition decision ----------------------------------------------------

ROUND_PDFS = [
    ("reporting:review_tables_pdf", DocumentJob.Kind.REVIEW_TABLES_PDF, "Biểu kết quả rà soát năm 2024"),
    ("reporting:review_decision_pdf", DocumentJob.Kind.DECISION_PDF, "Quyết định công nhận năm 2024"),
]


@pytest.mark.parametrize(("name", "kind", "label"), ROUND_PDFS)
def test_long_review_lists_are_laid_out_by_the_worker_as_the_request_would(
    name,
    kind,
    label,
    client_for,
    final_round,
    labour_officer,
    chairman,
    worker,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    client = client_for(labour_officer)
    url = reverse(name, args=[final_round.pk])
    inline = _texts(_body(client.get(url)))
    monkeypatch.setattr(review_views, "REVIEW_PDF_JOB_ROWS", 1)
    job = _queue(client, url, django_capture_on_commit_callbacks)
    assert (job.kind, job.status, job.pages, job.params["year"]) == (
        kind,
        DocumentJob.Status.DONE,
        len(inline),
        2024,
    )
    assert job.message == f"Đã xong: {len(inline)} trang."
    page = client.get(reverse("reporting:job_detail", args=[job.pk])).content.decode()
    assert f"Tải PDF ({job.filename}, {len(inline)} trang)" in page
    assert reverse("reporting:review_tables", args=[final_round.pk]) in page
    response = client.get(reverse("reporting:job_download", args=[job.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="{job.filename}"'
    queued = _texts(_body(response))
    assert queued == inline and any("DANH SÁCH HỘ NGHÈO" in text.upper() for text in queued)
    inline_log, job_log = AccessLog.objects.order_by("pk")
    for entry in (inline_log, job_log):
        assert (entry.user, entry.action, entry.object_id, entry.object_label) == (
            labour_officer,
            AccessAction.DOWNLOAD_PDF,
            str(final_round.pk),
            label,
        )
    assert job_log.commune_id == inline_log.commune_id == final_round.commune_id
    other = client_for(chairman)
    assert other.get(reverse("reporting:job_download", args=[job.pk])).status_code == 404


@pytest.mark.parametrize(("name", "kind", "label"), ROUND_PDFS)
def test_queueing_a_round_pdf_takes_the_same_queries_at_any_size(
    name,
    kind,
    label,
    client_for,
    final_round,
    commune,
    neighborhood1,
    neighborhood2,
    labour_officer,
    monkeypatch,
):
    monkeypatch.setattr(review_views, "REVIEW_PDF_JOB_ROWS", 1)
    client = client_for(labour_officer)
    url = reverse(name, args=[final_round.pk])
    client.get(url)  # warm-up: session, user
    few = _queries(client, url)
    rounds = [commune.review_rounds.get(year=year, number=1) for year in (2023, 2024)]
    for i in range(40):  # four times the households, on the lists of both years
        household = HouseholdFactory(neighborhood=neighborhood1 if i % 2 else neighborhood2)
        for review_round, category in zip(rounds, (Category.POOR, Category.NEAR_POOR), strict=True):
            add_result(review_round, household, category)
    run_figure_worker()  # the households' saves made the tables stale; the worker recomputed them
    # The stored lists' counts (one read, no registry walk), then one INSERT.
    assert _queries(client, url) == few <= 23
    assert DocumentJob.objects.filter(kind=kind, status=DocumentJob.Status.QUEUED).count() == 3


def test_short_review_lists_are_still_sent_at_once(client_for, final_round, labour_officer):
    client = client_for(labour_officer)
    for name, _kind, _label in ROUND_PDFS:
        response = client.get(reverse(name, args=[final_round.pk]))
        assert response["Content-Type"] == "application/pdf" and len(_texts(_body(response))) >= 2
    assert not DocumentJob.objects.exists() and AccessLog.objects.count() == 2
