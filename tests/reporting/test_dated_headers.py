"""Every document prints the commune's identity valid on its own date: after Thọ Xuân becomes "Xã Thọ
Xuân" on 01/07/2025 the 2024 plan and a 2024 report are byte for byte the same HTML, and a 2025-H2
document prints the new name and the new level above."""

import datetime

import pytest
from django.template.loader import render_to_string

from demo.plan_builder import seed_plan_2024
from demo.registry import seed_commune
from demo.units import seed_units
from demo.users import seed_users
from households.services.identity import commune_rename
from programs.models import Plan
from programs.queries.plans import with_document
from reporting import services
from reporting.documents.base import frame_for
from reporting.documents.plan import build_plan_document
from reporting.documents.report import build_compiled_document
from reporting.models import ReportingPeriod
from reporting.services.compiled import default_recipients
from tests.programs.factories import program
from tests.reporting.factories import open_period

pytestmark = pytest.mark.django_db

RENAMED_ON = datetime.date(2025, 7, 1)


def _rename(commune, name, issuer):
    commune_rename(
        commune=commune,
        on=RENAMED_ON,
        name=name,
        kind="xa",
        issuer_name=issuer,
        reports_to="UBND tỉnh Thanh Hóa",
        legal_basis="Nghị quyết 1686/NQ-UBTVQH15 (cần xác nhận)",
    )
    commune.refresh_from_db()
    return commune


def _html(template: str, doc) -> str:
    return render_to_string("reporting/documents/pdf.html", {"doc": doc, "document_template": template})


@pytest.fixture
def plan_2024(db):
    program()
    users = seed_users()
    commune = seed_commune(users)
    seed_units(commune, users)
    return seed_plan_2024(commune, users)


def _plan_html(plan) -> str:
    plan = with_document(Plan.objects.filter(pk=plan.pk)).get()
    return _html("reporting/documents/plan.html", build_plan_document(plan))


def test_the_2024_plan_header_is_unchanged_by_the_rename(plan_2024):
    before = _plan_html(plan_2024)
    assert "THỊ TRẤN THỌ XUÂN" in before
    assert "Thọ Xuân, ngày" in before
    _rename(plan_2024.commune, "Xã Thọ Xuân", "XÃ THỌ XUÂN")
    after = _plan_html(plan_2024)
    assert after == before
    assert "XÃ THỌ XUÂN" not in after


def test_a_document_of_2025_h2_prints_the_new_identity(plan_2024):
    commune = _rename(plan_2024.commune, "Xã Thọ Xuân", "XÃ THỌ XUÂN")
    common = {"symbol": "BC-UBND", "number": "", "year": 2025, "kind_title": "BÁO CÁO", "subject": ""}
    common.update(is_draft=True, recipients=[], signer=None, filename="x.pdf")
    undated_h2 = frame_for(commune, issued_on=None, undated_on=datetime.date(2025, 12, 31), **common)
    issued_h1 = frame_for(commune, issued_on=datetime.date(2025, 6, 30), **common)
    assert (undated_h2.issuer_name, undated_h2.commune_name, undated_h2.reports_to) == (
        "XÃ THỌ XUÂN",
        "Xã Thọ Xuân",
        "UBND tỉnh Thanh Hóa",
    )
    assert (issued_h1.issuer_name, issued_h1.reports_to) == ("THỊ TRẤN THỌ XUÂN", "UBND huyện Thọ Xuân")
    assert issued_h1.date_line == "Thọ Xuân, ngày 30 tháng 6 năm 2025"


@pytest.fixture
def report_2024(commune, plan, labour_officer, chairman):
    """The commune's 2024-Q2 report, approved and issued on 05/07/2024."""
    compiled = services.compiled_open(period=open_period(commune, "2024-Q2"), user=labour_officer)
    compiled = services.compiled_update(
        compiled=compiled,
        user=labour_officer,
        general_situation="Tình hình chung.",
        steering="Đã ban hành kế hoạch.",
        problems="Không có.",
        proposals="Không có.",
    )
    compiled = services.compiled_submit(compiled=compiled, user=labour_officer)
    return services.compiled_approve(
        compiled=compiled, user=chairman, document_number="45", issued_on=datetime.date(2024, 7, 5)
    )


def test_the_2024_report_is_unchanged_by_the_rename_and_the_next_level_follows_the_period(report_2024):
    before = _html("reporting/documents/report.html", build_compiled_document(report_2024))
    assert "THỊ TRẤN KIỂM THỬ" in before
    assert "toàn Thị trấn Kiểm Thử" in before
    commune = _rename(report_2024.period.commune, "Xã Kiểm Thử", "XÃ KIỂM THỬ")
    report_2024.refresh_from_db()
    after = _html("reporting/documents/report.html", build_compiled_document(report_2024))
    assert after == before
    # The level a 2025-Q4 report goes to is the province's; a 2025-Q1 report still the district's.
    plan = report_2024.period.plan
    late, early = (
        ReportingPeriod.objects.create(
            commune=commune, plan=plan, year=2025, code=code, start_date=start, end_date=end, due_date=end
        )
        for code, start, end in (
            ("Q4", datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)),
            ("Q1", datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)),
        )
    )
    assert default_recipients(late).splitlines()[0] == "UBND tỉnh Thanh Hóa (B/c)"
    assert default_recipients(early).splitlines()[0] == "UBND huyện Kiểm Thử (B/c)"
