"""Reads of the budget: the per-component budget table, a component's money by funding source,
estimates with their lines and disbursements, and the accountant's and chairman's to-do lists.

Figures are aggregates in the database (``Sum`` grouped by component or source), never Python loops
over records. A component is matched by its project/sub-project within the commune's plans of that
year, so records made against an amended plan's earlier version still count."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from programs.models import (
    Allocation,
    Disbursement,
    Estimate,
    EstimateLine,
    EstimateStatus,
    FundingSource,
    PlanComponent,
)
from programs.queries.plans import components_of_year, same_component_ids
from thoxuan_gnbv import access


@dataclass
class BudgetRow:
    label: str
    allocated: int = 0
    estimated: int = 0
    disbursed: int = 0
    component: PlanComponent | None = None

    @property
    def rate(self) -> float | None:
        """Disbursed as a share of what was allocated (tỷ lệ giải ngân)."""
        return self.disbursed / self.allocated if self.allocated else None

    today: datetime.date | None = None  # set where the row can be late (a component with a deadline)

    @property
    def remaining(self) -> int:
        return self.allocated - self.disbursed

    @property
    def over(self) -> bool:
        """Paid out more than allocated (over 100 %): shown as "vượt …", never as a negative remainder."""
        return self.disbursed > self.allocated

    @property
    def overrun(self) -> int:
        return max(self.disbursed - self.allocated, 0)

    @property
    def estimate_over(self) -> bool:
        """Approved estimates hold more than was allocated (the allocation was lowered afterwards)."""
        return self.estimated > self.allocated

    @property
    def past_deadline(self) -> bool:
        """The component's deadline (thời hạn hoàn thành) has passed with allocated money not paid out."""
        deadline = self.component.deadline if self.component else None
        return bool(deadline and self.today and deadline < self.today and self.remaining > 0)

    @classmethod
    def total_of(cls, rows) -> "BudgetRow":
        """The "Tổng cộng" row: each column summed over ``rows``."""
        return cls(
            "Tổng cộng",
            sum(r.allocated for r in rows),
            sum(r.estimated for r in rows),
            sum(r.disbursed for r in rows),
        )


def _key(project_number, subproject_number) -> str:
    return f"{project_number}.{subproject_number}" if subproject_number else str(project_number)


def _grouped(queryset, prefix: str, amount) -> dict[str, int]:
    rows = queryset.values(f"{prefix}project__number", f"{prefix}subproject__number").annotate(
        total=Sum(amount)
    )
    return {
        _key(r[f"{prefix}project__number"], r[f"{prefix}subproject__number"]): r["total"] or 0 for r in rows
    }


def budget_table(commune, year: int, *, today=None) -> tuple[list[BudgetRow], BudgetRow]:
    """Per component of the year's plan: allocated, estimated (approved), disbursed, rate, remaining,
    with the flags over 100 % and past the deadline on ``today``; plus the total row. Four queries
    whatever the number of components."""
    today = today or timezone.localdate()
    components = components_of_year(commune, year)
    in_year = {"plan__commune": commune, "plan__year": year}
    allocated = _grouped(
        Allocation.objects.filter(**{f"component__{k}": v for k, v in in_year.items()}),
        "component__",
        "amount",
    )
    estimated = _grouped(
        EstimateLine.objects.filter(
            estimate__status=EstimateStatus.APPROVED, **{f"component__{k}": v for k, v in in_year.items()}
        ),
        "component__",
        "amount",
    )
    disbursed = _grouped(
        Disbursement.objects.filter(**{f"line__component__{k}": v for k, v in in_year.items()}),
        "line__component__",
        "amount",
    )
    rows = [
        BudgetRow(
            label=str(c),
            allocated=allocated.get(c.code, 0),
            estimated=estimated.get(c.code, 0),
            disbursed=disbursed.get(c.code, 0),
            component=c,
            today=today,
        )
        for c in components
    ]
    return rows, BudgetRow.total_of(rows)


