"""Copying a plan to the next year moves every mention of its year through the texts (title, sections
I–VII, closing, targets, components, assignments), keeps the legal citations' numbers and dates, lists
what it changed and flags the sentences that still name an older year."""

import datetime

import pytest
from django.urls import reverse

from programs.models import LegalBasis, Plan
from programs.services import plan_versions
from programs.services.year_shift import names_older_year, shift_year
from thoxuan_gnbv.workflow import seeding

pytestmark = pytest.mark.django_db

CITED = "Quyết định 90/QĐ-TTg ngày 18/01/2022 và Quyết định 24/2021/QĐ-TTg"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Chương trình năm 2024", "Chương trình năm 2025"),
        ("báo cáo 6 tháng trước 20/6/2024", "báo cáo 6 tháng trước 20/6/2025"),
        ("ngày 15 tháng 12 năm 2024", "ngày 15 tháng 12 năm 2025"),
        (CITED, CITED),
        (
            "Kế hoạch số 101/KH-UBND ngày 11/4/2024 về năm 2024",
            "Kế hoạch số 101/KH-UBND ngày 11/4/2024 về năm 2025",
        ),
        ("Nghị định số 27/2022/NĐ-CP; so với năm 2023", "Nghị định số 27/2022/NĐ-CP; so với năm 2023"),
        ("mã 12024 và 2024x", "mã 12024 và 2024x"),
    ],
)
def test_only_the_plans_own_year_outside_citations_moves(before, after):
    assert shift_year(before, 2024, 2025) == after


def test_a_sentence_naming_an_older_year_is_flagged_but_not_a_citations_number():
    assert names_older_year("Giảm 2% so với năm 2023.", 2025)
    assert names_older_year("Thực hiện Kế hoạch số 101/KH-UBND ngày 11/4/2024.", 2025)
    assert not names_older_year(f"Thực hiện {CITED}.", 2025)
    assert not names_older_year("Báo cáo năm trước 10/12/2025.", 2025)


@pytest.fixture
def plan_with_texts(approved_plan):
    with seeding():
        Plan.objects.filter(pk=approved_plan.pk).update(
            title="Kế hoạch triển khai Chương trình giảm nghèo năm 2024",
            purpose=f"Cụ thể hóa {CITED} trong năm 2024.",
            reporting_regime="Báo cáo 6 tháng trước 20/6/2024 và báo cáo năm trước 10/12/2024.",
            closing="Trên đây là Kế hoạch triển khai thực hiện Chương trình năm 2024 trên địa bàn.",
            general_goal="Giảm tỷ lệ hộ nghèo so với cuối năm 2023.",
        )
        approved_plan.targets.update(text="theo chuẩn nghèo đa chiều năm 2024")
        approved_plan.components.update(objective="Hỗ trợ sinh kế trong năm 2024")
        approved_plan.legal_bases.update(subject="về triển khai Chương trình năm 2024")
    approved_plan.refresh_from_db()
    return approved_plan


def test_copy_moves_every_text_and_keeps_the_legal_bases(plan_with_texts, labour_officer):
    copy = plan_versions.plan_copy_to_next_year(plan=plan_with_texts, user=labour_officer)
    assert copy.title == "Kế hoạch triển khai Chương trình giảm nghèo năm 2025"
    assert copy.purpose == f"Cụ thể hóa {CITED} trong năm 2025."
    assert copy.reporting_regime == "Báo cáo 6 tháng trước 20/6/2025 và báo cáo năm trước 10/12/2025."
    assert copy.closing == "Trên đây là Kế hoạch triển khai thực hiện Chương trình năm 2025 trên địa bàn."
    assert copy.targets.get().text == "theo chuẩn nghèo đa chiều năm 2025"
    assert copy.components.get().objective == "Hỗ trợ sinh kế trong năm 2025"
    basis = copy.legal_bases.get()
    assert (basis.number, basis.issued_on, basis.subject) == (
        "101/KH-UBND",
        datetime.date(2024, 4, 11),
        "về triển khai Chương trình năm 2024",
    )
    changed = {(c.where, c.old, c.new) for c in copy.year_shift.changes}
    assert (
        "Đoạn kết",
        "Trên đây là Kế hoạch triển khai thực hiện Chương trình năm 2024 trên địa bàn.",
        "Trên đây là Kế hoạch triển khai thực hiện Chương trình năm 2025 trên địa bàn.",
    ) in changed
    flagged = [f.new for f in copy.year_shift.flags]
    assert "Giảm tỷ lệ hộ nghèo so với cuối năm 2023." in flagged
    assert any("101/KH-UBND" in text for text in flagged)  # last year's district plan: review it
    assert not any("2024" in c.new for c in copy.year_shift.changes if "Đoạn kết" in c.where)
    assert LegalBasis.objects.filter(plan=plan_with_texts, subject__contains="2024").exists()


def test_the_copy_page_lists_changes_and_flags(client_for, plan_with_texts, labour_officer):
    response = client_for(labour_officer).post(
        reverse("programs:plan_copy_to_next_year", args=[plan_with_texts.pk])
    )
    assert response.status_code == 200
    text = response.content.decode()
    copy = Plan.objects.get(year=2025)
    assert reverse("programs:plan_detail", args=[copy.pk]) in text
    assert "Cần rà soát (" in text and "Giảm tỷ lệ hộ nghèo so với cuối năm 2023." in text
    assert "báo cáo năm trước 10/12/2025" in text
