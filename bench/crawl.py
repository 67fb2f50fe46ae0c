"""Walk every page as every demo role and time it (figures, not assertions).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_crawl_demo \
        .venv/bin/python bench/crawl.py --json /tmp/crawl_demo.json

In-process with Django's test Client: for each demo user present in the database, log in, start at "/"
and follow every same-site link (<a href>, and <form method=get> actions without their fields)
breadth-first. URLs are grouped by pattern (route name plus the names of the query parameters) and at
most --per-pattern concrete URLs of a pattern are visited per role, so 2,000 household pages cost three.
Logout, static files and /admin/ (unless --admin) are never requested.

Each page is fetched once to warm up and read its links, once under CaptureQueriesContext to count its
queries, then --repeat times for the median time. Every request runs in a transaction that is rolled
back, so a GET cannot change the database; queries that would have written are counted ("writes").
Downloads (PDF, XLSX) are recorded with their time and size; one larger than --max-bytes is fetched
once only, and --no-downloads fetches each download route once, when first met, then skips it.

Prints a Markdown table, every 5xx (and exits 1 if any), and the named routes no role reached;
--json keeps the figures for bench/crawl_compare.py.
"""

import argparse
import contextlib
import json
import logging
import os
import signal
import statistics
import sys
import time
from collections import deque
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

from django.urls import URLPattern, URLResolver, get_resolver, resolve  # noqa: E402
from django.urls.exceptions import Resolver404  # noqa: E402

ROLES = [
    "chutich", "phochutich", "laodong", "nongnghiep", "vanhoa", "tramyte", "ketoan",
    "khupho1", "khupho2", "mttq", "captren", "captinh", "quantri",
]  # fmt: skip
SITE = "http://testserver"
SKIP_ROUTES = {"logout"}
SKIP_PREFIXES = ("/static/", "/media/")
UNRESOLVED = "(không khớp route)"


# ---- links and patterns (pure functions, tested in tests/bench/test_crawl.py) -------------------------


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = {"get": [], "post": []}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links["get"].append(attrs["href"])
        elif tag == "form":
            # An empty action submits to the page itself; the crawler sends no fields.
            method = "post" if (attrs.get("method") or "get").lower() == "post" else "get"
            self.links[method].append(urlsplit(attrs.get("action") or "").path or ".")


def extract_links(html: str, base_url: str, method: str = "get") -> list[str]:
    """Same-site links of a page as site-relative URLs (path and query, no fragment), in page order,
    without duplicates: <a href> and <form method=get> actions, or with ``method="post"`` the actions
    of POST forms (never requested, only counted for coverage). ``base_url`` is the page's own URL,
    against which relative links resolve."""
    parser = _LinkParser()
    parser.feed(html)
    found = []
    for href in parser.links[method]:
        if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        if href == ".":
            href = urlsplit(base_url).path
        parts = urlsplit(urljoin(SITE + base_url, href.strip()))
        if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if url not in found:
            found.append(url)
    return found


def route_of(url: str) -> tuple[str, str]:
    """(route name, pattern) of a URL. The pattern is the route name plus the sorted names of the query
    parameters, so ``/households/?page=2`` and ``/households/?page=3`` share ``households:household_list
    ?page`` while ``/households/`` is a pattern of its own. An unresolvable URL is its own pattern."""
    parts = urlsplit(url)
    try:
        name = resolve(parts.path).view_name
    except Resolver404:
        return UNRESOLVED, parts.path
    if name.startswith("admin:"):
        return name, name  # the admin's filter and sort links would make a pattern per combination
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return name, name + (f"?{'&'.join(keys)}" if keys else "")


def skipped(url: str, name: str, include_admin: bool = False) -> bool:
    """Never request logout, static or media files, nor the admin unless asked."""
    if name in SKIP_ROUTES or url.startswith(SKIP_PREFIXES):
        return True
    return not include_admin and (url.startswith("/admin/") or name.startswith("admin:"))


