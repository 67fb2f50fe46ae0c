"""Keyset pagination for every long list (households, support, activities): each page is found
through an index on (key, id) from a cursor, never by OFFSET, so the last page of a million rows
costs what the first does.

A cursor is the (key, id) of a row, JSON in URL-safe base64. A cursor that does not decode, or whose
key the field cannot read, is ignored: the list opens on its first page rather than failing."""

import base64
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q

PAGE_SIZE = 50


@dataclass
class KeysetPage:
    items: list
    next_cursor: str = ""
    previous_cursor: str = ""
    is_first: bool = True
    is_last: bool = True


def encode(item, key: str = "code") -> str:
    value = getattr(item, key)
    value = value.isoformat() if hasattr(value, "isoformat") else value
    raw = json.dumps([value, item.pk], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, field=None):
    """The (key, id) a cursor names, read by the key's model field when given; None when garbage."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        value = field.to_python(value) if field is not None else str(value)
        if value is None:
            return None
        return value, int(pk)
    except (ValueError, TypeError, ValidationError, json.JSONDecodeError):
        return None


def keyset_page(
    queryset,
    *,
    key: str = "code",
    descending: bool = False,
    after: str = "",
    before: str = "",
    last: bool = False,
    size: int = PAGE_SIZE,
) -> KeysetPage:
    """One page of ``queryset`` ordered by (key, id), ascending or ``descending``: after a cursor,
    before one, the last page, or the first."""
    field = queryset.model._meta.get_field(key)
    forward = (f"-{key}", "-pk") if descending else (key, "pk")
    backward = (key, "pk") if descending else (f"-{key}", "-pk")
    beyond, behind = ("lt", "gt") if descending else ("gt", "lt")

    def past(cursor_key, direction):
        value, pk = cursor_key
        return Q(**{f"{key}__{direction}": value}) | Q(**{key: value, f"pk__{direction}": pk})

    after_key = decode(after, field) if after else None
    before_key = decode(before, field) if before else None
    if before_key:
        rows = list(queryset.filter(past(before_key, behind)).order_by(*backward)[: size + 1])
        more = len(rows) > size
        items = rows[:size][::-1]
        page = KeysetPage(items, is_first=not more, is_last=False)
    elif last:
        rows = list(queryset.order_by(*backward)[: size + 1])
        more = len(rows) > size
        items = rows[:size][::-1]
        page = KeysetPage(items, is_first=not more, is_last=True)
    else:
        if after_key:
            queryset = queryset.filter(past(after_key, beyond))
        rows = list(queryset.order_by(*forward)[: size + 1])
        more = len(rows) > size
        items = rows[:size]
        page = KeysetPage(items, is_first=not after_key, is_last=not more)
    if items and not page.is_last:
        page.next_cursor = encode(items[-1], key)
    if items and not page.is_first:
        page.previous_cursor = encode(items[0], key)
    return page
