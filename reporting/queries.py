"""Reads of the reporting side, each with its own select_related/prefetch_related and a fixed
number of queries whatever the number of households."""

import datetime
from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404
from django.utils import timezone

from households.models import Meeting, Neighborhood, ReviewRound
from programs.models import Plan, ReportingRule
from reporting.figures.reports import plan_components_of
from reporting.models import (
    CompiledReport,
    CompiledStatus,
    DocumentJob,
    Report,
    ReportingPeriod,
    ReportStatus,
)
from reporting.periods import PERIOD_ORDER, Period, Timeliness, on_time_rate, timeliness
from thoxuan_gnbv import access


def compiled_for_output(commune, period: Period) -> CompiledReport:
    """The period's compiled report, or an unsaved draft over the live figures when none exists yet
    (the period itself is opened from the plan's rule, refused if the plan has no such period)."""
    from reporting.services import period_open

    reporting_period = period_open(commune=commune, period=period)
    compiled = (
        CompiledReport.objects.select_related("period__commune", "period__plan__program", "approved_by")
        .filter(period=reporting_period)
        .first()
    )
    if compiled is None:
        compiled = CompiledReport(period=reporting_period, recipients="")
    return compiled


# --- the calendar -------------------------------------------------------------------------------


@dataclass
class CalendarCell:
    period: Period
    due_date: datetime.date
    state: Timeliness
    report: Report | None


@dataclass
class CalendarRow:
    component: object
    cells: list[CalendarCell] = field(default_factory=list)

    @property
    def on_time_rate(self):
        return on_time_rate([cell.state for cell in self.cells])


@dataclass
class CalendarColumn:
    period: Period
    due_date: datetime.date
    rate: float | None = None
    compiled: CompiledReport | None = None


@dataclass
class Calendar:
    year: int
    plan: Plan | None
    columns: list[CalendarColumn]
    rows: list[CalendarRow]
    today: datetime.date

    @property
    def overdue(self) -> list[CalendarCell]:
        return [cell for row in self.rows for cell in row.cells if cell.state == Timeliness.OVERDUE]

    @property
    def unit_rates(self) -> list[tuple[str, float | None]]:
        """On-time rate per lead unit (DHIS2-style), over all its components and periods."""
        states: dict[str, list] = {}
        for row in self.rows:
            states.setdefault(str(row.component.lead_unit), []).extend(cell.state for cell in row.cells)
        return [(unit, on_time_rate(values)) for unit, values in states.items()]


def reporting_calendar(commune, year: int, *, today: datetime.date | None = None) -> Calendar:
    """Every expected report of the year (one per component and period of the approved plan's
    regime) with its state. Five queries whatever the number of reports or households."""
    today = today or timezone.localdate()
    plan = Plan.objects.approved_for(commune, year)
    if plan is None:
        return Calendar(year=year, plan=None, columns=[], rows=[], today=today)
    return _calendars(commune, [plan], today)[0]


def latest_calendars(
    commune, *, up_to: int, count: int, today: datetime.date | None = None
) -> list[Calendar]:
    """The calendars of the ``count`` latest years up to ``up_to`` that have an approved plan, newest
    first. Five queries for all of them (the home page follows two years on every visit)."""
    today = today or timezone.localdate()
    plans = {}
    # The first version seen of a year is the one in force.
    for plan in Plan.objects.approved_newest_first().filter(commune=commune, year__lte=up_to):
        if plan.year not in plans:
            if len(plans) == count:
                break
            plans[plan.year] = plan
    return _calendars(commune, list(plans.values()), today) if plans else []