class PatternBudget:
    """Admits at most ``per_pattern`` distinct URLs of each pattern, each once."""

    def __init__(self, per_pattern: int):
        self.per_pattern = per_pattern
        self.seen: dict[str, set[str]] = {}

    def admit(self, pattern: str, url: str) -> bool:
        urls = self.seen.setdefault(pattern, set())
        if url in urls or len(urls) >= self.per_pattern:
            return False
        urls.add(url)
        return True


def named_routes(patterns=None, namespace: str = "") -> list[str]:
    """Every named route of the URL conf (``app:name``), the admin and static files excepted."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    names = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin" or entry.app_name == "admin":
                continue
            inner = entry.namespace or ""
            prefix = f"{namespace}:{inner}" if namespace and inner else namespace or inner
            names.extend(named_routes(entry.url_patterns, prefix))
        elif isinstance(entry, URLPattern) and entry.name:
            if str(entry.pattern).startswith(("static/", "media/")):
                continue
            names.append(f"{namespace}:{entry.name}" if namespace else entry.name)
    return sorted(set(names))


# ---- fetching and timing ---------------------------------------------------------------------------


@dataclass
class Page:
    role: str
    url: str
    route: str
    pattern: str
    status: int
    ms: float
    bytes: int
    content_type: str
    download: bool
    source: str = ""  # the first page that linked here
    queries: int = 0
    writes: int = 0
    note: str = ""


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
        response.close()
        return body
    return response.content


def _is_write(sql: str) -> bool:
    return sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) and "django_session" not in sql


class PageTimeout(BaseException):
    """Raised by the alarm when a page runs past --timeout (a BaseException, so no view or middleware
    turns it into a 500 response)."""


_armed = False


def _alarm(signum, frame):
    if _armed:
        raise PageTimeout


def _arm(timeout: float) -> None:
    global _armed
    _armed = True
    # Then again every second: an alarm landing in a __del__ is swallowed by Python.
    signal.setitimer(signal.ITIMER_REAL, timeout, 1.0)


def _disarm() -> None:
    global _armed
    _armed = False
    signal.setitimer(signal.ITIMER_REAL, 0)


def timed_out(response) -> bool:
    """A request that ended on the cap: the alarm, or PostgreSQL's statement_timeout (set to the same
    cap) cancelling a query, which Django turns into a 500 with the cancellation as its exception."""
    if response is None:
        return True
    exc = getattr(response, "exc_info", None)
    return bool(exc) and "statement timeout" in str(exc[1])


def fetch(client, url, capture=False, timeout=0.0):
    """One GET inside a rolled-back transaction: (response, body, seconds, queries, writes). With a
    ``timeout`` (seconds) the request is stopped there and the response is None."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    context = CaptureQueriesContext(connection) if capture else contextlib.nullcontext()
    response, body = None, b""
    with transaction.atomic():
        if timeout and connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # the alarm cannot interrupt a query waiting in libpq
                cursor.execute("SET LOCAL statement_timeout = %s", [int(timeout * 1000)])
        started = time.perf_counter()
        if timeout:
            _arm(timeout)
        try:
            try:
                with context:
                    response = client.get(url)
                    body = _body(response)
            finally:
                _disarm()
        except PageTimeout:  # also when the alarm lands while disarming
            _disarm()
            response = None
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    captured = context.captured_queries if capture else []
    queries, writes = len(captured), sum(_is_write(q["sql"]) for q in captured)
    return response, body, seconds, queries, writes


