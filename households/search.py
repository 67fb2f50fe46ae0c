"""The registry's name/code/CCCD search, bounded at any registry size.

The folded ``search_key`` is matched as a substring ("hung mai" finds "Phùng Mai"); a term under three
letters is matched at the start of a word instead ("zq" finds "Zquang", not "…zq…"), because a trigram
index cannot serve a two-letter substring and a substring that short matches nearly everyone anyway.

On PostgreSQL the trigram GIN index (migration 0018) finds the matches of a rare term at once, but for a
common one ("nguyen thi huong") it reads posting lists as long as the registry and rechecks every
candidate. The list wants only the next 50 matches in code order, so ``search_page`` first walks a
window of ``WINDOW`` households in code order (the (commune, code, id) index, bounded work) and takes
the matches there; only when the window holds fewer than a page does it ask the index for the matches
beyond the window (a rare term: the index is quick). The walk starts with a probe of ``PROBE``
households and goes on only as far as the rate found says a page needs: a term too rare to fill a page
within the window (a code, a name on fewer than about one household in 800) goes to the index straight
after the probe, so a rare term costs a thousand rows of walking, and a mid-frequency one ("tran thi
mai") the rows its page needs, not the index's thousands of candidates.
Every step selects exactly the rows the filter names, on SQLite and PostgreSQL alike; the walks only
decide where the work is done.

The index is not on the key itself but on the key with its spaces made a digit ("nguyen van hung" is
indexed as "nguyen9van9hung"): pg_trgm cuts trigrams per word, so on the plain key "hung mai" asked for
every household with a word holding "hung" and one holding "mai" anywhere (29,763 candidates among a
million, 150 ms of rechecks for 134 matches); joined, the trigrams "g9m" and "9ma" span the two words
and only households where they are neighbours remain (2,663). Names never hold digits, so the joined
term is a condition every match meets; the plain condition beside it keeps the answer exact where a
code or CCCD happens to hold the digit (migration 0018).

On PostgreSQL a term of two words or more that the probe leaves short of a page is walked through one
of its word pairs (``households.models.search``, kept by a trigger): the pair's rows in code order, each
household tested as in the walk, until the page is full. Every match holds the term's pairs, so this
reads the pair's rows up to the page, not the registry: "tran thi mai" (3,817 matches among a million)
reads about 400 rows of "thi mai" (32,504) for its 51; "hung mai" reads the 192 rows of "ung mai" where
the trigram index rechecked 2,663 candidates. A pair is walked only when all its rows, or the rows the
probe's rate says the page needs, are at most ``PAIR_WALK``; otherwise the walk and the index go on.

Beyond the probe, a name is looked up by its rarest trigrams only (their rates among the probe's
households): a trigram on most keys filters nothing and costs the most to read. What the index still
reads grows with the registry (the postings of the term's rarest trigram: "kho" is on 7,525 keys of a
million); a term made of common pieces and no pair worth walking pays for its candidates, as trigrams
cannot tell neighbours more than three letters apart.
"""

from math import ceil, inf

from django.db import connections
from django.db.models import CharField, Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Concat, Replace
from django.db.models.lookups import Contains, StartsWith

from households.models import Commune, SearchPair
from households.models.search import PAIR_PART
from thoxuan_gnbv.pagination import PAGE_SIZE, KeysetPage, decode, encode
from thoxuan_gnbv.text import fold

SHORT_TERM = 3  # fewer letters than a trigram
SCANNED = "search_scanned"  # the key as an expression: tested row by row, never through an index
# The most households walked in code order before the trigram index is asked: a term on more than one
# household in 800 fills a page inside it (51 / 40,000; 25 ms of walking at 1M); a rarer one is the
# index's to find. A walk of 10,000 left "tran thi mai" (three in a thousand) to the index: 47 ms.
WINDOW = 40_000
# The first households walked; the next walk is as long as the rate found there says the page needs.
# A term too rare among them to fill a page within the window (one or none) goes to the index at once.
PROBE = 1_000
WALK_MARGIN = 1.25  # a quarter more than the rate found says, for chance
MAX_WALKS = 4
# What the index sees in place of a space: a character pg_trgm counts as part of a word (so trigrams span
# words) that no folded name holds. The index's expression (migration 0018) must stay exactly this.
SEPARATOR = "9"
JOINED = Replace(F("search_key"), Value(" "), Value(SEPARATOR))
# The index finds a rare term fastest from its rarest trigrams alone: a trigram on most keys ("ng9",
# "thi") filters nothing and its posting list is the costliest to read (all 13 trigrams of "khong thi
# quyen": 44 ms at 1M; "kho" and "i9q": 1.8 ms, 139 candidates). The rates come from the probe's
# households; trigrams are kept, rarest first, until their product leaves about one household in
# ``KEPT_RATE`` (at most ``MAX_KEPT`` of them).
KEPT_RATE = 1e-4
MAX_KEPT = 5
COMMON_RATE = 0.5  # a trigram on more than half the keys is never worth its posting list
# On PostgreSQL a term of two words or more that the probe did not fill a page with is walked through
# one of its word pairs instead (``households.models.search``): the pair's rows in code order, each
# household tested as in the walk, so the page costs the pair rows it reads, not the registry. A pair
# is walked when all its rows, or the rows the probe's rate says the page needs, are at most
# ``PAIR_WALK`` (each row a lookup of its household: about 2 µs).
PAIR_WALK = 2_000


