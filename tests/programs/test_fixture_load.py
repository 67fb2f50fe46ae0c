"""``dumpdata`` → ``loaddata`` restores every row, approved (frozen) documents included.

loaddata writes with ``raw=True``: it restores a stored state, so the frozen guards, which stop
*changes* to approved documents, must let it through, and no signal may queue new work."""

import io
import json

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from households.models import ReviewRound
from programs.models import Plan, PlanComponent
from tests.households.factories import approved_round

pytestmark = pytest.mark.django_db


def _dump(*labels) -> str:
    out = io.StringIO()
    call_command("dumpdata", *labels, "--natural-foreign", stdout=out)
    return out.getvalue()


def _load(tmp_path, data: str):
    fixture = tmp_path / "ban-sao.json"
    fixture.write_text(data, encoding="utf-8")
    call_command("loaddata", str(fixture), verbosity=0)


def test_loading_an_approved_plan_restores_its_partner_units(tmp_path, approved_plan, health_unit):
    component = approved_plan.components.first()
    # Stored state with a partner, written as the migration/restore would (no frozen check on the through table).
    PlanComponent.partner_units.through.objects.create(plancomponent=component, unit=health_unit)
    data = _dump("programs.plan", "programs.plancomponent")
    assert json.loads(data)[0]["model"] == "programs.plan"
    PlanComponent.partner_units.through.objects.all().delete()

    _load(tmp_path, data)

    assert list(component.partner_units.all()) == [health_unit]
    assert Plan.objects.get(pk=approved_plan.pk).status == approved_plan.status


def test_loading_an_approved_review_round_queues_no_task(
    tmp_path, commune, chairman, django_capture_on_commit_callbacks
):
    round_ = approved_round(commune, 2024, approver=chairman)
    data = _dump("households.reviewround")
    DBTaskResult.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _load(tmp_path, data)

    assert ReviewRound.objects.filter(pk=round_.pk).exists()
    assert callbacks == []
    assert DBTaskResult.objects.count() == 0
