"""Plans, delivery and budget (programs app)."""

from thoxuan_gnbv.access.base import (
    COMMUNE_OFFICERS,
    OBSERVERS,
    covers_commune,
    has_role,
    in_communes,
    is_admin,
    is_approver,
    role_of,
)
from thoxuan_gnbv.access.households import can_view_households, households_visible_to
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.statuses import ESTIMATE_EDITABLE, PLAN_APPROVED, PLAN_EDITABLE, EstimateStatus, PlanStatus

# --- plans (programs) -----------------------------------------------------------------------------


def can_view_plans(user) -> bool:
    """Plans are the commune's public programme: every officer, khu phố head and observer reads them."""
    return is_admin(user) or has_role(user, *COMMUNE_OFFICERS, *OBSERVERS, Role.NEIGHBORHOOD_HEAD)


def plans_visible_to(user, queryset):
    """Scope a Plan queryset: drafts are internal to the People's Committee; khu phố heads and
    observers see only approved or issued plans."""
    return _plan_scope(user, queryset, "")


def components_visible_to(user, queryset):
    """Scope a PlanComponent queryset as their plans."""
    return _plan_scope(user, queryset, "plan__")


def _plan_scope(user, queryset, prefix: str):
    if not can_view_plans(user):
        return queryset.none()
    queryset = in_communes(user, queryset, f"{prefix}commune")
    if is_admin(user) or has_role(user, *COMMUNE_OFFICERS):
        return queryset
    return queryset.filter(**{f"{prefix}status__in": PLAN_APPROVED})


def can_create_plan(user) -> bool:
    """The labour officer drafts the plan (section VI.1 of the 2024 plan)."""
    return has_role(user, Role.LABOUR_OFFICER)


def can_edit_plan(user, plan) -> bool:
    """The labour officer edits a plan only while it is a draft or returned."""
    return _own_plan(user, plan) and has_role(user, Role.LABOUR_OFFICER) and plan.status in PLAN_EDITABLE


def _own_plan(user, plan) -> bool:
    return covers_commune(user, plan.commune_id)


def can_submit_plan(user, plan) -> bool:
    return can_edit_plan(user, plan)


def can_approve_plan(user, plan) -> bool:
    """The chairman or a vice chairman approves or returns a submitted plan, never their own."""
    return (
        _own_plan(user, plan)
        and is_approver(user)
        and plan.status == PlanStatus.SUBMITTED
        and plan.submitted_by_id != user.pk
    )


def can_issue_plan(user, plan) -> bool:
    """An approved plan gets its number and date from the chairman's office or the labour officer."""
    return (
        _own_plan(user, plan)
        and has_role(user, Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.LABOUR_OFFICER)
        and plan.status == PlanStatus.APPROVED
    )


def can_amend_plan(user, plan) -> bool:
    """Changing an approved plan means a new draft version, written by the labour officer."""
    return _own_plan(user, plan) and has_role(user, Role.LABOUR_OFFICER) and plan.status in PLAN_APPROVED


# --- delivery and budget (programs: support, activities, allocations, estimates, disbursements) ----
# Who records support and activities of a component follows the plan's section III: the component's
# lead role when it is one of these officers; otherwise the catalogue's default recorder (QĐ 90/QĐ-TTg
# component, data an administrator keeps); the labour officer when neither says.
DELIVERY_RECORDERS = frozenset(
    {Role.LABOUR_OFFICER, Role.AGRICULTURE_OFFICER, Role.HEALTH_STATION, Role.CULTURE_OFFICER}
)
# Budget figures are read by those who decide, pay, report or monitor.
BUDGET_READERS = frozenset(
    {Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.ACCOUNTANT, Role.LABOUR_OFFICER, *OBSERVERS}
)


def delivery_recorder_role(component) -> str:
    """The role that records support and activities of a plan component: its lead role if that is a
    recording officer, else the ``recorder_role`` of its catalogue entry (sub-project, or project
    without sub-projects), read through attributes so no domain app is imported."""
    if component.lead_role in DELIVERY_RECORDERS:
        return component.lead_role
    entry = component.subproject if component.subproject_id else component.project
    return getattr(entry, "recorder_role", "") or Role.LABOUR_OFFICER


