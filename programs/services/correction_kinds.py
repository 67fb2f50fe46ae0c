"""The four kinds of recorded rows a correction may edit or void, as data for the one mechanism in
``programs.services.corrections``: which fields may change, which date places the row in a reporting
period, who records it, and the rules a corrected row must still meet (the same as when it was recorded)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from programs.messages import budget as budget_msg
from programs.messages import delivery as delivery_msg
from programs.models import Activity, Allocation, CorrectedKind, Disbursement, PlanComponent, Support
from programs.models.budget_account import BudgetAccount
from programs.services.budget import disbursement_amount_change
from programs.services.budget_limits import check_allocation_covers
from programs.services.delivery import support_eligibility
from thoxuan_gnbv import access
from thoxuan_gnbv.formatting import format_number

AMOUNTS = ("central_amount", "local_amount", "mobilised_amount", "credit_amount")


def _nothing(*args, **kwargs) -> None:
    return None


@dataclass(frozen=True)
class CorrectedKindSpec:
    kind: str
    model: type
    fields: tuple
    money: frozenset
    date_field: str
    cumulative: bool  # budget figures run from 1 January; support and activities count within a period
    component: Callable[[object], PlanComponent]
    can_record: Callable[[object, object], bool]
    visible: Callable[[object, object], object]  # access scope: (user, queryset) → queryset
    check: Callable[[object, dict], None] = _nothing  # (corrected row, values before)
    before_save: Callable[[object, dict], None] = _nothing  # side effects under the same transaction
    on_void: Callable[[object], None] = _nothing
    detail_url: str = ""

    def commune_id(self, obj) -> int:
        return self.component(obj).plan.commune_id


def _in_plan_year(obj, date_field: str) -> None:
    plan = obj.component.plan
    day = getattr(obj, date_field)
    if day and day.year != plan.year:
        raise ValidationError({date_field: delivery_msg.DATE_OUTSIDE_PLAN_YEAR.format(year=plan.year)})


def _check_support(support: Support, before: dict) -> None:
    _in_plan_year(support, "supported_on")
    if support.amount_returned > support.amount_to_return:
        raise ValidationError({"amount_returned": delivery_msg.RETURNED_EXCEEDS_DUE})
    if support.supported_on != before["supported_on"] and not support.is_exception:
        # Eligibility is judged on the date of support (households.status.status_on): a new date is a new test.
        decision = support_eligibility(
            component=support.component,
            household=support.household,
            member=support.member,
            on_date=support.supported_on,
            low_income_worker=support.low_income_worker,
        )
        if not decision.eligible:
            raise ValidationError({"supported_on": decision.reason})


def _check_activity(activity: Activity, before: dict) -> None:
    _in_plan_year(activity, "held_on")
    errors = {
        name: delivery_msg.PARTICIPANT_BREAKDOWN_EXCEEDS_TOTAL
        for name in ("participants_women", "participants_poor", "participants_ethnic_minority")
        if getattr(activity, name) > activity.participants
    }
    if errors:
        raise ValidationError(errors)


def _allocated_now(allocation: Allocation) -> int:
    plan = allocation.component.plan
    account = BudgetAccount.objects.filter(
        commune_id=plan.commune_id,
        year=plan.year,
        component_code=allocation.component.code,
        source=allocation.source,
    ).first()
    return account.allocated if account else 0


def _check_allocation(allocation: Allocation, before: dict) -> None:
    if allocation.amount <= 0:
        raise ValidationError({"amount": budget_msg.AMOUNT_MUST_BE_POSITIVE})
    allocation.decision_number = allocation.decision_number.strip()
    # Never below what was already paid out of that component and source (Luật NSNN 2015, Điều 12).
    new_total = _allocated_now(allocation) - before["amount"] + allocation.amount
    check_allocation_covers(component=allocation.component, source=allocation.source, new_total=new_total)


def _check_allocation_void(allocation: Allocation) -> None:
    new_total = _allocated_now(allocation) - allocation.amount
    check_allocation_covers(component=allocation.component, source=allocation.source, new_total=new_total)


def _check_disbursement(disbursement: Disbursement, before: dict) -> None:
    if disbursement.amount <= 0:
        raise ValidationError({"amount": budget_msg.AMOUNT_MUST_BE_POSITIVE})
    year = disbursement.line.estimate.year
    if disbursement.paid_on.year != year:
        raise ValidationError({"paid_on": budget_msg.DISBURSEMENT_DATE_OUTSIDE_YEAR.format(year=year)})
    line = disbursement.line
    if disbursement.amount - before["amount"] > line.remaining:
        raise ValidationError(
            {
                "amount": budget_msg.DISBURSEMENT_OVERDRAFT.format(
                    remaining=format_number(line.remaining + before["amount"]),
                    amount=format_number(disbursement.amount),
                )
            }
        )


def _move_line_total(disbursement: Disbursement, before: dict) -> None:
    """The line's running total follows the corrected amount (the budget service locks and re-checks)."""
    if disbursement.amount != before["amount"]:
        original = Disbursement.all_objects.get(pk=disbursement.pk)
        disbursement_amount_change(disbursement=original, amount=disbursement.amount)