@dataclass
class BudgetFlags:
    """What the budget page and the dashboard put in red above the table."""

    over: list[BudgetRow]
    late: list[BudgetRow]


def budget_flags(rows: list[BudgetRow]) -> BudgetFlags:
    return BudgetFlags([r for r in rows if r.over], [r for r in rows if r.past_deadline])


def component_budget_by_source(component, component_ids=None) -> tuple[list[BudgetRow], BudgetRow]:
    """One component's allocated / estimated / disbursed by funding source, three queries."""
    ids = component_ids if component_ids is not None else same_component_ids(component)
    allocated = dict(
        Allocation.objects.filter(component_id__in=ids).values_list("source").annotate(t=Sum("amount"))
    )
    estimated = dict(
        EstimateLine.objects.filter(component_id__in=ids, estimate__status=EstimateStatus.APPROVED)
        .values_list("source")
        .annotate(t=Sum("amount"))
    )
    disbursed = dict(
        Disbursement.objects.filter(line__component_id__in=ids)
        .values_list("line__source")
        .annotate(t=Sum("amount"))
    )
    rows = [
        BudgetRow(
            label, allocated.get(source, 0) or 0, estimated.get(source, 0) or 0, disbursed.get(source, 0) or 0
        )
        for source, label in FundingSource.choices
    ]
    return rows, BudgetRow.total_of(rows)


def estimates_for_list(commune, year=None):
    queryset = Estimate.objects.filter(commune=commune).select_related("prepared_by", "approved_by")
    if year:
        queryset = queryset.filter(year=year)
    return queryset.annotate(
        total=Coalesce(Sum("lines__amount"), Value(0)),
        disbursed=Coalesce(Sum("lines__disbursed_amount"), Value(0)),
    ).order_by("-year", "-pk")


def get_estimate(user, pk: int) -> Estimate:
    """An estimate of the user's communes (404 otherwise)."""
    return get_object_or_404(
        access.estimates_visible_to(user, Estimate.objects.all()).select_related(
            "prepared_by", "approved_by", "commune"
        ),
        pk=pk,
    )


def get_estimate_line(user, pk: int) -> EstimateLine:
    """An estimate line of the user's communes (404 otherwise)."""
    return get_object_or_404(
        access.estimate_lines_visible_to(user, EstimateLine.objects.all()).select_related(
            "estimate", "component__project", "component__subproject"
        ),
        pk=pk,
    )


def estimate_lines(estimate):
    return list(
        estimate.lines.select_related("component__project", "component__subproject")
        .annotate(disbursement_count=Count("disbursements", filter=Q(disbursements__voided_at__isnull=True)))
        .order_by("component__position", "source", "pk")
    )


def disbursements_of(estimate):
    return list(Disbursement.objects.filter(line__estimate=estimate).for_list().order_by("-paid_on", "-pk"))


def estimates_awaiting_approval(user):
    if not access.is_approver(user):
        return Estimate.objects.none()
    return access.estimates_visible_to(user, Estimate.objects.awaiting_approval()).order_by("year", "pk")


def estimates_returned(user):
    """For the accountant: estimates the chairman sent back, to fix and submit again."""
    if not access.can_prepare_estimate(user):
        return Estimate.objects.none()
    return access.estimates_visible_to(
        user, Estimate.objects.filter(status=EstimateStatus.RETURNED)
    ).order_by("year", "pk")


def lines_open_for_disbursement(user):
    """For the accountant: approved lines with money left to pay out."""
    if not access.can_record_disbursement(user):
        return EstimateLine.objects.none()
    return (
        access.estimate_lines_visible_to(
            user,
            EstimateLine.objects.filter(
                estimate__status=EstimateStatus.APPROVED, disbursed_amount__lt=F("amount")
            ),
        )
        .select_related("estimate", "component__project", "component__subproject")
        .order_by("estimate__year", "estimate_id", "pk")
    )
