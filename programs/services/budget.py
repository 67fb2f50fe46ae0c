"""Writes of the budget: allocations, estimates (submit / return / approve, frozen once approved)
and disbursements against an approved estimate line.

No overdraft (Luật NSNN 2015, Điều 12 khoản 2: no spending beyond the approved estimate): ``disbursement_record`` re-reads the estimate line under a row lock
(``SELECT … FOR UPDATE`` on PostgreSQL), checks what remains and raises the line's running total in
the same transaction; the ``estimate_line_no_overdraft`` constraint refuses any total above the line,
so two simultaneous payments cannot both pass even where row locks do not exist (SQLite serialises
writers instead).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from programs import messages as msg
from programs.models import (
    Allocation,
    Disbursement,
    Estimate,
    EstimateLine,
    EstimateStatus,
    Plan,
    PlanComponent,
)
from programs.models.budget_account import code_filter
from programs.money import parse_money
from programs.services.budget_limits import (
    HELD_AT_APPROVAL,
    HELD_WHILE_PREPARING,
    account_add_disbursed,
    check_allocation_covers,
    check_disbursement_fits,
    check_estimate_fits,
    check_estimate_line_fits,
    lock_account_of_line,
)
from thoxuan_gnbv import access, workflow
from thoxuan_gnbv.concurrency import save_versioned
from thoxuan_gnbv.formatting import format_number


def _money(field: str, value, *, positive: bool = False) -> int:
    """An amount for ``field`` as whole đồng, or a ValidationError naming the field."""
    try:
        amount = parse_money(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    if positive and amount <= 0:
        raise ValidationError({field: msg.AMOUNT_MUST_BE_POSITIVE}, code="not_positive")
    return amount


def _check_component_in_approved_plan(component: PlanComponent, commune, year: int, field="component"):
    plan = component.plan
    if plan.commune_id != commune.pk or plan.year != year or not plan.is_approved:
        raise ValidationError({field: msg.LINE_COMPONENT_OTHER_PLAN.format(year=year)}, code="other_plan")


def _check_not_future(field: str, label: str, day: datetime.date | None) -> None:
    today = timezone.localdate()
    if day and day > today:
        raise ValidationError(
            {field: msg.DATE_IN_FUTURE.format(label=label, today=f"{today:%d/%m/%Y}")}, code="future"
        )


def _check_decision_date(component: PlanComponent, day: datetime.date | None) -> None:
    """An allocation's decision is dated in the plan's year and not in the future, so 01/01/0001 and
    31/12/9999 are refused naming the field; the year's report figures count allocations by this date."""
    year = component.plan.year
    if day and day.year != year:
        raise ValidationError(
            {"decision_date": msg.ALLOCATION_DATE_OUTSIDE_YEAR.format(year=year)}, code="date_range"
        )
    _check_not_future("decision_date", "Ngày quyết định", day)


# --- allocations ---------------------------------------------------------------------------------


@transaction.atomic
def allocation_record(
    *,
    component: PlanComponent,
    source: str,
    amount,
    decision_number: str,
    decision_date: datetime.date,
    note: str = "",
    user,
) -> Allocation:
    """Record an amount the level above allocated to a component of an approved plan."""
    if not access.can_record_allocation(user):
        raise ValidationError(msg.ALLOCATION_NOT_ALLOWED, code="role")
    if not component.plan.is_approved:
        raise ValidationError({"component": msg.PLAN_NOT_APPROVED}, code="plan_not_approved")
    _check_decision_date(component, decision_date)
    allocation = Allocation(
        component=component,
        source=source,
        amount=_money("amount", amount, positive=True),
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        note=note,
        recorded_by=user,
    )
    allocation.full_clean()
    allocation.save()
    return allocation


ALLOCATION_FIELDS = ("source", "amount", "decision_number", "decision_date", "note")


