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
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from households.models import ReviewRound, RoundStatus
from reporting.figures.province import ROW_CACHE_SECONDS, ProvinceRow, commune_row, province_rollup, store_row
from reporting.models import CompiledReport, Report
from thoxuan_gnbv.statuses import CompiledStatus, ReportStatus

# While a refresh asked by the roll-up page waits for the worker, opening the page again queues nothing.
PENDING_SECONDS = 300


@task()
def refresh_province_rows(commune_ids: list[int], year: int) -> int:
    """Compute and store the roll-up rows of ``commune_ids`` for ``year``; returns how many."""
    from households.models import Commune

    done = 0
    provinces = set()
    for commune in Commune.objects.filter(pk__in=commune_ids).order_by("pk"):
        store_row(with_html(commune_row(commune, year)))
        provinces.add(commune.province_id)
        done += 1
        if commune.province_id:
            cache.delete(province_guard(commune.province_id, year))
    for province_id in provinces - {None}:
        store_rollup(province_id, year)
    return done


def with_html(data: dict) -> dict:
    """The row with its cells rendered once here: the roll-up page joins the rendered rows instead of
    laying out every commune's dozen cells and links on each request."""
    row = ProvinceRow(data["commune_id"], data["code"], data["name"], data)
    return {**data, "html": render_to_string("reporting/includes/province_row.html", {"row": row})}


def rows_html(rollup):
    """The table's rows: each commune's cells were rendered by the worker with its row, so the page
    only joins them (a template loop over 166 communes cost more than the rest of the page)."""
    waiting = (
        '<td colspan="12" class="text-muted">Đang tính số liệu…</td>'
        '<td class="small text-nowrap"><a href="{}">Xem chi tiết xã</a></td>'
    )
    return format_html_join(
        "\n",
        '<tr data-testid="province-row"><td class="text-center">{}</td><th scope="row">{}</th>{}</tr>',
        (
            (
                number,
                row.name,
                row.html
                or format_html(waiting, reverse("reporting:province_commune", args=[row.commune_id])),
            )
            for number, row in enumerate(rollup.rows, start=1)
        ),
    )


def rollup_key(province_id: int, year: int) -> str:
    return f"reporting:province:all:{province_id}:{year}"


def store_rollup(province_id: int, year: int) -> None:
    """The whole roll-up of a province (rows, total, rendered table body) as one cache entry, rebuilt
    whenever the worker stores a row: the page then reads one entry, not one per commune."""
    communes = province_communes(province_id, year)
    rollup = province_rollup(communes, year)
    entry = {"communes": [pk for pk, _, _ in communes], "rollup": rollup, "tbody": str(rows_html(rollup))}
    cache.set(rollup_key(province_id, year), entry, timeout=ROW_CACHE_SECONDS)


def communes_in_order(province_id: int, year: int):
    """The province's communes of ``year`` (``communes_of_year``) in the roll-up's order — the page's,
    the worker's and the province workbook's."""
    from households.models import Commune
    from households.services.mergers import communes_of_year

    return communes_of_year(Commune.objects.filter(province_id=province_id), year).order_by("name", "pk")


def province_communes(province_id: int, year: int) -> list[tuple]:
    """(id, code, name) of ``communes_in_order``."""
    return list(communes_in_order(province_id, year).values_list("pk", "code", "name"))


def rollup_for_page(province_id: int, year: int):
    """(roll-up, table body) for the page: the stored whole when it holds exactly the province's
    communes, else assembled from the rows (a commune added since the worker last ran)."""
    communes = province_communes(province_id, year)
    entry = cache.get(rollup_key(province_id, year))
    if entry is not None and entry["communes"] == [pk for pk, _, _ in communes]:
        return entry["rollup"], mark_safe(entry["tbody"])  # noqa: S308 — built by rows_html, escaped there
    rollup = province_rollup(communes, year)
    return rollup, rows_html(rollup)


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
