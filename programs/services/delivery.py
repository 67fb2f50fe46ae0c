"""Writes of delivery: support to households and members, and activities of a component.

Every record belongs to a component of an *approved* plan, is dated within the plan's year and is
written by the component's own officer (``access.can_record_delivery``). Support is checked against
the household's status on the date of support (``households.status.status_on``) and the rules of
``programs.services.eligibility``; an ineligible case is refused with the reason unless the officer records
it as an exception with a written justification.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from households.models import Household, Member
from households.status import status_on
from programs.messages import delivery as msg
from programs.models import Activity, Disbursement, PlanComponent, Support
from programs.models.catalogue import EligibilityRule
from programs.money import parse_money
from programs.services.eligibility import EligibilityBasis, Person, age_on, check_eligibility
from thoxuan_gnbv import access
from thoxuan_gnbv.models import Role

AMOUNT_FIELDS = ("central_amount", "local_amount", "mobilised_amount", "credit_amount")
SUPPORT_MONEY_FIELDS = (*AMOUNT_FIELDS, "counterpart_cash", "amount_to_return", "amount_returned")
EXCEPTION_REASON_MIN_LENGTH = 20


def _amounts(values: dict, fields) -> dict:
    """Read every amount as whole đồng; collect the errors of all of them at once."""
    errors, amounts = {}, {}
    for field in fields:
        try:
            amounts[field] = parse_money(values.get(field) or 0)
        except ValidationError as error:
            errors[field] = error.messages
    if errors:
        raise ValidationError(errors)
    return amounts


def _check_component(component: PlanComponent, on_date: datetime.date | None, date_field: str, user) -> None:
    if not access.can_record_delivery(user, component):
        role = access.delivery_recorder_role(component)
        raise ValidationError(
            msg.NOT_ALLOWED_TO_RECORD.format(component=component.code, role=Role(role).label), code="role"
        )
    plan = component.plan
    if not plan.is_approved:
        raise ValidationError({"component": msg.PLAN_NOT_APPROVED}, code="plan_not_approved")
    if on_date and on_date.year != plan.year:
        raise ValidationError({date_field: msg.DATE_OUTSIDE_PLAN_YEAR.format(year=plan.year)}, code="year")


def _check_disbursement(disbursement: Disbursement | None, component: PlanComponent) -> None:
    if disbursement is not None and disbursement.line.component_id != component.pk:
        raise ValidationError({"disbursement": msg.DISBURSEMENT_OTHER_COMPONENT}, code="other_component")


def _person(member: Member, on_date: datetime.date) -> Person | None:
    if member.date_of_birth is None:
        return None
    return Person(
        name=member.full_name,
        age=age_on(member.date_of_birth, on_date),
        sex=member.sex,
        relation=member.relation_to_head,
    )


def support_eligibility(
    *,
    component: PlanComponent,
    household: Household,
    member: Member | None,
    on_date: datetime.date,
    low_income_worker: bool = False,
):
    """The eligibility decision for a support record, from the household's status on ``on_date``."""
    status = status_on(household, on_date)
    rule = component.catalogue_entry
    person, people = None, []
    if member is not None:
        people = [p for p in (_person(m, on_date) for m in household.members.all()) if p is not None]
        person = _person(member, on_date)
        if person is None and rule.eligibility_rule == EligibilityRule.NUTRITION:
            raise ValidationError({"member": msg.MEMBER_NO_BIRTH_DATE.format(name=member.full_name)})
        if person is None:
            # Age unknown: only the nutrition rule reads a person's age, and it refused above.
            person = Person(name=member.full_name, age=0, sex=member.sex, relation=member.relation_to_head)
    return check_eligibility(
        rule=rule,
        status=status,
        on_date=on_date,
        person=person,
        household=people,
        low_income_worker=low_income_worker,
    )


