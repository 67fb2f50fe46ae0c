"""The compiled commune report: drafted by the labour officer, approved by the chairman with its
number, frozen with the figures as they were (a later data change never alters it)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reporting import messages, services
from reporting.models import CompiledReport, CompiledReportTransition, CompiledStatus
from tests.programs.delivery.factories import HouseholdFactory
from tests.reporting.factories import add_support, open_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(commune, plan):
    return open_period(commune, "2024-Q2")


@pytest.fixture
def submitted(period, labour_officer):
    compiled = services.compiled_open(period=period, user=labour_officer)
    compiled = services.compiled_update(
        compiled=compiled,
        user=labour_officer,
        general_situation="Tình hình ổn định.",
        steering="Đã ban hành kế hoạch, phân công đơn vị chủ trì.",
        problems="Không có.",
        proposals="Không có.",
    )
    return services.compiled_submit(compiled=compiled, user=labour_officer)


def approve(compiled, user, number="45", issued_on=None):
    return services.compiled_approve(
        compiled=compiled, user=user, document_number=number, issued_on=issued_on or timezone.localdate()
    )


def test_compiled_report_prefills_units_problems_and_proposals(
    period, nutrition, health_station, labour_officer
):
    report = services.report_open(period=period, component=nutrition, user=health_station)
    services.report_update(
        report=report,
        user=health_station,
        results="Cấp 20 suất.",
        problems="Thiếu kinh phí.",
        proposals="Bổ sung vốn.",
    )
    services.report_submit(report=report, user=health_station)
    compiled = services.compiled_open(period=period, user=labour_officer)
    assert compiled.problems == "Thiếu kinh phí."
    assert compiled.proposals == "Bổ sung vốn."
    assert "(B/c)" in compiled.recipients


def test_only_the_labour_officer_compiles(period, health_station, chairman):
    for user in (health_station, chairman):
        with pytest.raises(ValidationError) as error:
            services.compiled_open(period=period, user=user)
        assert error.value.messages == [messages.NOT_COMPILER]
    assert not CompiledReport.objects.exists()


def test_submit_needs_every_narrative_section(period, labour_officer):
    compiled = services.compiled_open(period=period, user=labour_officer)
    compiled = services.compiled_update(
        compiled=compiled, user=labour_officer, problems="", proposals="Không có."
    )
    with pytest.raises(ValidationError) as error:
        services.compiled_submit(compiled=compiled, user=labour_officer)
    assert error.value.message_dict == {
        "general_situation": [messages.GENERAL_SITUATION_REQUIRED],
        "steering": [messages.STEERING_REQUIRED],
        "problems": [messages.PROBLEMS_REQUIRED],
    }
    compiled.refresh_from_db()
    assert compiled.status == CompiledStatus.DRAFT


def test_approving_a_draft_is_refused(period, labour_officer, chairman):
    compiled = services.compiled_open(period=period, user=labour_officer)
    with pytest.raises(ValidationError) as error:
        approve(compiled, chairman)
    assert error.value.messages == [messages.COMPILED_NOT_SUBMITTED]
    compiled.refresh_from_db()
    assert compiled.status == CompiledStatus.DRAFT


def test_only_an_approver_approves(submitted, labour_officer, health_station):
    for user in (labour_officer, health_station):
        with pytest.raises(ValidationError):
            approve(submitted, user)
    submitted.refresh_from_db()
    assert submitted.status == CompiledStatus.SUBMITTED


@pytest.mark.parametrize(
    ("number", "issued_on", "field"),
    [
        ("", datetime.date(2024, 6, 18), "document_number"),
        ("4a", datetime.date(2024, 6, 18), "document_number"),
        ("45", None, "issued_on"),
        ("45", datetime.date(2024, 3, 1), "issued_on"),
    ],
)
def test_approval_needs_a_number_and_a_sane_date(submitted, chairman, number, issued_on, field):
    with pytest.raises(ValidationError) as error:
        services.compiled_approve(
            compiled=submitted, user=chairman, document_number=number, issued_on=issued_on
        )
    assert field in error.value.message_dict
    submitted.refresh_from_db()
    assert submitted.status == CompiledStatus.SUBMITTED


def test_return_then_resubmit_then_approve_is_logged(submitted, labour_officer, vice_chairman):
    compiled = services.compiled_return(
        compiled=submitted, user=vice_chairman, comment="Bổ sung phần kinh phí."
    )
    assert compiled.status == CompiledStatus.RETURNED
    compiled = services.compiled_update(compiled=compiled, user=labour_officer, results="Đã bổ sung.")
    compiled = services.compiled_submit(compiled=compiled, user=labour_officer)
    compiled = approve(compiled, vice_chairman)
    assert compiled.document_reference == "45/BC-UBND"
    steps = list(
        CompiledReportTransition.objects.filter(compiled_report=compiled).values_list("to_status", flat=True)
    )
    assert steps == ["draft", "submitted", "returned", "submitted", "approved"]
    assert compiled.history.count() >= 5


def test_snapshot_does_not_move_when_data_changes_after_approval(
    submitted, commune, neighborhood1, nutrition, health_station, chairman
):
    household = HouseholdFactory(neighborhood=neighborhood1, commune=commune, code="S-1")
    add_support(nutrition, household, on=datetime.date(2024, 5, 3), user=health_station, amount=300_000)
    # The figures changed since submission: the chairman approves what he has seen on the page.
    figures_key, changes = services.compiled.approval_changes(submitted)
    assert changes
    compiled = services.compiled_approve(
        compiled=submitted,
        user=chairman,
        document_number="45",
        issued_on=timezone.localdate(),
        confirmed_figures=figures_key,
    )
    frozen = compiled.snapshot
    row = next(c for c in frozen["components"] if c["code"] == "3.2")
    assert row["support"]["households"] == 1
    # Later: more support recorded for the same quarter.
    for i in range(3):
        extra = HouseholdFactory(neighborhood=neighborhood1, commune=commune, code=f"S-{i + 2}")
        add_support(nutrition, extra, on=datetime.date(2024, 6, 1), user=health_station)
    compiled.refresh_from_db()
    assert compiled.snapshot == frozen
    from reporting.documents.report import build_compiled_document

    doc = build_compiled_document(compiled)
    nutrition_row = next(r for r in doc.components if r.code == "3.2")
    assert nutrition_row.households == 1
    assert nutrition_row.support_amount == 300_000


def test_approved_compiled_report_is_frozen_by_every_path(submitted, labour_officer, chairman):
    compiled = approve(submitted, chairman)
    with pytest.raises(ValidationError):
        services.compiled_update(compiled=compiled, user=labour_officer, general_situation="sửa")
    with pytest.raises(ValidationError):
        services.compiled_return(compiled=compiled, user=chairman, comment="sửa")
    compiled.general_situation = "sửa trực tiếp"
    with pytest.raises(ValidationError):
        compiled.save()
    with pytest.raises(ValidationError):
        compiled.delete()
    assert CompiledReport.objects.get(pk=compiled.pk).general_situation == "Tình hình ổn định."


# --- the workflow core: submitter and four-eyes ---------------------------------------------------


def test_submitting_records_who_submitted(submitted, labour_officer):
    assert submitted.submitted_by == labour_officer and submitted.submitted_at is not None


def test_the_submitter_never_approves_the_compiled_report(submitted, labour_officer, chairman):
    from thoxuan_gnbv import messages as workflow_messages
    from thoxuan_gnbv import workflow

    # The submitter acting as an approver (the chairman compiling in the officer's absence).
    CompiledReport.objects.filter(pk=submitted.pk).update(submitted_by=chairman)
    with pytest.raises(ValidationError) as error:
        approve(submitted, chairman)
    assert error.value.messages == [messages.NOT_APPROVER]  # the page never offers it (thoxuan_gnbv.access)
    with pytest.raises(ValidationError) as error:
        workflow.transition(
            submitted,
            to=CompiledStatus.APPROVED,
            user=chairman,
            changes={"document_number": "45", "issued_on": timezone.localdate()},
        )
    assert error.value.messages == [workflow_messages.FOUR_EYES]
    assert CompiledReport.objects.get(pk=submitted.pk).status == CompiledStatus.SUBMITTED


def test_return_keeps_the_comment_on_the_report_and_in_the_log(submitted, chairman):
    compiled = services.compiled_return(compiled=submitted, user=chairman, comment="  Bổ sung kinh phí. ")
    assert CompiledReport.objects.get(pk=compiled.pk).return_comment == "Bổ sung kinh phí."
    last = CompiledReportTransition.objects.filter(compiled_report=compiled).latest("pk")
    assert (last.to_status, last.comment, last.actor) == (
        CompiledStatus.RETURNED,
        "Bổ sung kinh phí.",
        chairman,
    )


def test_a_returned_report_is_approved_only_after_resubmission(submitted, chairman):
    compiled = services.compiled_return(compiled=submitted, user=chairman, comment="Bổ sung.")
    with pytest.raises(ValidationError) as error:
        approve(compiled, chairman)
    assert error.value.messages == [messages.COMPILED_NOT_SUBMITTED]


def test_submitting_twice_is_refused(submitted, labour_officer):
    with pytest.raises(ValidationError) as error:
        services.compiled_submit(compiled=submitted, user=labour_officer)
    assert error.value.messages == [messages.COMPILED_NOT_EDITABLE]
