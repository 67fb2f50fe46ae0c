"""Whether an approved report already used a recorded row — asked by corrections, answered by the apps
above (reporting registers its check in ``AppConfig.ready``), so programs never imports reporting.

A check receives the commune, the component, the row's date and whether its figure is cumulative
(budget: from 1 January to the period's end) or counted within the period (support, activities), and
returns a sentence naming the report ("Báo cáo tổng hợp quý II năm 2024 (số 12/BC-UBND)") or ""."""

import datetime
from collections.abc import Callable

_checks: list[Callable[..., str]] = []


def register_period_lock(check: Callable[..., str]) -> None:
    if check not in _checks:
        _checks.append(check)


def approved_report_using(
    *, commune_id: int, component_id: int, on_date: datetime.date, cumulative: bool
) -> str:
    """The first approved report that used a row of this component and date, or ""."""
    for check in _checks:
        found = check(
            commune_id=commune_id, component_id=component_id, on_date=on_date, cumulative=cumulative
        )
        if found:
            return found
    return ""
