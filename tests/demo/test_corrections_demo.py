"""The demo shows corrections: an officer's own edit and a voided activity after quý II (applied at once),
a quý II support correction approved by the vice chairman, and requests waiting on the chairman's home page."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from programs.models import Activity, Correction
from programs.models.corrections import CorrectionAction
from thoxuan_gnbv.models import User
from thoxuan_gnbv.statuses import CorrectionStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_corrections_of_every_outcome(client):
    call_command("seed_demo", stdout=io.StringIO())
    statuses = set(Correction.objects.values_list("status", flat=True))
    assert statuses == {CorrectionStatus.APPLIED, CorrectionStatus.APPROVED, CorrectionStatus.REQUESTED}
    pending = Correction.objects.get(status=CorrectionStatus.REQUESTED, kind="support")
    assert "quý II năm 2024" in pending.locked_by and pending.changes[0]["label"].startswith("Ngân sách")
    void = Correction.objects.get(action=CorrectionAction.VOID)
    assert not Activity.objects.filter(pk=void.object_id).exists()
    assert Activity.all_objects.get(pk=void.object_id).void_reason == void.reason
    client.force_login(User.objects.get(username="chutich"))
    assert (
        "Đề nghị điều chỉnh số liệu đã báo cáo chờ phê duyệt" in client.get(reverse("home")).content.decode()
    )
    made = Correction.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert made >= 4 and Correction.objects.count() == made