@transaction.atomic
def allocation_update(*, allocation: Allocation, user, version: int | None = None, **fields) -> Allocation:
    """Correct a recorded allocation (source, amount, decision, note); a change made from a form
    opened at an older ``version`` is refused with the other person's change."""
    if not access.can_record_allocation(user):
        raise ValidationError(msg.ALLOCATION_NOT_ALLOWED, code="role")
    for name in ALLOCATION_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(allocation, name, _money(name, value, positive=True) if name == "amount" else value)
    allocation.decision_number = allocation.decision_number.strip()
    _check_decision_date(allocation.component, allocation.decision_date)
    allocation.full_clean()
    others = (
        Allocation.objects.filter(
            component__plan__commune_id=allocation.component.plan.commune_id,
            component__plan__year=allocation.component.plan.year,
            source=allocation.source,
            **code_filter(allocation.component.code, "component__"),
        )
        .exclude(pk=allocation.pk)
        .aggregate(total=Sum("amount"))["total"]
        or 0
    )
    check_allocation_covers(
        component=allocation.component, source=allocation.source, new_total=others + allocation.amount
    )
    try:
        with transaction.atomic():
            save_versioned(allocation, version=version, fields=ALLOCATION_FIELDS)
    except IntegrityError as error:
        # Moving the allocation to another source left the old one below what it has paid out.
        raise ValidationError({"source": msg.ALLOCATION_MOVES_PAID_MONEY}, code="below_disbursed") from error
    return allocation


# --- estimates -----------------------------------------------------------------------------------


def _locked_estimate(estimate: Estimate) -> Estimate:
    """Re-read the estimate under a row lock so approval and editing cannot interleave."""
    return Estimate.objects.select_for_update().get(pk=estimate.pk)


def _ensure_editable(estimate: Estimate, user) -> None:
    if estimate.is_approved:
        raise ValidationError(msg.ESTIMATE_FROZEN, code="frozen")
    if not estimate.is_editable:
        raise ValidationError(msg.ESTIMATE_NOT_EDITABLE, code="status")
    if not access.can_prepare_estimate(user, estimate):
        raise ValidationError(msg.ESTIMATE_NOT_ALLOWED, code="role")


@transaction.atomic
def estimate_create(*, commune, year: int, title: str, user) -> Estimate:
    """The accountant opens a draft estimate for a year."""
    if not access.can_prepare_estimate(user):
        raise ValidationError(msg.ESTIMATE_NOT_ALLOWED, code="role")
    if Plan.objects.approved_for(commune, year) is None:
        raise ValidationError({"year": msg.ESTIMATE_YEAR_WITHOUT_PLAN.format(year=year)}, code="no_plan")
    estimate = Estimate(commune=commune, year=year, title=title.strip(), prepared_by=user)
    estimate.full_clean()
    estimate.save()
    workflow.log_created(estimate, user=user)
    return estimate


@transaction.atomic
def estimate_line_add(
    *, estimate: Estimate, component: PlanComponent, source: str, content: str, amount, user
) -> EstimateLine:
    """Add a line (component, source, amount) to a draft or returned estimate."""
    estimate = _locked_estimate(estimate)
    _ensure_editable(estimate, user)
    _check_component_in_approved_plan(component, estimate.commune, estimate.year)
    line = EstimateLine(
        estimate=estimate,
        component=component,
        source=source,
        content=content.strip(),
        amount=_money("amount", amount, positive=True),
    )
    line.full_clean()
    check_estimate_line_fits(estimate=estimate, component=component, source=source, amount=line.amount)
    line.save()
    return line


@transaction.atomic
def estimate_line_remove(*, line: EstimateLine, user) -> None:
    estimate = _locked_estimate(line.estimate)
    _ensure_editable(estimate, user)
    line.delete()


@transaction.atomic
def estimate_submit(*, estimate: Estimate, user) -> Estimate:
    """The accountant submits the estimate to the chairman."""
    estimate = _locked_estimate(estimate)
    _ensure_editable(estimate, user)
    if not estimate.lines.exists():
        raise ValidationError(msg.ESTIMATE_EMPTY, code="empty")
    check_estimate_fits(estimate, statuses=HELD_WHILE_PREPARING)
    return workflow.transition(estimate, to=EstimateStatus.SUBMITTED, user=user)


def _ensure_decidable(estimate: Estimate, user, to: str) -> None:
    if estimate.is_approved:
        raise ValidationError(
            msg.ESTIMATE_ALREADY_APPROVED.format(date=f"{timezone.localtime(estimate.approved_at):%d/%m/%Y}"),
            code="already_approved",
        )
    if not access.is_approver(user):
        raise ValidationError(msg.ESTIMATE_APPROVE_NOT_ALLOWED, code="role")
    workflow.check_step(estimate, to=to)


@transaction.atomic
def estimate_return(*, estimate: Estimate, comment: str, user) -> Estimate:
    """The chairman sends a submitted estimate back to the accountant with the reason."""
    estimate = _locked_estimate(estimate)
    _ensure_decidable(estimate, user, EstimateStatus.RETURNED)
    return workflow.transition(estimate, to=EstimateStatus.RETURNED, user=user, comment=comment)


