"""The one place that answers who may see what (*scope*: a QuerySet filter) and who may do what
(*ability*: ``can_<verb>_<noun>`` functions).

Every scope starts from the communes the user covers (``commune_ids_of``): a user of one commune
never sees, nor changes, a row of another, and every per-object ``can_*`` rule asks the same.
Views never test roles themselves: they call these. Domain models are reached through field lookups
only, so this module imports no domain app (``thoxuan_gnbv`` sits below them all); the status values
come from ``thoxuan_gnbv.statuses``, which the domain models re-export.
"""

from thoxuan_gnbv.models import Role
from thoxuan_gnbv.statuses import (
    COMPILED_EDITABLE,
    ESTIMATE_EDITABLE,
    PLAN_APPROVED,
    PLAN_EDITABLE,
    REPORT_EDITABLE,
    CompiledStatus,
    EstimateStatus,
    PlanStatus,
    ReportStatus,
    RoundStatus,
)

# Officers of the People's Committee who work on the program every day.
COMMUNE_OFFICERS = frozenset(
    {
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.LABOUR_OFFICER,
        Role.AGRICULTURE_OFFICER,
        Role.CULTURE_OFFICER,
        Role.HEALTH_STATION,
        Role.ACCOUNTANT,
    }
)
APPROVERS = frozenset({Role.CHAIRMAN, Role.VICE_CHAIRMAN})
# Read-only observers: they see the commune's figures but change nothing.
OBSERVERS = frozenset({Role.FATHERLAND_FRONT, Role.UPPER_VIEWER})


def role_of(user) -> str:
    return getattr(user, "role", "") or ""


def has_role(user, *roles) -> bool:
    return bool(user and user.is_authenticated and role_of(user) in roles)


def is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_superuser)


def is_read_only(user) -> bool:
    """Observers and the level above only read, whatever page they are on."""
    return has_role(user, *OBSERVERS)


def is_approver(user) -> bool:
    """The chairman, or a vice chairman signing "KT. CHỦ TỊCH"."""
    return has_role(user, *APPROVERS)


def is_neighborhood_head(user) -> bool:
    return has_role(user, Role.NEIGHBORHOOD_HEAD)


# --- the commune seam ----------------------------------------------------------------------------


def commune_ids_of(user) -> list[int]:
    """The communes whose data ``user`` covers: the one they belong to. The level above is given one
    commune today; when it covers a province, this is the one function that changes. An
    administrator without a commune covers none on the portal's pages (they work in the admin)."""
    if not (user and user.is_authenticated):
        return []
    commune_id = getattr(user, "commune_id", None)
    return [commune_id] if commune_id else []


def covers_commune(user, commune_id) -> bool:
    """Whether ``commune_id`` is one of the user's communes (every per-object rule asks this)."""
    return commune_id is not None and commune_id in commune_ids_of(user)


def in_communes(user, queryset, path: str = "commune"):
    """Keep the rows of ``queryset`` whose commune (reached through the lookup ``path``) the user
    covers."""
    return queryset.filter(**{f"{path}__in": commune_ids_of(user)})


def can_use_admin(user) -> bool:
    return is_admin(user)


# --- households ---------------------------------------------------------------------------------


def can_view_households(user) -> bool:
    """Household lists are personal data: commune officers, khu phố heads (their own khu phố only),
    the Fatherland Front and the level above (read only)."""
    return is_admin(user) or has_role(user, *COMMUNE_OFFICERS, *OBSERVERS, Role.NEIGHBORHOOD_HEAD)


def households_visible_to(user, queryset, prefix: str = ""):
    """Scope a Household queryset (or one reaching households through ``prefix``, e.g.
    ``"household__"``): the user's communes; a khu phố head only the khu phố they head."""
    if not can_view_households(user):
        return queryset.none()
    queryset = in_communes(user, queryset, f"{prefix}commune")
    if is_neighborhood_head(user):
        return queryset.filter(**{f"{prefix}neighborhood__head": user})
    return queryset


def neighborhoods_visible_to(user, queryset):
    """Scope a Neighborhood queryset the same way as households."""
    if not can_view_households(user):
        return queryset.none()
    queryset = in_communes(user, queryset)
    if is_neighborhood_head(user):
        return queryset.filter(head=user)
    return queryset


def members_visible_to(user, queryset):
    """Scope a Member queryset through their household."""
    return households_visible_to(user, queryset, "household__")