def _calendars(commune, plans: list[Plan], today: datetime.date) -> list[Calendar]:
    """The calendar of each plan (of distinct years), in the order given: four queries for them all."""
    years = [plan.year for plan in plans]
    rules: dict = {plan.pk: [] for plan in plans}
    for rule in ReportingRule.objects.filter(plan__in=plans).order_by():  # sorted by period below
        rules[rule.plan_id].append(rule)
    components: dict = {plan.pk: [] for plan in plans}
    for component in plan_components_of(plans):
        components[component.plan_id].append(component)
    reports = {
        (r.period.year, r.period.code, r.component_id): r
        for r in Report.objects.filter(period__commune=commune, period__year__in=years)
        .select_related("period")
        .order_by()  # a dict: the models' default ordering would only cost compiling and sorting
    }
    compiled = {
        (c.period.year, c.period.code): c
        for c in CompiledReport.objects.filter(period__commune=commune, period__year__in=years)
        .select_related("period")
        .order_by()
    }
    return [_calendar(plan, rules[plan.pk], components[plan.pk], reports, compiled, today) for plan in plans]


def _calendar(plan, rules, components, reports, compiled, today) -> Calendar:
    year = plan.year
    rules = sorted(rules, key=lambda r: PERIOD_ORDER.index(r.period))
    columns = [
        CalendarColumn(
            period=Period(year, rule.period),
            due_date=rule.due_date,
            compiled=compiled.get((year, rule.period)),
        )
        for rule in rules
    ]
    rows = []
    for component in components:
        row = CalendarRow(component=component)
        for column in columns:
            report = reports.get((year, column.period.code, component.pk))
            submitted_on = timezone.localdate(report.submitted_at) if report and report.submitted_at else None
            state = timeliness(
                due_date=column.due_date, today=today, exists=report is not None, submitted_on=submitted_on
            )
            row.cells.append(
                CalendarCell(period=column.period, due_date=column.due_date, state=state, report=report)
            )
        rows.append(row)
    for index, column in enumerate(columns):
        column.rate = on_time_rate([row.cells[index].state for row in rows])
    return Calendar(year=year, plan=plan, columns=columns, rows=rows, today=today)


def calendar_years(commune) -> list[int]:
    return sorted(
        set(Plan.objects.approved().filter(commune=commune).values_list("year", flat=True)), reverse=True
    )


# --- single objects, in scope -------------------------------------------------------------------


def get_report_for_user(user, pk: int) -> Report:
    queryset = access.reports_visible_to(user, Report.objects.for_page())
    return get_object_or_404(queryset, pk=pk)


def get_compiled_for_user(user, pk: int) -> CompiledReport:
    queryset = access.compiled_reports_visible_to(
        user,
        CompiledReport.objects.select_related(
            "period__commune", "period__plan__program", "approved_by", "compiled_by"
        ),
    )
    return get_object_or_404(queryset, pk=pk)


def get_period(commune, slug: str) -> ReportingPeriod | None:
    from reporting.periods import parse_period

    period = parse_period(slug)
    return ReportingPeriod.objects.filter(commune=commune, year=period.year, code=period.code).first()


# --- home tasks ---------------------------------------------------------------------------------


def reports_awaiting_acceptance(user):
    """Submitted unit reports of the user's communes that they may accept or return."""
    return access.reports_reviewable_by(user, Report.objects.filter(status=ReportStatus.SUBMITTED))


def compiled_awaiting_approval(user):
    """Submitted compiled reports of the user's communes."""
    return access.compiled_reports_visible_to(
        user, CompiledReport.objects.filter(status=CompiledStatus.SUBMITTED)
    )


def meetings_visible_to(user):
    """The khu phố meetings whose minutes ``user`` may read: who may view review rounds, of a round
    they see, in a khu phố they see (a khu phố head only their own); none for anyone else."""
    if not access.can_view_review_rounds(user):
        return Meeting.objects.none()
    rounds = access.rounds_visible_to(user, ReviewRound.objects.all())
    neighborhoods = access.neighborhoods_visible_to(user, Neighborhood.objects.all())
    return Meeting.objects.select_related("round__commune", "neighborhood").filter(
        round__in=rounds, neighborhood__in=neighborhoods
    )


def get_job_for_user(user, pk: int, *, province_only: bool = False) -> DocumentJob:
    """A background document job of the user's communes (or, ``province_only``, of their province)
    that they requested (404 otherwise)."""
    jobs = DocumentJob.objects.select_related("compiled_report__period")
    if province_only:
        jobs = jobs.filter(province__isnull=False)
    return get_object_or_404(access.jobs_visible_to(user, jobs), pk=pk)
