"""The demo's three ongoing reviews of 2025 (demo/ongoing_2025.py): one decided, one posted awaiting the
decision, one received; the decided one moved its household out of the poor list from the decision's date."""

import datetime

import pytest
from django.core.management import call_command

from households.models import Category, ReviewRequest, ReviewRound, RoundStatus
from households.status import status_on
from thoxuan_gnbv.statuses import RequestStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_three_ongoing_reviews_in_different_states(tmp_path):
    call_command("seed_demo", stdout=open(tmp_path / "out.txt", "w"))  # noqa: SIM115
    requests = list(ReviewRequest.objects.order_by("received_on"))
    assert [r.status for r in requests] == [
        RequestStatus.DECIDED,
        RequestStatus.POSTED,
        RequestStatus.RECEIVED,
    ]
    assert all(r.received_on.year == 2025 for r in requests)
    decided = requests[0]
    round_ = decided.review.round
    assert (round_.year, round_.number, round_.status, round_.decision_number) == (
        2025, 2, RoundStatus.APPROVED, "41/QĐ-UBND",
    )  # fmt: skip
    household = decided.household
    assert status_on(household, datetime.date(2025, 3, 24)).category == Category.POOR
    assert status_on(household, datetime.date(2025, 3, 25)).category != Category.POOR
    # The steps are logged on the days they took place, by the demo's officer and chairman.
    log = list(decided.transitions.values_list("at__date", "actor__username"))
    assert log[0] == (datetime.date(2025, 3, 5), "laodong") and log[-1][1] == "chutich"
    call_command("seed_demo", stdout=open(tmp_path / "again.txt", "w"))  # noqa: SIM115
    assert ReviewRequest.objects.count() == 3 and ReviewRound.objects.filter(number=2).count() == 1
