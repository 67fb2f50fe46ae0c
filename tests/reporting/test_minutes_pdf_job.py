"""Biên bản họp dân of a khu phố meeting that voted on more households than ``MINUTES_PDF_JOB_ROWS``
is laid out by the background worker: the view counts the meeting's votes (a constant number of
queries whatever their number), queues one job and answers its progress page; the worker writes the
same minutes, in parts whose page numbers run on, in the requester's scope; only the requester
downloads them, and the download is written to the access log as an immediate one is."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from households.models import MeetingVote, ReviewRound
from reporting.documents import minutes_pdf
from reporting.export_tasks import export_job_start
from reporting.messages import MEETING_OUT_OF_SCOPE
from reporting.models import DocumentJob
from reporting.views import minutes as minutes_views
from tests.households.factories import HouseholdFactory, stage_records
from thoxuan_gnbv.models import AccessAction, AccessLog

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
NAMES = ("Hoàng Thị Nụ", "Đặng Văn Phúc", "Vũ Thị Quế")


@pytest.fixture
def worker(settings, tmp_path):
    """The worker runs the job at the commit (Django's immediate backend); files go to a temp dir."""
    settings.TASKS, settings.MEDIA_ROOT = IMMEDIATE, tmp_path


@pytest.fixture
def meeting(commune, neighborhood1, labour_officer):
    """Khu phố 1's meeting of 2026: three households voted on, the last one sent back for review."""
    review_round = ReviewRound.objects.create(commune=commune, year=2026, opened_by=labour_officer)
    first = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name=NAMES[0])
    meeting, _ = stage_records(review_round, neighborhood1, first)
    for code, name, agreed in (("KP1-0002", NAMES[1], True), ("KP1-0003", NAMES[2], False)):
        home = HouseholdFactory(neighborhood=neighborhood1, code=code, head_name=name)
        MeetingVote.objects.create(
            meeting=meeting, household=home, category="near_poor", agreeing_percent=40 if not agreed else 75,
            agreed=agreed,
        )  # fmt: skip
    return meeting


def _url(meeting) -> str:
    return reverse("reporting:meeting_minutes_pdf", args=[meeting.pk])


def _texts(content: bytes) -> list[str]:
    assert content[:4] == b"%PDF"
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


def _body(response) -> bytes:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content) if response.streaming else response.content


