"""Every period of the demo's compiled report, read as the level above reads it: each total equals an
independent sum from the data, and no figure in one table contradicts another (the annex against the
households reached, the target table against the movement table, the funding sheet against the
budget table, the PDF and the workbook against the document)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import F, Sum
from openpyxl import load_workbook
from pypdf import PdfReader

from households.models import Commune, Household, Member
from programs.models import Activity, Allocation, Disbursement, FundingSource, Support, Target
from reporting.documents.annex import household_annex
from reporting.documents.excel import render_compiled_xlsx
from reporting.documents.pdf import render_compiled_pdf
from reporting.documents.report import build_compiled_document
from reporting.figures.compiled import commune_report_figures
from reporting.periods import parse_period
from reporting.queries import compiled_for_output
from thoxuan_gnbv import workflow

pytestmark = pytest.mark.django_db
PERIODS = ["2024-Q1", "2024-Q2", "2024-H1", "2024"]


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())
    return Commune.objects.get(code="tho-xuan")


def _independent(period, end):
    """Sums computed straight from the rows, in Python, without the figures module."""
    supports = list(
        Support.objects.filter(
            component__plan=period.plan, supported_on__range=(period.start_date, end)
        ).values(
            "household_id", "component_id", "member_id", "eligibility_basis", "household__is_ethnic_minority"
        )
    )
    disabled = set(Member.objects.filter(has_disability=True).values_list("household_id", flat=True))
    year_start = datetime.date(period.year, 1, 1)
    allocations = Allocation.objects.filter(
        component__plan=period.plan, decision_date__range=(year_start, end)
    )
    disbursements = Disbursement.objects.filter(
        line__component__plan=period.plan, paid_on__range=(year_start, end)
    )
    return {
        "households": {s["household_id"] for s in supports},
        "people": {s["member_id"] for s in supports if s["member_id"]},
        "poor": {s["household_id"] for s in supports if s["eligibility_basis"] == "poor"},
        "ethnic": {s["household_id"] for s in supports if s["household__is_ethnic_minority"]},
        "disability": {s["household_id"] for s in supports if s["household_id"] in disabled},
        "by_component": {
            c: len({s["household_id"] for s in supports if s["component_id"] == c})
            for c in {s["component_id"] for s in supports}
        },
        "allocated": {
            source: sum(a.amount for a in allocations if a.source == source)
            for source in FundingSource.values
        },
        "disbursed": {
            source: sum(d.amount for d in disbursements if d.line.source == source)
            for source in FundingSource.values
        },
        "activities": Activity.objects.filter(
            component__plan=period.plan, held_on__range=(period.start_date, end)
        ).count(),
        "central_delivered": (
            Support.objects.filter(
                component__plan=period.plan, supported_on__range=(period.start_date, end)
            ).aggregate(total=Sum(F("central_amount")))["total"]
            or 0
        )
        + (
            Activity.objects.filter(
                component__plan=period.plan, held_on__range=(period.start_date, end)
            ).aggregate(total=Sum("central_amount"))["total"]
            or 0
        ),
    }


def test_every_total_equals_an_independent_sum_and_no_table_contradicts_another(demo):
    for slug in PERIODS:  # one seeded demo for the four periods (seeding is the slow part)
        _check_period(demo, slug)


def _check_period(demo, slug):
    compiled = compiled_for_output(demo, parse_period(slug))
    period = compiled.period
    doc = build_compiled_document(compiled)
    end = datetime.date.fromisoformat(
        (compiled.snapshot or commune_report_figures(period))["period"].get("cutoff")
        or period.end_date.isoformat()
    )
    truth = _independent(period, end)

    # Households reached, once each, and by group.
    assert doc.reach["households"] == len(truth["households"])
    assert slug == "2024-Q1" or doc.reach["households"] > 0  # the demo records support from April
    assert doc.totals["households"] == len(truth["households"])
    assert doc.reach["people"] == len(truth["people"])
    assert doc.reach["poor"] == len(truth["poor"])
    assert doc.reach["ethnic_minority"] == len(truth["ethnic"]) == doc.totals["ethnic_minority"]
    assert doc.reach["disability"] == len(truth["disability"]) == doc.totals["disability"]
    for row in doc.components:
        assert row.reach["households"] == row.households
    by_code = {row.code: row.households for row in doc.components}
    assert sorted(v for v in by_code.values() if v) == sorted(truth["by_component"].values())
    # The commune counts a household once, never more than the sub-projects' sum.
    assert doc.reach["households"] <= sum(by_code.values())
    # The annex lists exactly the households counted.
    if not compiled.is_approved:
        assert len(household_annex(compiled)) == doc.reach["households"]

    # Funding by source equals the allocations and disbursements, and the budget table's totals.
    for source in FundingSource.values:
        assert doc.funding["sources"][source]["allocated"] == truth["allocated"][source]
        assert doc.funding["sources"][source]["disbursed"] == truth["disbursed"][source]
    assert doc.funding["total"]["allocated"] == doc.totals["allocated"] == sum(truth["allocated"].values())
    assert doc.funding["total"]["disbursed"] == doc.totals["disbursed"] == sum(truth["disbursed"].values())
    assert doc.funding["sources"]["central"]["delivered"] == truth["central_delivered"]
    assert doc.totals["activities"] == truth["activities"]

    # The target table and the movement table come from the same review.
    total_row = next(row for row in doc.movement if row.is_total)
    target = next(row for row in doc.targets if not row.is_line)
    if doc.target_year_decided:
        assert doc.movement_year == period.year
        assert target.escaped == total_row.escaped
        assert target.fell_back_new == total_row.fell_back + total_row.newly_poor
        assert target.net == total_row.start - total_row.end
        assert target.achieved == target.net  # the seed's target counts net
    else:
        assert target.achieved is None and doc.movement_year == period.year - 1

    # What the official reads: the PDF and the workbook print these same numbers.
    content, pages = render_compiled_pdf(doc)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert f"Số liệu tính đến ngày {end:%d/%m/%Y}" in text
    assert "…" not in text
    assert "TM. ỦY BAN NHÂN DÂN" in text
    workbook = load_workbook(io.BytesIO(render_compiled_xlsx(doc)))
    assert {"Kết quả thực hiện", "Kinh phí theo nguồn", "Đối tượng thụ hưởng"} <= set(workbook.sheetnames)
    funding_total = [
        r for r in workbook["Kinh phí theo nguồn"].iter_rows(values_only=True) if r[1] == "Tổng cộng"
    ]
    assert funding_total[0][-3:-1] == (doc.totals["allocated"], doc.totals["disbursed"])
    reach_total = [
        r for r in workbook["Đối tượng thụ hưởng"].iter_rows(values_only=True) if r[1] and "Toàn xã" in r[1]
    ]
    assert reach_total[0][2] == doc.reach["households"]
    components_total = [
        r for r in workbook["Dự án, tiểu dự án"].iter_rows(values_only=True) if r[1] and "Toàn xã" in r[1]
    ]
    assert components_total[0][3:7] == (
        doc.reach["households"],
        doc.reach["ethnic_minority"],
        doc.reach["meritorious"],
        doc.reach["disability"],
    )


def test_annual_report_counts_to_its_cut_off_and_names_the_rest_an_estimate(demo):
    compiled = compiled_for_output(demo, parse_period("2024"))
    doc = build_compiled_document(compiled)
    assert doc.figures_date == "30/11/2024" and doc.is_estimate
    late = Support.objects.filter(
        supported_on__gt=datetime.date(2024, 11, 30), component__plan=compiled.period.plan
    )
    counted = {
        r.household_id
        for r in Support.objects.filter(
            supported_on__range=(datetime.date(2024, 1, 1), datetime.date(2024, 11, 30)),
            component__plan=compiled.period.plan,
        )
    }
    assert doc.reach["households"] == len(counted)
    # Support recorded after the cut-off (5/12) is left to the estimate: it never enters the figures.
    extra = Support.objects.filter(component__plan=compiled.period.plan).order_by("pk").first()
    extra.pk = extra.id = None
    extra.supported_on = datetime.date(2024, 12, 5)
    extra.member = None
    extra.household = Household.objects.filter(commune=demo).exclude(pk__in=counted).first()
    extra.save()
    assert late.count() == 1
    assert build_compiled_document(compiled).reach["households"] == len(counted)
    content, _ = render_compiled_pdf(doc)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).replace("\n", " ")
    assert "từ sau ngày 30/11/2024 đến ngày 31/12/2024 là số ước thực hiện" in text


def test_the_seed_target_is_net_and_a_gross_target_scores_escapes(demo):
    target = Target.objects.get(plan__commune=demo, plan__year=2024, quantity=8)
    assert target.counting == "net"
    compiled = compiled_for_output(demo, parse_period("2024"))
    net = next(row for row in build_compiled_document(compiled).targets if not row.is_line)
    # 44 poor households at the start, 40 at the end: −4 net (50 %), 9 escaped gross.
    assert (net.start, net.end, net.net, net.escaped) == (44, 40, 4, 9)
    assert net.achieved == 4 and net.rate == 0.5
    with workflow.seeding():  # the approved plan is frozen; the test flips the rule directly
        Target.objects.filter(pk=target.pk).update(counting="gross")
    gross = next(row for row in build_compiled_document(compiled).targets if not row.is_line)
    assert gross.achieved == 9 and gross.rate == 1.125


def test_annual_workbook_carries_the_years_review_tables_as_render_review_writes_them(demo, tmp_path):
    from reporting.documents.review_tables import build_review_tables
    from reporting.documents.review_xlsx import write_review_xlsx

    annual = build_compiled_document(compiled_for_output(demo, parse_period("2024")))
    workbook = load_workbook(io.BytesIO(render_compiled_xlsx(annual, commune=demo)))
    review_path = tmp_path / "review.xlsx"
    write_review_xlsx(build_review_tables(demo, 2024), review_path)
    review = load_workbook(review_path)
    for name in review.sheetnames:
        assert name in workbook.sheetnames
        rows = list(workbook[name].iter_rows(values_only=True))
        assert rows == list(review[name].iter_rows(values_only=True))
    poor_total = [r for r in workbook["Hộ nghèo"].iter_rows(values_only=True) if r[1] == "Tổng cộng"][0]
    # Cuối năm = Đầu năm − Thoát nghèo + Tái nghèo + Nghèo phát sinh (docs/spec/review-tables.md).
    assert poor_total[8] == poor_total[3] - poor_total[5] + poor_total[6] + poor_total[7]
    # A quarter's workbook carries no review sheets.
    quarter = build_compiled_document(compiled_for_output(demo, parse_period("2024-Q2")))
    assert "Hộ nghèo" not in load_workbook(io.BytesIO(render_compiled_xlsx(quarter, commune=demo))).sheetnames
