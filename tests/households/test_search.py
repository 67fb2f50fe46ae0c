"""The registry search (households.search): the same rows in code order whatever the window walked
before the index is asked, page after page; word starts for a term under three letters; CCCDs hidden
from roles that may not see them; a page whose queries do not grow with the matches.
Runs on SQLite and on PostgreSQL (DATABASE_URL) alike; the results must be identical on both."""

import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from households import search as search_module
from households.models import Household
from households.search import search_page
from thoxuan_gnbv.text import fold

pytestmark = pytest.mark.django_db

PEOPLE = [
    ("KP1-0001", "Nguyễn Thị Hương", "038190000001"),
    ("KP1-0002", "Phùng Mai Anh", ""),
    ("KP1-0003", "Hùng Mai", "038190000003"),
    ("KP1-0004", "Zquang Lò", ""),
    ("KP1-0005", "Bá Zq", ""),
    ("KP1-0006", "Abzq Văn", ""),
    ("KP1-0007", "Nguyễn Văn Hùng", ""),
    ("KP2-0001", "Nguyễn Thị Hường", "038190000011"),
    ("KP2-0002", "Ngô Ngọc", ""),
    # The index joins words with the digit 9 ("kp3-009 mai lan" is indexed as "kp3-0099mai9lan"): a
    # code ending in 9 must not let "0099mai" match, nor stop "009 mai" and "9 ma" from matching.
    ("KP3-009", "Mai Lan", ""),
]
TERMS = [
    "hung mai",
    "Nguyễn Thị Hương",
    "nguyen",
    "zq",
    "ng",
    "n",
    "kp2",
    "0001",
    "038190000011",
    "khong co",
    "0099mai",
    "009 mai",
    "9 ma",
    "ma",
]


@pytest.fixture
def people(neighborhood1):
    from households.services.registry import build_search_key

    return Household.objects.bulk_create(
        Household(
            commune=neighborhood1.commune,
            neighborhood=neighborhood1,
            code=code,
            head_name=name,
            head_national_id=national_id,
            search_key=build_search_key(code, name, national_id),
        )
        for code, name, national_id in PEOPLE
    )


def expected(term: str) -> list[str]:
    """An independent reading of the rule: a substring of the folded key, or a word start when short."""
    folded = fold(term)
    found = []
    for code, name, national_id in PEOPLE:
        key = fold(" ".join(p for p in (code, name, national_id) if p))
        hit = any(w.startswith(folded) for w in key.split(" ")) if len(folded) < 3 else folded in key
        if hit:
            found.append(code)
    return sorted(found)


def _all_pages(term, window, size=2, by_national_id=True, probe=None):
    """Every code the list shows for ``term``, page after page through the cursor."""
    scope = Household.objects.all()
    codes, after = [], ""
    for _ in range(len(PEOPLE) + 1):
        page = search_page(
            scope,
            scope,
            term,
            by_national_id=by_national_id,
            after=after,
            size=size,
            window=window,
            probe=probe,
        )
        codes += [h.code for h in page.items]
        if page.is_last:
            return codes
        after = page.next_cursor
    raise AssertionError("the pages never end")


# (window, probe): no probe below the window, a probe of one or two rows before the rest of the
# window, and the defaults' shape (a probe a tenth of the window) on a registry smaller than both.
WALKS = [(1, None), (2, None), (3, None), (1000, None), (3, 1), (4, 2), (1000, 1), (1000, 2)]


@pytest.mark.parametrize("window,probe", WALKS)
@pytest.mark.parametrize("term", TERMS)
def test_every_window_shows_the_same_rows_in_code_order(people, term, window, probe):
    assert _all_pages(term, window, probe=probe) == expected(term)
    assert _all_pages(term, window, size=50, probe=probe) == expected(term)


def test_expected_rows_of_the_rule(people):
    # The independent reading itself, on cases a person can check by eye.
    assert expected("hung mai") == ["KP1-0002", "KP1-0003"]  # "phung mai" holds "hung mai"
    assert expected("Nguyễn Thị Hương") == ["KP1-0001", "KP2-0001"]
    assert expected("zq") == ["KP1-0004", "KP1-0005"]  # not "abzq": a word start
    assert expected("khong co") == []
    assert expected("0099mai") == [] and expected("009 mai") == ["KP3-009"]
    assert expected("ma") == ["KP1-0002", "KP1-0003", "KP3-009"]  # word starts only


def test_the_search_asks_the_joined_key_index(people):
    """On PostgreSQL the rows beyond the window come from the trigram index on the joined key
    (migration 0018), never from a scan; SQLite has no such index and filters the same expression."""
    found = Household.objects.search("hung mai")
    sql = str(found.query)
    assert "REPLACE(" in sql.upper() and "hung9mai" in sql
    assert sorted(found.values_list("code", flat=True)) == ["KP1-0002", "KP1-0003"]
    assert_joined_index_serves(found)


