"""New versions of an approved plan: the amendment (a new draft of the same year linked to the old one) and
the copy to the next year, with every part cloned and its dates moved — into the next programme's catalogue
when the next year starts a new programme period (``plan_mapping``)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from programs.messages import plans as messages
from programs.models import (
    Plan,
)
from programs.models.plans import PLAN_TEXT_FIELDS
from programs.services.plan_mapping import map_components
from programs.services.plans import _locked, program_for_year
from thoxuan_gnbv import access, workflow


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
    """Copy every part of ``source`` into ``target``, moving deadlines and due dates by ``years``; the
    components that do not continue in ``target``'s programme are left out."""
    for basis in source.legal_bases.all():
        _clone(basis, plan_id=target.pk)
    for old in source.targets.prefetch_related("lines"):
        new = _clone(old, plan_id=target.pk)
        for line in old.lines.all():
            _clone(line, target_id=new.pk)
    for old, project, subproject in map_components(source, target.program).continued:
        new = _clone(
            old,
            plan_id=target.pk,
            project_id=project.pk,
            subproject_id=subproject.pk if subproject else None,
            deadline=_shift_year(old.deadline, years),
        )
        new.partner_units.set(old.partner_units.all())
    for old in source.assignments.all():
        _clone(old, plan_id=target.pk)
    for old in source.reporting_rules.all():
        _clone(old, plan_id=target.pk, due_date=_shift_year(old.due_date, years))
    for old in source.recipients.all():
        _clone(old, plan_id=target.pk)


def _new_version(source: Plan, *, year: int, title: str, previous_version, user, program=None) -> Plan:
    plan = Plan(
        commune=source.commune,
        program=program or source.program,
        year=year,
        title=title,
        previous_version=previous_version,
        created_by=user,
        **{name: getattr(source, name) for name in PLAN_TEXT_FIELDS},
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
    moved one year on, no number or date (it is a new draft). When next year starts a new programme
    period the copy is made under the programme in force then, with the components that continue mapped
    into its catalogue (``plan_mapping.map_components`` lists those that do not)."""
    if not access.can_create_plan(user):
        raise ValidationError(messages.PLAN_EDIT_ROLE, code="role")
    year = plan.year + 1
    if Plan.objects.filter(commune=plan.commune, year=year).exists():
        raise ValidationError(messages.PLAN_COPY_EXISTS.format(year=year), code="exists")
    program = plan.program if plan.program.covers(year) else program_for_year(year)
    title = plan.title.replace(str(plan.year), str(year))
    return _new_version(plan, year=year, title=title, previous_version=None, user=user, program=program)
