"""Certificates of poor and near-poor households (QĐ 24/2021/QĐ-TTg Mẫu số 03), read back with pypdf:
one page each, from the approved decision, the CCCD masked for who may not see it, the printing logged,
and a whole list rendered in chunks in khu phố order."""

import datetime
import io
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader

from households.models import Category
from reporting.documents import certificate_batch
from tests.households.factories import HouseholdFactory, MemberFactory, add_result, approved_round
from thoxuan_gnbv.models import AccessAction, AccessLog


def _pdf(response) -> PdfReader:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def decided(commune, neighborhood1, neighborhood2, chairman):
    """The 2024 decision: two poor households in khu phố 1, one near-poor in khu phố 2, one average."""
    round_ = approved_round(commune, 2024, decided=datetime.date(2024, 12, 20), approver=chairman)
    homes = {
        "an": HouseholdFactory(neighborhood=neighborhood1, code="KP1-0002", head_name="Nguyễn Văn An",
                               head_national_id="038123456789"),
        "binh": HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001", head_name="Trần Thị Bình"),
        "cuc": HouseholdFactory(neighborhood=neighborhood2, code="KP2-0001", head_name="Lê Thị Cúc"),
        "dung": HouseholdFactory(neighborhood=neighborhood2, code="KP2-0002", head_name="Phạm Văn Dũng"),
    }  # fmt: skip
    MemberFactory(household=homes["an"], full_name="Nguyễn Văn An", date_of_birth=datetime.date(1970, 2, 3))
    MemberFactory(household=homes["an"], full_name="Nguyễn Thị Ánh", sex="female")
    add_result(round_, homes["an"], Category.POOR)
    add_result(round_, homes["binh"], Category.POOR)
    add_result(round_, homes["cuc"], Category.NEAR_POOR)
    add_result(round_, homes["dung"], Category.AVERAGE, income=3_500_000)
    return round_, homes


def test_a_households_certificate_is_one_page_of_mau_03_with_its_members(client_for, decided, labour_officer):
    _, homes = decided
    url = reverse("reporting:certificate_household", args=[homes["an"].pk])
    text = _pdf(client_for(labour_officer).get(url)).pages[0].extract_text()
    for expected in (
        "GIẤY CHỨNG NHẬN HỘ NGHÈO, HỘ CẬN NGHÈO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "/GCN-HN.HCN",
        "Nguyễn Văn An",
        "Nguyễn Thị Ánh",
        "1970",
        "hộ nghèo năm 2024",
        "2024/QĐ-UBND",
        "038123456789",  # the labour officer keeps the registry: full CCCD
    ):
        assert expected in text, expected
    log = AccessLog.objects.get(action=AccessAction.DOWNLOAD_PDF)
    assert (log.user, log.household_code) == (labour_officer, "KP1-0002")


def test_the_chairman_prints_the_cccd_masked(client_for, decided, chairman):
    _, homes = decided
    url = reverse("reporting:certificate_household", args=[homes["an"].pk])
    text = _pdf(client_for(chairman).get(url)).pages[0].extract_text()
    assert "038*******89" in text and "038123456789" not in text


def test_a_household_not_in_the_lists_gets_a_vietnamese_message(client_for, decided, labour_officer):
    _, homes = decided
    response = client_for(labour_officer).get(
        reverse("reporting:certificate_household", args=[homes["dung"].pk]), follow=True
    )
    assert "Hộ không thuộc danh sách hộ nghèo, hộ cận nghèo" in response.content.decode()
    assert not AccessLog.objects.filter(action=AccessAction.DOWNLOAD_PDF).exists()


def test_khu_pho_heads_do_not_print_certificates(client_for, decided, head1):
    _, homes = decided
    assert (
        client_for(head1).get(reverse("reporting:certificate_household", args=[homes["an"].pk])).status_code
        == 403
    )


def test_a_whole_list_prints_one_page_each_in_khu_pho_order_in_chunks(
    client_for, decided, labour_officer, monkeypatch, tmp_path
):
    round_, _ = decided
    monkeypatch.setattr(certificate_batch, "CHUNK", 1)  # every household its own chunk, merged by pypdf
    url = reverse("reporting:certificate_list", args=[round_.pk])
    reader = _pdf(client_for(labour_officer).get(url))
    heads = [page.extract_text() for page in reader.pages]
    assert len(heads) == 3  # the average household gets none
    assert ["Trần Thị Bình" in heads[0], "Nguyễn Văn An" in heads[1], "Lê Thị Cúc" in heads[2]] == [True] * 3
    assert "hộ cận nghèo năm 2024" in heads[2]
    path = tmp_path / "list.pdf"
    path.write_bytes(client_for(labour_officer).get(url + "?category=poor").getvalue())
    assert len(PdfReader(path).pages) == 2
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    assert (tmp_path / "p-1.png").stat().st_size > 1000


def test_a_list_of_one_khu_pho(client_for, decided, labour_officer, neighborhood2):
    round_, _ = decided
    url = reverse("reporting:certificate_list", args=[round_.pk]) + f"?neighborhood={neighborhood2.pk}"
    reader = _pdf(client_for(labour_officer).get(url))
    assert len(reader.pages) == 1 and "Lê Thị Cúc" in reader.pages[0].extract_text()


def test_a_round_not_approved_prints_nothing(client_for, commune, labour_officer):
    from households.services.review import review_round_open

    round_ = review_round_open(
        commune=commune, year=2025, user=labour_officer, history_reason="Nhập lịch sử năm 2025"
    )
    response = client_for(labour_officer).get(
        reverse("reporting:certificate_list", args=[round_.pk]), follow=True
    )
    assert "Chỉ in giấy chứng nhận theo đợt rà soát đã được phê duyệt" in response.content.decode()


def test_the_round_page_and_household_page_offer_the_certificates(client_for, decided, labour_officer, head1):
    round_, homes = decided
    officer = client_for(labour_officer)
    assert (
        'data-testid="certificate-panel"'
        in officer.get(reverse("households:round_detail", args=[round_.pk])).content.decode()
    )
    assert (
        'data-testid="certificate-link"'
        in officer.get(reverse("households:household_detail", args=[homes["an"].pk])).content.decode()
    )
    page = (
        client_for(head1).get(reverse("households:household_detail", args=[homes["an"].pk])).content.decode()
    )
    assert 'data-testid="certificate-link"' not in page
