"""The commune's own deadlines to the level above: a locality reports within 15 working days after
the period ends (TT 10/2022/TT-BLĐTBXH, chế độ báo cáo), counted with Vietnam's public holidays
(``thoxuan_gnbv.workdays``, the ``holidays`` package) — shown beside the units' deadlines to the
commune, which come from the plan's section VII."""

import datetime
from dataclasses import dataclass

from reporting.periods import Period, last_submission_day
from thoxuan_gnbv.workdays import add_working_days, holidays_between

UPWARD_WORKING_DAYS = 15


@dataclass(frozen=True)
class UpwardDeadline:
    period: Period
    due_date: datetime.date  # the 15th working day after the period's last day
    holidays: list[tuple[datetime.date, str]]  # public holidays inside the window (why it moved)


def upward_deadline(period: Period) -> UpwardDeadline:
    due = add_working_days(period.end, UPWARD_WORKING_DAYS)
    return UpwardDeadline(period=period, due_date=due, holidays=holidays_between(period.end, due))


@dataclass(frozen=True)
class UnitDeadline:
    """A unit's deadline to the commune as the plan words it ("trước ngày 15/6") and its last day."""

    named_day: datetime.date
    last_day: datetime.date


def unit_deadline(due_date: datetime.date) -> UnitDeadline:
    return UnitDeadline(named_day=due_date, last_day=last_submission_day(due_date))
