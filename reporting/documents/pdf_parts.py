"""The annex's parts laid out side by side in worker processes and handed back in order.

WeasyPrint lays a document out on one core, and the annex is most of a long compiled report; its
parts are separate layouts (``annex_pdf``), so a few can be laid out at once. What ties a part to the
ones before it is its first page number, printed in the page margin and needed before its layout.
It is guessed from the rows of the parts not yet back (one-line rows, ``ROWS_PER_PAGE`` to an A4
page) and checked as the parts come back in order: a part laid out from a wrong guess is laid out
again from its real first page, so the printed numbers are always those of the merged document and a
good guess only saves time. (The layout of a part's body does not depend on the number in its margin.)

The workers are forked from the caller (a request, the background worker, a command) with the
document, and are sent plain rows: they never read the database, and the caller's connections are
set aside in them unused, never closed (closing a PostgreSQL connection from a child would end the
parent's session). At most ``workers + 1`` parts are in flight, so memory stays that of a part per
process."""

import itertools
import math
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from reporting.documents.pdf import render_pdf

ANNEX_TEMPLATE = "reporting/documents/annex_pdf.html"
# Measured on A4 with the annex stylesheet: 40 one-line rows a page, and the annex's title takes the
# room of 4 rows on its first page. Only a guess (a long name wraps): a wrong guess costs a second
# layout of one part, never a wrong page number.
ROWS_PER_PAGE = 40
TITLE_ROWS = 4
# Two cores on the server; a third process would only share them.
WORKERS = min(2, os.cpu_count() or 1)


def render_part(doc, rows: list, *, first: bool, page_start: int) -> tuple[bytes, int]:
    """One part of the annex (its PDF and page count), its pages numbered from ``page_start``."""
    pages = []
    context = {"doc": doc, "rows": rows, "first": first, "page_start": page_start}
    return render_pdf(ANNEX_TEMPLATE, context, on_layout=pages.append), pages[0]


def guess_pages(rows: int, *, first: bool) -> int:
    return max(1, math.ceil((rows + (TITLE_ROWS if first else 0)) / ROWS_PER_PAGE))


def render_parts(
    doc, parts: Iterable[list], *, page_start: int, workers: int | None = None
) -> Iterator[tuple[bytes, int]]:
    """(PDF, pages) of each annex part in order, the first numbered from ``page_start``; laid out in
    ``workers`` processes (``WORKERS``) when there are two parts or more, else here."""
    workers = WORKERS if workers is None else workers
    parts = iter(parts)
    head = [part for part in (next(parts, None), next(parts, None)) if part is not None]
    if workers < 2 or len(head) < 2:
        for index, rows in enumerate(itertools.chain(head, parts)):
            content, count = render_part(doc, rows, first=index == 0, page_start=page_start)
            page_start += count
            yield content, count
        return
    yield from _render_in_workers(doc, head, parts, page_start, workers)


def _render_in_workers(doc, head: list, tail: Iterator, page_start: int, workers: int):
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(doc,)) as pool:
        waiting = deque(head)
        in_flight = deque()  # (rows, first, guessed start, future), in document order
        index = 0

        def guess_start(position: int) -> int:
            """The first page of the part at ``position`` in flight: the known first page of the
            parts still out, plus the guessed pages of those before it."""
            return page_start + sum(guess_pages(len(r), first=f) for r, f, _, _ in list(in_flight)[:position])

        def submit():
            nonlocal index
            rows = waiting.popleft() if waiting else next(tail, None)
            if rows is None:
                return
            start, first = guess_start(len(in_flight)), index == 0
            in_flight.append((rows, first, start, pool.submit(_worker_render, rows, first, start)))
            index += 1

        for _ in range(workers + 1):
            submit()
        while in_flight:
            rows, first, start, future = in_flight.popleft()
            content, count = future.result()
            if start != page_start:  # laid out from a wrong guess: again, from its real first page
                content, count = pool.submit(_worker_render, rows, first, page_start).result()
            page_start += count
            # The parts still out that were guessed from a wrong count start again at once.
            for position, (r, f, s, fut) in enumerate(list(in_flight)):
                if s != (right := guess_start(position)):
                    fut.cancel()
                    in_flight[position] = (r, f, right, pool.submit(_worker_render, r, f, right))
            submit()
            yield content, count


# --- in the worker processes ----------------------------------------------------------------------

_worker_doc = None
_inherited_connections = []  # the parent's, kept referenced so that nothing closes them from here


def _start_worker(doc) -> None:
    global _worker_doc
    from django.db import connections

    _worker_doc = doc
    # The caller's signal handlers (the background worker's shutdown) are the caller's: the pool
    # stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for connection in connections.all(initialized_only=True):
        _inherited_connections.append(connection.connection)
        connection.connection = None


def _worker_render(rows: list, first: bool, page_start: int) -> tuple[bytes, int]:
    return render_part(_worker_doc, rows, first=first, page_start=page_start)
