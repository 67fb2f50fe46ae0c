"""The review result tables' figures are a stored figure kind: the page and the downloads' size
decision read what the worker stored (one query, no walk of the registry or its history, the same
queries at any size); a cold page shows the store's notice, no downloads, and queues one job; a round
approval makes the figures stale; and the stored figures are those the registry walk gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from households.models import Category, Household
from reporting.documents.review_tables import build_review_tables
from reporting.figures.review_tables import GROUPS, facts_cut, final_round, summaries
from reporting.figures.review_tables_lists import LIST_KINDS, group_rows, indicator_rows, list_counts
from reporting.figures.review_tables_stored import (
    review_tables_key,
    review_tables_stored,
    stored_tables_figures,
)
from reporting.models import DocumentJob, FigureCache
from tests.factories import NeighborhoodFactory
from tests.figure_worker import run_figure_worker, warm_figures
from tests.households.factories import HouseholdFactory, add_result, approved_round
from tests.reporting.review_data import generate
from thoxuan_gnbv.stored_figures import COMPUTING

pytestmark = pytest.mark.django_db
REFRESH = "reporting.figure_tasks.refresh_figures"


@pytest.fixture
def rounds(commune, neighborhood1, neighborhood2, chairman):
    """Rounds 2021–2024 over three khu phố; returns the approved 2024 round."""
    third = NeighborhoodFactory(commune=commune, name="Khu phố 3", position=3)
    return generate(commune, [neighborhood1, neighborhood2, third], chairman, households=40)[1]


def _page(client, review_round):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("reporting:review_tables", args=[review_round.pk]))
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def _walks_the_registry(sql: str) -> bool:
    """A query on the households' history or on the reviews (not the rounds' own table)."""
    return "historicalhousehold" in sql or '"households_review"' in sql


def test_the_stored_figures_are_those_of_the_registry_walk_with_khu_pho_moves(commune, rounds):
    # Households moved to another khu phố after the decision: the walk reads them where the history
    # had them at the approval, and so must the stored figures.
    hoods = list(commune.neighborhoods.order_by("position"))
    for i, household in enumerate(Household.objects.filter(commune=commune).order_by("pk")[:12]):
        household.neighborhood = hoods[(hoods.index(household.neighborhood) + 1 + i % 2) % len(hoods)]
        household.is_ethnic_minority = not household.is_ethnic_minority
        household.save()
    warm_figures(commune, 2024)
    stored = review_tables_stored(commune, 2024)
    assert not stored.updating
    tables = build_review_tables(commune, 2024, stored_tables_figures(stored))

    # The tables built the old way: the walk's functions called directly.
    cut = facts_cut(final_round(commune, 2024))
    summary, groups = summaries(commune, 2024, cut)
    poor_total, near_total = summary[-1].get("p_end"), summary[-1].get("n_end")
    assert poor_total > 0 and near_total > 0
    assert [(r.number, r.label, r.poor_cells(), r.near_cells()) for r in tables.summary] == [
        (r.number, r.label, r.poor_cells(), r.near_cells()) for r in summary
    ]
    assert tables.indicators == indicator_rows(commune, 2024, poor_total, near_total)
    assert tables.groups == group_rows(groups, [label for label, _ in GROUPS], poor_total, near_total)
    for kind in LIST_KINDS:
        walked = list_counts(commune, 2024, cut, kind)
        assert dict(tables.list_chunks(kind)) == walked
        assert [nid for nid, _ in tables.list_chunks(kind)] == [h.pk for h in hoods if h.pk in walked]
    assert tables.list_row_count == sum(sum(list_counts(commune, 2024, cut, k).values()) for k in LIST_KINDS)
    # Printed cells keep their types: counts as 1.234, rates as 2,20.
    assert tables.indicators_printed == build_review_tables(commune, 2024).indicators_printed


def test_the_page_reads_the_stored_figures_in_the_same_queries_at_any_size(
    client_for, labour_officer, commune, neighborhood1, rounds
):
    warm_figures(commune, 2024)
    client = client_for(labour_officer)
    client.get(reverse("reporting:review_tables", args=[rounds.pk]))  # session, user
    page, few = _page(client, rounds)
    assert "Tổng cộng" in page and 'data-testid="review-downloads"' in page
    assert 'data-testid="figures-notice"' not in page
    assert not [sql for sql in few if _walks_the_registry(sql)]
    assert sum("reporting_figurecache" in sql for sql in few) == 1
    year_rounds = [commune.review_rounds.get(year=year, number=1) for year in (2023, 2024)]
    for _ in range(120):  # four times the households, on the lists of both years
        household = HouseholdFactory(neighborhood=neighborhood1)
        for review_round in year_rounds:
            add_result(review_round, household, Category.POOR)
    assert run_figure_worker() >= 1  # the households' saves made the tables stale
    page, many = _page(client, rounds)
    assert len(many) == len(few)
    assert not [sql for sql in many if _walks_the_registry(sql)]


def test_a_cold_page_shows_the_notice_no_downloads_and_queues_one_job(
    client_for, labour_officer, commune, rounds, django_capture_on_commit_callbacks
):
    client = client_for(labour_officer)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            page, sql = _page(client, rounds)
        assert COMPUTING in page and 'data-testid="figures-notice"' in page
        assert "Tổng cộng" not in page and 'data-testid="review-downloads"' not in page
        assert not [q for q in sql if _walks_the_registry(q)]
    key, _ = review_tables_key(commune.pk, 2024)
    jobs = DBTaskResult.objects.filter(task_path=REFRESH)
    assert jobs.count() == 1 and key in jobs.get().args_kwargs["kwargs"]["keys"]
    # The worker computes the key; the page then shows the tables and the downloads.
    assert run_figure_worker() == 1
    page, _ = _page(client, rounds)
    assert "KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2024" in page and "Tổng cộng" in page
    assert 'data-testid="review-downloads"' in page and COMPUTING not in page


def test_a_download_before_the_figures_are_counted_goes_to_the_worker(client_for, chairman, commune, rounds):
    client = client_for(chairman)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("reporting:review_tables_xlsx", args=[rounds.pk]))
    job = DocumentJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "reporting:job_detail", args=[job.pk]
    )
    assert (job.kind, job.params["year"]) == (DocumentJob.Kind.REVIEW_XLSX, 2024)
    assert not [q["sql"] for q in captured.captured_queries if _walks_the_registry(q["sql"])]


def test_approving_a_round_makes_the_tables_of_the_commune_stale(commune, rounds, chairman, other_commune):
    warm_figures(commune, 2024)
    warm_figures(other_commune, 2024)
    key, _ = review_tables_key(commune.pk, 2024)
    other_key, _ = review_tables_key(other_commune.pk, 2024)
    assert not FigureCache.objects.filter(key__in=[key, other_key], dirty_since__isnull=False).exists()
    approved_round(commune, 2024, number=3, approver=chairman)  # a supplementary round of the year
    assert FigureCache.objects.get(key=key).dirty_since is not None
    assert FigureCache.objects.get(key=other_key).dirty_since is None
    assert run_figure_worker() >= 1
    stored = review_tables_stored(commune, 2024)
    assert not stored.updating and stored.data["round"] == final_round(commune, 2024).pk
