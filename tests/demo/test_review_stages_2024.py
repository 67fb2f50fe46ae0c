"""The demo's 2024 round went through every stage: meetings in all 12 khu phố, a posting across
Quốc khánh 2/9 (so the working days show), two complaints — one upheld and posted again, one
rejected — and the chairman's decision; the round page shows it all."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from households.models import Complaint, Meeting, ReviewRound, RoundHousehold
from households.models.review_stages import ListReason
from tests.figure_worker import get_warm
from thoxuan_gnbv import workdays
from thoxuan_gnbv.models import User
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage

pytestmark = pytest.mark.django_db


def test_the_2024_round_shows_every_stage(client):
    call_command("seed_demo", stdout=None)
    review_round = ReviewRound.objects.get(commune__code="tho-xuan", year=2024)
    assert review_round.decision_number == "215/QĐ-UBND"
    assert Meeting.objects.filter(round=review_round).values("neighborhood").distinct().count() == 12
    entries = RoundHousehold.objects.filter(round=review_round)
    # Every household went to the posting but the three Phiếu A screened out (no Phiếu B needed).
    screened = entries.filter(quick_screen__screened_out=True)
    assert review_round.uses_quick_screen and screened.count() == 3
    assert set(screened.values_list("stage", flat=True)) == {HouseholdStage.TO_SURVEY}
    assert set(entries.exclude(pk__in=screened).values_list("stage", flat=True)) == {HouseholdStage.POSTED}
    assert {ListReason.LISTED, ListReason.APPLIED, ListReason.PROPOSED} <= set(
        entries.values_list("reason", flat=True)
    )
    first, second = review_round.postings.order_by("number")
    assert [day for day, _ in workdays.holidays_between(first.starts_on, first.ends_on)] == [
        datetime.date(2024, 9, 2),
        datetime.date(2024, 9, 3),
    ]
    assert first.ends_on == datetime.date(2024, 9, 5) and second.starts_on > first.ends_on
    statuses = dict(Complaint.objects.filter(round=review_round).values_list("status", "category_after"))
    assert statuses == {ComplaintStatus.UPHELD: "poor", ComplaintStatus.REJECTED: ""}
    assert review_round.decision_date > second.ends_on
    client.force_login(User.objects.get(username="laodong"))
    html = get_warm(client, reverse("households:round_detail", args=[review_round.pk])).text
    assert "(A: " in html
    assert "02/09 Quốc khánh" in html and "Khiếu nại đúng" in html and "Khiếu nại không đúng" in html
    assert html.count("Biên bản (PDF)") == Meeting.objects.filter(round=review_round).count()