def assert_joined_index_serves(found):
    """On PostgreSQL, ``found`` is read through the joined-key trigram index, never the old plain-key
    one, when only index lookups by a condition are left to the planner (a handful of rows: a scan
    would win). SQLite has no trigram index: there the callers' SQL and rows are the test."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return
    with connection.cursor() as cursor:
        for scan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        plan = found.order_by().values_list("pk").explain()
    assert "household_search_joined_trgm_idx" in plan and "household_search_trgm_idx" not in plan


def test_short_term_is_matched_at_word_starts(people):
    found = set(Household.objects.search("zq").values_list("code", flat=True))
    assert found == {"KP1-0004", "KP1-0005"}


def test_without_national_id_rights_digits_match_the_code_only(people):
    for window in (1000, 1):
        assert _all_pages("038190000011", window, by_national_id=False) == []
        assert _all_pages("0001", window, by_national_id=False) == ["KP1-0001", "KP2-0001"]
    assert list(Household.objects.search("038190000011", by_national_id=False)) == []


def test_list_says_a_short_term_is_matched_at_word_starts(client_for, labour_officer, people):
    client = client_for(labour_officer)
    response = client.get(reverse("households:household_list") + "?q=zq")
    assert "tìm ở đầu từ" in response.text
    assert [h.code for h, _ in response.context["rows"]] == ["KP1-0004", "KP1-0005"]
    response = client.get(reverse("households:household_list") + "?q=nguyen")
    assert "tìm ở đầu từ" not in response.text
    assert [h.code for h, _ in response.context["rows"]] == ["KP1-0001", "KP1-0007", "KP2-0001"]


def _queries(client, url) -> int:
    from django.db import connection

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("window", [1000, 3])
def test_search_page_queries_do_not_grow_with_matches(
    client_for, labour_officer, neighborhood1, monkeypatch, window
):
    """A window holding every household, and one smaller than a page, at 5 and at 60 matches."""
    monkeypatch.setattr(search_module, "WINDOW", window)
    client = client_for(labour_officer)
    url = reverse("households:household_list") + "?q=tran+van"

    def grow(to):
        Household.objects.bulk_create(
            Household(
                commune=neighborhood1.commune,
                neighborhood=neighborhood1,
                code=f"KP1-{i:04d}",
                head_name="Trần Văn A",
                search_key=f"kp1-{i:04d} tran van a",
            )
            for i in range(Household.objects.count(), to)
        )

    grow(5)
    at_five = _queries(client, url)
    grow(60)
    at_sixty = _queries(client, url)
    assert at_five == at_sixty
    rows = client.get(url).context["rows"]
    assert [h.code for h, _ in rows] == [f"KP1-{i:04d}" for i in range(50)]


@pytest.mark.parametrize(
    "term,size,window,probe,queries",
    [
        ("kp1", 1, 4, 2, 2),  # the probe fills the page: its edge and its walk
        # Two in two rows: a page of three wants two more rows, and a quarter more for chance (three):
        # within a window of five, so they are walked, and the page is full.
        ("kp1-000", 3, 5, 2, 4),
        ("kp1-000", 3, 4, 2, 3),  # past a window of four: the index
        ("ngu", 2, 4, 1, 5),  # one in one row: three more walked, none there: the index
        # One in two rows: a window of four would not fill 50, so the index, asked for the term's
        # rarest trigrams by their rates in the probe (one aggregate) ...
        ("hung mai", 50, 4, 2, 4),
        ("kp1-0002", 50, 4, 2, 3),  # ... or for all of them when the term holds digits
        ("kp3", 50, 4, 2, 3),  # none in the probe, and two trigrams or less: the whole term
    ],
)
def test_each_walk_is_as_long_as_the_rate_found_says_the_page_needs(
    people, term, size, window, probe, queries
):
    from django.db import connection

    scope = Household.objects.all()
    with CaptureQueriesContext(connection) as captured:
        page = search_page(scope, scope, term, size=size, window=window, probe=probe)
    assert len(captured) == queries
    assert [h.code for h in page.items] == expected(term)[:size]


def test_the_index_is_asked_for_the_rarest_trigrams_only():
    sampled = {"kho": 10, "hon": 90, "ong": 605, "i9q": 17, "quy": 40, "thi": 719}
    # 10.5/1000 × 17.5/1000 is still above 1 in 10,000; with 40.5/1000 it is below.
    assert search_module.rarest(sampled, 1000) == ["kho", "i9q", "quy"]
    # A trigram on more than half the keys is left out, unless nothing rarer is there.
    assert search_module.rarest({"ung": 586, "ng9": 895, "hun": 396}, 1000) == ["hun"]
    assert search_module.rarest({"ng9": 900, "thi": 700}, 1000) == ["thi"]
    assert search_module.rarest({"abc": 0, "bcd": 0, "cde": 0}, 1000) == ["abc", "bcd"]
    # The chosen trigrams as pieces of the joined term: overlapping spans merge, the others stay apart.
    assert search_module.fragments("hung mai", ["g9m", "mai", "9ma", "hun"]) == ["hun", "g9mai"]
    assert search_module.fragments("khong thi quyen", ["kho", "i9q", "quy"]) == ["kho", "i9quy"]


def test_the_rarest_pieces_are_asked_of_the_joined_key_index(people):
    found = Household.objects.filter(search_module.condition("hung mai", grams=["g9m", "mai", "9ma", "hun"]))
    sql = str(found.query)
    assert "%hun%" in sql and "%g9mai%" in sql and "hung9mai" not in sql
    assert sorted(found.values_list("code", flat=True)) == ["KP1-0002", "KP1-0003"]
    assert_joined_index_serves(found)


def test_the_next_walk_follows_the_rate_found():
    # Three in the first 1,000: 48 more matches at that rate is 16,000 rows, 20,000 with the margin.
    assert search_module._next_walk(3, 1000, 50, 40_000) == 20_000
    assert search_module._next_walk(3, 1000, 50, 20_000) == 0  # past the window: the index
    assert search_module._next_walk(1, 1000, 50, 40_000) == 0  # one in 1,000: 62,500 rows
    assert search_module._next_walk(0, 1000, 50, 40_000) == 0