@transaction.atomic
def estimate_approve(*, estimate: Estimate, user) -> Estimate:
    """The chairman (or a vice chairman) approves a submitted estimate, never one they submitted; it is
    frozen from then on and a second approval is refused."""
    estimate = _locked_estimate(estimate)
    _ensure_decidable(estimate, user, EstimateStatus.APPROVED)
    # Checked again: an allocation may have been corrected, or another estimate approved, since it was
    # submitted.
    check_estimate_fits(estimate, statuses=HELD_AT_APPROVAL)
    return workflow.transition(estimate, to=EstimateStatus.APPROVED, user=user)


# --- disbursements -------------------------------------------------------------------------------


@transaction.atomic
def disbursement_record(
    *,
    line: EstimateLine,
    paid_on: datetime.date,
    amount,
    voucher_number: str,
    payee: str,
    note: str = "",
    user,
) -> Disbursement:
    """The accountant pays out against an approved estimate line, never beyond what the line has left."""
    if not access.can_record_disbursement(user):
        raise ValidationError(msg.DISBURSEMENT_NOT_ALLOWED, code="role")
    amount = _money("amount", amount, positive=True)
    # The row lock makes a second simultaneous payment wait here until this one commits.
    locked = EstimateLine.objects.select_for_update().get(pk=line.pk)
    estimate = Estimate.objects.get(pk=locked.estimate_id)
    if not estimate.is_approved:
        raise ValidationError({"line": msg.DISBURSEMENT_NOT_APPROVED}, code="not_approved")
    if paid_on and paid_on.year != estimate.year:
        raise ValidationError(
            {"paid_on": msg.DISBURSEMENT_DATE_OUTSIDE_YEAR.format(year=estimate.year)}, code="year"
        )
    _check_not_future("paid_on", "Ngày giải ngân", paid_on)
    overdraft = ValidationError(
        {
            "amount": msg.DISBURSEMENT_OVERDRAFT.format(
                remaining=format_number(locked.remaining), amount=format_number(amount)
            )
        },
        code="overdraft",
    )
    if amount > locked.remaining:
        raise overdraft
    # Then the component's account: the allocation caps all lines of all estimates together.
    account = lock_account_of_line(locked)
    check_disbursement_fits(line=locked, amount=amount, account=account)
    disbursement = Disbursement(
        line=locked,
        paid_on=paid_on,
        amount=amount,
        voucher_number=voucher_number.strip(),
        payee=payee.strip(),
        note=note,
        recorded_by=user,
    )
    disbursement.full_clean()
    try:
        with transaction.atomic():
            EstimateLine.objects.filter(pk=locked.pk).update(disbursed_amount=F("disbursed_amount") + amount)
    except IntegrityError as error:
        # The constraint caught a payment that slipped past the check (no row locks on this database).
        raise overdraft from error
    account_add_disbursed(line=locked, account=account, amount=amount)
    disbursement.save()
    return disbursement


@transaction.atomic
def disbursement_amount_change(*, disbursement: Disbursement, amount: int) -> EstimateLine:
    """Move the line's running total when a recorded payment is corrected to ``amount`` (0 when it is
    voided), under the same row lock, check and constraint as ``disbursement_record``: never beyond
    what the approved line holds (Luật NSNN 2015, Điều 12 khoản 2)."""
    locked = EstimateLine.objects.select_for_update().get(pk=disbursement.line_id)
    delta = amount - disbursement.amount
    overdraft = ValidationError(
        {
            "amount": msg.DISBURSEMENT_OVERDRAFT.format(
                remaining=format_number(locked.remaining + disbursement.amount), amount=format_number(amount)
            )
        },
        code="overdraft",
    )
    if delta > locked.remaining:
        raise overdraft
    try:
        with transaction.atomic():
            EstimateLine.objects.filter(pk=locked.pk).update(disbursed_amount=F("disbursed_amount") + delta)
    except IntegrityError as error:
        raise overdraft from error
    # The component's account moves too: the allocation caps every line of every estimate together.
    account = lock_account_of_line(locked)
    if delta > 0:
        check_disbursement_fits(line=locked, amount=delta, account=account)
    if account is not None:
        account_add_disbursed(line=locked, account=account, amount=delta)
    locked.refresh_from_db(fields=["disbursed_amount"])
    return locked
