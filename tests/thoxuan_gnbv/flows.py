"""The five approval flows seen the same way, so one test can run over all of them.

Each ``Flow`` builds a submitted document through its own services (the way officers reach that
state), knows who submits and who decides, how a service approves and returns it, the extra fields
an approval carries, a text field to try editing, a child (if the flow has children) and its admin
pages. ``World`` is the commune and the personas a flow needs.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from households.models import Category, Review, ReviewRound, RoundStatus
from households.services import review as review_services
from programs.models import Estimate, EstimateLine, EstimateStatus, FundingSource, Plan, PlanStatus, Recipient
from programs.services import budget as budget_services
from programs.services import plans as plan_services
from reporting import services as reporting_services
from reporting.models import CompiledReport, CompiledStatus, Report, ReportStatus
from tests.households.factories import HouseholdFactory
from tests.programs.delivery.factories import components_by_code
from tests.programs.factories import make_submitted
from tests.reporting.factories import component, make_reporting_plan, open_period


@dataclass(frozen=True)
class Flow:
    name: str
    model: type
    submitted: str
    approved: str
    returned: str
    edit_field: str
    admin: str  # "app_label_modelname"
    child_name: str = ""  # attribute of the document holding the child queryset

    # --- builders (overridden per flow below) ---
    def make_submitted(self, w):
        raise NotImplementedError

    def submitter(self, w):
        raise NotImplementedError

    def decider(self, w):
        raise NotImplementedError

    def approve(self, doc, w):
        raise NotImplementedError

    def return_(self, doc, w, comment):
        raise NotImplementedError

    def edit_by_service(self, doc, w):
        raise NotImplementedError

    def approval_changes(self) -> dict:
        return {}

    def new_child(self, doc, w):
        """An unsaved child of ``doc`` (flows with children only)."""
        raise NotImplementedError

    def comment_required(self) -> bool:
        return True

    def make_approved(self, w):
        return self.approve(self.make_submitted(w), w)


class PlanFlow(Flow):
    def make_submitted(self, w):
        return make_submitted(w.commune, w.labour_officer, w.peoples_committee)

    def submitter(self, w):
        return w.labour_officer

    def decider(self, w):
        return w.chairman

    def approve(self, doc, w):
        return plan_services.plan_approve(plan=doc, user=w.chairman)

    def return_(self, doc, w, comment):
        return plan_services.plan_return(plan=doc, user=w.chairman, comment=comment)

    def edit_by_service(self, doc, w):
        return plan_services.plan_update(plan=doc, user=w.labour_officer, general_goal="Sửa sau phê duyệt")

    def new_child(self, doc, w):
        return Recipient(plan=doc, position=9, name="Nơi nhận thêm")


class EstimateFlow(Flow):
    def make_submitted(self, w):
        plan = make_reporting_plan(
            w.commune, approver=w.chairman, author=w.labour_officer, lead_unit=w.peoples_committee
        )
        components = components_by_code(plan)
        # The allocation an estimate line must fit in (Luật NSNN 2015, Điều 12 khoản 2).
        budget_services.allocation_record(
            component=components["3.1"],
            source=FundingSource.CENTRAL,
            amount="10.000.000",
            decision_number="03/QĐ-UBND",
            decision_date=datetime.date(2024, 1, 10),
            user=w.accountant,
        )
        estimate = budget_services.estimate_create(
            commune=w.commune, year=2024, title="Dự toán năm 2024", user=w.accountant
        )
        budget_services.estimate_line_add(
            estimate=estimate,
            component=components["3.1"],
            source=FundingSource.CENTRAL,
            content="Hỗ trợ giống",
            amount="10.000.000",
            user=w.accountant,
        )
        return budget_services.estimate_submit(estimate=estimate, user=w.accountant)

    def submitter(self, w):
        return w.accountant

    def decider(self, w):
        return w.chairman

    def approve(self, doc, w):
        return budget_services.estimate_approve(estimate=doc, user=w.chairman)

    def return_(self, doc, w, comment):
        return budget_services.estimate_return(estimate=doc, user=w.chairman, comment=comment)

    def edit_by_service(self, doc, w):
        line = doc.lines.get()
        return budget_services.estimate_line_add(
            estimate=doc,
            component=line.component,
            source=FundingSource.LOCAL,
            content="Thêm dòng",
            amount="1.000.000",
            user=w.accountant,
        )

    def new_child(self, doc, w):
        line = doc.lines.get()
        return EstimateLine(
            estimate=doc, component=line.component, source=FundingSource.LOCAL, content="Thêm", amount=1
        )


class RoundFlow(Flow):
    def make_submitted(self, w):
        review_round = review_services.review_round_open(
            commune=w.commune,
            year=2024,
            user=w.labour_officer,
            history_reason="Nhập kết quả đã rà soát trên giấy",
        )
        household = HouseholdFactory(neighborhood=w.neighborhood1)
        review_services.review_record(
            review_round=review_round,
            household=household,
            user=w.labour_officer,
            deprivations=["employment", "housing_area", "latrine"],
            income=1_900_000,
        )
        return review_services.review_round_submit(review_round=review_round, user=w.labour_officer)

    def submitter(self, w):
        return w.labour_officer

    def decider(self, w):
        return w.chairman

    def approve(self, doc, w):
        return review_services.review_round_approve(
            review_round=doc,
            user=w.chairman,
            decision_number="12/QĐ-UBND",
            decision_date=timezone.localdate(),
        )

    def return_(self, doc, w, comment):
        return review_services.review_round_return(review_round=doc, user=w.chairman, note=comment)

    def approval_changes(self):
        return {"decision_number": "12/QĐ-UBND", "decision_date": timezone.localdate()}

    def edit_by_service(self, doc, w):
        review = doc.reviews.select_related("household").get()
        return review_services.review_record(
            review_round=doc,
            household=review.household,
            user=w.labour_officer,
            deprivations=[],
            income=9_000_000,
        )

    def new_child(self, doc, w):
        other = HouseholdFactory(neighborhood=w.neighborhood1)
        existing = doc.reviews.get()
        return Review(
            household=other,
            round=doc,
            year=doc.year,
            standard=existing.standard,
            income=1,
            category=Category.POOR,
        )

    def comment_required(self):
        return False


class ReportFlow(Flow):
    def make_submitted(self, w):
        plan = make_reporting_plan(
            w.commune,
            approver=w.chairman,
            author=w.labour_officer,
            lead_unit=w.peoples_committee,
            health_unit=w.health_unit,
        )
        period = open_period(w.commune, "2024-Q1")
        report = reporting_services.report_open(
            period=period, component=component(plan, "3.2"), user=w.health_station
        )
        report = reporting_services.report_update(
            report=report, user=w.health_station, results="Cấp 20 suất.", problems="", proposals=""
        )
        return reporting_services.report_submit(report=report, user=w.health_station)

    def submitter(self, w):
        return w.health_station

    def decider(self, w):
        return w.labour_officer

    def approve(self, doc, w):
        return reporting_services.report_accept(report=doc, user=w.labour_officer)

    def return_(self, doc, w, comment):
        return reporting_services.report_return(report=doc, user=w.labour_officer, comment=comment)

    def edit_by_service(self, doc, w):
        return reporting_services.report_update(
            report=doc, user=w.health_station, results="Sửa sau tiếp nhận", problems="", proposals=""
        )


class CompiledFlow(Flow):
    def make_submitted(self, w):
        make_reporting_plan(
            w.commune, approver=w.chairman, author=w.labour_officer, lead_unit=w.peoples_committee
        )
        period = open_period(w.commune, "2024-Q1")
        compiled = reporting_services.compiled_open(period=period, user=w.labour_officer)
        compiled = reporting_services.compiled_update(
            compiled=compiled,
            user=w.labour_officer,
            general_situation="Tình hình ổn định.",
            steering="Đã ban hành kế hoạch, phân công đơn vị chủ trì.",
            problems="Không có.",
            proposals="Không có.",
        )
        return reporting_services.compiled_submit(compiled=compiled, user=w.labour_officer)

    def submitter(self, w):
        return w.labour_officer

    def decider(self, w):
        return w.chairman

    def approve(self, doc, w):
        return reporting_services.compiled_approve(
            compiled=doc, user=w.chairman, document_number="45", issued_on=timezone.localdate()
        )

    def return_(self, doc, w, comment):
        return reporting_services.compiled_return(compiled=doc, user=w.chairman, comment=comment)

    def approval_changes(self):
        return {"document_number": "45", "issued_on": timezone.localdate()}

    def edit_by_service(self, doc, w):
        return reporting_services.compiled_update(
            compiled=doc, user=w.labour_officer, results="Sửa sau phê duyệt"
        )


PLAN = PlanFlow(
    "plan",
    Plan,
    PlanStatus.SUBMITTED,
    PlanStatus.APPROVED,
    PlanStatus.RETURNED,
    "title",
    "programs_plan",
    child_name="recipients",
)
ESTIMATE = EstimateFlow(
    "estimate",
    Estimate,
    EstimateStatus.SUBMITTED,
    EstimateStatus.APPROVED,
    EstimateStatus.RETURNED,
    "title",
    "programs_estimate",
    child_name="lines",
)
ROUND = RoundFlow(
    "review_round",
    ReviewRound,
    RoundStatus.SUBMITTED,
    RoundStatus.APPROVED,
    RoundStatus.OPEN,
    "note",
    "households_reviewround",
    child_name="reviews",
)
REPORT = ReportFlow(
    "report",
    Report,
    ReportStatus.SUBMITTED,
    ReportStatus.ACCEPTED,
    ReportStatus.RETURNED,
    "results",
    "reporting_report",
)
COMPILED = CompiledFlow(
    "compiled_report",
    CompiledReport,
    CompiledStatus.SUBMITTED,
    CompiledStatus.APPROVED,
    CompiledStatus.RETURNED,
    "general_situation",
    "reporting_compiledreport",
)

FLOWS = [PLAN, ESTIMATE, ROUND, REPORT, COMPILED]
WITH_CHILDREN = [flow for flow in FLOWS if flow.child_name]