def crawl_role(client, role, args, download_routes, post_routes):
    """Breadth-first walk from "/" for one logged-in client; returns the pages it measured and adds the
    routes of the POST forms it saw to ``post_routes``."""
    budget = PatternBudget(args.per_pattern)
    queue = deque([("/", "")])
    budget.admit(route_of("/")[1], "/")
    pages = []
    while queue and len(pages) < args.max_pages:
        url, source = queue.popleft()
        name, pattern = route_of(url)
        if args.no_downloads and name in download_routes:
            continue
        response, body, first, _, _ = fetch(client, url, timeout=args.timeout)  # warm-up
        if timed_out(response):
            # A page that ran to the cap is recorded at the cap and not repeated; its links are lost.
            page = Page(role, url, name, pattern, 0, first * 1000, len(body), "", False, source)
            page.note = f"quá giờ: dừng ở {args.timeout:.0f} s"
            pages.append(page)
            print(f"  {role:<10} QUÁ GIỜ {page.ms:8.1f} ms {url}", file=sys.stderr)
            continue
        ctype = response.get("Content-Type", "").split(";")[0]
        download = ctype != "text/html" or "attachment" in response.get("Content-Disposition", "")
        if download:
            download_routes.add(name)
        page = Page(
            role, url, name, pattern, response.status_code, first * 1000, len(body), ctype, download, source
        )
        if response.status_code >= 500 and response.exc_info:
            page.note = f"{response.exc_info[0].__name__}: {response.exc_info[1]}"[:300]
        if (download and args.no_downloads) or len(body) > args.max_bytes:
            page.note = page.note or ("tải một lần" if download else "quá lớn, đo một lần")
        elif first > args.once_s:
            # Slow pages are measured once more (with the query count), not --repeat times.
            again, _, seconds, page.queries, page.writes = fetch(client, url, True, args.timeout)
            page.ms = seconds * 1000
            page.note = page.note or ("quá giờ khi đo lại" if timed_out(again) else "chậm: đo một lần")
        else:
            _, _, _, page.queries, page.writes = fetch(client, url, capture=True, timeout=args.timeout)
            page.ms = statistics.median(
                fetch(client, url, timeout=args.timeout)[2] for _ in range(args.repeat)
            )
            page.ms *= 1000
        pages.append(page)
        print(f"  {role:<10} {page.status} {page.ms:8.1f} ms {url}", file=sys.stderr)
        links = []
        if 300 <= response.status_code < 400 and response.get("Location"):
            links = extract_links(f'<a href="{response["Location"]}">', url)
        elif ctype == "text/html":
            html = body.decode(response.charset or "utf-8", "replace")
            links = extract_links(html, url)
            post_routes.update(route_of(action)[0] for action in extract_links(html, url, "post"))
        for link in links:
            link_name, link_pattern = route_of(link)
            if not skipped(link, link_name, args.admin) and budget.admit(link_pattern, link):
                queue.append((link, url))
    return pages


# ---- output ----------------------------------------------------------------------------------------


