"""The workflow core itself: steps as data, the one transition (lock, allowed-from, four-eyes, comment,
actor and time, changes, full_clean, one log row), and the decision buttons that follow four-eyes."""

from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.query import QuerySet
from django.urls import reverse
from django.utils import timezone

from households.models import Review, ReviewRound, ReviewRoundTransition, RoundStatus
from programs import messages as plan_messages
from programs.models import (
    Estimate,
    EstimateLine,
    EstimateStatus,
    EstimateTransition,
    Plan,
    PlanComponent,
    PlanStatus,
    PlanTransition,
    TargetLine,
)
from reporting.models import CompiledReport, CompiledStatus, Report, ReportStatus
from tests.programs.factories import make_submitted
from thoxuan_gnbv import access, messages, statuses, workflow
from thoxuan_gnbv.workflow import Step, Workflow


class Colour(models.TextChoices):
    RED = "red", "Đỏ"
    AMBER = "amber", "Vàng"
    GREEN = "green", "Xanh"


TOY = Workflow(
    statuses=Colour,
    editable=(Colour.RED,),
    frozen=(Colour.GREEN,),
    log="programs.PlanTransition",
    steps=[
        Step(to=Colour.AMBER, sources=(Colour.RED,)),
        Step(to=Colour.GREEN, sources=(Colour.AMBER,), wrong_state_message="Chỉ từ vàng."),
    ],
)


def _toy(status):
    """A plain object carrying a flow: enough for the pure checks (no database)."""
    thing = type("Toy", (), {"workflow": TOY})()
    thing.status = status
    return thing


# --- steps as data (no database) ------------------------------------------------------------------


def test_steps_are_keyed_by_their_target():
    assert TOY.step(Colour.AMBER).sources == (Colour.RED,)
    assert set(TOY.steps) == {Colour.AMBER, Colour.GREEN}


def test_an_unknown_target_names_it_in_vietnamese():
    with pytest.raises(ValidationError) as error:
        TOY.step("blue")
    assert error.value.messages == [messages.UNKNOWN_STEP.format(target="blue")]


def test_labels_come_from_the_choices():
    assert TOY.label(Colour.AMBER) == "Vàng"
    assert TOY.label("nonsense") == "nonsense"


def test_check_step_passes_from_an_allowed_status():
    assert workflow.check_step(_toy(Colour.RED), to=Colour.AMBER).to == Colour.AMBER


def test_check_step_uses_the_generic_message_when_the_step_has_none():
    with pytest.raises(ValidationError) as error:
        workflow.check_step(_toy(Colour.GREEN), to=Colour.AMBER)
    assert error.value.messages == [messages.WRONG_STATE.format(current="Xanh", target="Vàng")]
    assert error.value.code == "status"


def test_check_step_uses_the_flow_message_when_declared():
    with pytest.raises(ValidationError) as error:
        workflow.check_step(_toy(Colour.RED), to=Colour.GREEN)
    assert error.value.messages == ["Chỉ từ vàng."]


def test_state_flags_compare_against_members_by_name():
    flags = workflow.StatusFlags(Colour, Colour.AMBER)
    assert flags.amber is True and flags.red is False
    with pytest.raises(AttributeError):
        flags.purple  # noqa: B018


def test_step_defaults_ask_for_nothing():
    step = Step(to="x", sources=("y",))
    assert (step.not_by, step.comment_required, step.on_frozen, step.comment_key) == (
        "",
        False,
        (),
        "comment",
    )


def test_every_flow_declares_four_eyes_on_its_decisions():
    for model in (Plan, Estimate, ReviewRound, Report, CompiledReport):
        flow = model.workflow
        deciding = [step for step in flow.steps.values() if step.sources == (flow.statuses.SUBMITTED,)]
        assert deciding, model
        assert all(step.not_by == "submitted_by" for step in deciding), model


def test_every_flow_has_a_concrete_log_pointing_back_at_it():
    for model, log in (
        (Plan, PlanTransition),
        (Estimate, EstimateTransition),
        (ReviewRound, ReviewRoundTransition),
    ):
        assert model.workflow.log_model() is log
        assert model.workflow.log_fk(model) in {"plan", "estimate", "review_round"}


def test_log_fk_refuses_a_model_the_log_does_not_point_at():
    with pytest.raises(LookupError):
        Plan.workflow.log_fk(Estimate)


def test_children_declare_their_parent_path():
    assert workflow.frozen_statuses(TargetLine) == (PlanStatus.APPROVED, PlanStatus.ISSUED)
    assert workflow.frozen_statuses(EstimateLine) == (EstimateStatus.APPROVED,)
    assert workflow.frozen_statuses(Review) == (RoundStatus.APPROVED, RoundStatus.CANCELLED)
    assert workflow.frozen_message(PlanComponent) == plan_messages.PLAN_FROZEN


