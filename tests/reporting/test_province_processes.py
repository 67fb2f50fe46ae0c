"""Several app servers serve one province: what one process approves, another sees at once.

Two real Python processes (``manage.py shell``) share the database, as two gunicorn servers would:
process B stays up and reads the province roll-up before and after process A approves a review round
and its worker refreshes the row. With a per-process cache (LocMemCache) B would never see it."""

import datetime
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from households.models import Category, Province
from tests.factories import CommuneFactory, NeighborhoodFactory, UserFactory
from tests.households.factories import HouseholdFactory
from tests.programs.delivery.factories import approve_round
from thoxuan_gnbv.models import Role

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.shared_cache]
ROOT = Path(__file__).resolve().parents[2]

READER = """
import json, sys
from households.models import Commune
from reporting.figures.province import province_rollup
for line in sys.stdin:
    communes = Commune.objects.filter(province__code="97").values_list("pk", "code", "name")
    total = province_rollup(communes, 2024).total
    print("ROW", json.dumps({"poor": total["poor"], "ready": total["ready"]}), flush=True)
"""
APPROVER = """
import datetime
from households.models import Category, Commune
from reporting.province_tasks import refresh_province_rows
from tests.households.factories import HouseholdFactory
from tests.programs.delivery.factories import approve_round
from thoxuan_gnbv.models import User
commune = Commune.objects.get(code="tinh-hai-tien-trinh")
chairman = User.objects.get(username="ct-hai-tien-trinh")
household = HouseholdFactory(neighborhood=commune.neighborhoods.get(), code="MOI-1")
approve_round(commune, datetime.date(2024, 12, 28), {household: Category.POOR}, chairman)
# The worker's task, as db_worker runs it after the approval's signal.
refresh_province_rows.call(commune_ids=[commune.pk], year=2024)
"""


def _database_url(tmp_path) -> str:
    """The test database as a URL another process can open: PostgreSQL's test database, or a file
    copy of SQLite's in-memory one (both processes then share that file)."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        user, host, port = settings["USER"], settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
        return f"postgres://{user}@{host}:{port}/{settings['NAME']}"
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return f"sqlite:///{path}"


def _environment(url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL"}}
    env.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="thoxuan_gnbv.settings")
    return env


def test_an_approval_in_one_process_is_seen_by_another_at_once(tmp_path):
    province = Province.objects.create(code="97", name="Hai Tiến Trình")
    commune = CommuneFactory(code="tinh-hai-tien-trinh", name="Xã Hai Tiến Trình", province=province)
    chairman = UserFactory(commune=commune, role=Role.CHAIRMAN, username="ct-hai-tien-trinh", password=None)
    neighborhood = NeighborhoodFactory(commune=commune, name="Khu phố 1", position=1)
    households = [HouseholdFactory(neighborhood=neighborhood, code=f"H-{n}") for n in range(3)]
    approve_round(commune, datetime.date(2024, 12, 20), dict.fromkeys(households, Category.POOR), chairman)
    env = _environment(_database_url(tmp_path))
    reader = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", READER],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:

        def read() -> dict:
            reader.stdin.write("?\n")
            reader.stdin.flush()
            # The shell may print notes of its own first: the answer is the line starting "ROW".
            line = reader.stdout.readline()
            while line and not line.startswith("ROW "):
                line = reader.stdout.readline()
            return json.loads(line.removeprefix("ROW "))

        assert read() == {"poor": 0, "ready": 0}  # nothing computed yet
        approver = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", APPROVER],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert approver.returncode == 0, approver.stderr
        # The same reader process, still running, sees the approval and the row at once: 3 + 1 poor.
        assert read() == {"poor": 4, "ready": 1}
    finally:
        reader.stdin.close()
        reader.wait()
