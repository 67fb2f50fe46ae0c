import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from demo.users import DEMO_PASSWORD, DEMO_USERS
from thoxuan_gnbv.models import Role, User

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    dropped = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_vietnamese_locale_and_time_zone():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ


def test_production_settings_pass_check_deploy():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="kiem-thu-" + "x7Qp2Lm9Zr4Vt8Nw" * 4,
        ALLOWED_HOSTS="gnbv.example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", DEBUG="0", ALLOWED_HOSTS="gnbv.example.vn")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_seed_demo_creates_the_commune_its_khu_pho_and_a_user_per_role():
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from households.models import Commune, Neighborhood
    from programs.models import Unit

    commune = Commune.objects.get(code="tho-xuan")
    assert commune.name == "Thị trấn Thọ Xuân"
    assert commune.is_urban
    names = list(Neighborhood.objects.filter(commune=commune).values_list("name", flat=True))
    assert names == [f"Khu phố {n}" for n in range(1, 13)]
    assert {u.role for u in User.objects.exclude(role="")} == set(Role.values)
    assert Unit.objects.filter(commune=commune, short_name="Trạm y tế thị trấn").exists()
    for username, *_ in DEMO_USERS:
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)
    assert Neighborhood.objects.get(commune=commune, name="Khu phố 1").head.username == "khupho1"


@pytest.mark.django_db
def test_seed_demo_is_safe_to_rerun():
    from households.models import Commune, Neighborhood

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    counts = (User.objects.count(), Commune.objects.count(), Neighborhood.objects.count())
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert (User.objects.count(), Commune.objects.count(), Neighborhood.objects.count()) == counts
