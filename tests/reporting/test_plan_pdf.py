"""The 2024 plan printed as the official document: its text read back from the PDF, its pages
rendered as images, the draft mark, and the restricted URL fetcher."""

import datetime
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse

from demo.plan_builder import seed_plan_2024
from demo.plan_parts_2024 import COMPONENT_LEADS
from demo.registry import seed_commune
from demo.units import seed_units
from demo.users import seed_users
from programs.models import Plan, PlanStatus
from programs.queries.plans import with_document
from programs.services import plans as services
from reporting.documents.pdf import BASE_URL, StaticOnlyFetcher, render_pdf
from reporting.documents.plan import build_plan_document
from tests.programs.factories import program

# What the source plan prints (seed/ke-hoach-2024.txt), written out here rather than read from the
# code under test: component titles, lead units, partners and deadlines of section III.
COMPONENT_TITLES = [
    "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
    "Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp",
    "Tiểu dự án 2: Cải thiện dinh dưỡng",
    "Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn",
    "Tiểu dự án 3: Hỗ trợ việc làm bền vững",
    "Tiểu dự án 1: Giảm nghèo về thông tin",
    "Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều",
    "Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình",
    "Tiểu dự án 2: Giám sát, đánh giá",
]
LEADS = [
    "Cơ quan chủ trì: UBND thị trấn (tham mưu chính là công chức Lao động – Thương binh và Xã hội).",
    "Cơ quan chủ trì: UBND thị trấn (tham mưu chính là công chức Địa chính – Nông nghiệp).",
    "Cơ quan chủ trì: Trạm y tế thị trấn.",
    "Cơ quan chủ trì: UBND thị trấn (tham mưu chính là công chức Văn hóa – Thông tin).",
]
PARTNERS = ["Cơ quan phối hợp: Các trường học.", "Cơ quan phối hợp: MTTQ thị trấn."]
DEADLINES = ["Thời gian thực hiện: Hoàn thành quý III năm 2024.", "Thời gian thực hiện: Trong năm 2024."]
REPORT_DUE_DATES = ["15/03/2024", "15/06/2024", "15/09/2024", "15/12/2024", "20/06/2024", "10/12/2024"]


def _text(pdf: bytes, tmp_path, layout=False) -> str:
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(path), "-"]
    text = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())  # pdftotext breaks lines where the page does


@pytest.fixture
def plan_2024(db):
    program()  # the QĐ 90 catalogue, even after a transactional test flushed it
    users = seed_users()
    commune = seed_commune(users)
    seed_units(commune, users)
    return seed_plan_2024(commune, users)


def _pdf(plan) -> bytes:
    plan = with_document(Plan.objects.filter(pk=plan.pk)).get()
    return render_pdf(
        "reporting/documents/pdf.html",
        {"doc": build_plan_document(plan), "document_template": "reporting/documents/plan.html"},
    )


def test_the_seeded_2024_plan_is_approved_and_signed_kt_chu_tich(plan_2024):
    assert plan_2024.status == PlanStatus.APPROVED
    assert Plan.objects.approved_for(plan_2024.commune, 2024) == plan_2024
    assert (plan_2024.signer_authority, plan_2024.signer_title, plan_2024.signer_name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Thái Xuân Kiên",
    )
    assert plan_2024.components.count() == 9 == len(COMPONENT_LEADS)
    assert plan_2024.assignments.count() == 7
    assert plan_2024.reporting_rules.count() == 6


def test_seeding_twice_keeps_one_plan(plan_2024):
    users = seed_users()
    commune = seed_commune(users)
    assert seed_plan_2024(commune, users) == plan_2024
    assert Plan.objects.count() == 1


def test_pdf_text_holds_every_component_lead_partner_deadline_target_due_date_and_signer(plan_2024, tmp_path):
    text = _text(_pdf(plan_2024), tmp_path)
    for title in COMPONENT_TITLES:
        assert title in text, title
    for lead in LEADS:
        assert lead in text, lead
    for partner in PARTNERS:
        assert partner in text, partner
    for deadline in DEADLINES:
        assert deadline in text, deadline
    assert text.count("Thời gian thực hiện:") == 9
    assert (
        "Giảm 8 hộ nghèo theo tiêu chuẩn nghèo đa chiều. Trong đó: hộ không có khả năng lao động 2 hộ, "
        "hộ nghèo có khả năng lao động 6 hộ." in text
    )
    for due in REPORT_DUE_DATES:
        assert f"Trước ngày {due}" in text, due
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and "Thái Xuân Kiên" in text


