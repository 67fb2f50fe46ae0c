"""Household codes suggested per khu phố: the khu phố's code and the next number (``KP1-0036``).

A khu phố's code is read from its households' codes (the part before the last "-" of the most
recently added one), so a commune keeps whatever scheme it already uses; a khu phố without households
starts at ``KP<thứ tự>``. The next number is the highest numbered code of that prefix in the commune
plus one, at the same width; codes already taken out of order are skipped. The suggestion can be
overridden; two officers taking the same number at once are kept apart by the unique constraint
``household_code_unique_per_commune`` (a form error).

The "add household" form suggests a code for every khu phố it offers, and a merged commune has dozens,
so ``suggest_codes`` costs three indexed queries whatever their number: the latest code of each khu
phố, the top code of each prefix, then which of the candidate codes are taken.
"""

import re
from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery

from households.models import Commune, Household, Neighborhood

CODE_NUMBER = re.compile(r"^(?P<prefix>.+)-(?P<number>\d+)$")
DEFAULT_WIDTH = 4
MAX_TRIES = 20  # codes taken out of order are skipped; past this the officer types one


def _prefix(latest_code: str | None, position: int, pk: int) -> str:
    """The khu phố's code: from its latest household's code, else ``KP<position>``."""
    match = CODE_NUMBER.match(latest_code or "")
    return match.group("prefix") if match else f"KP{position or pk}"


def _candidates(prefix: str, top_code: str | None) -> list[str]:
    """The codes to try in order: the top code's number plus one at its width, then the next ones."""
    match = CODE_NUMBER.match(top_code or "")
    number, width = (
        (int(match.group("number")) + 1, len(match.group("number"))) if match else (1, DEFAULT_WIDTH)
    )
    return [f"{prefix}-{n:0{width}d}" for n in range(number, number + MAX_TRIES)]


def _latest_codes(neighborhoods) -> list[tuple[int, int, int, str | None]]:
    """(pk, commune id, position, latest household code) per khu phố, in the order given. One query:
    the latest code is a correlated subquery walking ``household_commune_nbh_id_idx`` backwards."""
    latest = Subquery(
        Household.objects.filter(commune_id=OuterRef("commune_id"), neighborhood_id=OuterRef("pk"))
        .order_by("-id")
        .values("code")[:1]
    )
    if isinstance(neighborhoods, QuerySet):
        # The caller's own selection (scope, order) becomes the query: no separate fetch.
        return list(
            neighborhoods.annotate(latest_code=latest).values_list(
                "pk", "commune_id", "position", "latest_code"
            )
        )
    neighborhoods = list(neighborhoods)
    codes = dict(
        Neighborhood.objects.filter(pk__in=[n.pk for n in neighborhoods])
        .annotate(latest_code=latest)
        .values_list("pk", "latest_code")
    )
    return [(n.pk, n.commune_id, n.position, codes.get(n.pk)) for n in neighborhoods]


def _top_codes(prefixes: set[tuple[int, str]]) -> dict[tuple[int, str], str | None]:
    """{(commune id, prefix): its highest code} in one query: a row per commune with a scalar subquery
    per prefix, each an index range on ``household_commune_code_idx`` read from the top with LIMIT 1.
    (SQLite cannot ORDER BY/LIMIT inside a UNION, hence columns rather than a UNION of rows.)"""
    ordered = sorted(prefixes)
    columns = {
        f"top_{i}": Subquery(
            # Codes "<prefix>-<digits>" sort between "<prefix>-" and "<prefix>-:" (":" follows "9").
            Household.objects.filter(
                commune_id=OuterRef("pk"), code__gte=f"{prefix}-", code__lt=f"{prefix}-:"
            )
            .order_by("-code")
            .values("code")[:1]
        )
        for i, (_, prefix) in enumerate(ordered)
    }
    communes = Commune.objects.filter(pk__in={commune_id for commune_id, _ in ordered})
    rows = communes.order_by().values("pk", **columns)
    by_commune = {row["pk"]: row for row in rows}
    # A row carries every prefix's column; only its own commune's prefixes are read from it.
    return {key: by_commune[key[0]][f"top_{i}"] for i, key in enumerate(ordered)}


def _taken_codes(candidates: dict[int, set[str]]) -> set[tuple[int, str]]:
    """{(commune id, code)} of the candidate codes already used: a ``code IN`` per commune, OR-ed into
    one query, each code a probe of ``household_commune_code_idx``. (PostgreSQL probes it on a real-size
    table; on a table of a few thousand rows its planner may judge one pass over them cheaper.)"""
    condition = Q()
    for commune_id, codes in candidates.items():
        condition |= Q(commune_id=commune_id, code__in=sorted(codes))
    return set(Household.objects.filter(condition).order_by().values_list("commune_id", "code"))


def suggest_codes(neighborhoods: Iterable[Neighborhood] | QuerySet) -> dict[int, str]:
    """{neighborhood id: suggested code} for the khu phố a form offers: the prefix's highest numbered
    code in the commune plus one, same width, skipping codes taken ("" past ``MAX_TRIES``). Three
    indexed queries whatever the number of khu phố, however many households the commune has."""
    rows = _latest_codes(neighborhoods)
    if not rows:
        return {}
    prefixes = {pk: (commune_id, _prefix(latest, position, pk)) for pk, commune_id, position, latest in rows}
    tops = _top_codes(set(prefixes.values()))
    candidates = {pk: _candidates(key[1], tops[key]) for pk, key in prefixes.items()}
    wanted: dict[int, set[str]] = {}
    for pk, codes in candidates.items():
        wanted.setdefault(prefixes[pk][0], set()).update(codes)
    taken = _taken_codes(wanted)
    return {
        pk: next((code for code in codes if (prefixes[pk][0], code) not in taken), "")
        for pk, codes in candidates.items()
    }


def suggest_code(neighborhood: Neighborhood) -> str:
    """The next free code of one khu phố (``suggest_codes`` for it alone: three indexed queries)."""
    return suggest_codes([neighborhood])[neighborhood.pk]
