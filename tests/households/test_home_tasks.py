"""The khu phố head's home page: households of their khu phố changed since the last approved review,
counted, with a link listing exactly those households."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from households.models import ReviewRound, RoundStatus
from households.services.registry import household_update, member_add
from tests.households.factories import HouseholdFactory
from thoxuan_gnbv.navigation import home_sections_for

pytestmark = pytest.mark.django_db

TITLE = "Hộ gia đình và rà soát"


def _changed_task(user):
    tasks = [t for s in home_sections_for(user) if s.title == TITLE for t in s.tasks if "thay đổi" in t.text]
    return tasks[0] if tasks else None


@pytest.fixture
def reviewed(commune, chairman, neighborhood1, neighborhood2, time_machine):
    """Four households of khu phố 1 and one of khu phố 2, then the 2024 round approved on 20/12/2024."""
    time_machine.move_to(datetime.datetime(2024, 12, 1, 9, tzinfo=datetime.UTC))
    ours = [HouseholdFactory(neighborhood=neighborhood1, code=f"KP1-{n:04d}") for n in range(1, 5)]
    theirs = HouseholdFactory(neighborhood=neighborhood2, code="KP2-0001")
    time_machine.move_to(datetime.datetime(2024, 12, 20, 9, tzinfo=datetime.UTC))
    ReviewRound.objects.create(
        commune=commune,
        year=2024,
        status=RoundStatus.APPROVED,
        decision_number="215/QĐ-UBND",
        decision_date=datetime.date(2024, 12, 20),
        approved_by=chairman,
        approved_at=timezone.now(),
    )
    time_machine.move_to(datetime.datetime(2025, 2, 3, 9, tzinfo=datetime.UTC))
    return ours, theirs


def test_head_sees_the_households_changed_since_the_approved_review(reviewed, head1, client_for):
    ours, theirs = reviewed
    task = _changed_task(head1)
    assert task.count == 0 and task.level == "success"
    household_update(household=ours[0], user=head1, address="Số 5, khu phố 1")
    member_add(household=ours[2], user=head1, full_name="Lê Thị Mai", sex="female")
    household_update(household=theirs, user=head1, address="Khu phố 2")  # not theirs to count
    task = _changed_task(head1)
    assert task.count == 2 and task.level == "warning"
    assert task.text == "Hộ trong khu phố có thay đổi từ khi rà soát năm 2024 được phê duyệt"
    page = client_for(head1).get(task.url).content.decode()
    assert 'data-testid="changed-since"' in page
    assert "KP1-0001" in page and "KP1-0003" in page
    assert "KP1-0002" not in page and "KP1-0004" not in page


def test_nothing_to_compare_without_an_approved_round(commune, neighborhood1, head1):
    HouseholdFactory(neighborhood=neighborhood1)
    assert _changed_task(head1) is None


def test_a_bad_changed_since_value_lists_every_household(reviewed, head1, client_for):
    response = client_for(head1).get(reverse("households:household_list") + "?changed_since=31/02/x")
    assert response.status_code == 200
    assert response.content.decode().count('data-testid="household-row"') == 4


def test_head_home_queries_do_not_grow_with_changed_households(reviewed, head1, client_for):
    ours, _ = reviewed
    client = client_for(head1)
    household_update(household=ours[0], user=head1, address="Số 1")
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("home"))
    for household in ours[1:]:
        household_update(household=household, user=head1, address="Số 2")
    assert _changed_task(head1).count == 4
    with CaptureQueriesContext(connection) as four:
        client.get(reverse("home"))
    assert len(four) == len(one)


def test_fatherland_front_follows_the_review(reviewed, commune, fatherland_front, labour_officer):
    tasks = [
        t for s in home_sections_for(fatherland_front) if s.title.startswith("Giám sát") for t in s.tasks
    ]
    assert [t.text for t in tasks] == [
        "Kết quả rà soát năm 2024 đã phê duyệt (Quyết định số 215/QĐ-UBND ngày 20/12/2024)"
    ]
    ReviewRound.objects.create(
        commune=commune, year=2025, status=RoundStatus.SUBMITTED, submitted_by=labour_officer
    )
    tasks = [
        t for s in home_sections_for(fatherland_front) if s.title.startswith("Giám sát") for t in s.tasks
    ]
    assert tasks[0].text == "Rà soát năm 2025 đã trình Chủ tịch, chờ phê duyệt"
    assert tasks[0].url == reverse("households:round_detail", args=[ReviewRound.objects.get(year=2025).pk])


def test_a_round_entered_as_history_counts_from_its_decision_day(commune, neighborhood1, head1, time_machine):
    """A round entered afterwards carries no approval time: changes count from the end of the
    decision's day."""
    time_machine.move_to(datetime.datetime(2024, 12, 20, 3, tzinfo=datetime.UTC))  # 10:00 that day
    household = HouseholdFactory(neighborhood=neighborhood1)
    ReviewRound.objects.create(
        commune=commune,
        year=2024,
        status=RoundStatus.APPROVED,
        decision_number="215/QĐ-UBND",
        decision_date=datetime.date(2024, 12, 20),
        approved_by=head1,
    )
    assert _changed_task(head1).count == 0  # changed on the decision's day: before it took effect
    time_machine.move_to(datetime.datetime(2025, 1, 5, 3, tzinfo=datetime.UTC))
    household_update(household=household, user=head1, address="Số 3")
    assert _changed_task(head1).count == 1


def test_changed_since_reads_the_changes_not_the_registry():
    """The filter is one subquery: the union of the rows edited since (index on ``updated_at``) and the
    members' history since (index on ``history_date``); an OR of the two tested every household."""
    from households.models import Household
    from households.queries import changed_since

    sql = str(changed_since(Household.objects.all(), timezone.now()).query).upper()
    assert "UNION" in sql and "EXISTS" not in sql and " OR " not in sql
    assert "household_updated_at_idx" in [index.name for index in Household._meta.indexes]