def match(folded: str, field: str = "search_key") -> Q:
    """The rows whose key holds the folded term: a substring, or a word start for a short term."""
    if len(folded) < SHORT_TERM:
        return Q(**{f"{field}__startswith": folded}) | Q(**{f"{field}__contains": f" {folded}"})
    return Q(**{f"{field}__contains": folded})


def joined(folded: str) -> str:
    """The folded term as the index sees its key: spaces made ``SEPARATOR`` (migration 0018)."""
    return folded.replace(" ", SEPARATOR)


def indexed(folded: str) -> Q:
    """A condition every row ``match`` finds also meets, in the terms of the joined-key index: the
    term's spaces joined as the key's are; a word start is the key's start or a joined space."""
    term = joined(folded)
    if len(folded) < SHORT_TERM:
        return Q(StartsWith(JOINED, term)) | Q(Contains(JOINED, SEPARATOR + term))
    return Q(Contains(JOINED, term))


def trigrams(folded: str) -> list[str]:
    """The term's trigrams as the joined-key index cuts them (a term under three letters has none)."""
    term = joined(folded)
    return list(dict.fromkeys(term[i : i + 3] for i in range(len(term) - 2)))


def pair_tokens(folded: str) -> list[str]:
    """The term's word pairs as the trigger cuts a key's (migration 0019): each pair of neighbouring
    words, the last ``PAIR_PART`` letters of the first and the first of the second. The term's first
    word may end a longer word and its last may begin one, so a pair is left out where either has
    fewer letters than that (their key's pair is not known), and where it holds a digit (the key's
    is never listed)."""
    words = folded.split(" ")
    tokens = []
    for i, (left, right) in enumerate(zip(words, words[1:], strict=False)):
        if (i == 0 and len(left) < PAIR_PART) or (i == len(words) - 2 and len(right) < PAIR_PART):
            continue
        token = f"{left[-PAIR_PART:]} {right[:PAIR_PART]}"
        if not any(ch.isdigit() for ch in token):
            tokens.append(token)
    return list(dict.fromkeys(tokens))


def rarest(counts: dict[str, int], total: int) -> list[str]:
    """The trigrams to ask the index for, given how many of ``total`` sampled households hold each:
    the rarest first, until the product of their rates is under ``KEPT_RATE``, never one on more than
    ``COMMON_RATE`` of them unless it is the rarest. An unseen trigram counts as half a household, so
    the choice never rests on a zero."""
    kept, rate = [], 1.0
    for gram in sorted(counts, key=counts.get):
        own = (counts[gram] + 0.5) / max(total, 1)
        if kept and own > COMMON_RATE:
            break
        kept.append(gram)
        rate *= own
        if rate < KEPT_RATE or len(kept) == MAX_KEPT:
            break
    return kept


def fragments(folded: str, grams: list[str]) -> list[str]:
    """The pieces of the joined term that hold ``grams`` and as few other trigrams as may be: each
    gram's span, overlapping spans merged. Each piece is in every match's joined key; the index
    reads the trigrams of each piece, and the heap recheck tests each piece once."""
    term = joined(folded)
    spans = sorted((term.index(gram), term.index(gram) + 3) for gram in grams)
    merged = [list(spans[0])]
    for begin, end in spans[1:]:
        if begin < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([begin, end])
    return [term[begin:end] for begin, end in merged]


