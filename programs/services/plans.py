"""Writes of the annual plan: drafting its sections and the approval workflow (its parts are in
``plan_parts.py``, amendments and the copy to the next year in ``plan_versions.py``).

Workflow (declared on ``Plan.workflow``, run by ``thoxuan_gnbv.workflow.transition``): draft →
submitted (labour officer) → approved or returned with a comment (chairman, or vice chairman signing
"KT. CHỦ TỊCH" under NĐ 30/2020; never the person who submitted) → issued with its number and date.
Approved and issued plans are frozen; a change is an amendment: a new draft version linked to the
old one, approved again. Every step is logged in ``PlanTransition``; django-simple-history keeps
every field change.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from programs.messages import plans as messages
from programs.models import (
    Plan,
    PlanStatus,
    Program,
)
from thoxuan_gnbv import access, workflow
from thoxuan_gnbv.concurrency import save_versioned
from thoxuan_gnbv.integrity import unique_errors
from thoxuan_gnbv.models import Role


def _ensure_editable(plan: Plan, user) -> None:
    """Refuse any change to a plan that is approved, submitted, or not the user's to edit."""
    if plan.is_approved:
        raise ValidationError(messages.PLAN_FROZEN, code="frozen")
    if not plan.is_editable:
        raise ValidationError(messages.PLAN_NOT_EDITABLE_STATUS, code="status")
    if not access.can_edit_plan(user, plan):
        raise ValidationError(messages.PLAN_EDIT_ROLE, code="role")


def _locked(plan: Plan) -> Plan:
    """Re-read the plan under a row lock so two approvers cannot act on it at once."""
    return Plan.objects.select_for_update().select_related("commune", "program").get(pk=plan.pk)


# --- creating and editing ---------------------------------------------------------------------


def program_for_year(year: int) -> Program:
    """The programme in force in ``year`` (QĐ 90 for 2021–2025, QĐ 417 for 2026–2030); refused in
    Vietnamese when no programme period covers it."""
    program = Program.objects.in_force(year)
    if program is None:
        raise ValidationError({"year": messages.PLAN_YEAR_NO_PROGRAM.format(year=year)}, code="program")
    return program


@transaction.atomic
def plan_create(*, commune, year: int, title: str, user, program=None) -> Plan:
    """Start an empty draft plan for a commune and year (one original plan per commune and year), under
    ``program`` or, when none is given, the programme in force that year."""
    if not access.can_create_plan(user):
        raise ValidationError(messages.PLAN_EDIT_ROLE, code="role")
    if program is None:
        program = program_for_year(year)
    if not program.covers(year):
        raise ValidationError(
            {
                "year": messages.PLAN_YEAR_OUTSIDE_PROGRAM.format(
                    year=year, start=program.start_year, end=program.end_year
                )
            }
        )
    if Plan.objects.filter(commune=commune, year=year, previous_version__isnull=True).exists():
        raise ValidationError({"year": messages.PLAN_CREATE_EXISTS.format(year=year, commune=commune)})
    plan = Plan(commune=commune, program=program, year=year, title=title, created_by=user)
    plan.full_clean()
    # Another officer may create the same year's plan between the check above and this save.
    taken = messages.PLAN_CREATE_EXISTS.format(year=year, commune=commune)
    with unique_errors(Plan, {"plan_one_original_per_commune_year": taken}):
        plan.save()
    workflow.log_created(plan, user=user)
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, user, version: int | None = None, **fields) -> Plan:
    """Change the plan's own texts (title, sections I, II.1, IV, V, VII, closing, signer); a form
    opened at an older ``version`` is refused with the other person's change."""
    plan = _locked(plan)
    _ensure_editable(plan, user)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.full_clean()
    save_versioned(plan, version=version, fields=list(fields))
    return plan


# --- the approval workflow --------------------------------------------------------------------


@transaction.atomic
def plan_submit(*, plan: Plan, user) -> Plan:
    """The labour officer submits a complete draft (or a returned plan, once fixed) for approval."""
    plan = _locked(plan)
    workflow.check_step(plan, to=PlanStatus.SUBMITTED)
    if not access.can_submit_plan(user, plan):
        raise ValidationError(messages.PLAN_SUBMIT_ROLE, code="role")
    if not plan.targets.exists():
        raise ValidationError(messages.PLAN_SUBMIT_NO_TARGETS, code="incomplete")
    if not plan.components.exists():
        raise ValidationError(messages.PLAN_SUBMIT_NO_COMPONENTS, code="incomplete")
    return workflow.transition(plan, to=PlanStatus.SUBMITTED, user=user)


def _check_approver(plan: Plan, user, to: str) -> None:
    if not access.is_approver(user):
        raise ValidationError(messages.PLAN_APPROVE_ROLE, code="role")
    workflow.check_step(plan, to=to)


@transaction.atomic
def plan_return(*, plan: Plan, user, comment: str) -> Plan:
    """The chairman (or vice chairman) sends a submitted plan back with what must change."""
    plan = _locked(plan)
    _check_approver(plan, user, PlanStatus.RETURNED)
    return workflow.transition(plan, to=PlanStatus.RETURNED, user=user, comment=comment)


def _signer_block(user) -> tuple[str, str]:
    """NĐ 30/2020: the chairman signs as "CHỦ TỊCH"; a vice chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""
    if user.role == Role.VICE_CHAIRMAN:
        return "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    return "", "CHỦ TỊCH"


@transaction.atomic
def plan_approve(*, plan: Plan, user, comment: str = "") -> Plan:
    """The chairman (or a vice chairman) approves a submitted plan; the signer block becomes theirs."""
    plan = _locked(plan)
    _check_approver(plan, user, PlanStatus.APPROVED)
    authority, title = _signer_block(user)
    changes = {"signer_authority": authority, "signer_title": title, "signer_name": user.display_name}
    return workflow.transition(plan, to=PlanStatus.APPROVED, user=user, comment=comment, changes=changes)


@transaction.atomic
def plan_issue(*, plan: Plan, user, document_number: str, issued_on: datetime.date) -> Plan:
    """Give an approved plan its official number and date ("Số: 45/KH-UBND", ngày …)."""
    plan = _locked(plan)
    workflow.check_step(plan, to=PlanStatus.ISSUED)
    if not access.can_issue_plan(user, plan):
        raise ValidationError(messages.PLAN_ISSUE_ROLE, code="role")
    document_number = (document_number or "").strip()
    errors = {}
    if not document_number:
        errors["document_number"] = messages.PLAN_ISSUE_NUMBER
    if not issued_on:
        errors["issued_on"] = messages.PLAN_ISSUE_DATE
    else:
        approved_day = timezone.localdate(plan.approved_at)
        if issued_on < approved_day:
            errors["issued_on"] = messages.PLAN_ISSUE_DATE_BEFORE_APPROVAL.format(
                approved=f"{approved_day:%d/%m/%Y}"
            )
        elif issued_on > timezone.localdate():
            errors["issued_on"] = messages.PLAN_ISSUE_DATE_FUTURE
    if not errors and (
        Plan.objects.filter(
            commune=plan.commune, document_number=document_number, issued_on__year=issued_on.year
        )
        .exclude(pk=plan.pk)
        .exists()
    ):
        errors["document_number"] = messages.PLAN_ISSUE_NUMBER_TAKEN.format(
            number=document_number, year=issued_on.year
        )
    if errors:
        raise ValidationError(errors)
    changes = {"document_number": document_number, "issued_on": issued_on}
    return workflow.transition(plan, to=PlanStatus.ISSUED, user=user, changes=changes)
