"""The compiled report's details an official checks: approving figures that changed since submission
asks again with the changes listed; a period outside the plan's year is refused in Vietnamese; the
signer block of a collective body; Nơi nhận from the plan; the annual cut-off; the upward deadlines."""

import datetime
import io

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from programs.models import Recipient
from reporting import messages, services
from reporting.documents.report import build_compiled_document
from reporting.figures.reach import reach_figures
from reporting.models import CompiledStatus
from tests.figure_worker import run_figure_worker
from tests.programs.delivery.factories import HouseholdFactory, MemberFactory
from tests.reporting.factories import add_support, open_period, status
from thoxuan_gnbv import workflow

pytestmark = pytest.mark.django_db
SECTIONS = {
    "general_situation": "Tình hình ổn định.",
    "steering": "Ban hành kế hoạch.",
    "problems": "Không có.",
    "proposals": "Không có.",
}


@pytest.fixture
def submitted(period, labour_officer):
    compiled = services.compiled_open(period=period, user=labour_officer)
    compiled = services.compiled_update(compiled=compiled, user=labour_officer, **SECTIONS)
    return services.compiled_submit(compiled=compiled, user=labour_officer)


def test_approving_changed_figures_lists_the_changes_and_asks_again(
    submitted, commune, neighborhood1, nutrition, health_station, chairman
):
    assert submitted.submitted_figures["totals"]["households"] == 0
    household = HouseholdFactory(neighborhood=neighborhood1, commune=commune, code="C-1")
    add_support(nutrition, household, on=datetime.date(2024, 5, 3), user=health_station, amount=300_000)
    with pytest.raises(ValidationError) as error:
        services.compiled_approve(
            compiled=submitted, user=chairman, document_number="45", issued_on=timezone.localdate()
        )
    assert error.value.code == "figures_changed"
    assert "Tổng số hộ được hỗ trợ: 0 → 1" in error.value.messages[0]
    submitted.refresh_from_db()
    assert submitted.status == CompiledStatus.SUBMITTED
    key, changes = services.compiled.approval_changes(submitted)
    assert [c.label for c in changes][:2] == ["Tổng số hộ được hỗ trợ", "Giá trị hỗ trợ (đồng)"]
    approved = services.compiled_approve(
        compiled=submitted,
        user=chairman,
        document_number="45",
        issued_on=timezone.localdate(),
        confirmed_figures=key,
    )
    assert approved.is_approved and approved.snapshot["totals"]["households"] == 1


def test_the_approval_page_shows_the_changes_with_the_current_fingerprint(
    client_for, submitted, commune, neighborhood1, nutrition, health_station, chairman
):
    household = HouseholdFactory(neighborhood=neighborhood1, commune=commune, code="C-2")
    add_support(nutrition, household, on=datetime.date(2024, 5, 3), user=health_station)
    run_figure_worker()  # the support queued its commune-year figures for the worker
    url = reverse("reporting:compiled_detail", args=[submitted.pk])
    code, response = status(client_for, chairman, url)
    page = response.content.decode()
    assert code == 200 and 'data-testid="figure-changes"' in page
    key, _ = services.compiled.approval_changes(submitted)
    assert f'value="{key}"' in page
    data = {"document_number": "7", "issued_on": timezone.localdate().strftime("%d/%m/%Y")}
    approve_url = reverse("reporting:compiled_approve", args=[submitted.pk])
    client = client_for(chairman)
    client.post(approve_url, data)
    submitted.refresh_from_db()
    assert submitted.status == CompiledStatus.SUBMITTED  # not seen → asked again
    client.post(approve_url, data | {"confirmed_figures": key})
    submitted.refresh_from_db()
    assert submitted.status == CompiledStatus.APPROVED


def test_a_period_outside_the_plans_year_is_refused_on_the_web_and_the_command(
    client_for, plan, labour_officer
):
    client = client_for(labour_officer)
    response = client.post(reverse("reporting:compiled_start", args=["2031-Q1"]))
    assert response.status_code == 302 and response["Location"] == reverse("reporting:calendar")
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert texts == [messages.NO_APPROVED_PLAN.format(year=2031)]
    assert "nằm ngoài năm" in texts[0]
    with pytest.raises(CommandError, match="nằm ngoài năm của các kế hoạch"):
        call_command(
            "render_report",
            "--period",
            "2031-Q1",
            "--format",
            "pdf",
            "--out",
            "/dev/null",
            stdout=io.StringIO(),
        )


