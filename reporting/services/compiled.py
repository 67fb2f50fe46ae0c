"""The compiled commune report: drafted by the labour officer, approved (numbered, dated and frozen
with its figures) or returned by the chairman — never by the officer who submitted it. The steps are
declared on ``CompiledReport.workflow`` and run by ``thoxuan_gnbv.workflow.transition``."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from households.services.identity import identity_on
from reporting import messages
from reporting.figures import commune_report_figures
from reporting.figures.changes import figure_changes
from reporting.figures.compiled import fingerprint
from reporting.models import CompiledReport, CompiledStatus, ReportingPeriod, ReportStatus
from thoxuan_gnbv import access, workflow

EDITABLE_FIELDS = (
    "general_situation",
    "steering",
    "results",
    "problems",
    "proposals",
    "recipients",
    "figures_cutoff",
)
# The narrative sections of TT 10/2022/TT-BLĐTBXH Phụ lục II Mẫu 01 a report cannot go without.
REQUIRED_SECTIONS = {
    "general_situation": messages.GENERAL_SITUATION_REQUIRED,
    "steering": messages.STEERING_REQUIRED,
    "problems": messages.PROBLEMS_REQUIRED,
    "proposals": messages.PROPOSALS_REQUIRED,
}


def default_recipients(period: ReportingPeriod) -> str:
    """Nơi nhận of a report to the level above (NĐ 30/2020/NĐ-CP, Phụ lục I): the body the commune
    reports to first, then the plan's own recipients (its "Nơi nhận"), without repeating a line and
    without "Lưu: VT", which the document base always prints last. Editable per report."""
    lines = []
    # The level above as it was at the period's end (a district until 30/06/2025, the province after).
    reports_to = identity_on(period.commune, period.end_date).reports_to
    if reports_to:
        lines.append(f"{reports_to} (B/c)")
    seen = [_recipient_key(line) for line in lines]
    for recipient in period.plan.recipients.all():
        name = recipient.name.strip().rstrip(";.")
        key = _recipient_key(name)
        # "UBND huyện (B/c)" in the plan is the same body as "UBND huyện Thọ Xuân (B/c)" above.
        if not name or key.startswith("lưu") or any(k.startswith(key) or key.startswith(k) for k in seen):
            continue
        lines.append(name)
        seen.append(key)
    return "\n".join(lines)


def _recipient_key(line: str) -> str:
    return line.casefold().split(" (")[0].strip()


@transaction.atomic
def compiled_open(*, period: ReportingPeriod, user) -> CompiledReport:
    """Start the period's compiled report (one per period), prefilled with the units' problems and
    proposals so the labour officer edits rather than retypes."""
    if not access.can_compile_report(user):
        raise ValidationError(messages.NOT_COMPILER, code="forbidden")
    existing = CompiledReport.objects.filter(period=period).first()
    if existing:
        return existing
    reports = period.reports.select_related("component__project", "component__subproject").order_by(
        "component__position"
    )
    sent = [r for r in reports if r.status != ReportStatus.DRAFT]
    problems = "\n".join(r.problems.strip() for r in sent if r.problems.strip())
    proposals = "\n".join(r.proposals.strip() for r in sent if r.proposals.strip())
    compiled = CompiledReport(
        period=period,
        compiled_by=user,
        problems=problems[: CompiledReport._meta.get_field("problems").max_length],
        proposals=proposals[: CompiledReport._meta.get_field("proposals").max_length],
        recipients=default_recipients(period),
    )
    compiled.full_clean()
    compiled.save()
    workflow.log_created(compiled, user=user)
    return compiled


def _lock(compiled: CompiledReport) -> CompiledReport:
    return (
        CompiledReport.objects.select_for_update()
        .select_related("period__commune", "period__plan")
        .get(pk=compiled.pk)
    )


@transaction.atomic
def compiled_update(*, compiled: CompiledReport, user, **fields) -> CompiledReport:
    compiled = _lock(compiled)
    if not compiled.is_editable:
        raise ValidationError(messages.COMPILED_NOT_EDITABLE, code="frozen")
    if not access.can_compile_report(user, compiled):
        raise ValidationError(messages.NOT_COMPILER, code="forbidden")
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(compiled, name, fields[name])
    compiled.full_clean()
    compiled.save()
    return compiled


@transaction.atomic
def compiled_submit(*, compiled: CompiledReport, user) -> CompiledReport:
    """Send the draft to the chairman."""
    compiled = _lock(compiled)
    workflow.check_step(compiled, to=CompiledStatus.SUBMITTED)
    if not access.can_compile_report(user, compiled):
        raise ValidationError(messages.NOT_COMPILER, code="forbidden")
    errors = {
        name: message for name, message in REQUIRED_SECTIONS.items() if not getattr(compiled, name).strip()
    }
    if errors:
        raise ValidationError(errors)
    # The figures the chairman is asked to approve, kept to show him what changed before he signs.
    figures = commune_report_figures(compiled.period, cutoff=compiled.figures_cutoff)
    return workflow.transition(
        compiled, to=CompiledStatus.SUBMITTED, user=user, changes={"submitted_figures": figures}
    )


def approval_changes(compiled: CompiledReport) -> tuple[str, list]:
    """The current figures' fingerprint and what changed since submission (empty when nothing)."""
    current = commune_report_figures(compiled.period, cutoff=compiled.figures_cutoff)
    return fingerprint(current), figure_changes(compiled.submitted_figures, current)


