"""The registry's name/code/CCCD search, bounded at any registry size.

The folded ``search_key`` is matched as a substring ("hung mai" finds "Phùng Mai"); a term under three
letters is matched at the start of a word instead ("zq" finds "Zquang", not "…zq…"), because a trigram
index cannot serve a two-letter substring and a substring that short matches nearly everyone anyway.

On PostgreSQL the trigram GIN index (migration 0004) finds the matches, but its cost grows with their
number, and the list's keyset page wants the first 50 in code order. So a search first probes: at most
``PROBE_CAP`` + 1 matching ids, in any order, through the index.
- At most ``PROBE_CAP``: the page reads those rows by id (a bounded sort).
- More: the term is broad, so matches are dense and the page walks the (commune, code, id) index,
  testing each row, and stops after one page; the index is kept out of that plan on purpose (the
  expression ``search_key || ''`` cannot use it). The page says "hơn N hộ khớp, hãy gõ thêm".
Both paths select exactly the rows the filter names, on SQLite and PostgreSQL alike; only the plan differs.
"""

from dataclasses import dataclass

from django.db.models import CharField, Q, Value
from django.db.models.functions import Concat

from thoxuan_gnbv.text import fold

PROBE_CAP = 1000
SHORT_TERM = 3  # fewer letters than a trigram


@dataclass(frozen=True)
class SearchResult:
    queryset: object
    broad: bool  # more than PROBE_CAP matches: the officer should type more
    short: bool = False  # matched at word starts (fewer letters than a trigram)


def match(folded: str, field: str = "search_key") -> Q:
    """The rows whose key holds the folded term: a substring, or a word start for a short term."""
    if len(folded) < SHORT_TERM:
        return Q(**{f"{field}__startswith": folded}) | Q(**{f"{field}__contains": f" {folded}"})
    return Q(**{f"{field}__contains": folded})


def search(queryset, text: str, *, by_national_id: bool = True, cap: int | None = None) -> SearchResult:
    """Accent-insensitive search by name, code or CCCD through the stored folded key. Without
    ``by_national_id`` (a role that may not see CCCDs in full) a query with digits matches the
    household code only, so no CCCD, whole or in part, finds a household. One query (the probe)."""
    folded = fold(text)
    if not folded:
        return SearchResult(queryset, False)
    cap = PROBE_CAP if cap is None else cap
    condition = match(folded)
    if not by_national_id and any(ch.isdigit() for ch in folded):
        condition &= Q(code__icontains=folded)
    ids = list(queryset.filter(condition).order_by().values_list("pk", flat=True)[: cap + 1])
    short = len(folded) < SHORT_TERM
    if len(ids) <= cap:
        return SearchResult(queryset.filter(pk__in=ids), False, short)
    # Dense: the same condition on an expression no index serves, so the ordered walk is chosen.
    scanned = queryset.alias(search_scan=Concat("search_key", Value(""), output_field=CharField()))
    dense = match(folded, "search_scan")
    if not by_national_id and any(ch.isdigit() for ch in folded):
        dense &= Q(code__icontains=folded)
    return SearchResult(scanned.filter(dense), True, short)
