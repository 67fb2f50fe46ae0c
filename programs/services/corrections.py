"""Correcting recorded support, activities, allocations and disbursements: edit or void, with a
required reason, keeping every change (field: old → new) in a ``Correction`` row — one mechanism for
the four kinds (``programs.services.correction_kinds`` holds what differs).

While no approved report used the row, the officer who records that kind applies the correction at
once. Once a unit report accepted or a compiled report approved covers the row's date
(``programs.period_locks``), its figures stand as accepted or signed (a house rule of the portal, so a
figure already sent on can only change with the signer's knowledge): the correction becomes a request the chairman or a vice chairman approves — then it
is applied — or refuses, never the person who asked (``thoxuan_gnbv.workflow``, four-eyes). A void is
soft: the row stays with who, when and why, and the default manager leaves it out of every figure.
Stale edits are refused (``thoxuan_gnbv.concurrency``)."""

import copy
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from programs.messages import corrections as msg
from programs.models import Correction
from programs.models.corrections import CorrectionAction
from programs.period_locks import approved_report_using
from programs.services.correction_kinds import CorrectedKindSpec, dates_of, spec_for
from thoxuan_gnbv import access, messages, workflow
from thoxuan_gnbv.concurrency import save_versioned, stale_changes
from thoxuan_gnbv.formatting import format_date, format_money, format_number
from thoxuan_gnbv.statuses import CorrectionStatus

REASON_MIN_LENGTH = 10


def shown(obj, name: str, money=frozenset()) -> str:
    """A field's value as a person reads it: money ``1.234.567 đ``, dates dd/mm/yyyy, choice labels."""
    field = type(obj)._meta.get_field(name)
    value = getattr(obj, field.attname)
    if value is None or value == "":
        return messages.EMPTY_VALUE
    if name in money:
        return format_money(value)
    if isinstance(value, Decimal):
        return format_number(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if hasattr(value, "year") and hasattr(value, "day"):
        return format_date(value)
    return str(value)


def _diff(spec: CorrectedKindSpec, before_obj, after_obj) -> list[dict]:
    changes = []
    for name in spec.fields:
        field = spec.model._meta.get_field(name)
        if getattr(before_obj, field.attname) != getattr(after_obj, field.attname):
            changes.append(
                {
                    "field": name,
                    "label": str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:],
                    "old": shown(before_obj, name, spec.money),
                    "new": shown(after_obj, name, spec.money),
                    "value": field.value_to_string(after_obj),
                }
            )
    return changes


def _locked_row(spec: CorrectedKindSpec, pk: int):
    return spec.model.all_objects.select_for_update().get(pk=pk)


def _common_checks(spec: CorrectedKindSpec, row, *, reason: str, version, user, mine=None) -> str:
    if row.is_voided:
        raise ValidationError(msg.ALREADY_VOIDED.format(date=format_date(timezone.localtime(row.voided_at))))
    if not spec.can_record(user, row):
        raise ValidationError(msg.NOT_ALLOWED, code="role")
    reason = (reason or "").strip()
    if len(reason) < REASON_MIN_LENGTH:
        raise ValidationError({"reason": msg.REASON_REQUIRED}, code="required")
    pending = Correction.objects.filter(kind=spec.kind, object_id=row.pk, status=CorrectionStatus.REQUESTED)
    if first := pending.first():
        raise ValidationError(
            msg.PENDING_EXISTS.format(date=format_date(timezone.localtime(first.requested_at))),
            code="pending",
        )
    if version is not None and version != row.version:
        changes = stale_changes(row, mine or row, spec.fields)
        text = (
            messages.STALE_EDIT.format(changes="; ".join(changes)) if changes else messages.STALE_EDIT_NO_DIFF
        )
        raise ValidationError(text, code="stale")
    return reason


def _report_using(spec: CorrectedKindSpec, row, days) -> str:
    component = spec.component(row)
    for day in sorted(days):
        found = approved_report_using(
            commune_id=component.plan.commune_id,
            component_id=component.pk,
            on_date=day,
            cumulative=spec.cumulative,
        )
        if found:
            return found
    return ""


def _record(spec, row, *, action, reason, changes, locked_by, user, status) -> Correction:
    correction = Correction(
        commune_id=spec.commune_id(row),
        kind=spec.kind,
        object_id=row.pk,
        action=action,
        reason=reason,
        changes=changes,
        object_version=row.version,
        locked_by=locked_by,
        status=status,
        requested_by=user,
    )
    correction.full_clean()
    correction.save()
    return correction


