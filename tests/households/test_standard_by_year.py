"""The poverty standard of a year: NĐ 07/2021/NĐ-CP through the 2026 review, NĐ 351/2025/NĐ-CP from 2027
with its own indicator list, which the workbook and the review form follow."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from households import workbook as wb
from households.forms import ReviewForm
from households.models import PovertyStandard
from households.services import review as review_services
from households.services.exporting import export_to_tempfile
from households.services.review import thresholds_for
from tests.households.factories import HouseholdFactory
from tests.households.workbooks import INDICATORS_2022

pytestmark = pytest.mark.django_db
ADDED = ["Thu gom, xử lý rác thải sinh hoạt", "Sử dụng dịch vụ số"]
DROPPED = "Phương tiện tiếp cận thông tin"


@pytest.mark.parametrize(
    ("year", "basis"),
    [
        (2022, "Nghị định 07/2021/NĐ-CP"),
        (2025, "Nghị định 07/2021/NĐ-CP"),
        (2026, "Nghị định 07/2021/NĐ-CP"),
        (2027, "Nghị định 351/2025/NĐ-CP"),
        (2030, "Nghị định 351/2025/NĐ-CP"),
    ],
)
def test_the_standard_in_force_is_picked_by_year(year, basis):
    assert PovertyStandard.objects.in_force(year).legal_basis == basis


def test_the_2027_standard_has_the_decrees_lines_and_indicator_list():
    standard = PovertyStandard.objects.in_force(2027)
    assert (standard.rural_income_line, standard.urban_income_line) == (2_200_000, 2_800_000)
    names = [indicator.name for indicator in standard.indicators.all()]
    assert len(names) == 13 and DROPPED not in names
    assert set(ADDED) <= set(names)
    assert names[:2] == ["Việc làm", "Người phụ thuộc"]
    # What the decree summary does not settle stays marked for the administrator.
    assert not standard.is_confirmed and "Cần xác nhận" in standard.note
    assert standard.indicators.get(code="digital_services").condition.startswith("(Cần xác nhận)")


def test_a_2027_workbook_has_the_2027_columns_and_a_2026_one_the_old(commune, neighborhood1):
    HouseholdFactory(neighborhood=neighborhood1)
    households = HouseholdFactory._meta.model.objects.all()
    header_2027 = [
        c.value for c in next(load_workbook(export_to_tempfile(households, 2027)).worksheets[0].rows)
    ]
    header_2026 = [
        c.value for c in next(load_workbook(export_to_tempfile(households, 2026)).worksheets[0].rows)
    ]
    assert header_2027 == wb.layout_for_year(2027).export
    assert set(ADDED) <= set(header_2027) and DROPPED not in header_2027
    assert [h for h in header_2026 if h in INDICATORS_2022] == INDICATORS_2022
    assert not set(ADDED) & set(header_2026)


def test_the_2027_review_form_asks_the_2027_indicators():
    standard = review_services.standard_for(2027)
    form = ReviewForm(standard=standard, thresholds=thresholds_for(standard, "rural"))
    assert "ind_digital_services" in form.fields and "ind_waste" in form.fields
    assert "ind_information_devices" not in form.fields
    old = review_services.standard_for(2026)
    assert (
        "ind_information_devices" in ReviewForm(standard=old, thresholds=thresholds_for(old, "rural")).fields
    )


def test_the_review_page_of_a_2027_round_shows_the_new_indicators(
    client_for, commune, labour_officer, head1, house1
):
    with time_machine.travel(datetime.datetime(2027, 10, 1, 3, tzinfo=datetime.UTC), tick=False):
        review_services.review_round_open(commune=commune, year=2027, user=labour_officer)
        page = client_for(head1).get(reverse("households:review_record", args=[house1.pk]))
    assert page.status_code == 200
    for name in ADDED:
        assert name in page.text
    assert DROPPED not in page.text


def test_the_2027_indicator_table_lists_the_2027_indicators(commune):
    from reporting.figures.review_tables_lists import indicator_rows

    names_2027 = [row.label for row in indicator_rows(commune, 2027, 0, 0)]
    names_2026 = [row.label for row in indicator_rows(commune, 2026, 0, 0)]
    assert names_2027 == list(wb.layout_for_year(2027).indicators) and set(ADDED) <= set(names_2027)
    assert names_2026 == INDICATORS_2022
