"""The access table: for every URL name in the resolver, what each role gets on GET and on POST.

Derived from the rules in ``thoxuan_gnbv/access/`` (their docstrings), not from what the views
happen to do. A cell is a status code, or ``"→<url name>"`` for a redirect and where it leads.

Each row names the objects its URL takes (keys of ``tests.thoxuan_gnbv.world.World.objects``, or a
literal after ``=``) and, per method, a default ``"*"`` with the roles that differ. Anonymous and
inactive users are sent to the login page unless a row says otherwise. A new role column is one line
in ``ROLES`` (and its user in ``world.STAFF``); it gets each row's default until a row names it.

``DEVIATIONS`` lists the cells where the code disagrees with the rule (none today): the test expects
the observed answer there, so the table stays honest and a fix shows up as a failing cell to update."""

from dataclasses import dataclass

LOGIN = "→login"

ROLES = (
    "anonymous",
    "inactive",
    "chairman",
    "vice_chairman",
    "labour",
    "agriculture",
    "culture",
    "health",
    "accountant",
    "head1",
    "head2",
    "front",
    "upper",
    "admin",
    "other",
)
SIGNED_OUT = ("anonymous", "inactive")
OTHER_COMMUNE = "other"
APPROVERS = ("chairman", "vice_chairman")
# access.COMMUNE_OFFICERS
OFFICERS = (*APPROVERS, "labour", "agriculture", "culture", "health", "accountant")
HEADS = ("head1", "head2")
OBSERVERS = ("front", "upper")  # access.OBSERVERS: read only
# access.DELIVERY_RECORDERS
RECORDERS = ("labour", "agriculture", "culture", "health")
# access.BUDGET_READERS and the administrator
BUDGET = (*APPROVERS, "accountant", "labour", *OBSERVERS, "admin")
# Who reads the commune's reports (access.can_view_reports) and households (can_view_households).
REPORT_READERS = (*OFFICERS, *OBSERVERS, "admin")
HOUSEHOLD_READERS = (*REPORT_READERS, *HEADS)


def allow(*roles, ok=200, no=403, **others) -> dict:
    """``ok`` for ``roles``, ``no`` for everyone else; ``others`` maps a role to its own answer."""
    return {"*": no} | dict.fromkeys(roles, ok) | others


def same(answer) -> dict:
    return {"*": answer}


@dataclass(frozen=True)
class Row:
    kwargs: dict
    get: dict
    # None: POST answers as GET does (a page that reads no body).
    post: dict | None = None

    def expected(self, role: str, method: str):
        cells = self.get if method == "get" or self.post is None else self.post
        if role in cells:
            return cells[role]
        if role == OTHER_COMMUNE:
            return self._other_commune(method)
        return LOGIN if role in SIGNED_OUT else cells["*"]

    def _other_commune(self, method: str):
        """The labour officer of another commune: what the labour officer gets on a page without an
        object (lists show that commune's own data), and 404 on any object of this one, as if it did
        not exist (the commune seam: access.commune_ids_of)."""
        answer = self.expected("labour", method)
        if not self.kwargs or answer in (405, LOGIN):
            return answer
        return 404


def page(kwargs=None, **rule) -> Row:
    return Row(kwargs or {}, rule.get("get") or allow(*rule["roles"], **rule.get("others", {})))


def action(kwargs, post: dict) -> Row:
    """A POST-only route: GET is 405 for a signed-in user."""
    return Row(kwargs, same(405), post)


HOUSEHOLD = {"pk": "household"}
DRAFT_PLAN = {"pk": "draft_plan"}
PART = {"pk": "draft_plan", "kind": "=bases", "part_pk": "draft_base"}
COMPILED = {"pk": "compiled"}
APPROVED_ROUND = {"pk": "approved_round"}
REVIEW_DOWNLOADERS = (*APPROVERS, "labour", *OBSERVERS, "admin")
SUPPORT_ROW = {"kind": "=support", "pk": "support"}
# Heads see no report at all; a report's actions look it up in scope first, so they get 404 there.
REPORT_ACTION_SCOPE = dict.fromkeys(HEADS, 404)
# Drafts and submitted plans stay inside the People's Committee (access.plans_visible_to).
UNSEEN_BY_HEADS = dict.fromkeys(HEADS, 404)
UNSEEN = dict.fromkeys((*HEADS, *OBSERVERS), 404)

