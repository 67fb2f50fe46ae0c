"""The compiled report as PDF (text read back) and as Excel (cells read back with openpyxl): headings,
numbers and totals; no cell ever holds a formula made from user text; the CLI."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from households.models import Category
from reporting import services
from reporting.documents.excel import render_compiled_xlsx
from reporting.documents.pdf import render_compiled_pdf
from reporting.documents.report import build_compiled_document
from tests.programs.delivery.factories import HouseholdFactory, approve_round
from tests.reporting.factories import add_support, open_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(
    commune,
    plan,
    neighborhood1,
    neighborhood2,
    nutrition,
    farming,
    health_station,
    agriculture_officer,
    labour_officer,
    chairman,
):
    for i in range(3):
        household = HouseholdFactory(neighborhood=neighborhood1, commune=commune, code=f"D-{i}")
        add_support(nutrition, household, on=datetime.date(2024, 5, 2), user=health_station, amount=200_000)
    add_support(farming, household, on=datetime.date(2024, 4, 20), user=agriculture_officer, amount=1_000_000)
    poor = [
        HouseholdFactory(neighborhood=n, commune=commune, code=f"P-{n.pk}-{i}")
        for n in (neighborhood1, neighborhood2)
        for i in range(2)
    ]
    categories = {
        poor[0]: Category.POOR,
        poor[1]: Category.NEAR_POOR,
        poor[2]: Category.POOR,
        poor[3]: Category.POOR,
    }
    approve_round(commune, datetime.date(2023, 12, 20), categories, chairman)
    period = open_period(commune, "2024-Q2")
    compiled = services.compiled_open(period=period, user=labour_officer)
    compiled = services.compiled_update(
        compiled=compiled,
        user=labour_officer,
        general_situation='=HYPERLINK("http://x")\nTình hình chung ổn định.',
        problems="+ Thiếu cán bộ\n- Kinh phí chậm",
        proposals="@SUM(A1)",
        steering="Đã ban hành kế hoạch.",
    )
    compiled = services.compiled_submit(compiled=compiled, user=labour_officer)
    return services.compiled_approve(
        compiled=compiled, user=chairman, document_number="45", issued_on=timezone.localdate()
    )


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_has_the_official_heading_number_and_totals(approved):
    content, pages = render_compiled_pdf(build_compiled_document(approved))
    text = pdf_text(content)
    assert pages >= 2
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 45/BC-UBND",
        "BÁO CÁO",
        "I. TÌNH HÌNH CHUNG",
        "II. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "IV. KHÓ KHĂN, VƯỚNG MẮC",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        "Tổng cộng",
        "Toàn xã",
        "Số liệu tính đến ngày 30/06/2024",
        "TM. ỦY BAN NHÂN DÂN",
        "Nơi nhận:",
    ):
        assert expected in text, expected
    # Support total of the quarter: 3 × 200.000 + 1.000.000 (not printed) and 3 + 1 households → 4.
    assert "Tình hình chung ổn định." in text
    assert "DỰ THẢO" not in text


def test_draft_pdf_is_marked_draft(commune, plan, labour_officer):
    compiled = services.compiled_open(period=open_period(commune, "2024-Q2"), user=labour_officer)
    text = pdf_text(render_compiled_pdf(build_compiled_document(compiled))[0])
    assert "DỰ THẢO" in text
    assert "/BC-UBND" in text


def workbook_for(compiled):
    return load_workbook(io.BytesIO(render_compiled_xlsx(build_compiled_document(compiled))))


def test_excel_component_sheet_has_title_headers_rows_and_totals(approved, plan):
    wb = workbook_for(approved)
    ws = wb["Dự án, tiểu dự án"]
    assert ws["A1"].value == approved.period.commune.issuer_parent
    assert ws["A2"].value == "THỊ TRẤN KIỂM THỬ"
    assert ws["G1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert ws["A3"].value == "Số: 45/BC-UBND"
    assert "KẾT QUẢ THỰC HIỆN CÁC DỰ ÁN" in ws["A5"].value
    assert ws["D8"].value == "Hộ được hỗ trợ"
    assert ws["D9"].value == "Tổng số"
    assert "D8:G8" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.freeze_panes == "A10"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    rows = list(ws.iter_rows(min_row=10, values_only=True))
    components = rows[: plan.components.count()]
    total = rows[plan.components.count()]
    assert total[1] == "Toàn xã (mỗi hộ tính một lần)"
    # D-2 was helped by two sub-projects: the commune total counts it once (3), not the sum (4).
    assert sum(r[3] for r in components) == 4
    assert total[3] == 3
    assert total[9] == sum(r[9] for r in components)
    nutrition = next(r for r in components if r[1].startswith("3.2."))
    assert nutrition[3] == 3


def test_excel_movement_sheet_ends_with_the_total_row(approved, neighborhood1, neighborhood2):
    ws = workbook_for(approved)["Biến động hộ nghèo"]
    labels = [row[0] for row in ws.iter_rows(min_row=10, values_only=True)]
    assert labels == ["Khu phố 1", "Khu phố 2", "Tổng cộng"]
    rows = list(ws.iter_rows(min_row=10, values_only=True))
    # households, poor at the end (column G), near-poor (column J), counted from the fixture's round
    assert [r[6] for r in rows] == [1, 2, 3]
    assert [r[9] for r in rows] == [1, 0, 1]
    assert [r[1] for r in rows] == [5, 2, 7]  # all households of each khu phố
    assert ws.freeze_panes == "A10"


def test_no_excel_cell_holds_a_formula_even_from_user_text(commune, other_commune, chairman, labour_officer):
    from tests.factories import NeighborhoodFactory, UnitFactory
    from tests.reporting.factories import make_reporting_plan

    formula_named = NeighborhoodFactory(commune=commune, name="=1+1", position=1)
    NeighborhoodFactory(commune=commune, name="@cmd|' /C calc'!A0", position=2)
    household = HouseholdFactory(neighborhood=formula_named, commune=commune, code="F-1")
    approve_round(commune, datetime.date(2023, 12, 20), {household: Category.POOR}, chairman)
    unit = UnitFactory(commune=commune, name="-2+3+cmd|' /C calc'!A0")
    make_reporting_plan(commune, approver=chairman, author=labour_officer, lead_unit=unit)
    compiled = services.compiled_open(period=open_period(commune, "2024-Q2"), user=labour_officer)
    wb = workbook_for(compiled)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert "=1+1" in texts
    assert "@cmd|' /C calc'!A0" in texts
    assert "-2+3+cmd|' /C calc'!A0" in texts


def test_cli_writes_pdf_and_xlsx(approved, tmp_path):
    out = tmp_path / "q2.pdf"
    call_command("render_report", "--period", "2024-Q2", "--format", "pdf", "--out", str(out))
    assert "Số: 45/BC-UBND" in pdf_text(out.read_bytes())
    xlsx = tmp_path / "q2.xlsx"
    call_command(
        "render_report",
        "--period",
        "2024-Q2",
        "--format",
        "xlsx",
        "--out",
        str(xlsx),
        "--commune",
        "kiem-thu",
    )
    assert load_workbook(xlsx)["Dự án, tiểu dự án"]["A3"].value == "Số: 45/BC-UBND"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2024-Q5", "--format", "pdf"], "không hợp lệ"),
        (["--period", "2024", "--format", "docx"], "pdf hoặc xlsx"),
        (["--period", "2031-Q1", "--format", "pdf"], "chưa có kế hoạch năm 2031"),
        (["--period", "2024-Q1", "--format", "pdf", "--commune", "khong-co"], "Không có xã"),
    ],
)
def test_cli_refuses_bad_input_clearly(plan, tmp_path, args, message):
    out = tmp_path / "x"
    with pytest.raises(CommandError, match=message):
        call_command("render_report", *args, "--out", str(out))
    assert not out.exists()


def test_cli_bad_period_exits_non_zero(plan, tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "render_report",
            "--period",
            "2024-Q9",
            "--format",
            "pdf",
            "--out",
            str(tmp_path / "x.pdf"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "không hợp lệ" in result.stderr
