"""The worker's side of the figure store (``reporting.figures.store``): recompute the keys that an
edit or a review approval made stale, and warm the keys of a commune's year before anyone asks.

Run by the django-tasks-db worker (``manage.py db_worker``); queued after the commit of the change."""

import datetime

from django.tasks import task
from django.utils import timezone


@task()
def refresh_figures(keys: list[str]) -> int:
    """Recompute each stale key nobody else is computing (single-flight); returns how many."""
    from reporting.figures import kinds  # noqa: F401 — every kind registered in the worker
    from reporting.figures.store import refresh

    return sum(1 for key in keys if refresh(key))


@task()
def warm_commune_year(commune_id: int, year: int) -> int:
    """Create and compute the keys pages of a commune's year will ask for: the dashboard, the
    compiled report of each period of the plan, the poverty figures and movement tables, the review
    result tables, the round counts, the progress of each round of the year and each component's
    overview. Queued when a review round is approved."""
    keys = commune_year_keys(commune_id, year)
    return refresh_figures.call(keys=keys)


def commune_year_keys(commune_id: int, year: int) -> list[str]:
    """The keys of a commune's year, created (dirty) where missing."""
    from households.models import Category, Commune, ReviewRound
    from households.stored import movement_stored, round_counts_stored, round_progress_stored
    from programs.models import Plan
    from programs.queries.delivery import overview_stored
    from reporting.dashboard import dashboard_figures_stored
    from reporting.figures.compiled import delivery_key, figures_cutoff
    from reporting.figures.poverty import poverty_key
    from reporting.figures.reports import plan_components
    from reporting.figures.review_tables_stored import REVIEW_TABLES, review_tables_key
    from reporting.figures.store import ensure
    from reporting.models import ReportingPeriod

    commune = Commune.objects.get(pk=commune_id)
    keys = []
    # Reading a key creates it and queues it; the keys come back for this job to compute now.
    for category in (Category.POOR, Category.NEAR_POOR):
        keys.append(movement_stored(commune, year, category).key)
    keys.append(round_counts_stored(commune).key)
    for review_round in ReviewRound.objects.filter(commune=commune, year=year).order_by("pk"):
        keys.append(round_progress_stored(review_round).key)
    key, params = review_tables_key(commune_id, year)
    ensure(key, REVIEW_TABLES, params, commune_id=commune_id, year=year)
    keys.append(key)
    plan = Plan.objects.approved_for(commune, year)
    if plan is not None:
        components = plan_components(plan)
        today = timezone.localdate()
        as_of = min(today, datetime.date(year, 12, 31))
        targets = list(plan.targets.prefetch_related("lines"))
        keys.append(dashboard_figures_stored(commune, year, [c.pk for c in components], as_of).key)
        on_dates = {as_of}
        for period in ReportingPeriod.objects.filter(commune=commune, year=year).select_related("plan"):
            key, params = delivery_key(period, figures_cutoff(period))
            ensure(key, "delivery", params, commune_id=commune_id, year=year)
            keys.append(key)
            on_dates.add(period.end_date)
        for on_date in on_dates:
            key, params = poverty_key(commune, targets, on_date, year)
            ensure(key, "poverty", params, commune_id=commune_id, year=year)
            keys.append(key)
        for component in components:
            keys.append(overview_stored(component).key)
    return list(dict.fromkeys(keys))
