"""Writes of a plan's parts (bases, targets with their lines, components, assignments, reporting rules,
recipients): added, edited, removed and reordered only while the plan is editable by the user."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from programs.messages import plans as messages
from programs.models import (
    Assignment,
    LegalBasis,
    PlanComponent,
    Recipient,
    ReportingRule,
    Target,
    TargetLine,
)
from programs.services.plans import _ensure_editable, _locked
from thoxuan_gnbv.concurrency import save_versioned

# Parts of a plan an officer adds, edits, removes and reorders on the plan pages.
PART_MODELS = (LegalBasis, Target, PlanComponent, Assignment, ReportingRule, Recipient)


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
