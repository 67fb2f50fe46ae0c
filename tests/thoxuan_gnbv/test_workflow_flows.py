"""Every approval flow through the one workflow core: allowed and refused steps, four-eyes, the log,
and the freeze by every path (service, save, delete, clean, bulk update and delete, the admin,
children), with raw loads and fixture seeding still allowed."""

from types import SimpleNamespace

import pytest
from django.core import serializers
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.thoxuan_gnbv.flows import FLOWS, WITH_CHILDREN
from thoxuan_gnbv import messages, workflow

pytestmark = pytest.mark.django_db

COMMENT = "Bổ sung số liệu khu phố 2."


@pytest.fixture
def w(
    commune,
    neighborhood1,
    peoples_committee,
    health_unit,
    chairman,
    vice_chairman,
    labour_officer,
    health_station,
    accountant,
    admin_user,
):
    return SimpleNamespace(
        commune=commune,
        neighborhood1=neighborhood1,
        peoples_committee=peoples_committee,
        health_unit=health_unit,
        chairman=chairman,
        vice_chairman=vice_chairman,
        labour_officer=labour_officer,
        health_station=health_station,
        accountant=accountant,
        admin_user=admin_user,
    )


@pytest.fixture(params=FLOWS, ids=lambda flow: flow.name)
def flow(request):
    return request.param


@pytest.fixture(params=WITH_CHILDREN, ids=lambda flow: flow.name)
def parent_flow(request):
    return request.param


def stored(doc):
    return type(doc)._base_manager.get(pk=doc.pk)


def log_of(doc):
    return list(
        doc.transitions.order_by("at", "pk").values_list("from_status", "to_status", "actor_id", "comment")
    )


# --- allowed steps --------------------------------------------------------------------------------


def test_submitting_stamps_the_submitter_and_logs_one_row(flow, w):
    doc = flow.make_submitted(w)
    assert doc.status == flow.submitted
    assert doc.submitted_by == flow.submitter(w)
    steps = log_of(doc)
    assert steps[-1][1:3] == (flow.submitted, flow.submitter(w).pk)
    assert steps[-1][0] in flow.model.workflow.steps[flow.submitted].sources


def test_approval_by_the_decider_freezes_and_records_who_and_when(flow, w):
    doc = flow.make_submitted(w)
    before = len(log_of(doc))
    doc = flow.approve(doc, w)
    row = stored(doc)
    assert row.status == flow.approved and row.is_frozen
    actor = flow.model.workflow.steps[flow.approved].actor_field
    time = flow.model.workflow.steps[flow.approved].time_field
    assert getattr(row, actor) == flow.decider(w) and getattr(row, time) is not None
    steps = log_of(doc)
    assert len(steps) == before + 1
    assert steps[-1][:3] == (flow.submitted, flow.approved, flow.decider(w).pk)


def test_return_sends_back_with_the_comment_logged(flow, w):
    doc = flow.return_(flow.make_submitted(w), w, COMMENT)
    assert stored(doc).status == flow.returned
    assert not stored(doc).is_frozen
    assert log_of(doc)[-1] == (flow.submitted, flow.returned, flow.decider(w).pk, COMMENT)


def test_a_returned_document_can_be_submitted_again(flow, w):
    doc = flow.return_(flow.make_submitted(w), w, COMMENT)
    doc = workflow.transition(doc, to=flow.submitted, user=flow.submitter(w))
    assert stored(doc).status == flow.submitted
    assert [step[1] for step in log_of(doc)][-3:] == [flow.submitted, flow.returned, flow.submitted]


def test_the_full_lifecycle_is_logged_in_order(flow, w):
    doc = flow.return_(flow.make_submitted(w), w, COMMENT)
    doc = workflow.transition(doc, to=flow.submitted, user=flow.submitter(w))
    doc = flow.approve(doc, w)
    targets = [step[1] for step in log_of(doc)]
    assert targets[-4:] == [flow.submitted, flow.returned, flow.submitted, flow.approved]
    # Every row chains from the previous one.
    steps = log_of(doc)
    assert all(steps[i][0] == steps[i - 1][1] for i in range(1, len(steps)))


