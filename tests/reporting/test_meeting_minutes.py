"""Biên bản họp dân as a PDF (QĐ 24/2021/QĐ-TTg Điều 4 khoản 2), read back with pypdf: the chair, the
MTTQ supervisor, the attendance, each household's share agreeing and conclusion, no CCCD; reading it
is logged; another khu phố's head and another commune get 404."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from households.models import ReviewRound
from tests.households.factories import HouseholdFactory, stage_records
from thoxuan_gnbv.models import AccessAction, AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(commune, neighborhood1, labour_officer):
    review_round = ReviewRound.objects.create(commune=commune, year=2026, opened_by=labour_officer)
    house = HouseholdFactory(
        neighborhood=neighborhood1, code="KP1-0042", head_name="Hoàng Thị Nụ", head_national_id="038123456712"
    )
    meeting, _ = stage_records(review_round, neighborhood1, house)
    return meeting


def pdf_text(response) -> str:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_the_minutes_print_the_meeting_and_each_households_share(client_for, labour_officer, meeting):
    response = client_for(labour_officer).get(reverse("reporting:meeting_minutes_pdf", args=[meeting.pk]))
    text = pdf_text(response)
    for expected in (
        "BIÊN BẢN",
        "KHU PHỐ 1",
        "ngày 01 tháng 10 năm 2026",
        "Khu trưởng Kiểm Thử",
        "Đại diện MTTQ Kiểm Thử",
        "40",
        "KP1-0042",
        "Hoàng Thị Nụ",
        "80 %",
        "Thống nhất",
        "02 bản",
    ):
        assert expected in text, expected
    assert "038123456712" not in text
    log = AccessLog.objects.get()
    assert log.action == AccessAction.DOWNLOAD_PDF and log.user == labour_officer


def test_the_minutes_stay_in_their_khu_pho_and_commune(client_for, head1, head2, meeting, other_commune):
    from tests.factories import UserFactory

    url = reverse("reporting:meeting_minutes_pdf", args=[meeting.pk])
    assert client_for(head1).get(url).status_code == 200
    assert client_for(head2).get(url).status_code == 404
    outsider = UserFactory(username="laodong-khac", role="labour_officer", commune=other_commune)
    assert client_for(outsider).get(url).status_code == 404
