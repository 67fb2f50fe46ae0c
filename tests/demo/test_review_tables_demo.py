"""The demo's 2024 review: its result tables agree with the independent count, and
``render_review --year 2024`` prints them (the issue's demo requirement)."""

import io

import openpyxl
import pytest
from django.core.management import call_command

from households.models import Commune
from reporting.documents.review_tables import build_review_tables
from tests.reporting.review_data import expected

pytestmark = pytest.mark.django_db

COUNTERS = ["p_start", "p_escaped", "p_fell_back", "p_new", "p_end", "n_start", "n_escaped", "n_to_poor",
            "n_from_poor", "n_new", "n_end", "p_end_ethnic", "p_end_without_labour", "n_end_ethnic"]  # fmt: skip


def test_the_demo_2024_tables_match_the_independent_count_and_print(tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    commune = Commune.objects.get(code="tho-xuan")  # the sample communes of the 2025 merger beside it
    tables = build_review_tables(commune, 2024)
    rows, sets, _, _ = expected(commune, 2024)
    for neighborhood in commune.neighborhoods.all():
        row = next(r for r in tables.summary if r.label == neighborhood.name)
        assert row.total == rows[neighborhood.pk]["total"]
        assert {n: row.get(n) for n in COUNTERS} == {n: rows[neighborhood.pk][n] for n in COUNTERS}
    total = tables.summary[-1]
    # The demo's story (demo/README): 9 poor escaped, 2 fell back, 3 newly poor.
    assert (total.get("p_escaped"), total.get("p_fell_back"), total.get("p_new")) == (9, 2, 3)
    assert total.get("p_end") == len(sets["p_end"]) and all(r.poor_identity_ok for r in tables.summary)
    assert len(tables.summary) == 13  # 12 khu phố and the total
    out = tmp_path / "ket-qua-2024.xlsx"
    call_command(
        "render_review",
        "--year",
        "2024",
        "--commune",
        "tho-xuan",
        "--format",
        "xlsx",
        "--out",
        str(out),
        stdout=io.StringIO(),
    )
    book = openpyxl.load_workbook(out)
    assert book["DS thoát nghèo"].max_row > 9