def test_the_vice_chairman_signs_for_the_committee_in_the_chairmans_stead(submitted, vice_chairman):
    approved = services.compiled_approve(
        compiled=submitted, user=vice_chairman, document_number="9", issued_on=timezone.localdate()
    )
    signer = build_compiled_document(approved).frame.signer
    assert (signer.on_behalf, signer.authority, signer.title) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )


def test_the_chairman_signs_tm_uy_ban_nhan_dan_chu_tich(submitted, chairman):
    approved = services.compiled_approve(
        compiled=submitted, user=chairman, document_number="9", issued_on=timezone.localdate()
    )
    signer = build_compiled_document(approved).frame.signer
    assert (signer.on_behalf, signer.authority, signer.title) == ("TM. ỦY BAN NHÂN DÂN", "", "CHỦ TỊCH")


def test_recipients_are_the_level_above_then_the_plans_own_without_repeats(period, plan, labour_officer):
    with workflow.seeding():
        Recipient.objects.create(plan=plan, position=1, name="Thường trực Đảng ủy, HĐND thị trấn (B/c)")
        Recipient.objects.create(plan=plan, position=2, name=f"{period.commune.reports_to} (B/c);")
        Recipient.objects.create(plan=plan, position=3, name="Lưu: VT")
    compiled = services.compiled_open(period=period, user=labour_officer)
    assert compiled.recipients.splitlines() == [
        f"{period.commune.reports_to} (B/c)",
        "Thường trực Đảng ủy, HĐND thị trấn (B/c)",
    ]


def test_a_household_helped_by_two_sub_projects_counts_once(
    commune, neighborhood1, nutrition, farming, health_station, agriculture_officer
):
    household = HouseholdFactory(
        neighborhood=neighborhood1, commune=commune, code="T-1", is_ethnic_minority=True
    )
    MemberFactory(household=household, has_disability=True)
    add_support(nutrition, household, on=datetime.date(2024, 5, 1), user=health_station)
    add_support(farming, household, on=datetime.date(2024, 5, 2), user=agriculture_officer, basis="near_poor")
    figures = reach_figures([nutrition.pk, farming.pk], datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))
    assert (
        figures["components"][nutrition.pk]["households"]
        == figures["components"][farming.pk]["households"]
        == 1
    )
    total = figures["total"]
    assert (total["households"], total["ethnic_minority"], total["disability"]) == (1, 1, 1)
    assert (total["poor"], total["near_poor"], total["records"]) == (1, 1, 2)


def test_annual_cut_off_defaults_to_30_11_and_only_the_year_takes_one(commune, plan, labour_officer):
    year = services.compiled_open(period=open_period(commune, "2024"), user=labour_officer)
    assert build_compiled_document(year).figures_date == "30/11/2024"
    year = services.compiled_update(
        compiled=year, user=labour_officer, figures_cutoff=datetime.date(2024, 12, 10)
    )
    assert build_compiled_document(year).figures_date == "10/12/2024"
    with pytest.raises(ValidationError) as error:
        services.compiled_update(compiled=year, user=labour_officer, figures_cutoff=datetime.date(2025, 1, 5))
    assert error.value.message_dict == {"figures_cutoff": [messages.CUTOFF_OUTSIDE_YEAR.format(year=2024)]}
    quarter = services.compiled_open(period=open_period(commune, "2024-Q2"), user=labour_officer)
    with pytest.raises(ValidationError) as error:
        services.compiled_update(
            compiled=quarter, user=labour_officer, figures_cutoff=datetime.date(2024, 6, 1)
        )
    assert error.value.message_dict == {"figures_cutoff": [messages.CUTOFF_ONLY_ANNUAL]}
    assert build_compiled_document(quarter).figures_date == "30/06/2024"


def test_the_calendar_shows_the_communes_upward_deadline_and_the_14th_rule(client_for, plan, labour_officer):
    code, response = status(client_for, labour_officer, reverse("reporting:calendar") + "?year=2024")
    page = response.content.decode()
    assert code == 200
    # Q1 ends 31/03/2024; 15 working days later, skipping Giỗ Tổ Hùng Vương (18/04), is 22/04/2024.
    assert 'data-testid="upward-due-Q1">22/04/2024' in page and "Giỗ Tổ Hùng Vương" in page
    assert "“trước ngày 15” là gửi chậm nhất ngày 14" in page
    assert "trước ngày 15/03/2024 (chậm nhất 14/03/2024)" in page
