"""The round's result-table page and downloads: the panel on the round page, the page's query count
(independent of the number of households), the downloads written to the access log, and nothing
before the chairman approves."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from households.models import Category
from tests.figure_worker import run_figure_worker, warm_figures
from tests.households.factories import HouseholdFactory, add_result
from tests.reporting.review_data import generate
from thoxuan_gnbv.models import AccessAction, AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def final_round(commune, neighborhood1, neighborhood2, chairman):
    """The approved 2024 round, its tables' figures computed by the worker (as after the approval)."""
    review_round = generate(commune, [neighborhood1, neighborhood2], chairman, households=20)[1]
    warm_figures(commune, 2024)
    return review_round


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_page_shows_the_tables_and_its_query_count_does_not_grow_with_households(
    client_for, labour_officer, commune, neighborhood1, neighborhood2, chairman, final_round
):
    url = reverse("reporting:review_tables", args=[final_round.pk])
    client = client_for(labour_officer)
    page = client.get(url).content.decode()
    assert "KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2024" in page and "Tổng cộng" in page
    assert reverse("reporting:review_tables_xlsx", args=[final_round.pk]) in page
    few = _queries(client, url)
    # Four times the households, on the lists of both years.
    rounds = [commune.review_rounds.get(year=year, number=1) for year in (2023, 2024)]
    for i in range(80):
        household = HouseholdFactory(neighborhood=neighborhood1 if i % 2 else neighborhood2)
        for review_round, category in zip(
            rounds, (Category.POOR, Category.NEAR_POOR if i % 3 else Category.POOR), strict=True
        ):
            add_result(review_round, household, category, deprivations=("HEALTH_INSURANCE",))
    run_figure_worker()  # the households' saves made the tables stale; the worker recomputed them
    assert _queries(client, url) == few


def test_the_round_page_links_the_tables_once_approved(client_for, labour_officer, head1, final_round):
    page = client_for(labour_officer).get(reverse("households:round_detail", args=[final_round.pk]))
    assert 'data-testid="review-tables-panel"' in page.content.decode()
    assert reverse("reporting:review_decision_pdf", args=[final_round.pk]) in page.content.decode()
    # A khu phố head reads the figures on screen but downloads no list.
    page = client_for(head1).get(reverse("households:round_detail", args=[final_round.pk])).content.decode()
    assert reverse("reporting:review_tables", args=[final_round.pk]) in page
    assert reverse("reporting:review_tables_xlsx", args=[final_round.pk]) not in page


def test_an_open_round_has_no_tables_yet(client_for, labour_officer, commune, final_round):
    from households.models import ReviewRound

    open_round = ReviewRound.objects.create(commune=commune, year=2025, opened_by=labour_officer)
    client = client_for(labour_officer)
    page = client.get(reverse("reporting:review_tables", args=[open_round.pk])).content.decode()
    assert 'data-testid="not-approved"' in page
    assert client.get(reverse("reporting:review_tables_xlsx", args=[open_round.pk])).status_code == 404
    round_page = client.get(reverse("households:round_detail", args=[open_round.pk])).content.decode()
    assert "review-tables-panel" not in round_page


def test_each_download_is_written_to_the_access_log(client_for, chairman, final_round):
    client = client_for(chairman)
    for name, action in (
        ("reporting:review_tables_xlsx", AccessAction.EXPORT_XLSX),
        ("reporting:review_tables_pdf", AccessAction.DOWNLOAD_PDF),
        ("reporting:review_decision_pdf", AccessAction.DOWNLOAD_PDF),
    ):
        response = client.get(reverse(name, args=[final_round.pk]))
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body[:4] in (b"PK\x03\x04", b"%PDF")
        entry = AccessLog.objects.latest("at", "pk")
        assert (entry.user, entry.action, entry.object_id) == (chairman, action, str(final_round.pk))
