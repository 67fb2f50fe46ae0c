"""The commune's poverty figures: poor and near-poor households recognised on a date, the movement
tables by khu phố and the plan's targets scored by their own rule. The registry walk behind them is
done by the worker and stored under a key naming its inputs (``reporting.figures.store``): a page
reads one row whatever the size of the registry."""

import datetime
import hashlib

from households.models import Category, ReviewRound, RoundStatus
from households.stored import compute_movement
from programs.models import TargetCounting, TargetMetric
from programs.progress import LINE_FIGURES, poverty_change, score
from thoxuan_gnbv import stored_figures


def rate(part, whole) -> float | None:
    """``part`` as a share of ``whole`` (4 decimals); None when there is no whole."""
    return round(part / whole, 4) if whole else None


def latest_approved_round(commune, on_date: datetime.date):
    """The newest review round approved by decision on or before ``on_date`` (one query)."""
    return (
        ReviewRound.objects.filter(commune=commune, status=RoundStatus.APPROVED, decision_date__lte=on_date)
        .order_by("-decision_date", "-year", "-number")
        .values("pk", "year", "number", "decision_number", "decision_date", "approved_at")
        .first()
    )


POVERTY = "poverty"


def poverty_key(commune, targets, on_date: datetime.date, plan_year: int) -> tuple[str, dict]:
    """The key naming the data the poverty figures come from: the commune, the latest review round
    approved by ``on_date``, the plan year, its plan and targets (one query)."""
    latest = latest_approved_round(commune, on_date)
    plan_id = targets[0].plan_id if targets else None
    targets_key = hashlib.sha1(
        ",".join(f"{t.pk}x{t.quantity}x{t.counting or 'net'}x{t.metric}" for t in targets).encode()
    ).hexdigest()[:12]
    round_id = latest["pk"] if latest else 0
    key = f"poverty:{commune.pk}:{round_id}:{plan_year}:{plan_id or 0}:{targets_key}"
    params = {"commune": commune.pk, "round": round_id or None, "plan": plan_id, "plan_year": plan_year}
    return key, params


def poverty_stored(commune, targets, on_date: datetime.date, plan_year: int) -> stored_figures.Stored:
    """The poverty figures as the worker last computed them, for a page: two queries, never the walk."""
    key, params = poverty_key(commune, targets, on_date, plan_year)
    return stored_figures.read(key, POVERTY, params, commune_id=commune.pk, year=plan_year)


def poverty_figures(commune, targets, on_date: datetime.date, plan_year: int) -> dict:
    """Poor and near-poor households recognised on ``on_date`` (the latest approved review decided by
    then), that review's movement tables by khu phố, and the plan's targets against it, scored by each
    target's own rule (``programs.progress.score``; None until the plan year's review is decided).
    As the data stand now: for services that sign the figures off (computed if the stored copy is stale)."""
    key, params = poverty_key(commune, targets, on_date, plan_year)
    return stored_figures.current(key, POVERTY, params, commune_id=commune.pk, year=plan_year)


@stored_figures.register(POVERTY)
def compute_poverty(params: dict) -> dict:
    from households.models import Commune
    from programs.models import Target

    if params["round"] is None:
        return no_poverty_figures()
    commune = Commune.objects.get(pk=params["commune"])
    latest = (
        ReviewRound.objects.filter(pk=params["round"])
        .values("pk", "year", "number", "decision_number", "decision_date", "approved_at")
        .get()
    )
    targets = (
        list(Target.objects.filter(plan_id=params["plan"]).prefetch_related("lines"))
        if params["plan"]
        else []
    )
    return _compute_poverty(commune, targets, latest, params["plan_year"])


def no_poverty_figures() -> dict:
    """The poverty figures of a commune with no approved review round yet."""
    return {
        "round": None,
        "poor": 0,
        "near_poor": 0,
        "movement": [],
        "near_poor_by_neighborhood": [],
        "targets": [],
    }


def _compute_poverty(commune, targets, latest, plan_year: int) -> dict:
    year = latest["year"]
    # The same movement figures the movement page shows (one computation for both).
    poor = compute_movement({"commune": commune.pk, "year": year, "category": Category.POOR})
    near_poor = compute_movement({"commune": commune.pk, "year": year, "category": Category.NEAR_POOR})
    movement, near_poor_rows = poor["rows"], near_poor["rows"]
    # The plan's targets are measured by the plan year's own review: before it is decided there is
    # no result yet (None, printed as such), never the previous year's movement scored as this year's.
    decided = year == plan_year
    change = poverty_change(movement[-1])
    escaped = poor["escaped"]

    def achieved(metric, counting=TargetCounting.GROSS):
        return score(metric, counting, change, escaped) if decided and metric else None

    target_rows = []
    for target in targets:
        counting = target.counting or TargetCounting.NET
        value = achieved(target.metric, counting)
        lines = []
        for line in target.lines.all():
            line_value = achieved(line.metric)
            lines.append(
                {
                    "text": line.sentence,
                    "quantity": line.quantity,
                    "counting_label": TargetCounting.GROSS.label if line.metric in LINE_FIGURES else "",
                    "achieved": line_value,
                    "rate": rate(line_value, line.quantity) if line_value is not None else None,
                }
            )
        target_rows.append(
            {
                "text": target.sentence,
                "quantity": target.quantity,
                "unit": target.unit,
                "counting": counting,
                "counting_label": TargetCounting(counting).label,
                "measured": target.metric == TargetMetric.POOR_HOUSEHOLDS_REDUCED,
                **(change if decided else dict.fromkeys(change)),
                "achieved": value,
                "rate": rate(value, target.quantity) if value is not None else None,
                "lines": lines,
            }
        )
    return {
        "round": {
            "year": year,
            "decision_number": latest["decision_number"],
            "decision_date": latest["decision_date"].isoformat(),
        },
        "poor": movement[-1]["end"],
        "near_poor": near_poor_rows[-1]["end"],
        "movement": movement,
        "near_poor_by_neighborhood": [
            {"label": row["label"], "end": row["end"], "end_rate": row["end_rate"]} for row in near_poor_rows
        ],
        "targets": target_rows,
        "target_year_decided": decided,
    }