# Who keeps the registry: the labour officer for the whole commune, each khu phố head for their own.
HOUSEHOLD_EDITORS = frozenset({Role.LABOUR_OFFICER, Role.NEIGHBORHOOD_HEAD})


def can_edit_households(user) -> bool:
    """Whether the user may add households and members at all (shows the "add" buttons)."""
    return is_admin(user) or has_role(user, *HOUSEHOLD_EDITORS)


def can_edit_household(user, household) -> bool:
    """The labour officer edits any household of the commune; a khu phố head only households of the
    khu phố they head."""
    if not covers_commune(user, household.commune_id):
        return False
    if is_admin(user) or has_role(user, Role.LABOUR_OFFICER):
        return True
    return is_neighborhood_head(user) and household.neighborhood.head_id == user.pk


def can_record_review(user, household) -> bool:
    """Review results are recorded by whoever keeps the household (labour officer, its khu phố head)."""
    return can_edit_household(user, household)


def can_view_review_rounds(user) -> bool:
    return can_view_households(user)


def rounds_visible_to(user, queryset):
    """Scope a ReviewRound queryset: the rounds of the user's communes."""
    if not can_view_review_rounds(user):
        return queryset.none()
    return in_communes(user, queryset)


def reviews_visible_to(user, queryset):
    """Scope a Review queryset: reviews of households the user sees."""
    return households_visible_to(user, queryset, "household__")


def can_manage_review_rounds(user) -> bool:
    """The labour officer opens a review round and submits its list to the chairman."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER)


def can_approve_review_round(user, review_round=None) -> bool:
    """The chairman (or a vice chairman) approves or returns a submitted review round (QĐ 24/2021),
    never one they submitted themselves."""
    if review_round is None:
        return is_approver(user)
    return (
        is_approver(user)
        and covers_commune(user, review_round.commune_id)
        and review_round.status == RoundStatus.SUBMITTED
        and review_round.submitted_by_id != user.pk
    )


def can_import_households(user) -> bool:
    """Workbook import writes the whole commune's list: the labour officer only."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER)


