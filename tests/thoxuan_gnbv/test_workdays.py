import datetime

import holidays

from thoxuan_gnbv import workdays

D = datetime.date


def test_weekend_and_holidays_are_not_working_days():
    assert workdays.is_working_day(D(2024, 9, 4))  # Wednesday
    assert not workdays.is_working_day(D(2024, 9, 7))  # Saturday
    assert not workdays.is_working_day(D(2024, 9, 2))  # Quốc khánh, Monday
    assert not workdays.is_working_day(D(2024, 9, 3))  # Quốc khánh, Tuesday
    assert "Quốc khánh" in workdays.holiday_name(D(2024, 9, 2))


def test_add_working_days_skips_weekend_and_quoc_khanh():
    # Friday 30/08/2024 + 3 working days: 31/8, 1/9 weekend; 2/9, 3/9 holiday → 4, 5, 6 September.
    assert workdays.add_working_days(D(2024, 8, 30), 3) == D(2024, 9, 6)
    assert workdays.add_working_days(D(2024, 8, 30), 0) == D(2024, 8, 30)


def test_period_counts_its_first_day():
    assert workdays.last_day_of_period(D(2024, 11, 4), 3) == D(2024, 11, 6)  # Monday → Wednesday
    assert workdays.last_day_of_period(D(2024, 8, 30), 3) == D(2024, 9, 5)  # Fri, (weekend, 2–3/9), 4, 5


def test_between_agrees_with_an_independent_count():
    start, end = D(2024, 1, 1), D(2024, 12, 31)
    calendar = holidays.country_holidays("VN", years=2024)
    expected = sum(
        1
        for n in range(1, (end - start).days + 1)
        if (day := start + datetime.timedelta(days=n)).weekday() < 5 and day not in calendar
    )
    assert workdays.working_days_between(start, end) == expected
    assert workdays.working_days_between(end, start) == 0


def test_holidays_between_names_tet():
    names = [name for _, name in workdays.holidays_between(D(2024, 2, 1), D(2024, 2, 29))]
    assert any("Tết" in name for name in names)
