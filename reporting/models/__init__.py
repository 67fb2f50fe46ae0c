"""Reports of the program (section VII of the plan): the reporting periods opened from the approved
plan's regime, each lead unit's report per component and period, and the commune's compiled report
the chairman signs.

Accepted unit reports and approved compiled reports are official: the workflow core
(``thoxuan_gnbv.workflow``) refuses any change by every path (services, ``save``/``delete``, bulk
writes, the admin), and named constraints keep the final states consistent.
"""

from reporting.models.compiled import COMPILED_SYMBOL, CompiledReport, CompiledReportTransition
from reporting.models.documents import DocumentJob, FigureCache
from reporting.models.periods import ReportingPeriod
from reporting.models.reports import (
    COMMENT_MAX,
    NARRATIVE_MAX,
    RESULTS_MAX,
    Report,
    ReportQuerySet,
    ReportTransition,
)
from thoxuan_gnbv.statuses import CompiledStatus, ReportStatus

__all__ = [
    "COMMENT_MAX",
    "COMPILED_SYMBOL",
    "NARRATIVE_MAX",
    "RESULTS_MAX",
    "CompiledReport",
    "CompiledReportTransition",
    "CompiledStatus",
    "DocumentJob",
    "FigureCache",
    "Report",
    "ReportQuerySet",
    "ReportStatus",
    "ReportTransition",
    "ReportingPeriod",
]