def test_the_statuses_module_keeps_the_stored_values():
    assert statuses.PlanStatus.values == ["draft", "submitted", "returned", "approved", "issued"]
    assert statuses.RoundStatus.values == ["open", "meeting", "posting", "submitted", "approved", "cancelled"]
    assert statuses.ReportStatus.ACCEPTED == "accepted"
    assert statuses.CompiledStatus.APPROVED.label == "Đã phê duyệt"
    assert statuses.EstimateStatus.DRAFT.label == "Đang lập"


def test_domain_models_re_export_the_statuses():
    assert PlanStatus is statuses.PlanStatus
    assert RoundStatus is statuses.RoundStatus
    assert EstimateStatus is statuses.EstimateStatus
    assert ReportStatus is statuses.ReportStatus
    assert CompiledStatus is statuses.CompiledStatus


def test_seeding_is_off_outside_its_block_and_restored_after_an_error():
    with pytest.raises(RuntimeError), workflow.seeding():
        assert workflow._seeding.get() is True
        raise RuntimeError
    assert workflow._seeding.get() is False


# --- the transition (database) --------------------------------------------------------------------


@pytest.fixture
def submitted(commune, labour_officer, peoples_committee):
    return make_submitted(commune, labour_officer, peoples_committee)


@pytest.mark.django_db
def test_transition_stamps_actor_and_time_and_returns_the_saved_row(submitted, chairman):
    before = timezone.now()
    plan = workflow.transition(submitted, to=PlanStatus.APPROVED, user=chairman)
    stored = Plan.objects.get(pk=plan.pk)
    assert stored.status == PlanStatus.APPROVED
    assert stored.approved_by == chairman and stored.approved_at >= before


@pytest.mark.django_db
def test_transition_writes_exactly_one_log_row(submitted, chairman):
    count = PlanTransition.objects.count()
    workflow.transition(submitted, to=PlanStatus.APPROVED, user=chairman, comment="  Đồng ý.  ")
    assert PlanTransition.objects.count() == count + 1
    row = PlanTransition.objects.latest("pk")
    assert (row.from_status, row.to_status, row.actor, row.comment) == (
        PlanStatus.SUBMITTED,
        PlanStatus.APPROVED,
        chairman,
        "Đồng ý.",
    )


@pytest.mark.django_db
def test_transition_re_reads_under_a_row_lock(submitted, chairman):
    calls = []
    original = QuerySet.select_for_update

    def spy(self, *args, **kwargs):
        calls.append(self.model)
        return original(self, *args, **kwargs)

    with mock.patch.object(QuerySet, "select_for_update", spy):
        workflow.transition(submitted, to=PlanStatus.APPROVED, user=chairman)
    assert Plan in calls


@pytest.mark.django_db
def test_transition_ignores_unsaved_edits_of_the_object_passed_in(submitted, chairman):
    submitted.title = "Sửa trong bộ nhớ"
    workflow.transition(submitted, to=PlanStatus.APPROVED, user=chairman)
    assert Plan.objects.get(pk=submitted.pk).title != "Sửa trong bộ nhớ"


@pytest.mark.django_db
def test_transition_reads_the_stored_status_not_the_one_in_memory(submitted, chairman):
    submitted.status = PlanStatus.APPROVED  # a stale or tampered copy
    plan = workflow.transition(submitted, to=PlanStatus.APPROVED, user=chairman)
    assert plan.status == PlanStatus.APPROVED
    with pytest.raises(ValidationError):
        workflow.transition(submitted, to=PlanStatus.APPROVED, user=chairman)


@pytest.mark.django_db
def test_transition_applies_changes(submitted, chairman):
    plan = workflow.transition(
        submitted, to=PlanStatus.APPROVED, user=chairman, changes={"signer_name": "Lê Văn Hùng"}
    )
    assert Plan.objects.get(pk=plan.pk).signer_name == "Lê Văn Hùng"


@pytest.mark.django_db
def test_transition_refuses_the_submitter_with_the_flow_message(submitted, labour_officer):
    with pytest.raises(ValidationError) as error:
        workflow.transition(submitted, to=PlanStatus.APPROVED, user=labour_officer)
    assert error.value.messages == [plan_messages.PLAN_APPROVE_OWN]
    assert Plan.objects.get(pk=submitted.pk).status == PlanStatus.SUBMITTED


@pytest.mark.django_db
def test_four_eyes_falls_back_to_the_core_message(commune, accountant, chairman):
    estimate = Estimate.objects.create(commune=commune, year=2024, title="Dự toán", prepared_by=accountant)
    Estimate.objects.filter(pk=estimate.pk).update(status=EstimateStatus.SUBMITTED, submitted_by=chairman)
    with pytest.raises(ValidationError) as error:
        workflow.transition(estimate, to=EstimateStatus.APPROVED, user=chairman)
    assert error.value.messages == [messages.FOUR_EYES]


@pytest.mark.django_db
def test_comment_required_names_the_declared_field(submitted, chairman):
    with pytest.raises(ValidationError) as error:
        workflow.transition(submitted, to=PlanStatus.RETURNED, user=chairman, comment="  ")
    assert error.value.message_dict == {"comment": [plan_messages.PLAN_RETURN_COMMENT]}
    assert not PlanTransition.objects.filter(to_status=PlanStatus.RETURNED).exists()


