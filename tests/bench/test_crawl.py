"""The crawler's link extraction and pattern de-duplication (bench/crawl.py); no timing here."""

from bench.crawl import PatternBudget, extract_links, named_routes, route_of, skipped
from bench.crawl_compare import compare

PAGE = """
<a href="/households/12/">Hộ 12</a>
<a href="/households/12/#members">same page, other anchor</a>
<a href="../../households/?page=2">relative, with a query</a>
<a href="https://example.org/">another site</a>
<a href="mailto:ubnd@example.org">mail</a>
<a href="/static/vendor/app.css">static</a>
<a href="/dang-xuat/">logout</a>
<a href="/admin/">admin</a>
<form method="get" action="/programs/support/"><input name="q"></form>
<form><select name="year"></select></form>
<form method="post" action="/households/12/review/"></form>
"""


def test_extract_links_keeps_same_site_links_without_fragments_in_page_order():
    links = extract_links(PAGE, "/reporting/calendar/")

    assert links == [
        "/households/12/",
        "/households/?page=2",
        "/static/vendor/app.css",
        "/dang-xuat/",
        "/admin/",
        "/programs/support/",
        "/reporting/calendar/",  # a form without action submits to the page itself, sent without fields
    ]


def test_extract_links_lists_post_form_actions_apart():
    assert extract_links(PAGE, "/reporting/calendar/", "post") == ["/households/12/review/"]


def test_pattern_is_the_route_name_plus_the_query_parameter_names():
    assert route_of("/households/12/") == ("households:household_detail", "households:household_detail")
    assert route_of("/households/?page=2&q=nguyen") == (
        "households:household_list",
        "households:household_list?page&q",
    )
    assert route_of("/households/?q=tran&page=9")[1] == route_of("/households/?page=2&q=nguyen")[1]
    assert route_of("/no-such-page/")[1] == "/no-such-page/"


def test_logout_static_and_admin_are_skipped_unless_admin_is_asked_for():
    def skip(url, **kwargs):
        return skipped(url, route_of(url)[0], **kwargs)

    assert skip("/dang-xuat/")
    assert skip("/static/vendor/app.css")
    assert skip("/admin/")
    assert not skip("/admin/", include_admin=True)
    assert not skip("/households/12/")


def test_pattern_budget_admits_a_bounded_number_of_distinct_urls_per_pattern():
    budget = PatternBudget(per_pattern=3)
    urls = [f"/households/{pk}/" for pk in range(1, 2001)]

    admitted = [url for url in urls + urls if budget.admit(route_of(url)[1], url)]

    assert admitted == ["/households/1/", "/households/2/", "/households/3/"]
    assert budget.admit(route_of("/households/?page=2")[1], "/households/?page=2")


def test_named_routes_cover_the_apps_but_not_the_admin():
    routes = named_routes()

    assert {"home", "households:household_detail", "reporting:dashboard"} <= set(routes)
    assert not [name for name in routes if name.startswith("admin:")]


def test_compare_flags_a_slower_bigger_page_with_other_query_counts():
    def crawl(ms, size, queries):
        page = {"pattern": "home", "ms": ms, "bytes": size, "queries": queries, "status": 200}
        return {"pages": [page]}

    (row,) = compare(crawl(10, 1000, 5), crawl(20, 1300, 6))

    assert row["flags"] == ["⏱", "⇪", "≠"]
