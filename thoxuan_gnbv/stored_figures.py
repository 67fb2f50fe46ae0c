"""The seam through which every app reads figures computed off the request path.

The store itself (a table, the worker's jobs) belongs to ``reporting.figures.store``, which plugs in
here when the app registry is ready; the registry and the movement tables of ``households`` and the
component overview of ``programs`` register how their figures are computed (``register``) and read
them through ``read`` — one query on a page, never the computation (see the store's docstring)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from thoxuan_gnbv.formatting import format_date

COMPUTING = "Số liệu đang được tính…"
UPDATING = "Số liệu lúc {time} {date}, đang cập nhật."

# kind → compute(params) -> JSON-safe dict.
KINDS: dict[str, Callable[[dict], dict]] = {}
_backend = None


def register(kind: str):
    """Register how the figures of ``kind`` are computed from their JSON parameters."""

    def decorator(compute):
        KINDS[kind] = compute
        return compute

    return decorator


def set_backend(backend) -> None:
    global _backend
    _backend = backend


@dataclass(frozen=True)
class Stored:
    """What a page gets: the figures (None when never computed), when they were computed and whether
    a newer computation is due."""

    key: str
    data: dict | None
    computed_at: datetime.datetime | None
    updating: bool

    @property
    def ready(self) -> bool:
        return self.data is not None

    @property
    def notice(self) -> str:
        """The Vietnamese line a page prints above the figures ("" when they are current)."""
        if self.data is None:
            return COMPUTING
        if self.updating and self.computed_at is not None:
            moment = timezone.localtime(self.computed_at)
            return UPDATING.format(time=moment.strftime("%H:%M"), date=format_date(moment.date()))
        return ""


def read(key: str, kind: str, params: dict, *, commune_id: int | None, year: int | None) -> Stored:
    """The stored figures of ``key`` (queued for the worker when missing or stale); never computes."""
    return _backend.read(key, kind, params, commune_id=commune_id, year=year)


def current(key: str, kind: str, params: dict, *, commune_id: int | None, year: int | None) -> dict:
    """The figures as the data stand now, for a service that signs them off (computes if stale)."""
    return _backend.current(key, kind, params, commune_id=commune_id, year=year)


# Every kind the registry's rows feed: a bulk write (an import, a merger) names them all.
REGISTRY_KINDS = (
    "movement",
    "poverty",
    "delivery",
    "dashboard",
    "overview",
    "rounds",
    "round_progress",
    "review_tables",
)


def changed(commune_id: int, kinds=REGISTRY_KINDS, *, year: int | None = None) -> None:
    """Mark the figures of ``commune_id`` that ``kinds`` name stale (queued for the worker after the
    commit). Saves reach the store through signals; a bulk write (``bulk_create``, ``update``) sends
    none, so the service doing it says so here."""
    if _backend is not None:
        _backend.mark_dirty(commune_id, kinds, year=year)


def keys_changed(keys) -> None:
    """Mark these keys stale (queued for the worker after the commit); keys never read are left to
    be created by their first reader."""
    if _backend is not None and keys:
        _backend.mark_keys_dirty(list(keys))
