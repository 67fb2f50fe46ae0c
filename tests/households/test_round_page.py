"""The round page for the labour officer: each stage with its deadline, each khu phố's progress, the
households of one khu phố in keyset pages, the warning before submitting with un-surveyed households,
and a number of queries that does not grow with the households."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from households.models import RoundHousehold, RoundStatus
from households.models.review_stages import ListReason
from households.services import review as review_services
from tests.figure_worker import get_warm, run_figure_worker
from tests.households.factories import HouseholdFactory, add_result, approved_round, stage_records
from thoxuan_gnbv.pagination import PAGE_SIZE
from thoxuan_gnbv.statuses import HouseholdStage

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 10, 20, 3, tzinfo=datetime.UTC)


@pytest.fixture
def staged(commune, neighborhood1, neighborhood2, labour_officer, chairman):
    """A 2026 round in the posting stage whose list grows with ``grow(n)``."""
    with time_machine.travel(NOW, tick=False):
        approved_round(commune, 2025, datetime.date(2025, 12, 10), approver=chairman)
        review_round = review_services.review_round_open(commune=commune, year=2026, user=labour_officer)
    first = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0000")
    stage_records(review_round, neighborhood1, first)
    review_round.status = RoundStatus.POSTING
    review_round.save()

    def grow(count, neighborhood=neighborhood2, stage=HouseholdStage.TO_SURVEY):
        for _ in range(count):
            house = HouseholdFactory(neighborhood=neighborhood)
            RoundHousehold.objects.create(
                round=review_round, household=house, reason=ListReason.LISTED, stage=stage
            )
            if stage != HouseholdStage.TO_SURVEY:
                add_result(review_round, house, "poor")

    review_round.grow = grow
    return review_round


def page_queries(client, url) -> int:
    """The page's queries once the worker has recounted what changed (its stored figures clean)."""
    client.get(url)  # the first visit creates the round's progress key
    run_figure_worker()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_round_page_query_count_does_not_grow_with_the_households(client_for, labour_officer, staged):
    client = client_for(labour_officer)
    url = (
        reverse("households:round_detail", args=[staged.pk])
        + f"?kp={staged.meetings.first().neighborhood_id}"
    )
    staged.grow(2, stage=HouseholdStage.POSTED)
    with time_machine.travel(NOW, tick=False):
        few = page_queries(client, url)
        staged.grow(60, stage=HouseholdStage.POSTED)
        staged.grow(60)
        many = page_queries(client, url)
    assert few == many


def test_progress_stages_and_the_unsurveyed_warning(client_for, labour_officer, staged, neighborhood2):
    staged.grow(3)
    staged.grow(2, stage=HouseholdStage.POSTED)
    with time_machine.travel(NOW, tick=False):
        html = get_warm(client_for(labour_officer), reverse("households:round_detail", args=[staged.pk])).text
    assert "Tiến độ theo khu phố" in html and "Niêm yết công khai, khiếu nại và phúc tra" in html
    assert "Còn 3 hộ trong danh sách chưa điều tra" in html
    # The complaint of the fixture (received 08/10/2026, due 15/10/2026) is late on 20/10/2026.
    assert "quá hạn phúc tra 15/10/2026" in html
    assert "Lần 1: 07/10/2026 – 09/10/2026" in html


def test_the_household_list_pages_by_keyset_within_one_khu_pho(
    client_for, labour_officer, staged, neighborhood2
):
    staged.grow(PAGE_SIZE + 3)
    client = client_for(labour_officer)
    url = reverse("households:round_detail", args=[staged.pk]) + f"?kp={neighborhood2.pk}"
    with time_machine.travel(NOW, tick=False):
        first = client.get(url)
        assert len(first.context["page"].items) == PAGE_SIZE
        cursor = first.context["page"].next_cursor
        second = client.get(url + f"&after={cursor}")
    assert len(second.context["page"].items) == 3
    assert {h.neighborhood_id for h in second.context["page"].items} == {neighborhood2.pk}


def test_a_khu_pho_head_sees_only_the_progress_of_their_khu_pho(client_for, head1, staged, neighborhood2):
    staged.grow(2)
    with time_machine.travel(NOW, tick=False):
        response = client_for(head1).get(reverse("households:round_detail", args=[staged.pk]))
    names = [row.neighborhood.name for row in response.context["progress"]]
    assert names == ["Khu phố 1"] and "Hủy đợt rà soát" not in response.text


def test_the_admin_shows_the_stage_records_read_only(client, admin_user, staged):
    client.force_login(admin_user)
    for model in ("meeting", "complaint"):
        assert client.get(reverse(f"admin:households_{model}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:households_{model}_add")).status_code == 403
    complaint = staged.complaints.get()
    page = client.get(reverse("admin:households_complaint_change", args=[complaint.pk]))
    assert page.status_code == 200 and "Người khiếu nại Kiểm Thử" in page.text
