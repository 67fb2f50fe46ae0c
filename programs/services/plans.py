"""Writes of the annual plan: drafting its sections and parts, and the approval workflow.

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
from django.db.models import Max
from django.utils import timezone

from programs.messages import plans as messages
from programs.models import (
    Assignment,
    LegalBasis,
    Plan,
    PlanComponent,
    PlanStatus,
    Recipient,
    ReportingRule,
    Target,
    TargetLine,
)
from thoxuan_gnbv import access, workflow
from thoxuan_gnbv.concurrency import save_versioned
from thoxuan_gnbv.integrity import unique_errors
from thoxuan_gnbv.models import Role

# Parts of a plan an officer adds, edits, removes and reorders on the plan pages.
PART_MODELS = (LegalBasis, Target, PlanComponent, Assignment, ReportingRule, Recipient)


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


@transaction.atomic
def plan_create(*, commune, program, year: int, title: str, user) -> Plan:
    """Start an empty draft plan for a commune and year (one original plan per commune and year)."""
    if not access.can_create_plan(user):
        raise ValidationError(messages.PLAN_EDIT_ROLE, code="role")
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


def _next_position(part) -> int:
    siblings = type(part).objects.filter(plan_id=part.plan_id)
    return (siblings.aggregate(top=Max("position"))["top"] or 0) + 1


@transaction.atomic
def plan_part_save(*, part, user, partner_units=None, version: int | None = None):
    """Add or change one part of a plan (a basis, target, component, assignment, rule, recipient).

    ``partner_units`` (components only) replaces the component's partner units; a form opened at an
    older ``version`` is refused with the other person's change."""
    plan = _locked(part.plan)
    _ensure_editable(plan, user)
    part.plan = plan
    if not part.pk:
        part.position = _next_position(part)
    part.full_clean()
    edited = [
        f.name for f in part._meta.concrete_fields if f.editable and f.name not in ("id", "plan", "position")
    ]
    save_versioned(part, version=version, fields=edited)
    if partner_units is not None:
        part.partner_units.set(partner_units)
    return part


@transaction.atomic
def target_save(*, target: Target, lines: list[dict], user, version: int | None = None) -> Target:
    """Add or change a target with its breakdown lines ("trong đó"), which replace the old lines.

    The lines are parts of the target: together they may not exceed its quantity."""
    target = plan_part_save(part=target, user=user, version=version)
    total = sum(line["quantity"] for line in lines)
    if total > target.quantity:
        # Raising inside the atomic block rolls the target's own change back too.
        raise ValidationError(
            {"quantity": messages.TARGET_LINES_EXCEED.format(total=total, quantity=target.quantity)}
        )
    target.lines.all().delete()
    for position, data in enumerate(lines, start=1):
        line = TargetLine(target=target, position=position, **data)
        line.full_clean()
        line.save()
    return target


@transaction.atomic
def plan_part_delete(*, part, user) -> None:
    plan = _locked(part.plan)
    _ensure_editable(plan, user)
    part.delete()


@transaction.atomic
def plan_part_move(*, part, direction: str, user) -> None:
    """Swap a part with its neighbour above (``"up"``) or below (``"down"``), renumbering the list."""
    if direction not in ("up", "down"):
        raise ValidationError(messages.MOVE_DIRECTION, code="direction")
    plan = _locked(part.plan)
    _ensure_editable(plan, user)
    siblings = list(type(part).objects.filter(plan=plan).order_by("position", "pk"))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == part.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])


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


# --- new versions -----------------------------------------------------------------------------


def _shift_year(day: datetime.date | None, years: int) -> datetime.date | None:
    if day is None or years == 0:
        return day
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _clone(instance, **changes):
    """Store a copy of ``instance``: every stored field but the primary key, then ``changes``
    (given by attribute name, e.g. ``plan_id``)."""
    model = type(instance)
    values = {
        f.attname: getattr(instance, f.attname) for f in model._meta.concrete_fields if not f.primary_key
    }
    return model.objects.create(**(values | changes))


def _copy_parts(source: Plan, target: Plan, years: int) -> None:
    """Copy every part of ``source`` into ``target``, moving deadlines and due dates by ``years``."""
    for basis in source.legal_bases.all():
        _clone(basis, plan_id=target.pk)
    for old in source.targets.prefetch_related("lines"):
        new = _clone(old, plan_id=target.pk)
        for line in old.lines.all():
            _clone(line, target_id=new.pk)
    for old in source.components.prefetch_related("partner_units"):
        new = _clone(old, plan_id=target.pk, deadline=_shift_year(old.deadline, years))
        new.partner_units.set(old.partner_units.all())
    for old in source.assignments.all():
        _clone(old, plan_id=target.pk)
    for old in source.reporting_rules.all():
        _clone(old, plan_id=target.pk, due_date=_shift_year(old.due_date, years))
    for old in source.recipients.all():
        _clone(old, plan_id=target.pk)


_TEXT_FIELDS = (
    "issuing_statement",
    "purpose",
    "requirements",
    "general_goal",
    "funding",
    "main_solutions",
    "reporting_regime",
    "closing",
    "signer_authority",
    "signer_title",
    "signer_name",
)


def _new_version(source: Plan, *, year: int, title: str, previous_version, user) -> Plan:
    plan = Plan(
        commune=source.commune,
        program=source.program,
        year=year,
        title=title,
        previous_version=previous_version,
        created_by=user,
        **{name: getattr(source, name) for name in _TEXT_FIELDS},
    )
    plan.full_clean()
    plan.save()
    _copy_parts(source, plan, year - source.year)
    workflow.log_created(plan, user=user)
    return plan


@transaction.atomic
def plan_amend(*, plan: Plan, user) -> Plan:
    """Start an amendment of an approved plan: a new draft version with the same content, linked
    to the approved one, which stays in force until the amendment is approved."""
    plan = _locked(plan)
    if not plan.is_approved:
        raise ValidationError(messages.PLAN_AMEND_STATUS, code="status")
    if not access.can_amend_plan(user, plan):
        raise ValidationError(messages.PLAN_EDIT_ROLE, code="role")
    if plan.amendments.exists():
        raise ValidationError(messages.PLAN_AMEND_EXISTS, code="exists")
    return _new_version(plan, year=plan.year, title=plan.title, previous_version=plan, user=user)


@transaction.atomic
def plan_copy_to_next_year(*, plan: Plan, user) -> Plan:
    """Start next year's plan from this one: same structure and texts, deadlines and report due dates
    moved one year on, no number or date (it is a new draft)."""
    if not access.can_create_plan(user):
        raise ValidationError(messages.PLAN_EDIT_ROLE, code="role")
    year = plan.year + 1
    if Plan.objects.filter(commune=plan.commune, year=year).exists():
        raise ValidationError(messages.PLAN_COPY_EXISTS.format(year=year), code="exists")
    if not plan.program.covers(year):
        raise ValidationError(
            messages.PLAN_YEAR_OUTSIDE_PROGRAM.format(
                year=year, start=plan.program.start_year, end=plan.program.end_year
            ),
            code="program",
        )
    title = plan.title.replace(str(plan.year), str(year))
    return _new_version(plan, year=year, title=title, previous_version=None, user=user)
