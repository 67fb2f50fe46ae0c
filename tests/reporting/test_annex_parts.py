"""The compiled report's household annex, printed in parts of whole khu phố and merged: the same rows
in the same order as one list, page numbers running on after the report, a size above which the PDF is
refused with a message sending the officer to the Excel list, and that Excel list made by the worker."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from programs.models import Support
from reporting import messages
from reporting.documents import annex_pdf
from reporting.documents.annex import annex_chunks, household_annex
from reporting.documents.pdf import render_compiled_pdf
from reporting.documents.report import build_compiled_document
from reporting.models import DocumentJob
from tests.households.factories import HouseholdFactory
from tests.reporting.factories import add_support

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def supported(compiled, neighborhood1, neighborhood2, nutrition, livelihood, labour_officer):
    """Seven households supported in Q2 2024: four in khu phố 2 (codes A…, which sort first but print
    after khu phố 1), three in khu phố 1; one household twice (two components, one row)."""
    houses = [HouseholdFactory(neighborhood=neighborhood2, code=f"A-{i:03d}") for i in range(4)]
    houses += [HouseholdFactory(neighborhood=neighborhood1, code=f"Z-{i:03d}") for i in range(3)]
    for i, house in enumerate(houses):
        add_support(nutrition, house, on=datetime.date(2024, 5, 2), user=labour_officer, amount=100_000 + i)
    add_support(livelihood, houses[0], on=datetime.date(2024, 6, 1), user=labour_officer, amount=50_000)
    return houses


def _expected_codes(compiled) -> list[str]:
    """Independently: the distinct households supported in the period, khu phố order then code."""
    rows = Support.objects.filter(
        component__plan=compiled.period.plan,
        supported_on__range=(compiled.period.start_date, compiled.period.end_date),
    ).values_list("household__neighborhood__position", "household__code")
    return [code for _, code in sorted(set(rows))]


def test_annex_read_in_parts_keeps_every_row_in_order(compiled, supported):
    whole = household_annex(compiled, limit=10_000)
    by_khu_pho = household_annex(compiled, limit=1)  # each khu phố a part of its own
    assert [r.code for r in whole] == _expected_codes(compiled) == [r.code for r in by_khu_pho]
    assert [r.number for r in by_khu_pho] == list(range(1, 8))
    assert by_khu_pho == whole
    assert whole[3].code == "A-000" and whole[3].components == "2, 3.2" and whole[3].amount == 150_000
    assert annex_chunks(compiled) == [(supported[4].neighborhood_id, 3), (supported[0].neighborhood_id, 4)]


def test_pdf_in_parts_prints_the_rows_in_order_with_page_numbers_running_on(compiled, supported, monkeypatch):
    doc = build_compiled_document(compiled)
    _, report_pages = render_compiled_pdf(doc)
    parts = []
    monkeypatch.setattr(annex_pdf, "PART_ROWS", 2)
    content, pages = annex_pdf.render_compiled_with_annex(compiled, doc, on_part=parts.append)
    # Khu phố 1 (3 rows) then khu phố 2 (4 rows), each bigger than a part: two separate layouts.
    assert len(parts) == 2 and pages == parts[-1] == report_pages + 2
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == pages
    annex_text = "\n".join(page.extract_text() for page in reader.pages[report_pages:])
    assert annex_text.count("PHỤ LỤC") == 1  # the title once, on the first part
    found = [m.group(0) for m in re.finditer(r"[AZ]-\d{3}", annex_text)]
    assert found == _expected_codes(compiled)
    # The annex's pages are numbered on from the report's (the number prints at the top).
    for number, page in enumerate(reader.pages[report_pages:], start=report_pages + 1):
        assert re.search(rf"(?<![\d.]){number}\s*$", page.extract_text())


def test_a_report_rendered_with_rows_in_memory_uses_the_same_parts(compiled, supported):
    doc = build_compiled_document(compiled, annex=household_annex(compiled))
    content, pages = render_compiled_pdf(doc)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert [m.group(0) for m in re.finditer(r"[AZ]-\d{3}", text)] == _expected_codes(compiled)


def test_annex_above_the_limit_is_refused_with_the_excel_list_named(
    client_for, compiled, supported, labour_officer, monkeypatch, tmp_path
):
    monkeypatch.setattr(annex_pdf, "ANNEX_PDF_MAX_ROWS", 6)
    client = client_for(labour_officer)
    response = client.post(reverse("reporting:compiled_pdf_job", args=[compiled.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:compiled_detail", args=[compiled.pk])
    assert not DocumentJob.objects.exists()
    expected = messages.ANNEX_TOO_LONG.format(limit="6")
    page = client.get(response["Location"]).content.decode()
    assert expected[:60] in page
    assert "Danh sách hộ được hỗ trợ (Excel)" in page
    with pytest.raises(CommandError, match="hơn 6 hộ"):
        call_command(
            "render_report", "--period", "2024-Q2", "--format", "pdf", "--annex", "--out", tmp_path / "r.pdf"
        )
    assert not (tmp_path / "r.pdf").exists()
    monkeypatch.setattr(annex_pdf, "ANNEX_PDF_MAX_ROWS", 7)  # at the limit: printed
    assert (
        client_for(labour_officer)
        .post(reverse("reporting:compiled_pdf_job", args=[compiled.pk]))["Location"]
        .startswith("/reporting/jobs/")
    )


def test_annex_excel_list_runs_as_a_job_and_reads_back(
    client_for, compiled, supported, labour_officer, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.TASKS, settings.MEDIA_ROOT = IMMEDIATE, tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(labour_officer).post(
            reverse("reporting:compiled_annex_xlsx", args=[compiled.pk])
        )
    job = DocumentJob.objects.get()
    assert response["Location"] == reverse("reporting:job_detail", args=[job.pk])
    assert job.kind == DocumentJob.Kind.ANNEX_XLSX and job.status == DocumentJob.Status.DONE
    assert job.commune_id == compiled.period.commune_id and job.progress == 100
    page = client_for(labour_officer).get(response["Location"]).content.decode()
    assert "Tải tệp Excel" in page
    download = client_for(labour_officer).get(reverse("reporting:job_download", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == ("TT", "Mã hộ", "Chủ hộ", "Khu phố", "Dự án", "Giá trị hỗ trợ (đồng)")
    expected = [
        (r.number, r.code, r.head_name, r.neighborhood, r.components, r.amount)
        for r in household_annex(compiled)
    ]
    assert rows[2:] == expected and len(expected) == 7