ROUTES = {
    # --- foundation -------------------------------------------------------------------------------
    "home": page(get=same(200)),
    "login": Row({}, {"*": "→home", "anonymous": 200, "inactive": 200}),
    "logout": Row({}, same(405), {"*": LOGIN}),
    # Every signed-in user changes their own password and may enrol a second factor.
    "password_change": page(get=same(200)),
    "password_change_done": Row({}, same(200), same(405)),
    "otp_enrol": page(get=same(200)),
    # Without an enrolled authenticator the code page sends the user to enrolment first.
    "otp_verify": page(get=same("→otp_enrol")),
    # Health is for the monitoring probe: open, no personal data.
    "health": Row(
        {}, {"*": 200, "anonymous": 200, "inactive": 200}, {"*": 405, "anonymous": 405, "inactive": 405}
    ),
    # The log of processing of personal data: the chairman and the administrator (NĐ 356/2025/NĐ-CP).
    "access_log": page(roles=("chairman", "admin")),
    # --- households: the registry (labour officer everywhere, a khu phố head in their own) ---------
    "households:household_list": page(roles=HOUSEHOLD_READERS),
    "households:household_create": page(roles=("labour", *HEADS, "admin")),
    "households:household_detail": page(HOUSEHOLD, roles=HOUSEHOLD_READERS, others={"head2": 404}),
    "households:household_edit": page(HOUSEHOLD, roles=("labour", "head1", "admin"), others={"head2": 404}),
    "households:member_create": page(HOUSEHOLD, roles=("labour", "head1", "admin"), others={"head2": 404}),
    "households:member_edit": page(
        {"pk": "member"}, roles=("labour", "head1", "admin"), others={"head2": 404}
    ),
    "households:review_record": page(HOUSEHOLD, roles=("labour", "head1", "admin"), others={"head2": 404}),
    "households:review_preview": action(HOUSEHOLD, allow("labour", "head1", "admin", head2=404)),
    "households:household_import": page(roles=("labour", "admin")),
    # The preview reads the pending upload from the session: with none, back to the upload page.
    "households:household_import_preview": page(
        get=allow("labour", "admin", ok="→households:household_import")
    ),
    "households:household_import_confirm": action(
        {}, allow("labour", "admin", ok="→households:household_import")
    ),
    # The blank template holds no personal data, but only who imports needs it.
    "households:household_import_template": page(roles=("labour", "admin")),
    "households:household_export": page(roles=("labour", *APPROVERS, *HEADS, "admin")),
    "households:round_list": page(roles=HOUSEHOLD_READERS),
    "households:round_open": action({}, allow("labour", "admin", ok="→households:round_list")),
    "households:round_detail": page({"pk": "round"}, roles=HOUSEHOLD_READERS),
    "households:round_submit": action(
        {"pk": "round"}, allow("labour", "admin", ok="→households:round_detail")
    ),
    "households:round_approve": action({"pk": "round"}, allow(*APPROVERS, ok="→households:round_detail")),
    "households:round_return": action({"pk": "round"}, allow(*APPROVERS, ok="→households:round_detail")),
    # The stages of a round (QĐ 24/2021 Điều 4): the labour officer records them; every action
    # redirects back to the round page, with the refusal flashed when the stage does not allow it.
    "households:round_cancel": action(
        {"pk": "round"}, allow("labour", "admin", ok="→households:round_detail")
    ),
    "households:round_list_add": action(
        {"pk": "round"}, allow("labour", "admin", ok="→households:round_detail")
    ),
    "households:round_to_meetings": action(
        {"pk": "round"}, allow("labour", "admin", ok="→households:round_detail")
    ),
    "households:meeting_create": page(
        {"pk": "round", "neighborhood_pk": "neighborhood"}, roles=("labour", "admin")
    ),
    "households:posting_start": action(
        {"pk": "round"}, allow("labour", "admin", ok="→households:round_detail")
    ),
    "households:posting_repeat": action(
        {"pk": "round"}, allow("labour", "admin", ok="→households:round_detail")
    ),
    "households:complaint_create": action(
        {"pk": "round"}, allow("labour", "admin", ok="→households:round_detail")
    ),
    # Phiếu A of one listed household: whoever records its review (labour officer, its khu phố head).
    "households:quick_screen_edit": page(
        {"pk": "entry"}, roles=("labour", "head1", "admin"), others={"head2": 404}
    ),
    "households:complaint_resolve": action(
        {"pk": "complaint"}, allow("labour", "admin", ok="→households:round_detail")
    ),
    "households:movement_table": page(roles=HOUSEHOLD_READERS),
    # --- households: ongoing reviews (QĐ 24/2021 Điều 5): the labour officer records and posts, the
    # household's keeper surveys, an approver decides; an invalid step form re-renders (200).
    "households:request_list": page(roles=HOUSEHOLD_READERS),
    "households:request_create": page(roles=("labour", "admin")),
    "households:request_detail": page(
        {"pk": "received_request"}, roles=HOUSEHOLD_READERS, others={"head2": 404}
    ),
    "households:request_survey": action(
        {"pk": "received_request"}, allow("labour", "head1", "admin", head2=404)
    ),
    "households:request_post": action({"pk": "surveyed_request"}, allow("labour", "admin", head2=404)),
    "households:request_decide": action({"pk": "posted_request"}, allow(*APPROVERS, head2=404)),
    # --- programs: plans (the labour officer drafts, an approver approves; drafts stay inside) ------
    "programs:plan_list": page(roles=HOUSEHOLD_READERS),
    "programs:plan_create": page(roles=("labour",)),
    "programs:plan_detail": page({"pk": "plan"}, roles=HOUSEHOLD_READERS),
    "programs:plan_edit": page(DRAFT_PLAN, roles=("labour",), others=UNSEEN),
    # Observers are refused as read-only (403) before the scope hides the draft from them.
    "programs:plan_submit": action(
        DRAFT_PLAN, allow("labour", ok="→programs:plan_detail", **UNSEEN_BY_HEADS)
    ),
    "programs:plan_return": action({"pk": "submitted_plan"}, allow(*APPROVERS, ok=400, **UNSEEN_BY_HEADS)),
    "programs:plan_approve": action(
        {"pk": "submitted_plan"}, allow(*APPROVERS, ok="→programs:plan_detail", **UNSEEN_BY_HEADS)
    ),
    "programs:plan_issue": action({"pk": "plan"}, allow(*APPROVERS, "labour", ok=400)),
    "programs:plan_amend": action({"pk": "plan"}, allow("labour", ok="→programs:plan_detail")),
    "programs:plan_copy_to_next_year": action({"pk": "plan"}, allow("labour", ok="→programs:plan_detail")),
    "programs:plan_part_create": page(
        {"pk": "draft_plan", "kind": "=bases"}, roles=("labour",), others=UNSEEN
    ),
    "programs:plan_part_edit": page(PART, roles=("labour",), others=UNSEEN),
    "programs:plan_part_delete": action(PART, allow("labour", ok="→programs:plan_detail", **UNSEEN)),
    "programs:plan_part_move": action(
        {**PART, "direction": "=down"},
        allow("labour", ok="→programs:plan_detail", **UNSEEN),
    ),
    # --- programs: delivery (the component's officer records; heads see their khu phố's support) ----
    "programs:support_list": page(roles=HOUSEHOLD_READERS),
    "programs:support_create": page(roles=RECORDERS),
    "programs:support_exceptions": page(roles=HOUSEHOLD_READERS),
    # No repayment is due on this support, so nobody posts to it.
    "programs:support_detail": Row({"pk": "support"}, allow(*HOUSEHOLD_READERS, head2=404), allow(head2=404)),
    "programs:activity_list": page(roles=REPORT_READERS),
    "programs:activity_create": page(roles=RECORDERS),
    "programs:activity_detail": page({"pk": "activity"}, roles=REPORT_READERS),
    "programs:component_overview": page({"pk": "component"}, roles=REPORT_READERS),
    # --- programs: budget (the accountant prepares and pays, an approver approves) ------------------
    "programs:budget_overview": page(roles=BUDGET),
    "programs:allocation_create": page(roles=("accountant",)),
    "programs:estimate_create": page(roles=("accountant",)),
    "programs:estimate_detail": page({"pk": "draft_estimate"}, roles=BUDGET),
    "programs:estimate_line_add": action({"pk": "draft_estimate"}, allow("accountant", ok=400)),
    "programs:estimate_line_delete": action(
        {"pk": "draft_estimate", "line_pk": "draft_line"}, allow("accountant", ok="→programs:estimate_detail")
    ),
    "programs:estimate_submit": action(
        {"pk": "draft_estimate"}, allow("accountant", ok="→programs:estimate_detail")
    ),
    "programs:estimate_return": action({"pk": "submitted_estimate"}, allow(*APPROVERS, ok=400)),
    "programs:estimate_approve": action(
        {"pk": "submitted_estimate"}, allow(*APPROVERS, ok="→programs:estimate_detail")
    ),
    "programs:disbursement_create": page({"line_pk": "approved_line"}, roles=("accountant",)),
    # --- programs: corrections (the role that records a kind corrects it; approvers decide requests) --
    # The support is the health station's (Dự án 3 – TDA 2); heads see only their own khu phố's support.
    "programs:correction_row": Row(SUPPORT_ROW, allow(*HOUSEHOLD_READERS, head2=404)),
    "programs:correction_edit": Row(SUPPORT_ROW, allow("health", head2=404)),
    "programs:correction_void": Row(SUPPORT_ROW, allow("health", head2=404)),
    "programs:correction_list": page(roles=REPORT_READERS),
    "programs:correction_detail": Row({"pk": "correction"}, allow(*REPORT_READERS)),
    # Heads see no correction at all; the decisions look the request up in scope first (404).
    "programs:correction_approve": action(
        {"pk": "correction"}, allow(*APPROVERS, ok="→programs:correction_detail", **UNSEEN_BY_HEADS)
    ),
    "programs:correction_refuse": action(
        {"pk": "correction"}, allow(*APPROVERS, ok="→programs:correction_detail", **UNSEEN_BY_HEADS)
    ),
    # --- reporting ----------------------------------------------------------------------------------
    "reporting:plan_document": page({"pk": "plan"}, roles=HOUSEHOLD_READERS),
    # The minutes list the heads of households of one khu phố: its own head only among the heads.
    "reporting:meeting_minutes_pdf": page({"pk": "meeting"}, roles=HOUSEHOLD_READERS, others={"head2": 404}),
    "reporting:plan_pdf": page({"pk": "plan"}, roles=HOUSEHOLD_READERS),
    # Certificates (QĐ 24/2021 Mẫu số 03): printed by the People's Committee, never by heads or observers.
    "reporting:certificate_household": page(
        HOUSEHOLD, roles=(*APPROVERS, "labour", "admin"), others={"head2": 404}
    ),
    "reporting:certificate_list": page({"pk": "approved_round"}, roles=(*APPROVERS, "labour", "admin")),
    "reporting:calendar": page(roles=REPORT_READERS),
    "reporting:dashboard": page(roles=(*APPROVERS, "labour", *OBSERVERS, "admin")),
    # The report of Dự án 3 – TDA 2 is the health station's (section III of the plan).
    "reporting:report_start": action(
        {"slug": "=2024-Q1", "component_pk": "component"}, allow("health", ok="→reporting:report_detail")
    ),
    # A submitted report: observers read it; its author may no longer change it.
    "reporting:report_detail": Row({"pk": "report"}, allow(*REPORT_READERS), same(403)),
    "reporting:report_accept": action(
        {"pk": "report"}, allow("labour", ok="→reporting:report_detail", **REPORT_ACTION_SCOPE)
    ),
    "reporting:report_return": action(
        {"pk": "report"}, allow("labour", ok="→reporting:report_detail", **REPORT_ACTION_SCOPE)
    ),
    # Result tables of an approved review round: figures on screen for every household reader; the
    # workbook, PDF and decision carry names (access.can_download_review_tables).
    "reporting:review_tables": page(APPROVED_ROUND, roles=HOUSEHOLD_READERS),
    "reporting:review_tables_xlsx": page(APPROVED_ROUND, roles=REVIEW_DOWNLOADERS),
    "reporting:review_tables_pdf": page(APPROVED_ROUND, roles=REVIEW_DOWNLOADERS),
    "reporting:review_decision_pdf": page(APPROVED_ROUND, roles=REVIEW_DOWNLOADERS),
    # A commune without an approved plan for the year: back to the calendar with the reason in Vietnamese.
    "reporting:compiled_start": action(
        {"slug": "=2024-Q1"}, allow("labour", ok="→reporting:compiled_detail", other="→reporting:calendar")
    ),
    # A submitted compiled report: observers see only approved ones (404), the compiler no longer edits.
    "reporting:compiled_detail": Row(
        COMPILED, allow(*OFFICERS, "admin", front=404, upper=404), allow(front=404, upper=404)
    ),
    "reporting:compiled_approve": action(
        COMPILED, allow(*APPROVERS, ok="→reporting:compiled_detail", **UNSEEN)
    ),
    "reporting:compiled_return": action(
        COMPILED, allow(*APPROVERS, ok="→reporting:compiled_detail", **UNSEEN)
    ),
    "reporting:compiled_pdf": page(COMPILED, roles=(*OFFICERS, "admin"), others={"front": 404, "upper": 404}),
    "reporting:compiled_xlsx": page(
        COMPILED, roles=(*OFFICERS, "admin"), others={"front": 404, "upper": 404}
    ),
    # The annex lists households: access.can_export_households.
    "reporting:compiled_pdf_job": action(
        COMPILED,
        allow(*APPROVERS, "labour", "admin", ok="→reporting:job_detail", **UNSEEN),
    ),
    "reporting:compiled_annex_xlsx": action(
        COMPILED,
        allow(*APPROVERS, "labour", "admin", ok="→reporting:job_detail", **UNSEEN),
    ),
    # A job is its requester's (the labour officer) or the administrator's; to anyone else it does not exist.
    "reporting:job_detail": page({"pk": "job"}, roles=("labour", "admin"), others={"*": 404}),
    "reporting:job_download": page({"pk": "job"}, roles=("labour", "admin"), others={"*": 404}),
    # The province level: only a viewer of a province (no role of this table) reaches it; GET only.
    "reporting:province_rollup": Row({}, same(403), same(405)),
    "reporting:province_workbook": Row({}, same(403), same(405)),
    # A province's job: its pages are the province level's; a commune job there does not exist.
    "reporting:province_job": Row({"pk": "job"}, allow(other=403), same(405)),
    "reporting:province_job_download": Row({"pk": "job"}, allow(other=403), same(405)),
    # Refused before any lookup: another commune's user gets 403 too, never a hint the commune exists.
    "reporting:province_commune": Row({"pk": "commune"}, allow(other=403), same(405)),
}

# Cells where the code answers otherwise than the rule above: (route, method) → {role: observed}.
DEVIATIONS: dict = {}