def test_state_flags_follow_the_status(flow, w):
    doc = flow.make_submitted(w)
    assert getattr(doc.state, flow.submitted.name.lower()) is True
    assert getattr(doc.state, flow.approved.name.lower()) is False
    with pytest.raises(AttributeError):
        doc.state.no_such_status  # noqa: B018


# --- refused steps --------------------------------------------------------------------------------


def test_the_submitter_never_approves_their_own(flow, w):
    doc = flow.make_submitted(w)
    before = log_of(doc)
    with pytest.raises(ValidationError) as error:
        workflow.transition(doc, to=flow.approved, user=flow.submitter(w), changes=flow.approval_changes())
    assert error.value.code == "own"
    assert stored(doc).status == flow.submitted
    assert log_of(doc) == before


def test_the_submitter_never_returns_their_own(flow, w):
    doc = flow.make_submitted(w)
    with pytest.raises(ValidationError) as error:
        workflow.transition(doc, to=flow.returned, user=flow.submitter(w), comment=COMMENT)
    assert error.value.code == "own"
    assert stored(doc).status == flow.submitted


def test_another_decider_may_approve(flow, w):
    doc = flow.make_submitted(w)
    doc = workflow.transition(doc, to=flow.approved, user=w.vice_chairman, changes=flow.approval_changes())
    assert stored(doc).status == flow.approved


def test_approving_twice_is_refused(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError) as error:
        workflow.transition(doc, to=flow.approved, user=w.vice_chairman, changes=flow.approval_changes())
    assert error.value.code == "status"
    assert stored(doc).status == flow.approved


def test_returning_an_approved_document_is_refused(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError):
        workflow.transition(doc, to=flow.returned, user=w.vice_chairman, comment=COMMENT)
    assert stored(doc).status == flow.approved


def test_submitting_a_submitted_document_is_refused(flow, w):
    doc = flow.make_submitted(w)
    with pytest.raises(ValidationError) as error:
        workflow.transition(doc, to=flow.submitted, user=flow.submitter(w))
    assert error.value.code == "status"


def test_a_return_needs_a_comment_where_the_flow_says_so(flow, w):
    doc = flow.make_submitted(w)
    if not flow.comment_required():
        doc = flow.return_(doc, w, "")
        assert stored(doc).status == flow.returned
        return
    step = flow.model.workflow.steps[flow.returned]
    with pytest.raises(ValidationError) as error:
        flow.return_(doc, w, "   ")
    assert error.value.message_dict == {step.comment_key: [step.comment_message]}
    assert stored(doc).status == flow.submitted


def test_an_unknown_target_status_is_refused(flow, w):
    doc = flow.make_submitted(w)
    with pytest.raises(ValidationError) as error:
        workflow.transition(doc, to="no_such_status", user=w.chairman)
    assert error.value.code == "unknown_step"


# --- frozen by every path -------------------------------------------------------------------------


def test_frozen_against_the_editing_service(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError):
        flow.edit_by_service(doc, w)
    assert stored(doc).status == flow.approved


def test_frozen_against_instance_save(flow, w):
    doc = flow.make_approved(w)
    original = getattr(doc, flow.edit_field)
    setattr(doc, flow.edit_field, "Sửa trực tiếp")
    with pytest.raises(ValidationError) as error:
        doc.save()
    assert error.value.messages == [flow.model.workflow.frozen_message]
    assert getattr(stored(doc), flow.edit_field) == original


def test_frozen_against_a_status_changed_in_memory(flow, w):
    doc = flow.make_approved(w)
    doc.status = flow.submitted
    setattr(doc, flow.edit_field, "Lách qua trạng thái")
    with pytest.raises(ValidationError):
        doc.save()
    assert stored(doc).status == flow.approved


def test_frozen_against_an_unchanged_save(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError):
        doc.save()


