"""Unit reports: open from the approved plan's regime, write, submit (late allowed, marked),
accepted or returned by the labour officer (never by their author). The steps are declared on
``Report.workflow`` and run by ``thoxuan_gnbv.workflow.transition``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from programs.models import Plan, PlanComponent
from reporting import messages
from reporting.figures import component_figures, poverty_figures, shows_poverty_figures
from reporting.figures.poverty import poverty_stored
from reporting.models import Report, ReportingPeriod, ReportStatus
from reporting.periods import Period, is_late
from thoxuan_gnbv import access, workflow


def rule_for(plan: Plan, code: str):
    return plan.reporting_rules.filter(period=code).first()


@transaction.atomic
def period_open(*, commune, period: Period) -> ReportingPeriod:
    """The commune's reporting period, created from the approved plan's rule on first use. The due
    date is the plan's (section VII), never a constant. Refused when the plan has no such period."""
    existing = ReportingPeriod.objects.filter(commune=commune, year=period.year, code=period.code).first()
    if existing:
        return existing
    plan = Plan.objects.approved_for(commune, period.year)
    if plan is None:
        raise ValidationError(messages.NO_APPROVED_PLAN.format(year=period.year), code="no_plan")
    rule = rule_for(plan, period.code)
    if rule is None:
        raise ValidationError(
            messages.PERIOD_NOT_IN_PLAN.format(year=period.year, period=period.label), code="no_rule"
        )
    reporting_period = ReportingPeriod(
        commune=commune,
        plan=plan,
        year=period.year,
        code=period.code,
        start_date=period.start,
        end_date=period.end,
        due_date=rule.due_date,
    )
    reporting_period.full_clean()
    reporting_period.save()
    return reporting_period


@transaction.atomic
def report_open(*, period: ReportingPeriod, component: PlanComponent, user) -> Report:
    """The unit's report for a component and period, created as a draft on first open."""
    if component.plan_id != period.plan_id:
        raise ValidationError({"component": messages.COMPONENT_NOT_IN_PLAN})
    if not access.can_write_report(user, component):
        raise ValidationError(messages.NOT_REPORT_AUTHOR, code="forbidden")
    report, created = Report.objects.get_or_create(
        period=period,
        component=component,
        defaults={"lead_unit_id": component.lead_unit_id, "created_by": user},
    )
    if created:
        workflow.log_created(report, user=user)
    return report


def _lock(report: Report) -> Report:
    return Report.objects.select_for_update().select_related("period", "component").get(pk=report.pk)


@transaction.atomic
def report_update(*, report: Report, user, results: str, problems: str, proposals: str) -> Report:
    """Save the narrative of a draft or returned report."""
    report = _lock(report)
    if not report.is_editable:
        raise ValidationError(messages.REPORT_NOT_EDITABLE, code="frozen")
    if not access.can_write_report(user, report.component):
        raise ValidationError(messages.NOT_REPORT_AUTHOR, code="forbidden")
    report.results, report.problems, report.proposals = results, problems, proposals
    report.full_clean()
    report.save()
    return report


def unit_report_figures(report: Report, *, page: bool = False) -> dict:
    """The figures of a unit report from the data up to its period's end. On a page (``page``) the
    poverty figures are those the worker last stored (with ``poverty_notice`` saying how current),
    never the registry walk; on submission they are the figures as the data stand."""
    period = report.period
    figures = component_figures([report.component_id], period.start_date, period.end_date)[
        report.component_id
    ]
    if shows_poverty_figures(report.component):
        plan = period.plan
        targets = list(plan.targets.prefetch_related("lines"))
        if page:
            stored = poverty_stored(period.commune, targets, period.end_date, plan.year)
            figures["poverty"], figures["poverty_notice"] = stored.data, stored.notice
        else:
            figures["poverty"] = poverty_figures(period.commune, targets, period.end_date, plan.year)
    return figures


@transaction.atomic
def report_submit(*, report: Report, user) -> Report:
    """Send the report to the labour officer, freezing its figures as submitted. After the due date
    it is still accepted, marked late (timeliness counts the first submission)."""
    report = _lock(report)
    workflow.check_step(report, to=ReportStatus.SUBMITTED)
    if not access.can_write_report(user, report.component):
        raise ValidationError(messages.NOT_REPORT_AUTHOR, code="forbidden")
    if not report.results.strip():
        raise ValidationError({"results": messages.RESULTS_REQUIRED})
    changes = {"figures": unit_report_figures(report)}
    if report.submitted_at is None:
        now = timezone.now()
        changes |= {"submitted_at": now, "is_late": is_late(timezone.localdate(now), report.period.due_date)}
    return workflow.transition(report, to=ReportStatus.SUBMITTED, user=user, changes=changes)


def _check_reviewer(report: Report, user, to: str) -> None:
    workflow.check_step(report, to=to)
    if not access.can_review_report(user, report):
        raise ValidationError(messages.NOT_REPORT_REVIEWER, code="forbidden")


@transaction.atomic
def report_accept(*, report: Report, user) -> Report:
    """The labour officer accepts a submitted report: it is frozen from then on."""
    report = _lock(report)
    _check_reviewer(report, user, ReportStatus.ACCEPTED)
    return workflow.transition(report, to=ReportStatus.ACCEPTED, user=user)


@transaction.atomic
def report_return(*, report: Report, user, comment: str) -> Report:
    """The labour officer returns a submitted report to its unit, saying why."""
    report = _lock(report)
    _check_reviewer(report, user, ReportStatus.RETURNED)
    return workflow.transition(report, to=ReportStatus.RETURNED, user=user, comment=comment)
