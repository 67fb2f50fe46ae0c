"""Periods parse from their names; timeliness on both sides of each deadline (pure functions)."""

import datetime

import pytest

from reporting import messages
from reporting.periods import (
    Period,
    Timeliness,
    is_late,
    last_submission_day,
    on_time_rate,
    parse_period,
    period_bounds,
    timeliness,
)

D = datetime.date


@pytest.mark.parametrize(
    ("text", "year", "code"),
    [
        ("2024-Q1", 2024, "Q1"),
        ("2024-Q4", 2024, "Q4"),
        ("2024-H1", 2024, "H1"),
        ("2024", 2024, "YEAR"),
        (" 2025-q2 ", 2025, "Q2"),
    ],
)
def test_period_names_parse(text, year, code):
    assert parse_period(text) == Period(year, code)


@pytest.mark.parametrize("text", ["2024-Q5", "2024-H2", "24-Q1", "2024Q1", "quý 2", "", "2024-Q1-x", "1999"])
def test_bad_period_names_are_refused_in_vietnamese(text):
    with pytest.raises(ValueError, match="Kỳ báo cáo|Năm của kỳ"):
        parse_period(text)


def test_unparsable_message_names_the_accepted_forms():
    with pytest.raises(ValueError) as error:
        parse_period("2024-Q7")
    assert str(error.value) == messages.PERIOD_UNPARSABLE.format(text="2024-Q7")


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("Q1", D(2024, 1, 1), D(2024, 3, 31)),
        ("Q2", D(2024, 4, 1), D(2024, 6, 30)),
        ("Q3", D(2024, 7, 1), D(2024, 9, 30)),
        ("Q4", D(2024, 10, 1), D(2024, 12, 31)),
        ("H1", D(2024, 1, 1), D(2024, 6, 30)),
        ("YEAR", D(2024, 1, 1), D(2024, 12, 31)),
    ],
)
def test_period_bounds(code, start, end):
    assert period_bounds(2024, code) == (start, end)


def test_period_slug_round_trips():
    for text in ("2024-Q2", "2024-H1", "2024"):
        assert parse_period(text).slug == text


def test_labels_are_vietnamese():
    assert parse_period("2024-Q2").label == "quý II năm 2024"
    assert parse_period("2024-H1").label == "6 tháng đầu năm 2024"
    assert parse_period("2024").label == "năm 2024"


DUE = D(2024, 6, 15)


LAST = D(2024, 6, 14)  # "trước ngày 15/6": the 14th is the last day


def test_submitted_the_day_before_the_named_day_is_on_time():
    assert last_submission_day(DUE) == LAST
    assert not is_late(LAST, DUE)
    assert timeliness(due_date=DUE, today=LAST, exists=True, submitted_on=LAST) == Timeliness.ON_TIME


def test_submitted_on_the_named_day_is_late():
    assert is_late(DUE, DUE)
    state = timeliness(due_date=DUE, today=D(2024, 7, 1), exists=True, submitted_on=DUE)
    assert state == Timeliness.LATE


def test_nothing_sent_before_the_deadline_is_not_started_or_draft():
    assert timeliness(due_date=DUE, today=LAST, exists=False, submitted_on=None) == Timeliness.NOT_STARTED
    assert timeliness(due_date=DUE, today=LAST, exists=True, submitted_on=None) == Timeliness.DRAFT


def test_nothing_sent_after_the_deadline_is_overdue_whether_drafted_or_not():
    after = DUE
    assert timeliness(due_date=DUE, today=after, exists=False, submitted_on=None) == Timeliness.OVERDUE
    assert timeliness(due_date=DUE, today=after, exists=True, submitted_on=None) == Timeliness.OVERDUE


def test_on_time_rate_counts_only_what_is_due_or_sent():
    states = [
        Timeliness.ON_TIME,
        Timeliness.LATE,
        Timeliness.OVERDUE,
        Timeliness.NOT_STARTED,
        Timeliness.DRAFT,
    ]
    assert on_time_rate(states) == pytest.approx(1 / 3)
    assert on_time_rate([Timeliness.NOT_STARTED, Timeliness.DRAFT]) is None