def condition(
    text: str, *, by_national_id: bool = True, field: str = "search_key", grams: list[str] | None = None
) -> Q | None:
    """The search's filter, or None for an empty term. Without ``by_national_id`` (a role that may not
    see CCCDs in full) a query with digits matches the household code only, so no CCCD, whole or in
    part, finds a household. On the stored key the joined-key condition comes first, for the index:
    the whole term, or only the pieces holding ``grams`` (some of its trigrams; each piece a condition
    every match meets); the scanned expression of the window is tested as it is."""
    folded = fold(text)
    if not folded:
        return None
    found = match(folded, field)
    if field == "search_key" and grams:
        found = Q(*(Contains(JOINED, piece) for piece in fragments(folded, grams))) & found
    elif field == "search_key":
        found = indexed(folded) & found
    if not by_national_id and any(ch.isdigit() for ch in folded):
        found &= Q(code__icontains=folded)
    return found


def is_short(text: str) -> bool:
    return 0 < len(fold(text)) < SHORT_TERM


def _after(key) -> Q:
    code, pk = key
    return Q(code__gte=code) & (Q(code__gt=code) | Q(code=code, pk__gt=pk))


def _up_to(key) -> Q:
    code, pk = key
    return Q(code__lte=code) & (Q(code__lt=code) | Q(code=code, pk__lte=pk))


def _walk_edge(walked, start, rows: int):
    """The (code, id) of the ``rows``-th household of ``walked`` after ``start``, or None when fewer
    remain: an index-only range of the (commune, code, id) index."""
    if start:
        walked = walked.filter(_after(start))
    edge = list(walked.order_by("code", "pk").values_list("code", "pk")[rows - 1 : rows])
    return edge[0] if edge else None


def _sampled_trigrams(walked, start, edge, folded: str) -> list[str] | None:
    """The term's rarest trigrams by their rates among the households of ``walked`` in (start, edge]
    (the probe: one aggregate over the covering index), or None for a term of two trigrams or less or
    one with digits: codes and CCCDs run in sequence, so the probe, the first households in code
    order, says nothing of how rare a digit's trigram is across the registry ("b0000500" at 1M: its
    three rarest there left 14,352 candidates, 70 ms; all five, 2,073, 19 ms)."""
    grams = trigrams(folded)
    if len(grams) <= 2 or any(ch.isdigit() for ch in folded):
        return None
    sample = walked.filter(_up_to(edge))
    if start:
        sample = sample.filter(_after(start))
    # Tested on the plain key, the separator read back as a space: no replace() per row and trigram (a
    # rate, not a match: a code's own 9 read as a space only blurs the estimate).
    counts = sample.aggregate(
        total=Count("pk"),
        **{
            f"g{i}": Count("pk", filter=Q(search_key__contains=g.replace(SEPARATOR, " ")))
            for i, g in enumerate(grams)
        },
    )
    return rarest({g: counts[f"g{i}"] for i, g in enumerate(grams)}, counts["total"])


def _next_walk(found: int, done: int, size: int, window: int) -> int:
    """How many more households to walk for the page at the rate found in the ``done`` walked so far
    (with a quarter more for chance), or 0 when that would take the walk past ``window`` households
    in all: the index is then asked for the rest, and it costs no less for the rows walked before it,
    so walking on would be lost work."""
    if not found:
        return 0
    more = ceil((size + 1 - found) * done / found * WALK_MARGIN)
    return more if done + more <= window else 0


def _pair_choice(commune_id, tokens, start, probe_edge, in_probe: int, size: int, pair_walk: int):
    """(token, last code to walk or None for all) of the pair to walk after ``start``, or None when no
    pair is worth it. One query: for each pair, the code of its ``pair_walk``-th row (none: fewer
    rows, all walked) and its rows among the probe's codes, whose share of the ``in_probe`` matches
    found there says how many rows the page needs. Codes are unique in a commune, so a code alone
    places a pair's row."""
    rows = SearchPair.objects.filter(commune_id=commune_id)
    if start:
        rows = rows.filter(code__gt=start[0])
    columns = {}
    for i, token in enumerate(tokens):
        own = rows.filter(token=token)
        columns[f"edge{i}"] = Subquery(own.order_by("code").values("code")[pair_walk - 1 : pair_walk])
        in_probe_rows = own.filter(code__lte=probe_edge[0]).values("token").annotate(n=Count("household"))
        columns[f"probe{i}"] = Subquery(in_probe_rows.values("n"))
    read = Commune.objects.filter(pk=commune_id).values(**columns).first()
    if read is None:
        return None
    best, choice = (2, inf), None
    for i, token in enumerate(tokens):
        edge, share = read[f"edge{i}"], read[f"probe{i}"] or 0
        if edge is None:  # fewer rows than a walk: all of them, the fewest first
            rank = (0, share)
        elif in_probe and (size + 1) * share / in_probe * WALK_MARGIN <= pair_walk:
            rank = (1, share / in_probe)
        else:
            continue
        if rank < best:
            best, choice = rank, (token, edge)
    return choice