@pytest.mark.django_db
def test_a_comment_field_keeps_the_comment_on_the_document(commune, accountant, chairman):
    estimate = Estimate.objects.create(commune=commune, year=2024, title="Dự toán", prepared_by=accountant)
    Estimate.objects.filter(pk=estimate.pk).update(status=EstimateStatus.SUBMITTED, submitted_by=accountant)
    estimate = workflow.transition(
        estimate, to=EstimateStatus.RETURNED, user=chairman, comment=" Thiếu dòng. "
    )
    assert Estimate.objects.get(pk=estimate.pk).return_comment == "Thiếu dòng."
    estimate = workflow.transition(estimate, to=EstimateStatus.SUBMITTED, user=accountant)
    estimate = workflow.transition(estimate, to=EstimateStatus.APPROVED, user=chairman)
    assert Estimate.objects.get(pk=estimate.pk).return_comment == ""  # approval clears the old reason


@pytest.mark.django_db
def test_full_clean_failure_rolls_back_without_a_log_row(commune, labour_officer, chairman):
    round_ = ReviewRound.objects.create(commune=commune, year=2024, opened_by=labour_officer)
    ReviewRound.objects.filter(pk=round_.pk).update(status=RoundStatus.SUBMITTED, submitted_by=labour_officer)
    with pytest.raises(ValidationError):
        # QĐ 24/2021: no approval without the decision's number and date (a named constraint).
        workflow.transition(round_, to=RoundStatus.APPROVED, user=chairman)
    assert ReviewRound.objects.get(pk=round_.pk).status == RoundStatus.SUBMITTED
    assert not ReviewRoundTransition.objects.exists()


@pytest.mark.django_db
def test_log_created_writes_the_first_row(commune, labour_officer):
    round_ = ReviewRound.objects.create(commune=commune, year=2024, opened_by=labour_officer)
    row = workflow.log_created(round_, user=labour_officer)
    assert (row.from_status, row.to_status, row.actor) == ("", RoundStatus.OPEN, labour_officer)


@pytest.mark.django_db
def test_log_created_without_a_user_writes_nothing(commune):
    round_ = ReviewRound.objects.create(commune=commune, year=2024)
    assert workflow.log_created(round_, user=None) is None
    assert not ReviewRoundTransition.objects.exists()


# --- access: the buttons follow four-eyes too -----------------------------------------------------


def _doc(status, submitted_by_id):
    """A document of the personas' commune: its commune_id sits where each kind keeps it."""
    from households.models import Commune

    commune_id = Commune.objects.get(code="kiem-thu").pk
    return SimpleNamespace(
        status=status,
        submitted_by_id=submitted_by_id,
        commune_id=commune_id,
        period=SimpleNamespace(commune_id=commune_id),
    )


@pytest.mark.django_db
def test_access_never_offers_the_submitter_the_decision(chairman, vice_chairman):
    own = _doc(EstimateStatus.SUBMITTED, chairman.pk)
    assert not access.can_approve_estimate(chairman, own)
    assert access.can_approve_estimate(vice_chairman, own)
    own_compiled = _doc(CompiledStatus.SUBMITTED, chairman.pk)
    assert not access.can_approve_compiled_report(chairman, own_compiled)
    assert access.can_approve_compiled_report(vice_chairman, own_compiled)
    own_round = _doc(RoundStatus.SUBMITTED, chairman.pk)
    assert not access.can_approve_review_round(chairman, own_round)
    assert access.can_approve_review_round(vice_chairman, own_round)
    assert access.can_approve_review_round(chairman)


@pytest.mark.django_db
def test_access_offers_decisions_only_on_submitted_documents(chairman, labour_officer):
    for status in (EstimateStatus.DRAFT, EstimateStatus.RETURNED, EstimateStatus.APPROVED):
        assert not access.can_approve_estimate(chairman, _doc(status, labour_officer.pk))
    for status in (CompiledStatus.DRAFT, CompiledStatus.APPROVED):
        assert not access.can_approve_compiled_report(chairman, _doc(status, labour_officer.pk))
    for status in (RoundStatus.OPEN, RoundStatus.APPROVED):
        assert not access.can_approve_review_round(chairman, _doc(status, labour_officer.pk))


@pytest.mark.django_db
def test_admin_shows_a_review_of_an_approved_round_read_only(client, admin_user, commune, neighborhood1):
    from tests.households.factories import HouseholdFactory, add_result, approved_round

    review = add_result(approved_round(commune, 2024), HouseholdFactory(neighborhood=neighborhood1), "poor")
    client.force_login(admin_user)
    url = reverse("admin:households_review_change", args=[review.pk])
    page = client.get(url)
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert client.post(url, {"note": "Sửa"}).status_code == 403
    assert (
        client.post(reverse("admin:households_review_delete", args=[review.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert Review.objects.filter(pk=review.pk, note="").exists()