def test_pdf_has_the_nd30_heading_sections_and_recipients(plan_2024, tmp_path):
    text = _text(_pdf(plan_2024), tmp_path)
    for expected in [
        "ỦY BAN NHÂN DÂN THỊ TRẤN THỌ XUÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/KH-UBND",
        "năm 2024",
        "KẾ HOẠCH",
        "Thực hiện Kế hoạch số 101/KH-UBND ngày 11/04/2024 của UBND huyện Thọ Xuân",
        "I. MỤC ĐÍCH YÊU CẦU",
        "II. MỤC TIÊU",
        "III. NỘI DUNG THỰC HIỆN",
        "IV. KINH PHÍ THỰC HIỆN NĂM 2024",
        "V. GIẢI PHÁP CHỦ YẾU",
        "VI. PHÂN CÔNG TỔ CHỨC THỰC HIỆN",
        "7. Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
        "VII. CÔNG TÁC THÔNG TIN BÁO CÁO",
        "Nơi nhận:",
        "- UBND huyện (B/c);",
        "- Lưu: VT.",
    ]:
        assert expected in text, expected
    assert "DỰ THẢO" not in text


def test_page_numbers_start_on_page_two(plan_2024, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(plan_2024))
    pages = [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"],
            capture_output=True,
            text=True,
        ).stdout
        for n in (1, 2, 3)
    ]
    assert pages[0].split()[0] != "1"
    assert pages[1].split()[0] == "2" and pages[2].split()[0] == "3"


def test_pdf_pages_render_as_a4_images(plan_2024, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(plan_2024))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "2", str(path), str(tmp_path / "p")], check=True
    )
    from PIL import Image

    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == 2
    with Image.open(images[0]) as first:
        width, height = first.size
        assert abs(height / width - 297 / 210) < 0.02  # A4 portrait
        grey = first.convert("L")
        dark = sum(grey.histogram()[:128])
        assert dark > 0.01 * width * height  # real text was drawn, not a blank page
    info = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    fonts = [line.split()[0] for line in info.splitlines()[2:]]
    # Only the bundled Liberation Serif (declared as "GNBV Serif"), embedded: no system fallback font.
    assert fonts and all("GNBV-Serif" in name for name in fonts), fonts


def test_a_draft_prints_the_draft_mark_and_a_blank_number(
    commune, labour_officer, peoples_committee, tmp_path
):
    from tests.programs.factories import make_draft

    text = _text(_pdf(make_draft(commune, labour_officer, peoples_committee)), tmp_path)
    assert "DỰ THẢO" in text


def test_an_issued_plan_prints_its_number_and_date_with_leading_zeros(plan_2024, tmp_path):
    Plan.objects.filter(pk=plan_2024.pk).update(
        status=PlanStatus.ISSUED, document_number="45", issued_on=datetime.date(2024, 2, 5)
    )
    text = _text(_pdf(plan_2024), tmp_path)
    assert "Số: 45/KH-UBND" in text
    assert "Thọ Xuân, ngày 05 tháng 02 năm 2024" in text


def test_user_text_is_escaped_and_cannot_fetch_anything(commune, labour_officer, peoples_committee, tmp_path):
    from tests.programs.factories import make_draft

    plan = make_draft(commune, labour_officer, peoples_committee)
    services.plan_update(
        plan=plan,
        user=labour_officer,
        general_goal='<img src="file:///etc/passwd"><b>đậm</b>',
    )
    plan = with_document(Plan.objects.filter(pk=plan.pk)).get()
    from django.template.loader import render_to_string

    html = render_to_string(
        "reporting/documents/pdf.html",
        {"doc": build_plan_document(plan), "document_template": "reporting/documents/plan.html"},
    )
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert '<img src="file' not in html
    text = _text(_pdf(plan), tmp_path)
    assert '<img src="file:///etc/passwd"><b>đậm</b>' in text


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.png",
        f"{BASE_URL}static/../../../../etc/passwd",
        f"{BASE_URL}static/%2e%2e/%2e%2e/settings.py",
        f"{BASE_URL}media/anything.png",
        "https://other.invalid/static/css/document.css",
    ],
)
def test_fetcher_refuses_anything_but_portal_static_files(url):
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_serves_the_bundled_font_and_css():
    font = StaticOnlyFetcher().fetch(f"{BASE_URL}static/fonts/LiberationSerif-Regular.ttf")
    assert font.read(4) in (b"\x00\x01\x00\x00", b"true")
    css = StaticOnlyFetcher().fetch(f"{BASE_URL}static/css/document.css")
    assert b"@font-face" in css.read()


def test_pdf_download_from_the_page_is_named_for_the_plan(client_for, plan_2024, chairman):
    response = client_for(chairman).get(reverse("reporting:plan_pdf", args=[plan_2024.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach-2024-tho-xuan.pdf"'


def test_render_plan_command_writes_the_pdf(plan_2024, tmp_path):
    out = tmp_path / "kh.pdf"
    call_command("render_plan", "--year", "2024", "--commune", "tho-xuan", "--out", str(out))
    assert "Thái Xuân Kiên" in _text(out.read_bytes(), tmp_path)


def test_render_plan_command_refuses_a_year_without_plan(plan_2024, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="chưa có kế hoạch năm 2023"):
        call_command(
            "render_plan", "--year", "2023", "--commune", "tho-xuan", "--out", str(tmp_path / "x.pdf")
        )


def test_render_plan_command_asks_for_the_commune_when_several_exist(plan_2024, other_commune, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--commune"):
        call_command("render_plan", "--year", "2024", "--out", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()
