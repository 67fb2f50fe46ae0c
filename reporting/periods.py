"""Reporting periods and timeliness: pure functions, no database.

A period is named as on the command line and in URLs: ``2024-Q2``, ``2024-H1`` or ``2024`` (the
year). Its *due date* is never computed here: it is data, the approved plan's section VII
(``programs.ReportingRule``), and callers pass it in.

Timeliness follows DHIS2's reporting-rate idea: a report counts as on time when it was first
submitted by the last day allowed, late when first submitted after it, overdue when that day has
passed and nothing was submitted. The plan writes its deadlines as "trước ngày 15/3" and stores the
15th: "trước" excludes the day named, so the last day to submit is the 14th (``last_submission_day``).
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

from programs.models import ReportingPeriodCode
from reporting import messages

_PERIOD_RE = re.compile(r"^\s*(?P<year>\d{4})(?:-(?P<code>Q[1-4]|H1))?\s*$", re.IGNORECASE)
MIN_YEAR, MAX_YEAR = 2000, 2100

# Order in which periods appear in a calendar (by end of period, then length).
PERIOD_ORDER = ["Q1", "Q2", "H1", "Q3", "Q4", "YEAR"]


@dataclass(frozen=True)
class Period:
    year: int
    code: str  # a ReportingPeriodCode value

    @property
    def slug(self) -> str:
        """``2024-Q2``, ``2024-H1``, ``2024``: the name used in URLs and on the command line."""
        return str(self.year) if self.code == ReportingPeriodCode.YEAR else f"{self.year}-{self.code}"

    @property
    def start(self) -> datetime.date:
        return period_bounds(self.year, self.code)[0]

    @property
    def end(self) -> datetime.date:
        return period_bounds(self.year, self.code)[1]

    @property
    def label(self) -> str:
        """``quý II năm 2024``, ``6 tháng đầu năm 2024``, ``năm 2024``."""
        return period_label(self.year, self.code)


def parse_period(text: str) -> Period:
    """``"2024-Q2"`` → ``Period(2024, "Q2")``; ``"2024"`` → the year. Raises ``ValueError`` with a
    Vietnamese message for anything else."""
    match = _PERIOD_RE.match(text or "")
    if not match:
        raise ValueError(messages.PERIOD_UNPARSABLE.format(text=text))
    year = int(match["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(messages.PERIOD_YEAR_RANGE.format(text=text))
    code = (match["code"] or ReportingPeriodCode.YEAR).upper()
    return Period(year=year, code=code)


def period_bounds(year: int, code: str) -> tuple[datetime.date, datetime.date]:
    """First and last day the period's figures cover."""
    if code == ReportingPeriodCode.YEAR:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if code == ReportingPeriodCode.H1:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    if code in ("Q1", "Q2", "Q3", "Q4"):
        quarter = int(code[1])
        last_month = quarter * 3
        last_day = calendar.monthrange(year, last_month)[1]
        return datetime.date(year, last_month - 2, 1), datetime.date(year, last_month, last_day)
    raise ValueError(messages.PERIOD_UNPARSABLE.format(text=code))


_ROMAN = {"Q1": "I", "Q2": "II", "Q3": "III", "Q4": "IV"}


def period_label(year: int, code: str) -> str:
    if code == ReportingPeriodCode.YEAR:
        return f"năm {year}"
    if code == ReportingPeriodCode.H1:
        return f"6 tháng đầu năm {year}"
    return f"quý {_ROMAN[code]} năm {year}"


class Timeliness(StrEnum):
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return TIMELINESS_LABELS[self]

    @property
    def css(self) -> str:
        return TIMELINESS_CSS[self]


TIMELINESS_LABELS = {
    Timeliness.NOT_STARTED: "Chưa lập",
    Timeliness.DRAFT: "Đang soạn",
    Timeliness.ON_TIME: "Đã gửi đúng hạn",
    Timeliness.LATE: "Đã gửi muộn",
    Timeliness.OVERDUE: "Quá hạn",
}
TIMELINESS_CSS = {
    Timeliness.NOT_STARTED: "secondary",
    Timeliness.DRAFT: "info",
    Timeliness.ON_TIME: "success",
    Timeliness.LATE: "warning",
    Timeliness.OVERDUE: "danger",
}


def last_submission_day(due_date: datetime.date) -> datetime.date:
    """ "Trước ngày 15/3" (the plan's section VII, stored as 15/3): submitted by 14/3 at the latest."""
    return due_date - datetime.timedelta(days=1)


def is_late(submitted_on: datetime.date, due_date: datetime.date) -> bool:
    """Submitted on or after the day the plan says "before" (the day before it is still on time)."""
    return submitted_on > last_submission_day(due_date)


def timeliness(
    *,
    due_date: datetime.date,
    today: datetime.date,
    exists: bool,
    submitted_on: datetime.date | None,
) -> Timeliness:
    """The state of one expected report on ``today``.

    ``exists``: the unit has opened (drafted) the report; ``submitted_on``: local date of its first
    submission (it keeps counting after a return for correction, as DHIS2 counts the first
    completion)."""
    if submitted_on is not None:
        return Timeliness.LATE if is_late(submitted_on, due_date) else Timeliness.ON_TIME
    if today > last_submission_day(due_date):
        return Timeliness.OVERDUE
    return Timeliness.DRAFT if exists else Timeliness.NOT_STARTED


def on_time_rate(states: list[Timeliness]) -> float | None:
    """Share of expected reports submitted on time among those already due or submitted (DHIS2's
    "reporting rate on time"); None when nothing is due yet."""
    counted = [s for s in states if s in (Timeliness.ON_TIME, Timeliness.LATE, Timeliness.OVERDUE)]
    if not counted:
        return None
    return sum(1 for s in counted if s == Timeliness.ON_TIME) / len(counted)
