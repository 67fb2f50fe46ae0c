"""The figures of reports and dashboards, from aggregate queries: ``reports`` (a component's support,
activities and budget), ``compiled`` (the compiled commune report) and ``poverty`` (the commune's poverty figures,
stored by the worker). The names below are re-exported for the reporting services, which import them from here."""

from reporting.figures.compiled import commune_report_figures
from reporting.figures.poverty import poverty_figures, rate
from reporting.figures.reports import (
    component_figures,
    plan_components,
    shows_poverty_figures,
)

__all__ = [
    "commune_report_figures",
    "component_figures",
    "plan_components",
    "poverty_figures",
    "rate",
    "shows_poverty_figures",
]
