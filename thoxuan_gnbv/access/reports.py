"""Unit reports, compiled reports, jobs and the dashboard (reporting app)."""

from django.db.models import Q

from thoxuan_gnbv.access.base import (
    APPROVERS,
    COMMUNE_OFFICERS,
    OBSERVERS,
    commune_ids_of,
    covers_commune,
    has_role,
    in_communes,
    is_admin,
    is_approver,
    is_province_viewer,
    is_read_only,
    role_of,
)
from thoxuan_gnbv.access.programs import can_record_delivery
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.statuses import COMPILED_EDITABLE, REPORT_EDITABLE, CompiledStatus, ReportStatus

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
    sees every job), and only of the user's communes. A province's job (the province workbook) is
    seen by a viewer of that province only, never by a commune's users."""
    if is_province_viewer(user):
        # Their province's jobs, and the jobs of the commune they opened (a large review export).
        queryset = queryset.filter(Q(province_id=user.province_id) | Q(commune__in=commune_ids_of(user)))
    else:
        queryset = in_communes(user, queryset, "commune")
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