def can_export_households(user) -> bool:
    """Exports carry personal data out of the portal: People's Committee officers who keep or decide on
    the lists, and khu phố heads (their own khu phố); observers read on screen only."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER, *APPROVERS, Role.NEIGHBORHOOD_HEAD)


def can_view_movements(user) -> bool:
    """Movement tables are aggregate figures: every household viewer reads them."""
    return can_view_households(user)


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


# --- reports (reporting) --------------------------------------------------------------------------


def can_view_reports(user) -> bool:
    """Reports are the commune's own account of the program: every commune officer reads them,
    the Fatherland Front and the level above read them too (section VII's recipients)."""
    return is_admin(user) or has_role(user, *COMMUNE_OFFICERS, *OBSERVERS)


def reports_visible_to(user, queryset):
    """Scope a Report queryset: drafts stay inside the People's Committee; observers see what was sent."""
    if not can_view_reports(user):
        return queryset.none()
    queryset = in_communes(user, queryset, "period__commune")
    if is_read_only(user):
        return queryset.exclude(status=ReportStatus.DRAFT)
    return queryset


def periods_visible_to(user, queryset):
    """Scope a ReportingPeriod queryset: the user's communes' periods."""
    if not can_view_reports(user):
        return queryset.none()
    return in_communes(user, queryset)


def can_write_report(user, component) -> bool:
    """A component's report is written by its lead unit's advising officer (the same person who
    records its support and activities: the plan's section III)."""
    return can_record_delivery(user, component)


def can_edit_report(user, report) -> bool:
    """The author edits and submits a report while it is a draft or returned."""
    return report.status in REPORT_EDITABLE and can_write_report(user, report.component)


def can_review_report(user, report=None) -> bool:
    """The labour officer accepts or returns a submitted unit report (section VII: reports go to the
    UBND through the labour officer). Nobody accepts their own report: the labour officer's own
    reports go to the chairman or a vice chairman. Without ``report``: may this user review any."""
    if report is None:
        return has_role(user, Role.LABOUR_OFFICER, *APPROVERS)
    if not covers_commune(user, report.period.commune_id):
        return False
    if report.status != ReportStatus.SUBMITTED or report.submitted_by_id == user.pk:
        return False
    return is_report_reviewer(user, report)


def is_report_reviewer(user, report) -> bool:
    """The reviewer's part of ``can_review_report``, whatever the report's state: the labour officer
    for a unit's report, the chairman or a vice chairman for the labour officer's own."""
    if has_role(user, Role.LABOUR_OFFICER):
        return True
    return is_approver(user) and role_of(report.submitted_by) == Role.LABOUR_OFFICER


def reports_reviewable_by(user, queryset):
    """Scope submitted unit reports to those ``user`` may accept or return (see can_review_report)."""
    queryset = in_communes(user, queryset, "period__commune")
    if has_role(user, Role.LABOUR_OFFICER):
        return queryset.exclude(submitted_by=user)
    if is_approver(user):
        return queryset.filter(submitted_by__role=Role.LABOUR_OFFICER)
    return queryset.none()


def can_view_compiled_reports(user) -> bool:
    return can_view_reports(user)


def compiled_reports_visible_to(user, queryset):
    """Observers see only approved compiled reports; officers see drafts too."""
    if not can_view_compiled_reports(user):
        return queryset.none()
    queryset = in_communes(user, queryset, "period__commune")
    if is_read_only(user):
        return queryset.filter(status=CompiledStatus.APPROVED)
    return queryset


def jobs_visible_to(user, queryset):
    """Scope a DocumentJob queryset: a background document is its requester's (the administrator
    sees every job), and only of the user's communes."""
    queryset = in_communes(user, queryset, "compiled_report__period__commune")
    return queryset if is_admin(user) else queryset.filter(requested_by=user)


def can_compile_report(user, compiled=None) -> bool:
    """The labour officer drafts the compiled report and edits it while it is a draft or returned."""
    if not has_role(user, Role.LABOUR_OFFICER):
        return False
    return compiled is None or (
        covers_commune(user, compiled.period.commune_id) and compiled.status in COMPILED_EDITABLE
    )


def can_approve_compiled_report(user, compiled) -> bool:
    """The chairman or a vice chairman approves or returns a submitted compiled report, never one they
    submitted themselves."""
    return (
        is_approver(user)
        and covers_commune(user, compiled.period.commune_id)
        and compiled.status == CompiledStatus.SUBMITTED
        and compiled.submitted_by_id != user.pk
    )


def can_view_dashboard(user) -> bool:
    """The quarterly evaluation (định kỳ hàng quý đánh giá) is the chairman's and the labour
    officer's instrument; observers of the level above read it too."""
    return is_admin(user) or has_role(user, *APPROVERS, Role.LABOUR_OFFICER, *OBSERVERS)


# --- personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Nghị định 356/2025/NĐ-CP) -----------
# Personal data is processed only as far as a task needs it: the full CCCD number goes to those who
# keep the registry; everyone else reads it masked. Who viewed or exported it is logged (AccessLog).
NATIONAL_ID_KEEPERS = frozenset({Role.LABOUR_OFFICER})


def can_see_national_id(user, household) -> bool:
    """The full CCCD of a household's head and members, processed only as far as the purpose needs
    (Luật 91/2025/QH15; NĐ 356/2025/NĐ-CP): the labour officer who keeps the registry, the head of
    the household's own khu phố, and the administrator. Everyone else sees it masked (``038*******12``)."""
    return can_see_national_id_in(user, household.neighborhood.head_id)


def can_see_national_id_in(user, neighborhood_head_id) -> bool:
    """``can_see_national_id`` for a row that carries only its khu phố head's id (exports)."""
    if is_admin(user) or has_role(user, *NATIONAL_ID_KEEPERS):
        return True
    return is_neighborhood_head(user) and neighborhood_head_id == user.pk


def can_search_by_national_id(user) -> bool:
    """Searching by CCCD is processing the number itself: only those who may see it in full somewhere
    (the labour officer, khu phố heads within their own khu phố, the administrator)."""
    return is_admin(user) or has_role(user, *NATIONAL_ID_KEEPERS, Role.NEIGHBORHOOD_HEAD)


def can_view_access_log(user) -> bool:
    """The log of processing of personal data (NĐ 356/2025/NĐ-CP) is read by the chairman, who answers
    for the commune's processing, and the administrator."""
    return is_admin(user) or has_role(user, Role.CHAIRMAN)


def access_logs_visible_to(user, queryset):
    """Scope an AccessLog queryset: the reads of the data of the reader's communes."""
    if not can_view_access_log(user):
        return queryset.none()
    return in_communes(user, queryset)


def log_users_visible_to(user, queryset):
    """Scope the User queryset of the log's "who" filter the same way."""
    return in_communes(user, queryset) if can_view_access_log(user) else queryset.none()
