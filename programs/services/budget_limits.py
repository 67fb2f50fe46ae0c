"""The allocation caps every estimate and every payment (Luật NSNN 2015, Điều 12 khoản 2: no spending beyond the
allocated estimate). Callable by any service that moves money — recording, correcting or voiding:

- ``check_estimate_line_fits``: a line about to be added to an estimate;
- ``check_estimate_fits``: a whole estimate at submission (counting other estimates awaiting approval)
  and at approval (counting approved estimates only: the allocation or the others may have moved);
- ``check_disbursement_fits``: a payment, under a row lock on the component's budget account
  (``lock_account_of_line``), then ``account_add_disbursed`` (negative to void a payment);
- ``check_allocation_covers``: a new allocated total never below what was already paid out.

Each locks the budget accounts it compares with (``select_for_update``, in primary-key order so two
requests never wait on each other crosswise) and must run inside the caller's transaction."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from programs import messages as msg
from programs.models import BudgetAccount, EstimateStatus, FundingSource
from programs.queries.budget_limits import held_by_key
from thoxuan_gnbv.formatting import format_number

# Estimates that hold money while the accountant is still writing one: approved ones, and the ones on
# the chairman's desk (approving them would spend it). Drafts and returned estimates hold nothing.
HELD_WHILE_PREPARING = (EstimateStatus.APPROVED, EstimateStatus.SUBMITTED)
HELD_AT_APPROVAL = (EstimateStatus.APPROVED,)


def _source_label(source: str) -> str:
    return dict(FundingSource.choices).get(source, source)


def _lock_accounts(commune_id: int, year: int) -> dict[tuple[str, str], BudgetAccount]:
    accounts = (
        BudgetAccount.objects.select_for_update().filter(commune_id=commune_id, year=year).order_by("pk")
    )
    return {(a.component_code, a.source): a for a in accounts}


def _over_message(component, source: str, *, allocated: int, held: int, needed: int) -> str | None:
    available = max(allocated - held, 0)
    if needed <= available:
        return None
    values = {
        "component": str(component),
        "source": _source_label(source),
        "allocated": format_number(allocated),
        "held": format_number(held),
        "available": format_number(available),
        "needed": format_number(needed),
        "shortfall": format_number(needed - available),
    }
    template = msg.ESTIMATE_NOTHING_ALLOCATED if allocated == 0 else msg.ESTIMATE_OVER_ALLOCATION
    return template.format(**values)


def check_estimate_line_fits(*, estimate, component, source: str, amount: int, field: str = "amount") -> None:
    """Refuse a line when the estimate's lines of that component and source, with it, exceed the
    allocation minus what other approved or pending estimates hold; the error names the component,
    the source and the shortfall."""
    accounts = _lock_accounts(estimate.commune_id, estimate.year)
    key = (component.code, source)
    account = accounts.get(key)
    held = held_by_key(
        estimate.commune_id, estimate.year, statuses=HELD_WHILE_PREPARING, exclude_estimate=estimate
    ).get(key, 0)
    mine = sum(
        line.amount
        for line in estimate.lines.select_related("component__project", "component__subproject")
        if (line.component.code, line.source) == key
    )
    message = _over_message(
        component, source, allocated=account.allocated if account else 0, held=held, needed=mine + amount
    )
    if message:
        raise ValidationError({field: message}, code="over_allocation")


def check_estimate_fits(estimate, *, statuses=HELD_WHILE_PREPARING) -> None:
    """Refuse an estimate any of whose (component, source) totals exceeds the allocation minus what
    estimates in ``statuses`` other than it hold; one message per component and source over."""
    accounts = _lock_accounts(estimate.commune_id, estimate.year)
    held = held_by_key(estimate.commune_id, estimate.year, statuses=statuses, exclude_estimate=estimate)
    needed: dict[tuple[str, str], list] = {}
    for line in estimate.lines.select_related("component__project", "component__subproject"):
        entry = needed.setdefault((line.component.code, line.source), [line.component, 0])
        entry[1] += line.amount
    errors = []
    for key, (component, amount) in needed.items():
        account = accounts.get(key)
        message = _over_message(
            component,
            key[1],
            allocated=account.allocated if account else 0,
            held=held.get(key, 0),
            needed=amount,
        )
        if message:
            errors.append(message)
    if errors:
        raise ValidationError(errors, code="over_allocation")


def lock_account_of_line(line) -> BudgetAccount | None:
    """The budget account a payment against ``line`` draws on, locked (None: nothing allocated)."""
    estimate = line.estimate
    return (
        BudgetAccount.objects.select_for_update()
        .filter(commune_id=estimate.commune_id, year=estimate.year, component_code=line.component.code)
        .filter(source=line.source)
        .first()
    )


def check_disbursement_fits(
    *, line, amount: int, account: BudgetAccount | None, field: str = "amount"
) -> None:
    """Refuse a payment that would take the component and source past its allocation."""
    allocated = account.allocated if account else 0
    disbursed = account.disbursed if account else 0
    available = max(allocated - disbursed, 0)
    if amount > available:
        raise ValidationError(
            {field: disbursement_over_message(line, allocated, disbursed, amount)}, code="over"
        )


def account_add_disbursed(*, line, account: BudgetAccount, amount: int, field: str = "amount") -> None:
    """Add ``amount`` to the paid total of ``account`` (locked by the caller; negative when a payment is
    voided). The no-overdraft constraint turns a total past the allocation into the Vietnamese refusal."""
    try:
        with transaction.atomic():
            BudgetAccount.objects.filter(pk=account.pk).update(disbursed=F("disbursed") + amount)
    except IntegrityError as error:
        message = disbursement_over_message(line, account.allocated, account.disbursed, amount)
        raise ValidationError({field: message}, code="over") from error


def disbursement_over_message(line, allocated: int, disbursed: int, amount: int) -> str:
    available = max(allocated - disbursed, 0)
    return msg.DISBURSEMENT_OVER_ALLOCATION.format(
        component=str(line.component),
        source=_source_label(line.source),
        allocated=format_number(allocated),
        disbursed=format_number(disbursed),
        available=format_number(available),
        amount=format_number(amount),
        shortfall=format_number(amount - available),
    )


def check_allocation_covers(*, component, source: str, new_total: int, field: str = "amount") -> None:
    """Refuse an allocated total (after a change) below what was already paid out of that component
    and source; the database would refuse it too (``budget_account_no_overdraft``)."""
    plan = component.plan
    account = (
        BudgetAccount.objects.select_for_update()
        .filter(commune_id=plan.commune_id, year=plan.year, component_code=component.code, source=source)
        .first()
    )
    if account and new_total < account.disbursed:
        raise ValidationError(
            {
                field: msg.ALLOCATION_BELOW_DISBURSED.format(
                    component=str(component),
                    source=_source_label(source),
                    disbursed=format_number(account.disbursed),
                )
            },
            code="below_disbursed",
        )
