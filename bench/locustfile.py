"""Load test: 50 commune officers at once against gunicorn + PostgreSQL (figures, not assertions).

Locust is pinned in bench/requirements.txt and lives in its own virtualenv (never the app's):

    "$(readlink -f .venv/bin/python)" -m venv .venv-bench && .venv-bench/bin/pip install -r bench/requirements.txt
    .venv-bench/bin/locust -f bench/locustfile.py --headless -u 50 -r 50 -t 60s \
        --host http://127.0.0.1:18800 --csv /tmp/load_1k

against gunicorn started as bench/README.md says (DEBUG=0, the production settings). Requests carry what
nginx would add (Host, X-Forwarded-Proto: https, X-Forwarded-For), so the HTTPS redirect and the secure
cookies behave as in production; the session and CSRF cookies are carried by hand because they are
marked Secure and the loopback is plain HTTP. Environment: GNBV_HOST (the Host header, default
gnbv.example.vn; must be in ALLOWED_HOSTS), GNBV_USERS (comma-separated usernames, default the labour
officer, who may open every page of the mix), GNBV_PASSWORD (default the demo's).

The mix, per officer with 1–3 s of thinking between requests: home, household list (first page and a
khu phố), search (a common, a rare and a two-letter term), household detail, the review form, the support
entry form, the report calendar, the dashboard; every officer logs in first: at locust's spawn rate
(bench/run_load.sh's SPAWN_RATE: 5 a second for the usual morning, all 50 at once for the worst
moment). One more simulated user downloads a PDF (the plan document) once a minute.
"""

import itertools
import os
import random
import re

from locust import HttpUser, between, constant, events, task

HOST = os.environ.get("GNBV_HOST", "gnbv.example.vn")
USERS = os.environ.get("GNBV_USERS", "laodong").split(",")
PASSWORD = os.environ.get("GNBV_PASSWORD", "GiamNgheo@2024")
NGINX = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.10"}
SEARCHES = ["nguyen van hung", "tran thi mai", "ung", "khong van kiet", "zq", "le"]
HOUSEHOLD_LINK = re.compile(r'href="/households/(\d+)/"')
PLAN_LINK = re.compile(r'href="/programs/plans/(\d+)/"')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_accounts = itertools.cycle(USERS)


class Officer(HttpUser):
    """An officer of the commune working through the day's pages."""

    abstract = True
    wait_time = between(1, 3)

    def on_start(self):
        self.cookies = {}
        self.households = []
        self.username = next(_accounts)
        self.login()

    def request(self, method, url, name=None, **kwargs):
        headers = {**NGINX, **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        with self.client.request(
            method,
            url,
            name=name or url,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
            **kwargs,
        ) as response:
            # Secure cookies do not travel over plain HTTP by themselves: keep them here.
            self.cookies.update({c.name: c.value for c in response.cookies})
            self.client.cookies.clear()
            expected = (302,) if method == "POST" else (200,)
            if response.status_code not in expected:
                response.failure(f"HTTP {response.status_code}")
            return response

    def login(self):
        page = self.request("GET", "/dang-nhap/", name="đăng nhập (trang)")
        token = TOKEN.search(page.text or "")
        self.request(
            "POST",
            "/dang-nhap/",
            name="đăng nhập (gửi)",
            data={
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "username": self.username,
                "password": PASSWORD,
            },
            headers={"Origin": f"https://{HOST}", "Referer": f"https://{HOST}/dang-nhap/"},
        )

    def household_id(self):
        if not self.households:
            page = self.request("GET", "/households/", name="danh sách hộ")
            self.households = HOUSEHOLD_LINK.findall(page.text or "") or ["1"]
        return random.choice(self.households)


class CommuneOfficer(Officer):
    weight = 50

    @task(10)
    def home(self):
        self.request("GET", "/", name="trang chủ")

    @task(8)
    def household_list(self):
        page = self.request("GET", "/households/", name="danh sách hộ")
        self.households = HOUSEHOLD_LINK.findall(page.text or "") or self.households

    @task(3)
    def household_list_filtered(self):
        self.request("GET", "/households/?year=2024&category=poor", name="danh sách hộ (lọc hộ nghèo)")

    @task(5)
    def search(self):
        term = random.choice(SEARCHES)
        self.request("GET", f"/households/?q={term.replace(' ', '+')}", name="tìm kiếm")

    @task(8)
    def household_detail(self):
        self.request("GET", f"/households/{self.household_id()}/", name="chi tiết hộ")

    @task(3)
    def review_form(self):
        self.request("GET", f"/households/{self.household_id()}/review/", name="phiếu rà soát")

    @task(3)
    def support_form(self):
        self.request("GET", f"/programs/support/new/?household={self.household_id()}", name="ghi nhận hỗ trợ")

    @task(2)
    def calendar(self):
        self.request("GET", "/reporting/calendar/", name="lịch báo cáo")

    @task(3)
    def dashboard(self):
        self.request("GET", "/reporting/dashboard/", name="bảng điều khiển")


class PdfReader(Officer):
    """One PDF a minute over the whole load: the plan document (a real, multi-page PDF)."""

    fixed_count = 1
    wait_time = constant(60)

    @task
    def plan_pdf(self):
        plans = self.request("GET", "/programs/plans/", name="danh sách kế hoạch")
        ids = PLAN_LINK.findall(plans.text or "")
        if ids:
            self.request("GET", f"/reporting/plans/{max(ids, key=int)}/pdf/", name="PDF kế hoạch")


@events.quitting.add_listener
def _summary(environment, **kwargs):
    """Print requests/s, p50/p95/p99 and errors of the whole run (also in the --csv files)."""
    total = environment.stats.total
    print(
        f"TỔNG: {total.num_requests} yêu cầu, {total.total_rps:.1f}/s, lỗi {total.num_failures}, "
        f"p50 {total.get_response_time_percentile(0.5):.0f} ms, p95 {total.get_response_time_percentile(0.95):.0f} ms, "
        f"p99 {total.get_response_time_percentile(0.99):.0f} ms"
    )
