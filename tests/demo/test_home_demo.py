"""The demo shows the home pages with real-looking work: the health station's unsent 2024 reports
overdue, the khu phố head's three households changed after the 2024 review, MTTQ's approved
report and review."""

import datetime
import io

import pytest
from django.core.management import call_command

from thoxuan_gnbv.models import User
from thoxuan_gnbv.navigation import home_sections_for

pytestmark = pytest.mark.django_db


def _texts(user, prefix=""):
    return [t for s in home_sections_for(user) if s.title.startswith(prefix) for t in s.tasks]


def test_demo_home_pages_show_what_is_due(time_machine):
    call_command("seed_demo", stdout=io.StringIO())
    time_machine.move_to(datetime.datetime(2025, 6, 2, 9, tzinfo=datetime.UTC))
    today = datetime.date(2025, 6, 2)
    health = User.objects.get(username="tramyte")
    overdue = [t.text for t in _texts(health, "Báo cáo") if t.is_overdue(today)]
    assert "Viết và gửi báo cáo quý III năm 2024" in overdue
    head = User.objects.get(username="khupho1")
    changed = [t for t in _texts(head, "Hộ gia đình") if "thay đổi" in t.text]
    assert changed[0].count == 3
    front = User.objects.get(username="mttq")
    assert any("Quyết định số" in t.text for t in _texts(front, "Giám sát"))
    assert any("quý I năm 2024" in t.text for t in _texts(front, "Giám sát"))
    # A second run records nothing twice.
    call_command("seed_demo", stdout=io.StringIO())
    assert [t for t in _texts(head, "Hộ gia đình") if "thay đổi" in t.text][0].count == 3