def test_frozen_against_full_clean(flow, w):
    doc = flow.make_approved(w)
    setattr(doc, flow.edit_field, "Sửa qua biểu mẫu")
    with pytest.raises(ValidationError) as error:
        doc.full_clean()
    assert flow.model.workflow.frozen_message in error.value.messages


def test_frozen_against_delete(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError):
        doc.delete()
    assert flow.model.objects.filter(pk=doc.pk).exists()


def test_frozen_against_queryset_update(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError) as error:
        flow.model.objects.filter(pk=doc.pk).update(**{flow.edit_field: "Sửa hàng loạt"})
    assert error.value.messages == [flow.model.workflow.frozen_message]
    assert getattr(stored(doc), flow.edit_field) != "Sửa hàng loạt"


def test_frozen_against_a_bulk_status_change(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError):
        flow.model.objects.filter(pk=doc.pk).update(status=flow.returned)
    assert stored(doc).status == flow.approved


def test_frozen_against_queryset_delete(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError):
        flow.model.objects.filter(pk=doc.pk).delete()
    assert flow.model.objects.filter(pk=doc.pk).exists()


def test_bulk_writes_on_a_mixed_queryset_are_refused_whole(flow, w):
    doc = flow.make_approved(w)
    with pytest.raises(ValidationError):
        flow.model.objects.all().update(**{flow.edit_field: "Tất cả"})
    assert getattr(stored(doc), flow.edit_field) != "Tất cả"


def test_writes_before_approval_still_work(flow, w):
    doc = flow.make_submitted(w)
    assert flow.model.objects.filter(pk=doc.pk).update(**{flow.edit_field: "Sửa khi chờ duyệt"}) == 1
    doc.refresh_from_db()
    setattr(doc, flow.edit_field, "Sửa lần hai")
    doc.save()
    assert getattr(stored(doc), flow.edit_field) == "Sửa lần hai"


def test_seeding_lets_fixtures_backdate_a_frozen_document(flow, w):
    doc = flow.make_approved(w)
    with workflow.seeding():
        flow.model.objects.filter(pk=doc.pk).update(**{flow.edit_field: "Dữ liệu mẫu"})
    assert getattr(stored(doc), flow.edit_field) == "Dữ liệu mẫu"
    with pytest.raises(ValidationError):
        flow.model.objects.filter(pk=doc.pk).update(**{flow.edit_field: "Sau khối seeding"})


def test_raw_load_of_a_frozen_document_is_not_blocked(flow, w):
    doc = flow.make_approved(w)
    for loaded in serializers.deserialize("json", serializers.serialize("json", [doc])):
        setattr(loaded.object, flow.edit_field, "Nạp lại từ bản sao lưu")
        loaded.save()  # save_base(raw=True), as loaddata does
    assert getattr(stored(doc), flow.edit_field) == "Nạp lại từ bản sao lưu"
    assert stored(doc).status == flow.approved


# --- the admin ------------------------------------------------------------------------------------