def _check_approver(compiled: CompiledReport, user, to: str) -> None:
    workflow.check_step(compiled, to=to)
    if not access.can_approve_compiled_report(user, compiled):
        raise ValidationError(messages.NOT_APPROVER, code="forbidden")


@transaction.atomic
def compiled_return(*, compiled: CompiledReport, user, comment: str) -> CompiledReport:
    compiled = _lock(compiled)
    _check_approver(compiled, user, CompiledStatus.RETURNED)
    return workflow.transition(compiled, to=CompiledStatus.RETURNED, user=user, comment=comment)


@transaction.atomic
def compiled_approve(
    *,
    compiled: CompiledReport,
    user,
    document_number: str,
    issued_on: datetime.date | None,
    confirmed_figures: str = "",
) -> CompiledReport:
    """The chairman approves and numbers the report ("Số: …/BC-UBND"); the figures are frozen into
    ``snapshot`` as they are now, so later data changes never alter the issued report. When they
    differ from those submitted, approval is refused with the changes listed unless
    ``confirmed_figures`` is the fingerprint of the figures as they are now (he has seen them)."""
    compiled = _lock(compiled)
    _check_approver(compiled, user, CompiledStatus.APPROVED)
    errors = {}
    document_number = (document_number or "").strip()
    if not document_number:
        errors["document_number"] = messages.DOCUMENT_NUMBER_REQUIRED
    elif not document_number.isdigit() or len(document_number) > 10:
        errors["document_number"] = messages.DOCUMENT_NUMBER_INVALID
    if issued_on is None:
        errors["issued_on"] = messages.ISSUED_ON_REQUIRED
    elif issued_on > timezone.localdate():
        errors["issued_on"] = messages.ISSUED_ON_FUTURE
    elif issued_on < compiled.period.start_date:
        errors["issued_on"] = messages.ISSUED_ON_BEFORE_PERIOD
    if errors:
        raise ValidationError(errors)
    snapshot = commune_report_figures(compiled.period, today=issued_on, cutoff=compiled.figures_cutoff)
    changed = figure_changes(compiled.submitted_figures, snapshot)
    if changed and confirmed_figures != fingerprint(snapshot):
        lines = "; ".join(f"{c.label}: {_show(c.before)} → {_show(c.after)}" for c in changed[:8])
        raise ValidationError(messages.FIGURES_CHANGED.format(changes=lines), code="figures_changed")
    changes = {
        # Timeliness in the snapshot is stated as of the issue date printed on the report.
        "snapshot": snapshot,
        "document_number": document_number,
        "issued_on": issued_on,
    }
    return workflow.transition(compiled, to=CompiledStatus.APPROVED, user=user, changes=changes)


def _show(value) -> str:
    if value is None:
        return "không có"
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)