def _pair_rows(found, matches, commune_id, token, start, edge, size):
    """The first ``size + 1`` households of ``found`` after ``start`` that ``matches`` (the term, tested
    as in the walk) among the pair's rows up to the code ``edge``. One query: the pair's rows are read
    in code order from ``search_pair_walk_idx`` and each household looked up until the page is full."""
    candidates = SearchPair.objects.filter(commune_id=commune_id, token=token)
    if start:
        candidates = candidates.filter(code__gt=start[0])
    if edge is not None:
        candidates = candidates.filter(code__lte=edge)
    hits = candidates.filter(Exists(matches.filter(pk=OuterRef("household_id")))).order_by("code")
    return list(found.filter(pk__in=Subquery(hits.values("household_id")[: size + 1])).order_by("code", "pk"))


def search_page(
    found,
    walked,
    text: str,
    *,
    by_national_id: bool = True,
    after: str = "",
    size: int = PAGE_SIZE,
    window: int | None = None,
    probe: int | None = None,
    commune_id: int | None = None,
    pair_walk: int = PAIR_WALK,
):
    """The next keyset page (code, id) of ``found`` (the filtered households, the search not yet
    applied) matching ``text`` after the cursor ``after``, walking ``walked`` (the households the
    window counts) ``probe`` rows, then on as far as the rate found says a page needs, ``window`` rows
    at most, before asking the index. Two queries for a term that fills a page in the probe, three or
    four (the trigrams' rates) for one too rare in the probe to fill a page within the window, two
    more per walk after the probe (``MAX_WALKS`` walks at most)."""
    window = WINDOW if window is None else window
    probe = min(PROBE if probe is None else probe, window)
    plain = condition(text, by_national_id=by_national_id)
    if plain is None:
        plain = Q()
    scanned_term = condition(text, by_national_id=by_national_id, field=SCANNED) or Q()
    scanned = found.alias(**{SCANNED: Concat("search_key", Value(""), output_field=CharField())})
    after_key = decode(after, found.model._meta.get_field("code")) if after else None
    order = ("code", "pk")
    tokens = pair_tokens(fold(text)) if commune_id and connections[found.db].vendor == "postgresql" else []
    start, rows, probed, walk, done = after_key, [], None, probe, 0
    for _ in range(MAX_WALKS):
        edge = _walk_edge(walked, start, walk)
        if edge is None:  # the rest of the list fits in this walk: it is the whole answer
            rest = found.filter(_after(start)) if start else found
            rows += list(rest.filter(plain).order_by(*order)[: size + 1 - len(rows)])
            return _page(rows, after_key, size)
        # Inside the walk the term is tested on an expression no index serves, so the plan is the
        # bounded range of the code index, never the trigram index's full posting lists.
        # Only ids are walked, so on PostgreSQL the covering index answers alone (migration 0016).
        in_walk = scanned.filter(_after(start)) if start else scanned
        ids = in_walk.filter(scanned_term, _up_to(edge)).order_by(*order).values("pk")
        rows += list(found.filter(pk__in=Subquery(ids[: size + 1 - len(rows)])).order_by(*order))
        # A probe short of a page: a word pair of the term may reach the page in fewer rows than
        # walking on or the trigram index would (the pair's rows hold every match after the cursor).
        if probed is None and len(rows) <= size and tokens:
            choice = _pair_choice(commune_id, tokens, after_key, edge, len(rows), size, pair_walk)
            if choice:
                token, last = choice
                matches = scanned.filter(scanned_term)
                paired = _pair_rows(found, matches, commune_id, token, after_key, last, size)
                if len(paired) > size or last is None:  # a full page, or every row of the pair
                    return _page(paired, after_key, size)
        probed = probed or (start, edge)
        start, done = edge, done + walk
        walk = 0 if len(rows) > size else _next_walk(len(rows), done, size, window)
        if not walk:
            break
    if len(rows) <= size:
        grams = _sampled_trigrams(walked, *probed, fold(text))
        if grams:
            plain = condition(text, by_national_id=by_national_id, grams=grams)
        beyond = found.filter(plain, _after(start))
        rows += list(beyond.order_by(*order)[: size + 1 - len(rows)])
    return _page(rows, after_key, size)


def _page(rows, after_key, size) -> KeysetPage:
    items = rows[:size]
    page = KeysetPage(items, is_first=not after_key, is_last=len(rows) <= size)
    if items and not page.is_last:
        page.next_cursor = encode(items[-1])
    if items and not page.is_first:
        page.previous_cursor = encode(items[0])
    return page
