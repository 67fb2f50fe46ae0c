"""Keyset pagination for the household list: each page is found through the (code, id) index from
a cursor, never by OFFSET, so the last page of a million rows costs what the first does."""

import base64
import json
from dataclasses import dataclass

from django.db.models import Q

PAGE_SIZE = 50


@dataclass
class KeysetPage:
    items: list
    next_cursor: str = ""
    previous_cursor: str = ""
    is_first: bool = True
    is_last: bool = True


def encode(item) -> str:
    raw = json.dumps([item.code, item.pk], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str):
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        code, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        return str(code), int(pk)
    except (ValueError, TypeError, json.JSONDecodeError):
        return None


def keyset_page(
    queryset, *, after: str = "", before: str = "", last: bool = False, size: int = PAGE_SIZE
) -> KeysetPage:
    """One page of ``queryset`` ordered by (code, id): after a cursor, before one, the last, or the first."""
    after_key = decode(after) if after else None
    before_key = decode(before) if before else None
    if before_key:
        code, pk = before_key
        rows = list(
            queryset.filter(Q(code__lt=code) | Q(code=code, pk__lt=pk)).order_by("-code", "-pk")[: size + 1]
        )
        more = len(rows) > size
        items = rows[:size][::-1]
        page = KeysetPage(items, is_first=not more, is_last=False)
    elif last:
        rows = list(queryset.order_by("-code", "-pk")[: size + 1])
        more = len(rows) > size
        items = rows[:size][::-1]
        page = KeysetPage(items, is_first=not more, is_last=True)
    else:
        if after_key:
            code, pk = after_key
            queryset = queryset.filter(Q(code__gt=code) | Q(code=code, pk__gt=pk))
        rows = list(queryset.order_by("code", "pk")[: size + 1])
        more = len(rows) > size
        items = rows[:size]
        page = KeysetPage(items, is_first=not after_key, is_last=not more)
    if items and not page.is_last:
        page.next_cursor = encode(items[-1])
    if items and not page.is_first:
        page.previous_cursor = encode(items[0])
    return page
