"""The registry search (households.search): the same rows in code order whatever the window walked
before the index is asked, page after page; word starts for a term under three letters; CCCDs hidden
from roles that may not see them; a page whose queries do not grow with the matches.
Runs on SQLite and on PostgreSQL (DATABASE_URL) alike; the results must be identical on both."""

import pytest
from django.db.models import F
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
    # Word pairs (households.models.search): a whole middle word, a first word that ends a longer one,
    # a first or last word too short for its pair, a pair across two names.
    "mai anh",
    "uyen van hung",
    "en thi huong",
    "mai la",
    "huong 0381",
    "a zq",
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


def _all_pages(term, window, size=2, by_national_id=True, probe=None, pair_walk=search_module.PAIR_WALK):
    """Every code the list shows for ``term``, page after page through the cursor."""
    scope = Household.objects.all()
    commune_id = scope.values_list("commune_id", flat=True).first()
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
            commune_id=commune_id,
            pair_walk=pair_walk,
        )
        codes += [h.code for h in page.items]
        if page.is_last:
            return codes
        after = page.next_cursor
    raise AssertionError("the pages never end")


# (window, probe, pair walk): no probe below the window, a probe of one or two rows before the rest
# of the window, and the defaults' shape (a probe a tenth of the window) on a registry smaller than
# both; on PostgreSQL, word pairs walked one or two rows at most (so a pair is cut short and the walk
# takes over), or whole.
WALKS = [
    (1, None, 1),
    (2, None, 2),
    (3, None, 2000),
    (1000, None, 2000),
    (3, 1, 1),
    (4, 2, 2),
    (1000, 1, 2000),
    (1000, 2, 2000),
    (1000, 1, 1),
    (1000, 2, 3),
]


@pytest.mark.parametrize("window,probe,pair_walk", WALKS)
@pytest.mark.parametrize("term", TERMS)
def test_every_window_shows_the_same_rows_in_code_order(people, term, window, probe, pair_walk):
    assert _all_pages(term, window, probe=probe, pair_walk=pair_walk) == expected(term)
    assert _all_pages(term, window, size=50, probe=probe, pair_walk=pair_walk) == expected(term)


def test_expected_rows_of_the_rule(people):
    # The independent reading itself, on cases a person can check by eye.
    assert expected("hung mai") == ["KP1-0002", "KP1-0003"]  # "phung mai" holds "hung mai"
    assert expected("Nguyễn Thị Hương") == ["KP1-0001", "KP2-0001"]
    assert expected("zq") == ["KP1-0004", "KP1-0005"]  # not "abzq": a word start
    assert expected("khong co") == []
    assert expected("0099mai") == [] and expected("009 mai") == ["KP3-009"]
    assert expected("ma") == ["KP1-0002", "KP1-0003", "KP3-009"]  # word starts only
    assert expected("mai anh") == ["KP1-0002"] and expected("uyen van hung") == ["KP1-0007"]
    assert expected("en thi huong") == ["KP1-0001", "KP2-0001"] and expected("mai la") == ["KP3-009"]
    assert expected("huong 0381") == ["KP1-0001", "KP2-0001"] and expected("a zq") == ["KP1-0005"]


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


def test_a_term_is_cut_into_word_pairs_as_the_trigger_cuts_a_key():
    # The middle words are whole; the first may end a longer word and the last begin one.
    assert search_module.pair_tokens("tran thi mai") == ["ran thi", "thi mai"]
    assert search_module.pair_tokens("hung mai") == ["ung mai"]
    assert search_module.pair_tokens("nguyen le van") == ["yen le", "le van"]  # "le" is whole
    assert search_module.pair_tokens("en thi huong") == ["thi huo"]  # "en" may end "nguyen", "chien"…
    assert search_module.pair_tokens("hung ma") == []  # "ma" may begin "mai", "manh"…
    assert search_module.pair_tokens("huong 0381 mai") == []  # digits: never listed
    assert search_module.pair_tokens("nguyen") == []


