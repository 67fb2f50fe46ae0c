"""Pages of the ongoing review: the list (state, days left, filters, bounded queries), recording a
request, and the steps on a request's page, with Vietnamese errors naming the field."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from households import messages
from households.models import RequestKind, ReviewRequest
from households.services import ongoing as services
from tests.factories import NeighborhoodFactory
from tests.households.factories import HouseholdFactory
from thoxuan_gnbv.statuses import RequestStatus

D = datetime.date
LIST = reverse("households:request_list")


def _requests(neighborhood, officer, n, start=0):
    for i in range(start, start + n):
        household = HouseholdFactory(neighborhood=neighborhood, code=f"{neighborhood.name[-1]}-{i:04d}")
        services.review_request_record(
            commune=neighborhood.commune, household=household, kind=RequestKind.RECOGNISE,
            received_on=D(2025, 3, 1 + i % 28), user=officer,
        )  # fmt: skip


def _list_queries(client, url=LIST) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_costs_the_same_queries_for_3_or_30_requests(client_for, neighborhood1, labour_officer):
    client = client_for(labour_officer)
    _requests(neighborhood1, labour_officer, 3)
    client.get(LIST)  # session and caches warmed, so both counts measure the page alone
    few = _list_queries(client)
    _requests(neighborhood1, labour_officer, 27, start=3)
    assert _list_queries(client) == few


def test_the_list_shows_state_and_a_red_badge_when_late(client_for, neighborhood1, labour_officer):
    _requests(neighborhood1, labour_officer, 1)
    html = client_for(labour_officer).get(LIST).content.decode()
    assert "Đã tiếp nhận" in html
    assert "text-bg-danger" in html and "Quá hạn" in html  # due in March 2025, long past


def test_the_list_filters_by_state_and_khu_pho(client_for, neighborhood1, neighborhood2, labour_officer):
    _requests(neighborhood1, labour_officer, 1)
    _requests(neighborhood2, labour_officer, 1, start=5)
    client = client_for(labour_officer)
    html = client.get(LIST, {"neighborhood": neighborhood2.pk}).content.decode()
    assert "2-0005" in html and "1-0000" not in html
    assert "1-0000" not in client.get(LIST, {"status": RequestStatus.POSTED}).content.decode()
    assert client.get(LIST, {"status": "không-có", "neighborhood": "abc"}).status_code == 200


def test_a_khu_pho_head_sees_only_requests_of_their_khu_pho(client_for, neighborhood1, neighborhood2, head1, labour_officer):  # fmt: skip
    _requests(neighborhood1, labour_officer, 1)
    _requests(neighborhood2, labour_officer, 1, start=5)
    html = client_for(head1).get(LIST).content.decode()
    assert "1-0000" in html and "2-0005" not in html


def test_recording_a_request_for_a_household_of_another_commune_names_the_field(
    client_for, other_commune, commune, labour_officer
):
    stranger = HouseholdFactory(
        neighborhood=NeighborhoodFactory(commune=other_commune, name="Thôn 1"), code="X-1"
    )
    response = client_for(labour_officer).post(
        reverse("households:request_create"),
        {"household": stranger.code, "kind": RequestKind.RECOGNISE, "received_on": "10/03/2025"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["household"] == [
        messages.REQUEST_HOUSEHOLD_UNKNOWN.format(code="X-1")
    ]
    assert not ReviewRequest.objects.exists()


def test_recording_a_request_in_the_future_names_the_date(client_for, neighborhood1, labour_officer):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001")
    response = client_for(labour_officer).post(
        reverse("households:request_create"),
        {"household": "KP1-0001", "kind": RequestKind.LEAVE, "received_on": "01/01/2099"},
    )
    assert "received_on" in response.context["form"].errors
    assert not ReviewRequest.objects.exists()


def test_a_request_walks_from_receipt_to_decision_on_its_page(
    client_for, neighborhood1, labour_officer, chairman
):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001")
    officer = client_for(labour_officer)
    response = officer.post(
        reverse("households:request_create"),
        {"household": "KP1-0001", "kind": RequestKind.RECOGNISE, "received_on": "10/03/2025"},
    )
    request = ReviewRequest.objects.get()
    assert response.url == reverse("households:request_detail", args=[request.pk])
    officer.post(
        reverse("households:request_survey", args=[request.pk]),
        {"surveyed_on": "17/03/2025", "income": "1200000", "household_size": "3",
         "ind_employment": "on", "ind_health_insurance": "on", "ind_housing_quality": "on"},
    )  # fmt: skip
    short = officer.post(
        reverse("households:request_post", args=[request.pk]),
        {"posting_start": "18/03/2025", "posting_end": "19/03/2025"},
    )
    assert "posting_end" in short.context["posting_form"].errors
    officer.post(reverse("households:request_post", args=[request.pk]), {"posting_start": "18/03/2025"})
    request.refresh_from_db()
    assert (request.status, request.posting_end) == (RequestStatus.POSTED, D(2025, 3, 20))
    boss = client_for(chairman)
    early = boss.post(
        reverse("households:request_decide", args=[request.pk]),
        {"decision_number": "12/QĐ-UBND", "decision_date": "20/03/2025"},
    )
    assert "decision_date" in early.context["decision_form"].errors
    boss.post(
        reverse("households:request_decide", args=[request.pk]),
        {"decision_number": "12/QĐ-UBND", "decision_date": "24/03/2025"},
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.DECIDED and request.review.category == "poor"
    page = boss.get(reverse("households:request_detail", args=[request.pk])).content.decode()
    assert "số 12/QĐ-UBND ngày 24/03/2025" in page
    assert page.count(chairman.display_name) >= 2  # the decision step and the log


@pytest.mark.parametrize("step", ["request_survey", "request_post", "request_decide"])
def test_a_step_out_of_turn_is_403(client_for, neighborhood1, labour_officer, chairman, step):
    _requests(neighborhood1, labour_officer, 1)
    request = ReviewRequest.objects.get()
    user = chairman if step == "request_decide" else labour_officer
    if step == "request_survey":  # the chairman does not survey
        user = chairman
    response = client_for(user).post(reverse(f"households:{step}", args=[request.pk]), {})
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == RequestStatus.RECEIVED


def test_the_home_page_counts_late_requests_for_the_labour_officer(
    client_for, neighborhood1, labour_officer, head1
):
    _requests(neighborhood1, labour_officer, 2)  # received in March 2025: long past their deadline
    assert (
        "Giấy đề nghị rà soát thường xuyên đã quá hạn quyết định"
        in client_for(labour_officer).get("/").content.decode()
    )
    assert "rà soát thường xuyên đã quá hạn" not in client_for(head1).get("/").content.decode()
