"""Figures computed once per key, off the request path, and shared by every process.

A figure set (the compiled report's delivery figures for a period, the dashboard of a year, the
poverty figures and movement tables of a review, a component's overview) is one ``FigureCache`` row,
named by a key and scoped by commune × year. Pages only *read* it (one query): a clean row is shown as
is; a row whose data changed since (``dirty_since``) is shown with the time it was computed and
"đang cập nhật"; a key never computed shows "Số liệu đang được tính…". In both cases one job is queued
(``queued_at``); the worker (``reporting.figure_tasks.refresh_figures``) computes it.

Single-flight: a worker claims a key by a conditional UPDATE on ``computing_since`` — only one UPDATE
can move it from empty, so two workers (or two queued jobs) never compute one key at once; the second
finds it claimed, or clean, and returns.

Edits mark dirty only the keys they change (``mark_dirty``: one commune, one year, some kinds) and queue
them after the commit. Services that must sign off on current figures (submitting or approving a
compiled report, rendering its PDF in the worker) call ``current``, which computes inline when the
stored row is not clean — never a page view.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thoxuan_gnbv.stored_figures import KINDS, Stored

# A worker that died mid-computation leaves its claim; after this long another may take the key.
CLAIM_TIMEOUT = datetime.timedelta(minutes=15)
# A queued job lost (the worker restarted, its row purged) is queued again after this long.
QUEUE_TIMEOUT = datetime.timedelta(minutes=10)


def read(key: str, kind: str, params: dict, *, commune_id: int | None, year: int | None) -> Stored:
    """The stored figures of ``key`` for a page: one query when they are clean; never computes. A
    missing or dirty key is queued for the worker (at most one queued job per key)."""
    row = (
        _rows()
        .filter(key=key)
        .values("data", "computed_at", "dirty_since", "queued_at", "computing_since")
        .first()
    )
    if row is None:
        _create(key, kind, params, commune_id=commune_id, year=year)
        _queue([key])
        return Stored(key, None, None, True)
    if row["dirty_since"] is None and row["data"] is not None:
        return Stored(key, row["data"], row["computed_at"], False)
    _queue([key])
    return Stored(key, row["data"], row["computed_at"], True)


def current(key: str, kind: str, params: dict, *, commune_id: int | None, year: int | None) -> dict:
    """The figures as the data stand now, for a service that signs them off: the stored row when
    clean, else computed here and stored (the worker's claim is not needed: the result is the same)."""
    row = _rows().filter(key=key).values("data", "dirty_since").first()
    if row is not None and row["dirty_since"] is None and row["data"] is not None:
        return row["data"]
    if row is None:
        _create(key, kind, params, commune_id=commune_id, year=year)
    started = timezone.now()
    data = KINDS[kind](params)
    _store(key, data, started)
    return data


def mark_dirty(commune_id: int, kinds, *, year: int | None = None, years=None) -> list[str]:
    """The keys of ``kinds`` for one commune (and one year, or the ``years`` given, plus the all-years
    keys) now stale: marked dirty and queued for the worker after the commit. Returns the keys."""
    rows = _rows().filter(commune_id=commune_id, kind__in=list(kinds))
    if year is not None:
        years = {year}
    if years is not None:
        rows = rows.filter(Q(year__in=sorted(years)) | Q(year__isnull=True))
    keys = list(rows.values_list("key", flat=True))
    if keys:
        _rows().filter(key__in=keys).update(dirty_since=timezone.now())
        transaction.on_commit(lambda: _queue(keys))
    return keys


def mark_key_dirty(key: str) -> None:
    """One key stale (its figures count to an earlier day): marked and queued."""
    mark_keys_dirty([key])


def mark_keys_dirty(keys: list[str]) -> None:
    """These keys stale: marked in one UPDATE and queued after the commit (a key never read has no
    row: its first reader creates and queues it)."""
    if _rows().filter(key__in=keys).update(dirty_since=timezone.now()):
        transaction.on_commit(lambda: _queue(keys))


def ensure(key: str, kind: str, params: dict, *, commune_id: int | None, year: int | None) -> None:
    """Make sure the key exists, so the worker can compute it before anyone asks (warming)."""
    if not _rows().filter(key=key).exists():
        _create(key, kind, params, commune_id=commune_id, year=year)


def refresh(key: str) -> bool:
    """Compute ``key`` if it is dirty and nobody is computing it; True when this call computed it.
    Called by the worker only."""
    now = timezone.now()
    claimed = (
        _rows()
        .filter(key=key, dirty_since__isnull=False)
        .filter(Q(computing_since__isnull=True) | Q(computing_since__lt=now - CLAIM_TIMEOUT))
        .update(computing_since=now, queued_at=None)
    )
    if not claimed:
        return False
    row = _rows().filter(key=key).values("kind", "params").get()
    try:
        data = KINDS[row["kind"]](row["params"])
    except Exception:
        _rows().filter(key=key, computing_since=now).update(computing_since=None)
        raise
    # Stored and cleaned before the claim is released, so no second worker starts on clean data.
    _store(key, data, now)
    _rows().filter(key=key, computing_since=now).update(computing_since=None)
    if _rows().filter(key=key, dirty_since__isnull=False).exists():
        _queue([key])  # changed again while we computed
    return True


def _rows():
    from reporting.models import FigureCache

    return FigureCache.objects


def _create(key, kind, params, *, commune_id, year) -> None:
    _rows().get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "params": params,
            "commune_id": commune_id,
            "year": year,
            "dirty_since": timezone.now(),
        },
    )


def _store(key: str, data: dict, started: datetime.datetime) -> None:
    _rows().filter(key=key).update(data=data, computed_at=started)
    # Clean only when nothing changed after the computation started.
    _rows().filter(key=key, dirty_since__lte=started).update(dirty_since=None)


def _queue(keys: list[str]) -> None:
    """Queue one worker job for the keys not already queued (or queued long ago and lost)."""
    now = timezone.now()
    fresh = []
    for key in keys:
        claimed = (
            _rows()
            .filter(key=key)
            .filter(Q(queued_at__isnull=True) | Q(queued_at__lt=now - QUEUE_TIMEOUT))
            .update(queued_at=now)
        )
        if claimed:
            fresh.append(key)
    if fresh:
        from reporting.figure_tasks import refresh_figures

        refresh_figures.enqueue(keys=fresh)