def _apply_edit(spec: CorrectedKindSpec, row, before: dict, *, reason: str) -> None:
    spec.check(row, before)
    row.full_clean()
    spec.before_save(row, before)
    row._change_reason = reason[:100]  # django-simple-history keeps the reason on the history row too
    save_versioned(row, version=row.version, fields=spec.fields)


def _apply_void(spec: CorrectedKindSpec, row, *, reason: str, user) -> None:
    spec.on_void(row)
    row.voided_at, row.voided_by, row.void_reason = timezone.now(), user, reason
    row._change_reason = reason[:100]
    save_versioned(row, version=row.version, fields=spec.fields)


@transaction.atomic
def correction_edit(
    *, kind: str, obj, values: dict, reason: str, user, version: int | None = None
) -> Correction:
    """Correct fields of a recorded row (``values``: the corrected values by field name). Applied at
    once, or — when an approved report used the row — kept as a request for the chairman."""
    spec = spec_for(kind)
    row = _locked_row(spec, obj.pk)
    before = {name: getattr(row, spec.model._meta.get_field(name).attname) for name in spec.fields}
    original = copy.copy(row)
    for name, value in values.items():
        if name in spec.fields:
            setattr(row, name, value)
    reason = _common_checks(spec, original, reason=reason, version=version, user=user, mine=row)
    changes = _diff(spec, original, row)
    if not changes:
        raise ValidationError(msg.NOTHING_CHANGED, code="unchanged")
    spec.check(row, before)
    row.full_clean()
    locked_by = _report_using(spec, row, dates_of(spec, row, before))
    if locked_by:
        return _record(
            spec,
            original,
            action=CorrectionAction.EDIT,
            reason=reason,
            changes=changes,
            locked_by=locked_by,
            user=user,
            status=CorrectionStatus.REQUESTED,
        )
    correction = _record(
        spec,
        original,
        action=CorrectionAction.EDIT,
        reason=reason,
        changes=changes,
        locked_by="",
        user=user,
        status=CorrectionStatus.APPLIED,
    )
    _apply_edit(spec, row, before, reason=reason)
    return correction


@transaction.atomic
def correction_void(*, kind: str, obj, reason: str, user, version: int | None = None) -> Correction:
    """Void a recorded row (it stays, marked, and leaves every figure); a request when a report used it."""
    spec = spec_for(kind)
    row = _locked_row(spec, obj.pk)
    reason = _common_checks(spec, row, reason=reason, version=version, user=user)
    locked_by = _report_using(spec, row, {getattr(row, spec.date_field)})
    status = CorrectionStatus.REQUESTED if locked_by else CorrectionStatus.APPLIED
    correction = _record(
        spec,
        row,
        action=CorrectionAction.VOID,
        reason=reason,
        changes=[],
        locked_by=locked_by,
        user=user,
        status=status,
    )
    if not locked_by:
        _apply_void(spec, row, reason=reason, user=user)
    return correction


def _ensure_decider(correction: Correction, user) -> None:
    if not (access.is_approver(user) and access.covers_commune(user, correction.commune_id)):
        raise ValidationError(msg.DECIDE_NOT_ALLOWED, code="role")


@transaction.atomic
def correction_approve(*, correction: Correction, user) -> Correction:
    """The chairman (or a vice chairman) approves a request — never their own — and it is applied
    exactly as asked; refused if the row changed since the request."""
    _ensure_decider(correction, user)
    workflow.check_step(correction, to=CorrectionStatus.APPROVED)
    spec = spec_for(correction.kind)
    row = _locked_row(spec, correction.object_id)
    decided = workflow.transition(correction, to=CorrectionStatus.APPROVED, user=user)
    if row.is_voided:
        raise ValidationError(msg.ALREADY_VOIDED.format(date=format_date(timezone.localtime(row.voided_at))))
    if row.version != correction.object_version:
        raise ValidationError(msg.CHANGED_SINCE_REQUEST, code="stale")
    if correction.action == CorrectionAction.VOID:
        _apply_void(spec, row, reason=correction.reason, user=correction.requested_by)
        return decided
    before = {name: getattr(row, spec.model._meta.get_field(name).attname) for name in spec.fields}
    for change in correction.changes:
        field = spec.model._meta.get_field(change["field"])
        setattr(row, field.attname, field.to_python(change["value"]))
    _apply_edit(spec, row, before, reason=correction.reason)
    return decided


@transaction.atomic
def correction_refuse(*, correction: Correction, comment: str, user) -> Correction:
    """The chairman refuses a request with a reason; the row stays as it was."""
    _ensure_decider(correction, user)
    return workflow.transition(correction, to=CorrectionStatus.REFUSED, user=user, comment=comment)


def spec_of(correction: Correction) -> CorrectedKindSpec:
    return spec_for(correction.kind)
