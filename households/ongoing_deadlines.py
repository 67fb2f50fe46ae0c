"""The dates of an ongoing review (rà soát thường xuyên), as pure functions.

- QĐ 24/2021/QĐ-TTg Điều 3 khoản 1 điểm b: ongoing reviews run once a month, from the 15th. A request
  received up to the 15th is reviewed from that 15th; one received later, from the next month's 15th.
- Điều 5 khoản 2: the chairman decides (and issues the certificate) within 15 days of that review day.
  The text counts days, not working days; when the last day is a weekend or public holiday the period
  ends on the next working day (Bộ luật Dân sự 2015, Điều 148), so the deadline always lands on a day
  the office is open. Days left are shown in working days (``thoxuan_gnbv.workdays``).
- Điều 4 khoản 3 (applied by Điều 5 khoản 2): the result is posted publicly for 3 working days
  (cần xác nhận against the current text).
"""

import datetime
from dataclasses import dataclass

from thoxuan_gnbv import workdays
from thoxuan_gnbv.statuses import RequestStatus

REVIEW_DAY_OF_MONTH = 15
DECISION_DAYS = 15
POSTING_WORKING_DAYS = 3


def review_day(received_on: datetime.date) -> datetime.date:
    """The monthly review day that takes up a request received on ``received_on``."""
    if received_on.day <= REVIEW_DAY_OF_MONTH:
        return received_on.replace(day=REVIEW_DAY_OF_MONTH)
    if received_on.month == 12:
        return datetime.date(received_on.year + 1, 1, REVIEW_DAY_OF_MONTH)
    return datetime.date(received_on.year, received_on.month + 1, REVIEW_DAY_OF_MONTH)


def decision_due(received_on: datetime.date) -> datetime.date:
    """The last day for the decision: 15 days after the review day, moved past a day off."""
    due = review_day(received_on) + datetime.timedelta(days=DECISION_DAYS)
    while not workdays.is_working_day(due):
        due += datetime.timedelta(days=1)
    return due


def posting_last_day(start: datetime.date) -> datetime.date:
    """The earliest day a posting opened on ``start`` may end: 3 working days, ``start`` counted."""
    return workdays.last_day_of_period(start, POSTING_WORKING_DAYS)


def working_days_left(due_on: datetime.date, today: datetime.date) -> int:
    """Working days from ``today`` to ``due_on`` (the due day counted); negative when late: the working
    days already past it (at least 1)."""
    if today <= due_on:
        return workdays.working_days_between(today, due_on) + (1 if workdays.is_working_day(today) else 0)
    return -max(1, workdays.working_days_between(due_on, today))


@dataclass(frozen=True)
class RequestRow:
    """A request with what its pages show about time: working days left, late or not."""

    request: object
    days_left: int | None  # None once decided

    @property
    def is_late(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_late(self) -> int:
        return -self.days_left if self.is_late else 0


def request_rows(requests, today: datetime.date) -> list[RequestRow]:
    """The rows of a page of requests (no query: the dates are on the rows)."""
    return [
        RequestRow(r, None if r.status == RequestStatus.DECIDED else working_days_left(r.due_on, today))
        for r in requests
    ]
