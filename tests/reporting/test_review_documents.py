"""The review result tables as a workbook and a PDF, the recognition decision, and render_review:
sheet names and column positions of docs/spec/review-tables.md, numbers as numbers, no formulas, no
CCCD; the PDFs read back with pypdf."""

import io
import re

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from households.models import Household
from reporting import messages
from reporting.documents.review_decision import build_decision, render_decision_pdf
from reporting.documents.review_pdf import list_parts, write_review_pdf
from reporting.documents.review_tables import build_review_tables
from reporting.documents.review_xlsx import write_review_xlsx
from tests.reporting.review_data import generate

pytestmark = pytest.mark.django_db

SHEETS = [
    "Hộ nghèo", "Hộ cận nghèo", "Chỉ số thiếu hụt", "Nhóm hộ",
    "DS hộ nghèo", "DS hộ cận nghèo", "DS thoát nghèo", "DS thoát cận nghèo",
]  # fmt: skip
# Second header row of the summaries: the spec's columns D… (A–C span both header rows).
POOR_SUBHEADERS = {
    "D": "Số hộ nghèo", "E": "Tỷ lệ %", "F": "Thoát nghèo", "G": "Tái nghèo", "H": "Nghèo phát sinh",
    "I": "Số hộ nghèo", "J": "Tỷ lệ %", "K": "Hộ nghèo dân tộc thiểu số", "L": "Hộ nghèo không có khả năng lao động",
}  # fmt: skip
NEAR_SUBHEADERS = {
    "D": "Số hộ cận nghèo", "F": "Thoát cận nghèo", "G": "Chuyển thành hộ nghèo", "H": "Từ hộ nghèo chuyển sang",
    "I": "Cận nghèo phát sinh", "J": "Số hộ cận nghèo", "K": "Tỷ lệ %", "L": "Hộ cận nghèo dân tộc thiểu số",
}  # fmt: skip

# A CCCD as the fixtures write it (12 digits, Thanh Hóa's 038…): a household code such as "KP-00381"
# is not one, so the documents are checked for the number's shape, not for a 4-digit fragment.
CCCD_SHAPE = re.compile(r"(?<!\d)038\d{9}(?!\d)")


@pytest.fixture
def tables(commune, neighborhood1, neighborhood2, chairman):
    people, _ = generate(commune, [neighborhood1, neighborhood2], chairman, households=40)
    # A CCCD on every household: none may reach a list.
    for i, household in enumerate(people):
        Household.objects.filter(pk=household.pk).update(head_national_id=f"0381{i:08d}")
    return build_review_tables(commune, 2024)


def _workbook(tables):
    out = io.BytesIO()
    write_review_xlsx(tables, out)
    out.seek(0)
    return openpyxl.load_workbook(out)


def _header_row(ws, first_cell: str) -> int:
    return next(row[0].row for row in ws.iter_rows(min_col=1, max_col=1) if row[0].value == first_cell)


def test_sheets_columns_and_rows_are_those_of_the_spec(tables):
    book = _workbook(tables)
    assert book.sheetnames == SHEETS
    for name, subheaders, cells in (
        ("Hộ nghèo", POOR_SUBHEADERS, "poor_cells"),
        ("Hộ cận nghèo", NEAR_SUBHEADERS, "near_cells"),
    ):
        ws = book[name]
        top = _header_row(ws, "TT")
        assert [ws[f"{c}{top}"].value for c in "ABC"] == ["TT", "Khu phố", "Tổng số hộ"]
        assert {c: ws[f"{c}{top + 1}"].value for c in subheaders} == subheaders
        data = [
            list(r)
            for r in ws.iter_rows(min_row=top + 2, max_row=top + 1 + len(tables.summary), values_only=True)
        ]
        assert data == [getattr(row, cells)() for row in tables.summary]
        assert data[-1][0] is None and data[-1][1] == "Tổng cộng"
        assert ws.freeze_panes == f"C{top + 2}"
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    ws = book["Chỉ số thiếu hụt"]
    top = _header_row(ws, "TT")
    assert ws[f"B{top}"].value == "Chỉ số"
    rows = list(ws.iter_rows(min_row=top + 2, max_row=top + 1 + len(tables.indicators), values_only=True))
    assert [list(r) for r in rows] == [r.cells() for r in tables.indicators]
    ws = book["Nhóm hộ"]
    top = _header_row(ws, "TT")
    assert [ws[f"B{top + 2 + i}"].value for i in range(3)] == [
        "Hộ không có khả năng lao động", "Hộ dân tộc thiểu số", "Hộ có người có công",
    ]  # fmt: skip