def _release_line(disbursement: Disbursement) -> None:
    """A voided payment no longer holds its share of the approved line."""
    disbursement_amount_change(disbursement=disbursement, amount=0)


SPECS = {
    CorrectedKind.SUPPORT: CorrectedKindSpec(
        kind=CorrectedKind.SUPPORT,
        visible=access.supports_visible_to,
        model=Support,
        fields=(
            "supported_on",
            "support_type",
            "description",
            "quantity",
            "unit",
            *AMOUNTS,
            "counterpart_cash",
            "counterpart_in_kind",
            "production_model",
            "production_model_decision",
            "production_model_lead",
            "amount_to_return",
            "amount_returned",
        ),
        money=frozenset({*AMOUNTS, "counterpart_cash", "amount_to_return", "amount_returned"}),
        date_field="supported_on",
        cumulative=False,
        component=lambda obj: obj.component,
        can_record=lambda user, obj: access.can_record_delivery(user, obj.component),
        check=_check_support,
        detail_url="programs:support_detail",
    ),
    CorrectedKind.ACTIVITY: CorrectedKindSpec(
        kind=CorrectedKind.ACTIVITY,
        visible=access.activities_visible_to,
        model=Activity,
        fields=(
            "activity_type",
            "title",
            "held_on",
            "place",
            "participants",
            "participants_women",
            "participants_poor",
            "participants_ethnic_minority",
            *AMOUNTS,
            "outputs",
        ),
        money=frozenset(AMOUNTS),
        date_field="held_on",
        cumulative=False,
        component=lambda obj: obj.component,
        can_record=lambda user, obj: access.can_record_delivery(user, obj.component),
        check=_check_activity,
        detail_url="programs:activity_detail",
    ),
    CorrectedKind.ALLOCATION: CorrectedKindSpec(
        kind=CorrectedKind.ALLOCATION,
        visible=access.allocations_visible_to,
        model=Allocation,
        fields=("source", "amount", "decision_number", "decision_date", "note"),
        money=frozenset({"amount"}),
        date_field="decision_date",
        cumulative=True,
        component=lambda obj: obj.component,
        can_record=lambda user, obj: (
            access.can_record_allocation(user) and access.covers_commune(user, obj.component.plan.commune_id)
        ),
        check=_check_allocation,
        on_void=_check_allocation_void,
    ),
    CorrectedKind.DISBURSEMENT: CorrectedKindSpec(
        kind=CorrectedKind.DISBURSEMENT,
        visible=access.disbursements_visible_to,
        model=Disbursement,
        fields=("paid_on", "amount", "voucher_number", "payee", "note"),
        money=frozenset({"amount"}),
        date_field="paid_on",
        cumulative=True,
        component=lambda obj: obj.line.component,
        can_record=lambda user, obj: (
            access.can_record_disbursement(user) and access.covers_commune(user, obj.line.estimate.commune_id)
        ),
        check=_check_disbursement,
        before_save=_move_line_total,
        on_void=_release_line,
    ),
}


def spec_for(kind: str) -> CorrectedKindSpec:
    return SPECS[CorrectedKind(kind)]


def dates_of(spec: CorrectedKindSpec, obj, before: dict) -> set[datetime.date]:
    """The dates a correction touches: where the row was and where it goes."""
    return {day for day in (before.get(spec.date_field), getattr(obj, spec.date_field)) if day}
