"""Two officers editing the same plan, plan part or allocation: the stale save is refused with the
other person's change and nothing is overwritten; a duplicate plan race is a form error."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programs.messages import plans as messages
from programs.models import Allocation, FundingSource, Plan
from programs.services import budget
from programs.services import plan_parts as part_services
from programs.services import plans as services
from tests.programs.factories import PlanFactory, program

pytestmark = pytest.mark.django_db


def sections(plan, **changes):
    data = {"title": plan.title, "signer_title": plan.signer_title, "version": plan.version}
    return data | changes


def test_plan_and_part_edit_pages_carry_the_version(client_for, draft_plan, labour_officer):
    client = client_for(labour_officer)
    recipient = draft_plan.recipients.first()
    page = client.get(reverse("programs:plan_edit", args=[draft_plan.pk])).text
    part = client.get(
        reverse("programs:plan_part_edit", args=[draft_plan.pk, "recipients", recipient.pk])
    ).text
    assert f'name="version" value="{draft_plan.version}"' in page
    assert f'name="version" value="{recipient.version}"' in part


def test_fresh_plan_edit_saves_bumps_the_version_and_writes_history(client_for, draft_plan, labour_officer):
    history = draft_plan.history.count()
    url = reverse("programs:plan_edit", args=[draft_plan.pk])
    response = client_for(labour_officer).post(url, sections(draft_plan, title="Kế hoạch đã sửa"))
    assert response.status_code == 302
    draft_plan.refresh_from_db()
    assert (draft_plan.title, draft_plan.version) == ("Kế hoạch đã sửa", 2)
    assert draft_plan.history.count() == history + 1


def test_stale_plan_edit_is_refused_with_the_other_change(client_for, draft_plan, labour_officer):
    url = reverse("programs:plan_edit", args=[draft_plan.pk])
    client = client_for(labour_officer)
    stale = sections(draft_plan, title="Bản của tôi")
    assert client.post(url, sections(draft_plan, title="Bản của đồng nghiệp")).status_code == 302
    history = draft_plan.history.count()

    response = client.post(url, stale)

    assert response.status_code == 200
    assert "Trích yếu: Bản của đồng nghiệp → Bản của tôi" in response.text
    draft_plan.refresh_from_db()
    assert (draft_plan.title, draft_plan.version) == ("Bản của đồng nghiệp", 2)
    assert draft_plan.history.count() == history


def test_stale_plan_section_part_edit_is_refused(client_for, draft_plan, labour_officer):
    recipient = draft_plan.recipients.first()
    url = reverse("programs:plan_part_edit", args=[draft_plan.pk, "recipients", recipient.pk])
    client = client_for(labour_officer)
    opened_at = recipient.version
    assert client.post(url, {"name": "Huyện ủy (B/c)", "version": opened_at}).status_code == 302

    response = client.post(url, {"name": "Sở Tài chính (B/c)", "version": opened_at})

    assert response.status_code == 200
    assert "Nơi nhận: Huyện ủy (B/c) → Sở Tài chính (B/c)" in response.text
    recipient.refresh_from_db()
    assert (recipient.name, recipient.version) == ("Huyện ủy (B/c)", opened_at + 1)
    assert recipient.history.first().name == "Huyện ủy (B/c)"


def test_stale_target_edit_keeps_the_other_persons_lines(draft_plan, labour_officer):
    target = draft_plan.targets.first()
    old_lines = list(target.lines.values("label", "quantity", "unit", "metric"))
    assert old_lines
    opened_at = target.version
    part_services.target_save(target=target, lines=[], user=labour_officer, version=opened_at)
    with pytest.raises(ValidationError) as caught:
        part_services.target_save(target=target, lines=old_lines, user=labour_officer, version=opened_at)
    assert "Người khác đã sửa dữ liệu này" in caught.value.messages[0]
    assert target.lines.count() == 0


# --- allocation: a correction from a stale form ----------------------------------------------------


@pytest.fixture
def allocation(approved_plan, accountant):
    return budget.allocation_record(
        component=approved_plan.components.first(),
        source=FundingSource.CENTRAL,
        amount="150.000.000",
        decision_number="03/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 10),
        user=accountant,
    )


def test_fresh_allocation_correction_bumps_the_version_and_writes_history(allocation, accountant):
    budget.allocation_update(allocation=allocation, user=accountant, version=1, amount="160.000.000")
    allocation.refresh_from_db()
    assert (allocation.amount, allocation.version) == (160_000_000, 2)
    assert allocation.history.count() == 2


def test_stale_allocation_correction_is_refused_with_the_other_change(allocation, accountant):
    mine = Allocation.objects.get(pk=allocation.pk)
    budget.allocation_update(allocation=allocation, user=accountant, version=1, amount="160.000.000")
    with pytest.raises(ValidationError) as caught:
        budget.allocation_update(allocation=mine, user=accountant, version=1, amount="170.000.000")
    assert "Số tiền (đồng): 160000000 → 170000000" in caught.value.messages[0]
    allocation.refresh_from_db()
    assert (allocation.amount, allocation.version) == (160_000_000, 2)
    assert allocation.history.count() == 2


# --- a duplicate plan created by two officers at once -----------------------------------------------


def test_duplicate_plan_race_is_a_year_error_not_a_500(commune, labour_officer, monkeypatch):
    original = Plan.full_clean

    def validate_then_lose_the_race(plan, *args, **kwargs):
        original(plan, *args, **kwargs)
        if plan._state.adding:
            monkeypatch.setattr(Plan, "full_clean", original)
            PlanFactory(commune=commune, year=plan.year, created_by=labour_officer)

    monkeypatch.setattr(Plan, "full_clean", validate_then_lose_the_race)
    with pytest.raises(ValidationError) as caught:
        services.plan_create(
            commune=commune, program=program(), year=2025, title="Kế hoạch năm 2025", user=labour_officer
        )
    assert caught.value.message_dict["year"] == [
        messages.PLAN_CREATE_EXISTS.format(year=2025, commune=commune)
    ]