def can_record_delivery(user, component) -> bool:
    """Support and activities of a component are recorded by its advising officer only."""
    if not covers_commune(user, component.plan.commune_id):
        return False
    return bool(user and user.is_authenticated) and role_of(user) == delivery_recorder_role(component)


def can_record_support_exception(user, component) -> bool:
    """The component's own officer may record an ineligible case as an exception, with a written
    justification; exceptions are listed for the chairman and the Fatherland Front to check."""
    return can_record_delivery(user, component)


def can_view_support(user) -> bool:
    """Support records name people: commune officers, observers and khu phố heads (own khu phố)."""
    return can_view_households(user)


def supports_visible_to(user, queryset):
    """Scope a Support queryset: a khu phố head sees support to households of the khu phố they head."""
    if not can_view_support(user):
        return queryset.none()
    return households_visible_to(user, queryset, "household__")


def can_record_any_delivery(user) -> bool:
    """Whether the user records support/activities of some component (shows the "record" buttons)."""
    return has_role(user, *DELIVERY_RECORDERS)


def can_view_activities(user) -> bool:
    return is_admin(user) or has_role(user, *COMMUNE_OFFICERS, *OBSERVERS)


def activities_visible_to(user, queryset):
    """Scope an Activity queryset: activities of the user's communes' plans."""
    if not can_view_activities(user):
        return queryset.none()
    return in_communes(user, queryset, "component__plan__commune")


def can_view_component_overview(user) -> bool:
    return is_admin(user) or has_role(user, *COMMUNE_OFFICERS, *OBSERVERS)


def can_view_budget(user) -> bool:
    return is_admin(user) or has_role(user, *BUDGET_READERS)


def _budget_scope(user, queryset, path: str):
    if not can_view_budget(user):
        return queryset.none()
    return in_communes(user, queryset, path)


def allocations_visible_to(user, queryset):
    """Scope an Allocation queryset: money allocated to the user's communes' plans."""
    return _budget_scope(user, queryset, "component__plan__commune")


def estimates_visible_to(user, queryset):
    """Scope an Estimate queryset: the user's communes' estimates."""
    return _budget_scope(user, queryset, "commune")


def estimate_lines_visible_to(user, queryset):
    return _budget_scope(user, queryset, "estimate__commune")


def disbursements_visible_to(user, queryset):
    return _budget_scope(user, queryset, "line__estimate__commune")


def can_record_allocation(user) -> bool:
    """The accountant records what the level above allocates (section VI: Kế toán)."""
    return has_role(user, Role.ACCOUNTANT)


def can_prepare_estimate(user, estimate=None) -> bool:
    """The accountant prepares an estimate and changes it while it is a draft or returned."""
    if not has_role(user, Role.ACCOUNTANT):
        return False
    return estimate is None or (
        covers_commune(user, estimate.commune_id) and estimate.status in ESTIMATE_EDITABLE
    )


def can_approve_estimate(user, estimate) -> bool:
    """The chairman or a vice chairman approves or returns a submitted estimate, never their own."""
    return (
        is_approver(user)
        and covers_commune(user, estimate.commune_id)
        and estimate.status == EstimateStatus.SUBMITTED
        and estimate.submitted_by_id != user.pk
    )


def can_record_disbursement(user) -> bool:
    """Only the accountant pays out, against an approved estimate line."""
    return has_role(user, Role.ACCOUNTANT)


def can_view_corrections(user) -> bool:
    """Corrections of recorded figures are read by commune officers, observers and the administrator."""
    return is_admin(user) or has_role(user, *COMMUNE_OFFICERS, *OBSERVERS)


def corrections_visible_to(user, queryset):
    """Scope a Correction queryset: corrections of the user's communes."""
    if not can_view_corrections(user):
        return queryset.none()
    return in_communes(user, queryset, "commune")


def can_decide_correction(user, correction) -> bool:
    """Once an approved report used a row, only the chairman or a vice chairman — who sign the commune's
    reports (KT. CHỦ TỊCH) — accepts its correction, never the one who asked."""
    return (
        is_approver(user)
        and covers_commune(user, correction.commune_id)
        and correction.is_pending
        and correction.requested_by_id != user.pk
    )