@transaction.atomic
def support_record(
    *,
    component: PlanComponent,
    household: Household,
    member: Member | None = None,
    supported_on: datetime.date,
    is_exception: bool = False,
    exception_reason: str = "",
    low_income_worker: bool = False,
    disbursement: Disbursement | None = None,
    user,
    **details,
) -> Support:
    """Record support delivered to a household (or one member) under a component.

    ``details`` are the descriptive fields (support_type, description, quantity, unit, the amounts by
    source, counterpart, production model, revolving capital). Refused — nothing written — when the
    plan is not approved, the date is outside its year, the household is of another commune, the
    member is not of the household, an amount is negative or fractional, or the case is ineligible and
    not recorded as a justified exception."""
    _check_component(component, supported_on, "supported_on", user)
    if household.commune_id != component.plan.commune_id:
        raise ValidationError({"household": msg.HOUSEHOLD_OTHER_COMMUNE}, code="other_commune")
    if member is not None and member.household_id != household.pk:
        raise ValidationError({"member": msg.MEMBER_NOT_IN_HOUSEHOLD}, code="other_household")
    details.update(_amounts(details, SUPPORT_MONEY_FIELDS))
    _check_disbursement(disbursement, component)

    decision = support_eligibility(
        component=component,
        household=household,
        member=member,
        on_date=supported_on,
        low_income_worker=low_income_worker,
    )
    exception_reason = exception_reason.strip()
    if decision.eligible:
        basis, is_exception, exception_reason = decision.basis, False, ""
    elif not is_exception:
        field = "member" if member is not None else "household"
        raise ValidationError({field: decision.reason}, code="ineligible")
    elif not access.can_record_support_exception(user, component):
        raise ValidationError({"is_exception": msg.EXCEPTION_NOT_ALLOWED}, code="role")
    elif len(exception_reason) < EXCEPTION_REASON_MIN_LENGTH:
        raise ValidationError({"exception_reason": msg.EXCEPTION_NEEDS_REASON}, code="required")
    else:
        basis = EligibilityBasis.EXCEPTION

    support = Support(
        component=component,
        household=household,
        member=member,
        supported_on=supported_on,
        low_income_worker=low_income_worker,
        eligibility_basis=basis,
        is_exception=is_exception,
        exception_reason=exception_reason,
        disbursement=disbursement,
        recorded_by=user,
        **details,
    )
    if support.amount_returned > support.amount_to_return:
        raise ValidationError({"amount_returned": msg.RETURNED_EXCEEDS_DUE}, code="returned")
    support.full_clean()
    support.save()
    return support


@transaction.atomic
def support_record_repayment(*, support: Support, amount_returned, user) -> Support:
    """Update what a household has paid back of revolving capital (never above what is due)."""
    _check_component(support.component, None, "", user)
    if support.is_voided:
        raise ValidationError(msg.SUPPORT_VOIDED, code="voided")
    returned = _amounts({"amount_returned": amount_returned}, ["amount_returned"])["amount_returned"]
    if returned > support.amount_to_return:
        raise ValidationError({"amount_returned": msg.RETURNED_EXCEEDS_DUE}, code="returned")
    support.amount_returned = returned
    support.full_clean()
    support.save(update_fields=["amount_returned"])
    return support


@transaction.atomic
def activity_record(
    *,
    component: PlanComponent,
    held_on: datetime.date,
    participants: int,
    participants_women: int = 0,
    participants_poor: int = 0,
    participants_ethnic_minority: int = 0,
    households=(),
    disbursement: Disbursement | None = None,
    user,
    **details,
) -> Activity:
    """Record an activity (training, conference, communication incl. "sân khấu hóa", visit,
    monitoring) of a component, with its participants, cost by source and outputs."""
    _check_component(component, held_on, "held_on", user)
    details.update(_amounts(details, AMOUNT_FIELDS))
    errors = {}
    for field, count in (
        ("participants_women", participants_women),
        ("participants_poor", participants_poor),
        ("participants_ethnic_minority", participants_ethnic_minority),
    ):
        if count is not None and participants is not None and count > participants:
            errors[field] = msg.PARTICIPANT_BREAKDOWN_EXCEEDS_TOTAL
    households = list(households)
    if any(h.commune_id != component.plan.commune_id for h in households):
        errors["households"] = msg.ACTIVITY_HOUSEHOLD_OTHER_COMMUNE
    if errors:
        raise ValidationError(errors)
    _check_disbursement(disbursement, component)
    activity = Activity(
        component=component,
        held_on=held_on,
        participants=participants,
        participants_women=participants_women,
        participants_poor=participants_poor,
        participants_ethnic_minority=participants_ethnic_minority,
        disbursement=disbursement,
        recorded_by=user,
        **details,
    )
    activity.full_clean()
    activity.save()
    if households:
        activity.households.set(households)
    return activity
