"""Give a generated bench database the demo's users, so bench/crawl.py can log in as every role.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gnbv_crawl_1k .venv/bin/python bench/make_users.py

After bench/make_households.py (and make_support.py): creates or refreshes the demo users (same
usernames, roles and password as ``seed_demo``), makes khupho1 and khupho2 the heads of the bench
commune's Khu phố 1 and 2, and puts the officers in the demo's units. The bench communes belong to the
demo's province (Thanh Hóa, 38) and ``captinh`` views it, so the crawler and the load test reach the
province pages at every size. Safe to re-run.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thoxuan_gnbv.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from demo.units import seed_units  # noqa: E402
from demo.users import PROVINCE_CODE, seed_province_viewer, seed_users  # noqa: E402
from households.models import Commune, Neighborhood, Province  # noqa: E402
from thoxuan_gnbv.models import User  # noqa: E402

CODE = "bench"


def seed_bench_users(commune) -> dict:
    """The demo users (usernames, roles, password of ``seed_demo``) working for ``commune``."""
    users = seed_users()
    # As demo/registry.py's seed_commune: every demo user works for the commune (its request.commune).
    User.objects.filter(pk__in=[user.pk for user in users.values()]).update(commune=commune)
    for user in users.values():
        user.commune = commune
    for position, username in ((1, "khupho1"), (2, "khupho2")):
        Neighborhood.objects.filter(commune=commune, position=position).update(head=users[username])
    seed_units(commune, users)
    province = Province.objects.get_or_create(
        code=PROVINCE_CODE, defaults={"name": "Thanh Hóa", "full_name": "Tỉnh Thanh Hóa"}
    )[0]
    # Every bench commune (bench-small too, made before or after) is one of the province's communes.
    Commune.objects.filter(code__startswith=CODE, province__isnull=True).update(province=province)
    users["captinh"] = seed_province_viewer()
    return users


@transaction.atomic
def main():
    commune = Commune.objects.get(code=CODE)
    users = seed_bench_users(commune)
    print(f"{commune.name}: {len(users)} người dùng ({', '.join(users)})")


if __name__ == "__main__":
    main()