def test_admin_change_view_is_read_only_once_frozen(flow, w, client):
    doc = flow.make_approved(w)
    client.force_login(w.admin_user)
    url = reverse(f"admin:{flow.admin}_change", args=[doc.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    response = client.post(url, {flow.edit_field: "Sửa qua trang quản trị"})
    assert response.status_code == 403
    assert getattr(stored(doc), flow.edit_field) != "Sửa qua trang quản trị"


def test_admin_delete_view_is_refused_once_frozen(flow, w, client):
    doc = flow.make_approved(w)
    client.force_login(w.admin_user)
    response = client.post(reverse(f"admin:{flow.admin}_delete", args=[doc.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert flow.model.objects.filter(pk=doc.pk).exists()


def test_admin_change_view_saves_before_approval(flow, w, client):
    doc = flow.make_submitted(w)
    client.force_login(w.admin_user)
    page = client.get(reverse(f"admin:{flow.admin}_change", args=[doc.pk]))
    assert page.status_code == 200 and b'name="_save"' in page.content


def test_admin_bulk_delete_action_leaves_frozen_documents_alone(flow, w, client):
    doc = flow.make_approved(w)
    client.force_login(w.admin_user)
    client.post(
        reverse(f"admin:{flow.admin}_changelist"),
        {"action": "delete_selected", "_selected_action": [doc.pk], "post": "yes"},
    )
    assert flow.model.objects.filter(pk=doc.pk).exists()
    assert stored(doc).status == flow.approved


def test_is_frozen_reads_the_document_status(flow, w):
    doc = flow.make_submitted(w)
    assert not workflow.is_frozen(doc)
    doc = flow.approve(doc, w)
    assert workflow.is_frozen(doc) and workflow.document_of(doc) is doc


# --- children, frozen through their parent --------------------------------------------------------


def child_of(flow, doc):
    return getattr(doc, flow.child_name).first()


def same_parent(child) -> dict:
    """An update that only re-points a child at its own parent: harmless, yet still a write."""
    field = type(child)._meta.get_field(type(child).frozen_parent.split("__")[0])
    return {field.attname: getattr(child, field.attname)}


def test_children_are_frozen_against_save(parent_flow, w):
    doc = parent_flow.make_approved(w)
    child = child_of(parent_flow, doc)
    with pytest.raises(ValidationError) as error:
        child.save()
    assert error.value.messages == [parent_flow.model.workflow.frozen_message]


def test_children_are_frozen_against_delete(parent_flow, w):
    doc = parent_flow.make_approved(w)
    child = child_of(parent_flow, doc)
    with pytest.raises(ValidationError):
        child.delete()
    assert type(child).objects.filter(pk=child.pk).exists()


def test_children_are_frozen_against_queryset_delete(parent_flow, w):
    doc = parent_flow.make_approved(w)
    count = getattr(doc, parent_flow.child_name).count()
    with pytest.raises(ValidationError):
        getattr(doc, parent_flow.child_name).all().delete()
    assert getattr(doc, parent_flow.child_name).count() == count


def test_children_are_frozen_against_queryset_update(parent_flow, w):
    doc = parent_flow.make_approved(w)
    child = child_of(parent_flow, doc)
    with pytest.raises(ValidationError):
        type(child).objects.filter(pk=child.pk).update(**same_parent(child))


def test_no_child_is_added_to_a_frozen_document(parent_flow, w):
    doc = parent_flow.make_approved(w)
    count = getattr(doc, parent_flow.child_name).count()
    child = parent_flow.new_child(doc, w)
    with pytest.raises(ValidationError):
        child.save()
    assert getattr(doc, parent_flow.child_name).count() == count


def test_children_are_frozen_against_full_clean(parent_flow, w):
    doc = parent_flow.make_approved(w)
    child = child_of(parent_flow, doc)
    with pytest.raises(ValidationError) as error:
        child.full_clean()
    assert parent_flow.model.workflow.frozen_message in error.value.messages


def test_children_of_a_document_awaiting_approval_still_save(parent_flow, w):
    doc = parent_flow.make_submitted(w)
    child = child_of(parent_flow, doc)
    child.save()
    assert type(child).objects.filter(pk=child.pk).update(**same_parent(child)) == 1


def test_raw_load_of_a_frozen_child_is_not_blocked(parent_flow, w):
    doc = parent_flow.make_approved(w)
    child = child_of(parent_flow, doc)
    data = serializers.serialize("json", [child])
    for loaded in serializers.deserialize("json", data):
        loaded.save()
    assert type(child).objects.filter(pk=child.pk).exists()


def test_messages_of_the_core_are_vietnamese_sentences():
    for text in (messages.WRONG_STATE, messages.FOUR_EYES, messages.COMMENT_REQUIRED, messages.FROZEN):
        assert text.endswith(".") and text[0].isupper()


def test_a_child_leads_to_its_document(parent_flow, w):
    doc = parent_flow.make_approved(w)
    child = child_of(parent_flow, doc)
    assert workflow.document_of(child).pk == doc.pk
    assert workflow.is_frozen(child)


def test_children_of_a_submitted_document_are_not_frozen(parent_flow, w):
    doc = parent_flow.make_submitted(w)
    assert not workflow.is_frozen(child_of(parent_flow, doc))
