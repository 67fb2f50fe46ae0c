"""How far the plan's measurable targets are reached, from the movement table of the plan year's
approved household review as the worker last computed it (``households.stored``): planned vs achieved
for every tracked target and breakdown line (those with a ``metric``).

Each target is scored by its own rule (``Target.counting``): net — the fall in the number of poor
households, start − end (QĐ 24/2021/QĐ-TTg, Điều 2: the plan lowers the rate of poor households) —
or gross, the households that escaped. Breakdown lines ("trong đó … không có khả năng lao động")
split the households that escaped. ``score`` is the one rule the compiled report uses too, so the
plan page and the report never disagree."""

from dataclasses import dataclass

from households.models import Category, ReviewRound, RoundStatus
from households.stored import movement_stored
from programs.models import TargetCounting, TargetMetric

# The figure of the escaped counts each breakdown metric reads.
LINE_FIGURES = {
    TargetMetric.WITHOUT_LABOUR_CAPACITY: "without_labour_capacity",
    TargetMetric.WITH_LABOUR_CAPACITY: "with_labour_capacity",
}


def poverty_change(total_row: dict) -> dict:
    """Start, end, escaped (gross), fell back + new and the net fall, from the movement table's total."""
    return {
        "start": total_row["start"],
        "end": total_row["end"],
        "escaped": total_row["escaped"],
        "fell_back_new": total_row["fell_back"] + total_row["newly_poor"],
        "net": total_row["start"] - total_row["end"],
    }


def score(metric: str, counting: str | None, change: dict, escaped: dict) -> int | None:
    """What a target (or line) of ``metric`` has achieved under its counting rule; None when the
    portal does not count that metric."""
    if metric == TargetMetric.POOR_HOUSEHOLDS_REDUCED:
        return change["net"] if (counting or TargetCounting.NET) == TargetCounting.NET else change["escaped"]
    if metric in LINE_FIGURES:
        return escaped[LINE_FIGURES[metric]]
    return None


@dataclass(frozen=True)
class TargetProgress:
    text: str
    metric: str
    planned: int
    achieved: int | None  # None: the plan year's review is not approved (or its figures not computed)
    is_breakdown: bool
    counting_label: str = ""

    @property
    def share(self) -> float | None:
        """Achieved ÷ planned (1.0 = reached); None when nothing was planned or nothing measured."""
        return self.achieved / self.planned if self.planned and self.achieved is not None else None

    @property
    def reached(self) -> bool:
        return self.achieved is not None and self.achieved >= self.planned

    @property
    def bar_value(self) -> int:
        """Achieved, capped at planned, for a <progress> bar."""
        return max(min(self.achieved or 0, self.planned), 0)


def target_progress(plan) -> list[TargetProgress]:
    """Planned vs achieved for each tracked target of ``plan`` (targets and lines with a metric)."""
    return target_progress_stored(plan)[0]


def target_progress_stored(plan):
    """``(rows, stored)``: the rows and the stored movement figures they come from (None when no
    target is tracked), whose ``notice`` the page prints while they are being computed."""
    items = []
    for target in plan.targets.all():
        if target.metric in (TargetMetric.POOR_HOUSEHOLDS_REDUCED, *LINE_FIGURES):
            items.append((target, False, target.sentence, target.counting or TargetCounting.NET))
        for line in target.lines.all():
            if line.metric in LINE_FIGURES:
                items.append((line, True, line.label, TargetCounting.GROSS))
    if not items:
        return [], None
    decided = ReviewRound.objects.filter(
        commune_id=plan.commune_id, year=plan.year, status=RoundStatus.APPROVED
    ).exists()
    stored = movement_stored(plan.commune, plan.year, Category.POOR)
    measured = decided and stored.ready
    change = poverty_change(stored.data["rows"][-1]) if measured else None
    rows = [
        TargetProgress(
            text=text,
            metric=item.metric,
            planned=item.quantity,
            achieved=score(item.metric, counting, change, stored.data["escaped"]) if measured else None,
            is_breakdown=is_breakdown,
            counting_label=TargetCounting(counting).label,
        )
        for item, is_breakdown, text, counting in items
    ]
    return rows, stored
