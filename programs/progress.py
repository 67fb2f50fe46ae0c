"""How far the plan's measurable targets are reached, counted live from the approved household
reviews (``households.queries.escaped_poor_counts``): planned vs achieved for every tracked target
and breakdown line (those with a ``metric``)."""

from dataclasses import dataclass

from households.queries import escaped_poor_counts
from programs.models import TargetMetric

# Which figure of escaped_poor_counts measures each metric.
METRIC_FIGURES = {
    TargetMetric.POOR_HOUSEHOLDS_REDUCED: "total",
    TargetMetric.WITHOUT_LABOUR_CAPACITY: "without_labour_capacity",
    TargetMetric.WITH_LABOUR_CAPACITY: "with_labour_capacity",
}


@dataclass(frozen=True)
class TargetProgress:
    text: str
    metric: str
    planned: int
    achieved: int
    is_breakdown: bool

    @property
    def share(self) -> float | None:
        """Achieved ÷ planned (1.0 = reached); None when nothing was planned."""
        return self.achieved / self.planned if self.planned else None

    @property
    def reached(self) -> bool:
        return self.achieved >= self.planned

    @property
    def bar_value(self) -> int:
        """Achieved, capped at planned, for a <progress> bar."""
        return min(self.achieved, self.planned)


def target_progress(plan) -> list[TargetProgress]:
    """Planned vs achieved for each tracked target of ``plan`` (targets and lines with a metric)."""
    rows = []
    counts = None
    for target in plan.targets.all():
        for item, is_breakdown, text in [(target, False, target.sentence)] + [
            (line, True, line.label) for line in target.lines.all()
        ]:
            if item.metric not in METRIC_FIGURES:
                continue
            if counts is None:
                counts = escaped_poor_counts(plan.commune, plan.year)
            rows.append(
                TargetProgress(
                    text=text,
                    metric=item.metric,
                    planned=item.quantity,
                    achieved=counts[METRIC_FIGURES[item.metric]],
                    is_breakdown=is_breakdown,
                )
            )
    return rows
