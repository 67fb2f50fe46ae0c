"""Working days in Vietnam: Monday to Friday, less the public holidays and the days off the Government
moves (Bộ luật Lao động 2019, Điều 112; the yearly notice of the Ministry on swapped days).

The calendar comes from the `holidays` package (its Vietnam calendar, which carries Tết, Giỗ Tổ, 30/4, 1/5,
Quốc khánh and the announced swapped days), never from a hand-made list. Deadlines "within N working days"
count from the day after the event (Bộ luật Dân sự 2015, Điều 147: a period counted in days starts on the
day after the event).
"""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language="vi")


def holiday_name(day: datetime.date) -> str | None:
    """The public holiday on `day` (Vietnamese name), or None."""
    return _calendar(day.year).get(day)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (start itself not counted; Điều 147 BLDS)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def last_day_of_period(start: datetime.date, days: int) -> datetime.date:
    """The last day of a period of `days` working days that begins on `start` (start counted when it is a
    working day) — e.g. a public posting of 3 working days opened on `start`."""
    if days < 1:
        raise ValueError("days must be at least 1")
    day = start
    counted = 1 if is_working_day(start) else 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def holidays_between(start: datetime.date, end: datetime.date) -> list[tuple[datetime.date, str]]:
    """The public holidays from `start` to `end` inclusive, to show why a deadline moved."""
    found = []
    for year in range(start.year, end.year + 1):
        found += [(day, name) for day, name in _calendar(year).items() if start <= day <= end]
    return sorted(found)
