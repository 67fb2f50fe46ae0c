"""The commune's poverty figures: poor and near-poor households recognised on a date, the movement
tables by khu phố and the plan's targets against the households that escaped poverty. The registry
walk behind them is cached under a key naming its inputs (``shared_cached``), in the process cache
and in ``FigureCache``, so a warm page pays a few small queries whatever the size of the registry."""

import datetime
import hashlib

from django.core.cache import cache
from django.db.models import Max

from households.models import Category, Household, ReviewRound, RoundStatus
from households.queries import escaped_poor_counts, movement_table
from programs.models import TargetCounting, TargetMetric


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


def _movement_rows(commune, year: int, category: str) -> list[dict]:
    return [row.as_dict() for row in movement_table(commune, year, category)]


# Household edits between two review decisions (a family moving khu phố, a member's labour capacity)
# reach the cached figures within this time; a new review round or a new household at once.
POVERTY_CACHE_SECONDS = 6 * 3600


def poverty_cache_key(commune, targets, on_date: datetime.date, plan_year: int) -> tuple[str, dict | None]:
    """The key naming the data the poverty figures come from: the commune, the latest review round
    approved by ``on_date``, the newest household, the plan year and its targets (two queries)."""
    latest = latest_approved_round(commune, on_date)
    newest_household = Household.objects.aggregate(last=Max("pk"))["last"] or 0
    targets_key = hashlib.sha1(
        ",".join(f"{t.pk}x{t.quantity}x{t.counting or 'net'}" for t in targets).encode()
    ).hexdigest()[:16]
    key = "reporting:poverty:{}:{}:{}:{}:{}:{}".format(
        commune.pk,
        latest["pk"] if latest else 0,
        int(latest["approved_at"].timestamp() * 1e6) if latest and latest["approved_at"] else 0,
        newest_household,
        plan_year,
        targets_key,
    )
    return key, latest


def poverty_figures(commune, targets, on_date: datetime.date, plan_year: int) -> dict:
    """Poor and near-poor households recognised on ``on_date`` (the latest approved review decided by
    then), that review's movement tables by khu phố, and the plan's targets against the households
    that escaped poverty in the plan year's approved review (0 until it is decided).

    The registry walk behind these figures grows with the number of households, but its inputs
    change only when the chairman approves a review round (or households come and go): the result is
    kept under a key naming those inputs, in the process cache and in ``FigureCache`` (shared by
    every process, warmed by the worker when a round is approved), so a warm page pays two or three
    small queries whatever the size of the registry."""

    key, latest = poverty_cache_key(commune, targets, on_date, plan_year)
    return shared_cached(
        key, POVERTY_CACHE_SECONDS, lambda: _compute_poverty(commune, targets, latest, plan_year)
    )


def shared_cached(key: str, seconds: int, compute):
    """``compute()`` once per key and time window, shared by every process: first the process cache,
    then the ``FigureCache`` table (one query), else compute and store in both."""
    from django.utils import timezone

    from reporting.models import FigureCache

    figures = cache.get(key)
    if figures is not None:
        return figures
    fresh_after = timezone.now() - datetime.timedelta(seconds=seconds)
    figures = (
        FigureCache.objects.filter(key=key, computed_at__gte=fresh_after)
        .values_list("data", flat=True)
        .first()
    )
    if figures is None:
        figures = compute()
        FigureCache.objects.update_or_create(key=key, defaults={"data": figures})
    cache.set(key, figures, timeout=seconds)
    return figures


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
    if latest is None:
        return no_poverty_figures()
    year = latest["year"]
    # The lists at the end of the review year are the movement tables' totals (no third walk).
    movement = _movement_rows(commune, year, Category.POOR)
    near_poor = _movement_rows(commune, year, Category.NEAR_POOR)
    # The plan's targets are measured by the plan year's own review: before it is decided there is
    # no result yet (None, printed as such), never the previous year's movement scored as this year's.
    decided = year == plan_year
    escaped = escaped_poor_counts(commune, plan_year) if decided else None
    total = movement[-1]
    change = {
        "start": total["start"],
        "end": total["end"],
        "escaped": total["escaped"],
        "fell_back_new": total["fell_back"] + total["newly_poor"],
        "net": total["start"] - total["end"],
    }
    line_values = {
        TargetMetric.WITHOUT_LABOUR_CAPACITY: "without_labour_capacity",
        TargetMetric.WITH_LABOUR_CAPACITY: "with_labour_capacity",
    }

    def achieved(metric, counting=TargetCounting.GROSS):
        if not decided or not metric:
            return None
        if metric == TargetMetric.POOR_HOUSEHOLDS_REDUCED:
            return change["net"] if counting == TargetCounting.NET else change["escaped"]
        # "Trong đó" lines split the households that escaped (gross): the registry knows who escaped.
        return escaped[line_values[metric]] if metric in line_values else None

    target_rows = []
    for target in targets:
        counting = target.counting or TargetCounting.NET
        value = achieved(target.metric, counting)
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
                "lines": [
                    {
                        "text": line.sentence,
                        "quantity": line.quantity,
                        "counting_label": TargetCounting.GROSS.label if line.metric in line_values else "",
                        "achieved": achieved(line.metric),
                        "rate": rate(achieved(line.metric), line.quantity)
                        if achieved(line.metric) is not None
                        else None,
                    }
                    for line in target.lines.all()
                ],
            }
        )
    return {
        "round": {
            "year": year,
            "decision_number": latest["decision_number"],
            "decision_date": latest["decision_date"].isoformat(),
        },
        "poor": movement[-1]["end"],
        "near_poor": near_poor[-1]["end"],
        "movement": movement,
        "near_poor_by_neighborhood": [
            {"label": row["label"], "end": row["end"], "end_rate": row["end_rate"]} for row in near_poor
        ],
        "targets": target_rows,
        "target_year_decided": decided,
    }
