"""New versions of an approved plan: the amendment (a new draft of the same year linked to the old one) and
the copy to the next year, with every part cloned, its dates moved and every mention of the plan's year
in its texts moved too (``programs.services.year_shift``: legal citations keep their own numbers and
dates) — into the next programme's catalogue when the next year starts a new programme period
(``plan_mapping``); the copy reports what it changed and which sentences still name an older year."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction

from programs.messages import plans as messages
from programs.models import (
    LegalBasis,
    Plan,
)
from programs.models.plans import PLAN_TEXT_FIELDS
from programs.services.plan_mapping import map_components
from programs.services.plans import _locked, program_for_year
from programs.services.year_shift import (
    TextChange,
    changed_sentences,
    names_older_year,
    sentences,
    shift_year,
)
from thoxuan_gnbv import access, workflow


def _shift_year(day: datetime.date | None, years: int) -> datetime.date | None:
    if day is None or years == 0:
        return day
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _text_fields(model) -> list:
    """The free-text fields of a plan or part (no choices, no codes)."""
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices and f.editable
    ]


def _label(text) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]


@dataclass
class YearShift:
    """Moves the texts of a copy from ``old`` to ``new`` and keeps what it changed and what it flags."""

    old: int
    new: int
    changes: list[TextChange] = field(default_factory=list)
    flags: list[TextChange] = field(default_factory=list)

    def apply(self, instance, values: dict, where: str) -> dict:
        for f in _text_fields(type(instance)):
            if f.attname not in values:
                continue
            before = values[f.attname] or ""
            after = shift_year(before, self.old, self.new)
            place = f"{where} – {_label(f.verbose_name)}" if where else _label(f.verbose_name)
            self.changes += changed_sentences(place, before, after)
            self.flags += [TextChange(place, s, s) for s in sentences(after) if names_older_year(s, self.new)]
            values[f.attname] = after
        return values

    def review_basis(self, basis: LegalBasis) -> None:
        """A legal basis is copied unchanged; one of last year (or naming it) is flagged for review."""
        text = f"{basis}"
        if (basis.issued_on and basis.issued_on.year >= self.old) or names_older_year(
            basis.subject, self.new
        ):
            self.flags.append(TextChange(_label(LegalBasis._meta.verbose_name), text, text))


def _clone(instance, shift: YearShift | None = None, where: str = "", **changes):
    """Store a copy of ``instance``: every stored field but the primary key, its texts moved to the new
    year when copying to the next year, then ``changes`` (given by attribute name, e.g. ``plan_id``)."""
    model = type(instance)
    values = {
        f.attname: getattr(instance, f.attname) for f in model._meta.concrete_fields if not f.primary_key
    }
    if shift is not None:
        values = shift.apply(instance, values, where)
    return model.objects.create(**(values | changes))


def _copy_parts(source: Plan, target: Plan, years: int, shift: YearShift | None = None) -> None:
    """Copy every part of ``source`` into ``target``, moving deadlines and due dates by ``years`` (and,
    with ``shift``, the year in every text but the legal bases, which keep their own); the
    components that do not continue in ``target``'s programme are left out."""
    for basis in source.legal_bases.all():
        _clone(basis, plan_id=target.pk)
        if shift is not None:
            shift.review_basis(basis)
    for old in source.targets.prefetch_related("lines"):
        new = _clone(old, shift, f"Mục tiêu “{old}”", plan_id=target.pk)
        for line in old.lines.all():
            _clone(line, shift, f"Mục tiêu “{old}”", target_id=new.pk)
    for old, project, subproject in map_components(source, target.program).continued:
        new = _clone(
            old,
            shift,
            f"Dự án {old.code}",
            plan_id=target.pk,
            project_id=project.pk,
            subproject_id=subproject.pk if subproject else None,
            deadline=_shift_year(old.deadline, years),
        )
        new.partner_units.set(old.partner_units.all())
    for old in source.assignments.all():
        _clone(old, shift, f"Phân công “{old}”", plan_id=target.pk)
    for old in source.reporting_rules.all():
        _clone(
            old, shift, "VII. Chế độ báo cáo", plan_id=target.pk, due_date=_shift_year(old.due_date, years)
        )
    for old in source.recipients.all():
        _clone(old, shift, "Nơi nhận", plan_id=target.pk)


def _new_version(
    source: Plan, *, year: int, title: str, previous_version, user, shift=None, program=None
) -> Plan:
    texts = {name: getattr(source, name) for name in PLAN_TEXT_FIELDS}
    if shift is not None:
        texts = shift.apply(source, texts | {"title": title}, "")
        title = texts.pop("title")
    plan = Plan(
        commune=source.commune,
        program=program or source.program,
        year=year,
        title=title,
        previous_version=previous_version,
        created_by=user,
        **texts,
    )
    plan.full_clean()
    plan.save()
    _copy_parts(source, plan, year - source.year, shift)
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
    """Start next year's plan from this one: same structure, deadlines and report due dates moved one
    year on, every mention of this year in the title, sections I–VII, closing, targets, components,
    assignments, reporting rules and recipients moved to the next (legal citations keep their own
    numbers and dates), no number or date (it is a new draft). ``copy.year_shift`` lists the sentences
    changed and those flagged because they still name an older year. When next year starts a new programme
    period the copy is made under the programme in force then, with the components that continue mapped
    into its catalogue (``plan_mapping.map_components`` lists those that do not)."""
    if not access.can_create_plan(user):
        raise ValidationError(messages.PLAN_EDIT_ROLE, code="role")
    year = plan.year + 1
    if Plan.objects.filter(commune=plan.commune, year=year).exists():
        raise ValidationError(messages.PLAN_COPY_EXISTS.format(year=year), code="exists")
    program = plan.program if plan.program.covers(year) else program_for_year(year)
    shift = YearShift(old=plan.year, new=year)
    copy = _new_version(
        plan, year=year, title=plan.title, previous_version=None, user=user, shift=shift, program=program
    )
    copy.year_shift = shift  # what the copy changed and flagged, for the page that reports it
    return copy
