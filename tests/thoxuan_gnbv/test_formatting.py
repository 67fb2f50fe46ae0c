import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template

from thoxuan_gnbv.formatting import document_date_line, format_date, format_money, format_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (1234567, "1.234.567"),
        (-2500000, "-2.500.000"),
        (Decimal("1234.5"), "1.234,5"),
    ],
)
def test_numbers_are_grouped_with_dots(value, expected):
    assert format_number(value) == expected


def test_money_is_shown_in_dong():
    assert format_money(1234567) == "1.234.567 đ"
    assert format_money(None) == ""


def test_dates_are_day_first():
    assert format_date(datetime.date(2024, 4, 3)) == "03/04/2024"


def test_aware_datetime_is_shown_in_vietnam_time():
    utc_evening = datetime.datetime(2024, 4, 3, 20, 30, tzinfo=datetime.UTC)
    assert format_date(utc_evening) == "04/04/2024 03:30"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2025, 2, 5), "Thọ Xuân, ngày 05 tháng 02 năm 2025"),
        (datetime.date(2024, 5, 9), "Thọ Xuân, ngày 09 tháng 5 năm 2024"),
        (datetime.date(2024, 12, 20), "Thọ Xuân, ngày 20 tháng 12 năm 2024"),
        (datetime.date(2024, 1, 15), "Thọ Xuân, ngày 15 tháng 01 năm 2024"),
    ],
)
def test_document_date_has_leading_zeros_for_days_and_first_two_months(day, expected):
    assert document_date_line("Thọ Xuân", day) == expected


def test_template_filters_are_available_without_load():
    rendered = Template("{{ amount|money }} | {{ day|vndate }} | {{ rate|percent }}").render(
        Context({"amount": 2000000, "day": datetime.date(2024, 6, 20), "rate": 0.125})
    )
    assert rendered == "2.000.000 đ | 20/06/2024 | 12,5 %"
