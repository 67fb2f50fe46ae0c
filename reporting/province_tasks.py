"""The worker's side of the province roll-up: each commune's row is computed here (``db_worker``),
never on the roll-up page, and stored in the shared cache (``figures.province``).

A row is recomputed when the commune's review round, a unit report or its compiled report is
approved, and when the page finds it missing or older than ``ROW_FRESH_SECONDS`` (deadlines pass,
money is paid between approvals). A refresh asked for twice before the worker runs is queued once.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.tasks import task
from django.template.loader import render_to_string

from households.models import ReviewRound, RoundStatus
from reporting.figures.province import ProvinceRow, commune_row, store_row
from reporting.models import CompiledReport, Report
from thoxuan_gnbv.statuses import CompiledStatus, ReportStatus

# While a refresh asked by the roll-up page waits for the worker, opening the page again queues nothing.
PENDING_SECONDS = 300


@task()
def refresh_province_rows(commune_ids: list[int], year: int) -> int:
    """Compute and store the roll-up rows of ``commune_ids`` for ``year``; returns how many."""
    from households.models import Commune

    done = 0
    for commune in Commune.objects.filter(pk__in=commune_ids).order_by("pk"):
        store_row(with_html(commune_row(commune, year)))
        done += 1
        if commune.province_id:
            cache.delete(province_guard(commune.province_id, year))
    return done


def with_html(data: dict) -> dict:
    """The row with its cells rendered once here: the roll-up page joins the rendered rows instead of
    laying out every commune's dozen cells and links on each request."""
    row = ProvinceRow(data["commune_id"], data["code"], data["name"], data)
    return {**data, "html": render_to_string("reporting/includes/province_row.html", {"row": row})}


def request_refresh(commune_ids, year: int, *, guard: str = "") -> bool:
    """Queue one refresh of ``commune_ids``' rows after the commit; with ``guard`` (a cache key),
    only when no refresh under that key is already waiting (one cache write). Returns whether queued."""
    commune_ids = list(commune_ids)
    if not commune_ids or (guard and not cache.add(guard, 1, timeout=PENDING_SECONDS)):
        return False
    transaction.on_commit(lambda: refresh_province_rows.enqueue(commune_ids=commune_ids, year=year))
    return True


def province_guard(province_id: int, year: int) -> str:
    """The key marking a refresh asked by the roll-up page of a province and year, not yet run."""
    return f"reporting:province:pending:{province_id}:{year}"


def _on_commit_refresh(commune_id: int, year: int) -> None:
    # Approvals are rare: each queues its commune's refresh at once.
    request_refresh([commune_id], year)


@receiver(post_save, sender=ReviewRound, dispatch_uid="reporting_province_row_on_round")
def refresh_on_round_approval(sender, instance, **kwargs):
    if kwargs.get("raw") or instance.status != RoundStatus.APPROVED:
        return
    _on_commit_refresh(instance.commune_id, instance.year)


@receiver(post_save, sender=Report, dispatch_uid="reporting_province_row_on_report")
def refresh_on_report(sender, instance, **kwargs):
    # A submitted report changes the commune's timeliness; an accepted one its figures.
    if kwargs.get("raw") or instance.status not in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED):
        return
    period = instance.period
    _on_commit_refresh(period.commune_id, period.year)


@receiver(post_save, sender=CompiledReport, dispatch_uid="reporting_province_row_on_compiled")
def refresh_on_compiled_approval(sender, instance, **kwargs):
    if kwargs.get("raw") or instance.status != CompiledStatus.APPROVED:
        return
    period = instance.period
    _on_commit_refresh(period.commune_id, period.year)