def key_pairs(key: str) -> set[str]:
    """An independent reading of the trigger's pairs: neighbouring words of the key, the last three
    letters of one and the first three of the next, none holding a digit."""
    words = key.split(" ")
    pairs = {f"{a[-3:]} {b[:3]}" for a, b in zip(words, words[1:], strict=False)}
    return {pair for pair in pairs if not any(ch.isdigit() for ch in pair)}


def stored_pairs(household) -> set[str]:
    from households.models import SearchPair

    rows = SearchPair.objects.filter(household_id=household.pk)
    assert set(rows.values_list("code", "commune_id").distinct()) <= {(household.code, household.commune_id)}
    return set(rows.values_list("token", flat=True))


def test_the_trigger_keeps_each_households_pairs_as_its_key_and_code_are(people, other_commune):
    """PostgreSQL's trigger (migration 0019) writes the pairs on every write path: a bulk insert, a
    save that changes the key or the code, a save that does not, a move to another commune, a
    delete, a truncate. SQLite has neither the table nor the trigger: its search never asks for them."""
    from django.db import connection

    from households.models import SearchPair
    from households.services.registry import build_search_key

    if connection.vendor != "postgresql":
        assert "households_searchpair" not in connection.introspection.table_names()
        return
    household = Household.objects.get(code="KP1-0001")
    assert key_pairs(household.search_key) == {"yen thi", "thi huo"}  # "kp1-0001 nguyen…": digits
    for each in Household.objects.all():
        assert stored_pairs(each) == key_pairs(each.search_key)

    household.code, household.head_name = "KP1-0100", "Trần Thị Mai"
    household.search_key = build_search_key(household.code, household.head_name, household.head_national_id)
    household.save()
    assert stored_pairs(household) == {"ran thi", "thi mai"}
    household.address = "Khu phố 1"
    household.save()
    assert stored_pairs(household) == {"ran thi", "thi mai"}
    Household.objects.filter(pk=household.pk).update(commune=other_commune)
    household.refresh_from_db()
    assert stored_pairs(household) == {"ran thi", "thi mai"}
    assert not SearchPair.objects.exclude(commune_id=F("household__commune_id")).exists()
    household.delete()
    assert not SearchPair.objects.filter(household_id=household.pk).exists()
    assert SearchPair.objects.count() == sum(len(key_pairs(h.search_key)) for h in Household.objects.all())
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the test's pending foreign-key checks first
        cursor.execute("TRUNCATE households_household CASCADE")
    assert not SearchPair.objects.exists()


def test_dumpdata_leaves_the_derived_pairs_out():
    """The pairs are the trigger's to write: a dump that carried them would load them twice."""
    from django.apps import apps
    from django.db import router

    model = apps.get_model("households", "SearchPair")
    assert not router.allow_migrate_model("default", model)


def test_a_probe_short_of_a_page_walks_the_rarest_pair_on_postgresql(people):
    """ "hung mai": one in the probe of two rows, short of a page. On PostgreSQL its pair "ung mai" has
    two rows in all: the choice (one query) and the pair's walk (one); SQLite asks the index."""
    from django.db import connection

    scope = Household.objects.all()
    commune_id = people[0].commune_id
    with CaptureQueriesContext(connection) as captured:
        page = search_page(scope, scope, "hung mai", size=50, window=4, probe=2, commune_id=commune_id)
    assert [h.code for h in page.items] == expected("hung mai") and page.is_last
    sql = " ".join(query["sql"] for query in captured)
    assert len(captured) == 4
    assert ("households_searchpair" in sql) == (connection.vendor == "postgresql")
    # Walked a row at a time, the pair is cut short: the walk and the index finish the page.
    with CaptureQueriesContext(connection) as captured:
        page = search_page(
            scope, scope, "hung mai", size=50, window=4, probe=2, commune_id=commune_id, pair_walk=1
        )
    assert [h.code for h in page.items] == expected("hung mai")
