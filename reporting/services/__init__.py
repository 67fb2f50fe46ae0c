"""Writes of the reporting side: opening periods, unit reports and the compiled report."""

from reporting.services.compiled import (
    compiled_approve,
    compiled_open,
    compiled_return,
    compiled_submit,
    compiled_update,
)
from reporting.services.reports import (
    period_open,
    report_accept,
    report_open,
    report_return,
    report_submit,
    report_update,
)

__all__ = [
    "compiled_approve",
    "compiled_open",
    "compiled_return",
    "compiled_submit",
    "compiled_update",
    "period_open",
    "report_accept",
    "report_open",
    "report_return",
    "report_submit",
    "report_update",
]