def markdown(pages: list[Page]) -> str:
    lines = [
        "| vai trò | route | URL | mã | ms | KB | truy vấn | ghi | ghi chú |",
        "|---|---|---|--:|--:|--:|--:|--:|---|",
    ]
    for p in pages:
        status = f"**{p.status}**" if p.status >= 500 else str(p.status)
        lines.append(
            f"| {p.role} | {p.route} | `{p.url}` | {status} | {p.ms:.1f} | {p.bytes / 1024:.1f} "
            f"| {p.queries} | {p.writes or ''} | {p.note} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", default=",".join(ROLES), help="comma-separated usernames")
    parser.add_argument("--repeat", type=int, default=3, help="timed requests per page (median)")
    parser.add_argument("--per-pattern", type=int, default=3, help="concrete URLs per pattern and role")
    parser.add_argument("--max-pages", type=int, default=500, help="pages per role, a safety stop")
    parser.add_argument("--max-bytes", type=int, default=20_000_000, help="bigger responses are fetched once")
    parser.add_argument("--no-downloads", action="store_true", help="skip PDF/XLSX downloads")
    parser.add_argument("--admin", action="store_true", help="also crawl /admin/")
    parser.add_argument("--slow-ms", type=float, default=1000, help="a page slower than this is listed")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a request may run (0: no cap)")
    parser.add_argument("--once-s", type=float, default=5, help="a page slower than this is re-timed once")
    parser.add_argument("--json", help="write the figures here, for bench/crawl_compare.py")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    # The session's expiry is pushed forward once a minute (IdleSessionMiddleware); every request here
    # is rolled back, so after a role's first minute each page would redo it and count 3 more queries —
    # a figure of the crawl's duration, not of the page.
    settings.SESSION_REFRESH_SECONDS = 10**9
    signal.signal(signal.SIGALRM, _alarm)
    logging.getLogger("django.request").setLevel(logging.ERROR)  # 403/404 are figures here; 5xx still log
    wanted = [r for r in args.roles.split(",") if r]
    found = get_user_model().objects.in_bulk(wanted, field_name="username")
    users = {r: found[r] for r in wanted if r in found}
    missing = [r for r in wanted if r not in found]
    households = _count_households()
    print(f"# Crawl — {connection.vendor} {connection.settings_dict['NAME']} · {households:,} hộ\n")
    if missing:
        print(f"Không đăng nhập được (không có người dùng): {', '.join(missing)}\n")

    pages, download_routes, post_routes = [], set(), set()
    started = time.perf_counter()
    for username, user in users.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        pages.extend(crawl_role(client, username, args, download_routes, post_routes))
        if args.json:  # after each role, so a long crawl stopped midway keeps what it measured
            _write_json(args.json, households, args.repeat, missing, pages, None, None)
    elapsed = time.perf_counter() - started

    print(markdown(pages))
    reached = {p.route for p in pages}
    # Logout is skipped on purpose and login is for anonymous visitors only.
    unreached = [name for name in named_routes() if name not in reached | SKIP_ROUTES | {"login"}]
    post_only = [name for name in unreached if name in post_routes]
    never = [name for name in unreached if name not in post_routes]
    errors = [p for p in pages if p.status >= 500]
    capped = [p for p in pages if p.status == 0]
    slow = sorted((p for p in pages if p.ms > args.slow_ms), key=lambda p: -p.ms)
    print(f"\n{len(pages)} trang, {len(reached)} route, {len(users)} vai trò, {elapsed:.0f} s.")
    print(f"\n## Route không vai trò nào mở ({len(unreached)})\n")
    print(f"Chỉ thấy làm đích của form POST (không gửi): {', '.join(post_only) or '(không có)'}\n")
    print(f"Không trang nào dẫn tới: {', '.join(never) or '(không có)'}")
    if slow:
        print(f"\n## Chậm hơn {args.slow_ms:.0f} ms ({len(slow)})\n")
        print("\n".join(f"- {p.ms:.0f} ms {p.route} ({p.role}) `{p.url}`" for p in slow))
    if capped:
        print(f"\n## Quá giờ (dừng ở {args.timeout:.0f} s) ({len(capped)})\n")
        print("\n".join(f"- {p.route} ({p.role}) `{p.url}` ← `{p.source}`" for p in capped))
    writes = [p for p in pages if p.writes]
    if writes:
        print(f"\n## GET có ghi CSDL (đã hoàn tác) ({len(writes)})\n")
        print("\n".join(f"- {p.writes} ghi: {p.route} ({p.role}) `{p.url}`" for p in writes))
    refused = [p for p in pages if 400 <= p.status < 500]
    if refused:
        print(f"\n## Liên kết dẫn tới 4xx ({len(refused)})\n")
        print("\n".join(f"- {p.status} {p.route} ({p.role}) `{p.url}` ← `{p.source}`" for p in refused))
    if errors:
        print(f"\n## !!! LỖI 5xx: {len(errors)} !!!\n")
        print(
            "\n".join(
                f"- **{p.status}** {p.route} ({p.role}) `{p.url}` ← `{p.source}` {p.note}" for p in errors
            )
        )
    if args.json:
        _write_json(args.json, households, args.repeat, missing, pages, unreached, post_only)
    return 1 if errors else 0


def _write_json(path, households, repeat, missing, pages, unreached, post_only) -> None:
    from django.db import connection

    Path(path).write_text(
        json.dumps(
            {
                "database": connection.settings_dict["NAME"],
                "households": households,
                "repeat": repeat,
                "missing_roles": missing,
                "unreached": unreached,  # None: the crawl was still running
                "unreached_post_only": post_only,
                "pages": [asdict(p) for p in pages],
            },
            ensure_ascii=False,
            indent=1,
        )
    )


def _count_households() -> int:
    from households.models import Household

    return Household.objects.count()


if __name__ == "__main__":
    sys.exit(main())
