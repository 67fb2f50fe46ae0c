"""The one place that answers who may see what (*scope*: a QuerySet filter) and who may do what
(*ability*: ``can_<verb>_<noun>`` functions).

Every scope starts from the communes the user covers (``commune_ids_of``): a user of one commune
never sees, nor changes, a row of another, and every per-object ``can_*`` rule asks the same.
Views never test roles themselves: they call these. Domain models are reached through field lookups
only, so this module imports no domain app (``thoxuan_gnbv`` sits below them all); the status values
come from ``thoxuan_gnbv.statuses``, which the domain models re-export.

Split by the app whose rows each rule reads; every name is re-exported here, so callers keep
writing ``access.can_…``.
"""

from thoxuan_gnbv.access.base import (  # noqa: F401
    APPROVERS,
    COMMUNE_OFFICERS,
    OBSERVERS,
    can_use_admin,
    commune_ids_of,
    covers_commune,
    has_role,
    in_communes,
    is_admin,
    is_approver,
    is_neighborhood_head,
    is_province_viewer,
    is_read_only,
    narrow_to,
    role_of,
)
from thoxuan_gnbv.access.households import (  # noqa: F401
    HOUSEHOLD_EDITORS,
    can_approve_review_round,
    can_decide_review_request,
    can_download_review_tables,
    can_edit_household,
    can_edit_households,
    can_export_households,
    can_import_households,
    can_manage_review_rounds,
    can_post_review_request,
    can_print_certificates,
    can_record_review,
    can_record_review_request,
    can_survey_review_request,
    can_view_households,
    can_view_movements,
    can_view_review_requests,
    can_view_review_rounds,
    households_visible_to,
    members_visible_to,
    neighborhoods_visible_to,
    review_requests_visible_to,
    reviews_visible_to,
    rounds_visible_to,
)
from thoxuan_gnbv.access.privacy import (  # noqa: F401
    NATIONAL_ID_KEEPERS,
    access_logs_visible_to,
    can_search_by_national_id,
    can_see_national_id,
    can_see_national_id_in,
    can_view_access_log,
    log_users_visible_to,
)
from thoxuan_gnbv.access.programs import (  # noqa: F401
    BUDGET_READERS,
    DELIVERY_RECORDERS,
    activities_visible_to,
    allocations_visible_to,
    can_amend_plan,
    can_approve_estimate,
    can_approve_plan,
    can_create_plan,
    can_decide_correction,
    can_edit_plan,
    can_issue_plan,
    can_prepare_estimate,
    can_record_allocation,
    can_record_any_delivery,
    can_record_delivery,
    can_record_disbursement,
    can_record_support_exception,
    can_submit_plan,
    can_view_activities,
    can_view_budget,
    can_view_component_overview,
    can_view_corrections,
    can_view_plans,
    can_view_support,
    components_visible_to,
    corrections_visible_to,
    delivery_recorder_role,
    disbursements_visible_to,
    estimate_lines_visible_to,
    estimates_visible_to,
    plans_visible_to,
    supports_visible_to,
)
from thoxuan_gnbv.access.reports import (  # noqa: F401
    can_approve_compiled_report,
    can_compile_report,
    can_edit_report,
    can_review_report,
    can_view_compiled_reports,
    can_view_dashboard,
    can_view_reports,
    can_write_report,
    compiled_reports_visible_to,
    is_report_reviewer,
    jobs_visible_to,
    periods_visible_to,
    reports_reviewable_by,
    reports_visible_to,
)
