"""Funding by source (TT 10/2022/TT-BLĐTBXH Phụ lục II Mẫu 01 mục "kinh phí"; Phụ lục III, biểu kinh phí):
per component and source, allocated and disbursed from the start of the year to the period's end, and
the value of support delivered in the period split by the source each support records.

The sources are the plan's (``FundingSource``: central budget, local budget, mobilised, policy credit).
The portal records no split of the central budget into investment and recurrent capital, nor
"integrated" (lồng ghép) capital: the commune's sub-projects are funded from recurrent capital, so the
central column is printed as such and no integrated column is invented.

Totals are sums of the same rows the per-source cells come from, so they equal the budget table's.
"""

import datetime

from django.db.models import Sum

from programs.models import Activity, Allocation, Disbursement, FundingSource, Support
from reporting.figures.poverty import rate

SOURCES = list(FundingSource.values)
SOURCE_LABELS = dict(FundingSource.choices)
# The amount field on a support or activity holding each source.
DELIVERY_FIELDS = {
    FundingSource.CENTRAL: "central_amount",
    FundingSource.LOCAL: "local_amount",
    FundingSource.MOBILISED: "mobilised_amount",
    FundingSource.CREDIT: "credit_amount",
}


def _empty() -> dict:
    return {source: {"allocated": 0, "disbursed": 0, "delivered": 0} for source in SOURCES}


def _finish(by_source: dict) -> dict:
    for cell in by_source.values():
        cell["rate"] = rate(cell["disbursed"], cell["allocated"])
    total = {key: sum(by_source[s][key] for s in SOURCES) for key in ("allocated", "disbursed", "delivered")}
    total["rate"] = rate(total["disbursed"], total["allocated"])
    return {"sources": by_source, "total": total}


def funding_figures(component_ids: list[int], start: datetime.date, end: datetime.date) -> dict:
    """``{"components": {id: {"sources": {source: cell}, "total": cell}}, "total": {…}}``; a cell
    holds allocated, disbursed (year to ``end``), delivered (support and activities from ``start``
    to ``end``) and the disbursement rate. Four queries."""
    raw = {pk: _empty() for pk in component_ids}
    year_start = datetime.date(end.year, 1, 1)
    if component_ids:
        for row in (
            Allocation.objects.filter(component_id__in=component_ids, decision_date__range=(year_start, end))
            .values("component_id", "source")
            .annotate(total=Sum("amount"))
            .order_by()
        ):
            raw[row["component_id"]][row["source"]]["allocated"] += row["total"] or 0
        for row in (
            Disbursement.objects.filter(
                line__component_id__in=component_ids, paid_on__range=(year_start, end)
            )
            .values("line__component_id", "line__source")
            .annotate(total=Sum("amount"))
            .order_by()
        ):
            raw[row["line__component_id"]][row["line__source"]]["disbursed"] += row["total"] or 0
        sums = {source: Sum(field) for source, field in DELIVERY_FIELDS.items()}
        for model, day in ((Support, "supported_on"), (Activity, "held_on")):
            rows = (
                model.objects.filter(component_id__in=component_ids, **{f"{day}__range": (start, end)})
                .values("component_id")
                .annotate(**sums)
                .order_by()
            )
            for row in rows:
                for source in SOURCES:
                    raw[row["component_id"]][source]["delivered"] += row[source] or 0
    components = {pk: _finish(by_source) for pk, by_source in raw.items()}
    commune = _empty()
    for figures in components.values():
        for source in SOURCES:
            for key in ("allocated", "disbursed", "delivered"):
                commune[source][key] += figures["sources"][source][key]
    return {"components": components, **_finish(commune)}