def _queue(client, url, django_capture_on_commit_callbacks):
    """Ask for the minutes; the job (run at the commit) and the view's answer."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url)
    job = DocumentJob.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:job_detail", args=[job.pk])
    job.refresh_from_db()
    return job


def test_a_small_meeting_is_still_sent_at_once(client_for, labour_officer, meeting):
    response = client_for(labour_officer).get(_url(meeting))
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="bien-ban-hop-dan-{meeting.neighborhood_id}-20261001.pdf"'
    )
    text = " ".join(_texts(_body(response)))
    assert all(name in text for name in NAMES)
    assert "Thống nhất kết quả rà soát của 2 hộ; 1 hộ rà soát lại." in text
    assert not DocumentJob.objects.exists()
    log = AccessLog.objects.get()
    assert (log.action, log.object_type, log.object_id) == (
        AccessAction.DOWNLOAD_PDF,
        "meeting",
        str(meeting.pk),
    )


def test_a_large_meeting_is_laid_out_by_the_worker_as_the_request_would(
    client_for, labour_officer, chairman, meeting, worker, monkeypatch, django_capture_on_commit_callbacks
):
    client = client_for(labour_officer)
    inline_response = client.get(_url(meeting))
    inline = _texts(_body(inline_response))
    monkeypatch.setattr(minutes_views, "MINUTES_PDF_JOB_ROWS", 2)  # three votes: above it
    job = _queue(client, _url(meeting), django_capture_on_commit_callbacks)
    assert (job.kind, job.status, job.requested_by, job.commune_id) == (
        DocumentJob.Kind.MEETING_MINUTES_PDF,
        DocumentJob.Status.DONE,
        labour_officer,
        meeting.round.commune_id,
    )
    assert (job.pages, job.message) == (len(inline), f"Đã xong: {len(inline)} trang.")
    assert AccessLog.objects.count() == 1  # only the immediate download: nothing handed out yet
    page = client.get(reverse("reporting:job_detail", args=[job.pk])).content.decode()
    assert "Biên bản họp dân (PDF)" in page
    assert f"Tải PDF ({job.filename}, {len(inline)} trang)" in page
    assert reverse("households:round_detail", args=[meeting.round_id]) in page
    response = client.get(reverse("reporting:job_download", args=[job.pk]))
    assert response["Content-Disposition"] == inline_response["Content-Disposition"]
    queued = _texts(_body(response))
    assert queued == inline and all(name in " ".join(queued) for name in NAMES)
    inline_log, job_log = AccessLog.objects.order_by("pk")
    for entry in (inline_log, job_log):
        assert (entry.user, entry.action, entry.object_type, entry.object_id, entry.commune_id) == (
            labour_officer,
            AccessAction.DOWNLOAD_PDF,
            "meeting",
            str(meeting.pk),
            meeting.round.commune_id,
        )
    assert job_log.object_label == inline_log.object_label == str(meeting)
    # Another officer who may read the minutes did not ask for this file: neither its page nor it.
    other = client_for(chairman)
    assert other.get(_url(meeting)).status_code == 302
    assert other.get(reverse("reporting:job_detail", args=[job.pk])).status_code == 404
    assert other.get(reverse("reporting:job_download", args=[job.pk])).status_code == 404
    assert AccessLog.objects.count() == 2


def test_the_worker_lays_the_minutes_out_in_parts_numbered_on(
    client_for, labour_officer, meeting, worker, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(minutes_views, "MINUTES_PDF_JOB_ROWS", 1)
    monkeypatch.setattr(minutes_pdf, "PART_ROWS", 1)  # a household a part: three parts, merged
    client = client_for(labour_officer)
    job = _queue(client, _url(meeting), django_capture_on_commit_callbacks)
    texts = _texts(_body(client.get(reverse("reporting:job_download", args=[job.pk]))))
    assert job.pages == len(texts) == 3
    # The heading and attendance on the first part only, the conclusion and signatures on the last;
    # the households in code order, numbered on; each part's page numbered after the one before.
    assert "BIÊN BẢN" in texts[0] and "Số người dự họp: 40" in texts[0] and "KẾT LUẬN" not in texts[0]
    assert "BIÊN BẢN" not in texts[1] + texts[2] and "Số người dự họp" not in texts[1] + texts[2]
    assert "III. KẾT LUẬN" in texts[2] and "CHỦ TRÌ" in texts[2] and "CHỦ TRÌ" not in texts[1]
    assert [NAMES[i] in texts[i] for i in range(3)] == [True] * 3
    assert "2 KP1-0002" in texts[1] and "3 KP1-0003" in texts[2]
    assert [text.rsplit(" ", 1)[-1] for text in texts[1:]] == ["2", "3"]  # the page number (margin) last
    assert "Thống nhất kết quả rà soát của 2 hộ; 1 hộ rà soát lại." in texts[2]


def test_the_worker_keeps_the_requesters_scope(
    head1, head2, meeting, worker, django_capture_on_commit_callbacks
):
    # Khu phố 2's head cannot open khu phố 1's minutes in a request (404); a job asked in their
    # name (or by someone moved since) fails without writing the names.
    with django_capture_on_commit_callbacks(execute=True):
        job = export_job_start(
            kind=DocumentJob.Kind.MEETING_MINUTES_PDF,
            commune=meeting.round.commune,
            user=head2,
            params={"meeting": meeting.pk, "round": meeting.round_id, "year": 2026},
        )
    job.refresh_from_db()
    assert (job.status, job.message, bool(job.file)) == (
        DocumentJob.Status.FAILED,
        f"Không tạo được tệp: {MEETING_OUT_OF_SCOPE}",
        False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = export_job_start(
            kind=DocumentJob.Kind.MEETING_MINUTES_PDF,
            commune=meeting.round.commune,
            user=head1,
            params={"meeting": meeting.pk, "round": meeting.round_id, "year": 2026},
        )
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.DONE and job.filename.startswith("bien-ban-hop-dan-")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 302
    return len(captured)


def test_queueing_the_minutes_takes_the_same_queries_at_any_size(
    client_for, labour_officer, meeting, neighborhood1, monkeypatch
):
    monkeypatch.setattr(minutes_views, "MINUTES_PDF_JOB_ROWS", 1)
    client = client_for(labour_officer)
    client.get(_url(meeting))  # warm-up: session, user
    few = _queries(client, _url(meeting))
    for i in range(30):
        home = HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-1{i:03d}")
        MeetingVote.objects.create(
            meeting=meeting, household=home, category="poor", agreeing_percent=90, agreed=True
        )
    # Session, user, the meeting in scope, the count of its votes, the job's INSERT.
    assert _queries(client, _url(meeting)) == few == 5
    assert DocumentJob.objects.filter(status=DocumentJob.Status.QUEUED).count() == 3