def test_counts_and_percents_are_numbers_and_nothing_is_a_formula(tables):
    book = _workbook(tables)
    ws = book["Hộ nghèo"]
    top = _header_row(ws, "TT")
    for row in ws.iter_rows(min_row=top + 2, max_row=top + 1 + len(tables.summary)):
        assert all(isinstance(cell.value, int | float) for cell in row[2:])
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                assert not (isinstance(cell.value, str) and cell.value.startswith("="))


def test_name_lists_have_the_spec_headers_their_households_and_no_cccd(tables):
    book = _workbook(tables)
    cccds = set(Household.objects.exclude(head_national_id="").values_list("head_national_id", flat=True))
    for name, kind in zip(
        SHEETS[4:], ("poor", "near_poor", "escaped_poor", "escaped_near_poor"), strict=True
    ):
        ws = book[name]
        top = _header_row(ws, "TT")
        header = [c.value for c in ws[top]]
        for column in ("TT", "Mã hộ", "Họ và tên chủ hộ", "Khu phố", "Số nhân khẩu", "Số chỉ số thiếu hụt"):
            assert column in header
        assert not any("CCCD" in str(h) for h in header)
        rows = [
            list(r)
            for r in ws.iter_rows(
                min_row=top + 1, max_row=top + len(list(tables.list_rows(kind))), values_only=True
            )
        ]
        assert rows == [r.cells() for r in tables.list_rows(kind)]
        values = {str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None}
        assert not values & cccds


def test_the_pdf_reads_back_with_every_table_list_and_page_numbers(tables):
    out = io.BytesIO()
    pages = write_review_pdf(tables, out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == pages
    text = "\n".join(page.extract_text() for page in reader.pages)
    for title in (
        "KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2024", "KẾT QUẢ RÀ SOÁT HỘ CẬN NGHÈO NĂM 2024",
        "DANH SÁCH HỘ NGHÈO NĂM 2024", "DANH SÁCH HỘ THOÁT CẬN NGHÈO NĂM 2024", "ỦY BAN NHÂN DÂN",
        "Độc lập - Tự do - Hạnh phúc", tables.review_round.decision_number, "Tổng cộng",
    ):  # fmt: skip
        assert title in text
    assert next(iter(tables.list_rows("escaped_poor"))).head_name in text
    assert "CCCD" not in text and not CCCD_SHAPE.search(text)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape
    # Numbers run on across the merged parts: the last page carries its own number.
    assert str(pages) in reader.pages[-1].extract_text().split()


def test_list_parts_keep_whole_khu_pho_and_stay_bounded():
    assert list_parts([(1, 1500), (2, 400), (3, 300), (4, 5000), (5, 10)], limit=2000) == [
        ([1, 2], 1900), ([3], 300), ([4], 5000), ([5], 10),
    ]  # fmt: skip
    assert list_parts([]) == [([], 0)]


def test_the_decision_names_its_number_lists_and_annexes(tables):
    decision = build_decision(tables.review_round)
    reader = PdfReader(io.BytesIO(render_decision_pdf(decision)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    total = tables.total
    for words in (
        "QUYẾT ĐỊNH", f"Số: {tables.review_round.decision_number}", "Quyết định số 24/2021/QĐ-TTg",
        "Điều 1.", "Điều 2.", "Điều 3.", f"Số hộ nghèo: {total.get('p_end')} hộ",
        f"Số hộ thoát nghèo: {total.get('p_escaped')} hộ", "Phụ lục I", "Phụ lục IV",
        "DANH SÁCH HỘ THOÁT CẬN NGHÈO NĂM 2024", "Nơi nhận:", "CHỦ TỊCH",
    ):  # fmt: skip
        assert words in text
    assert not CCCD_SHAPE.search(text)


def test_render_review_writes_the_workbook_and_refuses_a_year_without_approval(tables, tmp_path):
    out = tmp_path / "bieu.xlsx"
    call_command(
        "render_review", "--year", "2024", "--format", "xlsx", "--out", str(out), stdout=io.StringIO()
    )
    assert openpyxl.load_workbook(out).sheetnames == SHEETS
    missing = tmp_path / "khong.xlsx"
    with pytest.raises(CommandError) as error:
        call_command("render_review", "--year", "2019", "--format", "xlsx", "--out", str(missing))
    assert str(error.value) == messages.REVIEW_YEAR_NOT_APPROVED.format(year=2019)
    assert not missing.exists()
    with pytest.raises(CommandError, match="pdf hoặc xlsx"):
        call_command("render_review", "--year", "2024", "--format", "doc", "--out", str(missing))
    assert list(tmp_path.iterdir()) == [out]
