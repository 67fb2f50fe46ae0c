"""Reads behind the allocation cap: what each component and source was allocated, what estimates
already hold of it, and the comparison the chairman sees before approving an estimate.

A component is keyed by its code ("3.1") within the commune's year, so records made against an
amended plan's earlier version still count. Each function is one or two aggregate queries, whatever
the number of lines."""

from dataclasses import dataclass

from django.db.models import Sum

from programs.models import BudgetAccount, EstimateLine, EstimateStatus, FundingSource

Key = tuple[str, str]  # (component code, funding source)


def _code(project_number, subproject_number) -> str:
    return f"{project_number}.{subproject_number}" if subproject_number else str(project_number)


def allocated_by_key(commune, year: int) -> dict[Key, int]:
    """Allocated total per (code, source) of the commune's year, from the budget accounts."""
    rows = BudgetAccount.objects.filter(commune=commune, year=year).values_list(
        "component_code", "source", "allocated"
    )
    return {(code, source): allocated for code, source, allocated in rows}


def held_by_key(commune, year: int, *, statuses, exclude_estimate=None) -> dict[Key, int]:
    """What estimates in ``statuses`` (other than ``exclude_estimate``) hold per (code, source)."""
    lines = EstimateLine.objects.filter(
        estimate__commune=commune, estimate__year=year, estimate__status__in=statuses
    )
    if exclude_estimate is not None:
        lines = lines.exclude(estimate=exclude_estimate)
    rows = lines.values("component__project__number", "component__subproject__number", "source").annotate(
        total=Sum("amount")
    )
    return {
        (_code(r["component__project__number"], r["component__subproject__number"]), r["source"]): r["total"]
        for r in rows
    }


def account_of_line(line) -> BudgetAccount | None:
    """The budget account (component and source of the year) a payment against ``line`` draws on."""
    return BudgetAccount.objects.filter(
        commune_id=line.estimate.commune_id,
        year=line.estimate.year,
        component_code=line.component.code,
        source=line.source,
    ).first()


@dataclass
class CapRow:
    """One component and source of an estimate against its allocation."""

    label: str
    source_label: str
    allocated: int
    held: int  # by earlier approved estimates
    this: int  # this estimate's lines

    @property
    def remaining_after(self) -> int:
        return self.allocated - self.held - self.this

    shortfall_of_rows: int | None = None  # the total row: the shortfalls of the rows over, summed

    @property
    def shortfall(self) -> int:
        if self.shortfall_of_rows is not None:
            return self.shortfall_of_rows
        return max(-self.remaining_after, 0)

    @property
    def over(self) -> bool:
        return self.shortfall > 0


def estimate_against_allocation(estimate, lines) -> tuple[list[CapRow], CapRow]:
    """Totals of ``lines`` (the estimate's, already read) by component and source, with what was
    allocated, what earlier approved estimates hold and what remains after this one; plus the total
    row. Two queries."""
    allocated = allocated_by_key(estimate.commune_id, estimate.year)
    held = held_by_key(
        estimate.commune_id, estimate.year, statuses=(EstimateStatus.APPROVED,), exclude_estimate=estimate
    )
    sources = dict(FundingSource.choices)
    rows: dict[Key, CapRow] = {}
    for line in lines:
        key = (line.component.code, line.source)
        if key not in rows:
            rows[key] = CapRow(
                str(line.component), sources[line.source], allocated.get(key, 0), held.get(key, 0), 0
            )
        rows[key].this += line.amount
    result = list(rows.values())
    total = CapRow(
        "Tổng cộng",
        "",
        sum(r.allocated for r in result),
        sum(r.held for r in result),
        sum(r.this for r in result),
        # One component's room never covers another's shortfall: the total says what is missing.
        shortfall_of_rows=sum(r.shortfall for r in result),
    )
    return result, total
