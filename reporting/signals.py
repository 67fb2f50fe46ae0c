"""Signal handlers of the reporting app: what makes stored figures stale and what the worker then
recomputes (``reporting.figure_signals``)."""

from reporting import figure_signals  # noqa: F401
