"""The rows of the compiled report's tables, built from its figures (live or frozen): one row type per
table, so the PDF, the web page and the Excel sheets print the same numbers."""

import datetime
from dataclasses import dataclass

from reporting.figures.funding import SOURCE_LABELS, SOURCES
from reporting.figures.reach import GROUPS


@dataclass(frozen=True)
class ComponentRow:
    number: int
    code: str
    title: str
    lead_unit: str
    households: int
    support_records: int
    support_amount: int
    ethnic_minority: int
    meritorious: int
    disability: int
    activities: int
    participants: int
    allocated: int
    disbursed: int
    rate: float | None
    report_state: str
    results: list[str]
    reach: dict  # groups of figures.reach: households, people, poor, near_poor, …
    funding: dict  # {"sources": {source: cell}, "total": cell}
    year_to_date: dict  # households, activities, participants, amount from 1/1 to the cut-off


@dataclass(frozen=True)
class MovementRow:
    label: str
    households: int
    start: int
    escaped: int
    fell_back: int
    newly_poor: int
    end: int
    end_rate: float | None
    end_ethnic: int
    near_poor: int
    is_total: bool


@dataclass(frozen=True)
class TargetRow:
    text: str
    quantity: int
    achieved: int | None
    rate: float | None
    is_line: bool
    counting_label: str = ""
    start: int | None = None
    end: int | None = None
    escaped: int | None = None
    fell_back_new: int | None = None
    net: int | None = None


@dataclass(frozen=True)
class ResultRow:
    """A line of Biểu 02 (TT 10/2022/TT-BLĐTBXH Phụ lục III): indicator, unit, plan for the year, this
    period, cumulative from 1/1, % of plan."""

    indicator: str
    unit: str
    plan: int | None
    period: int | None
    year_to_date: int | None
    rate: float | None
    is_heading: bool = False


def iso_date(iso: str | None) -> str:
    return datetime.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def component_rows(data: dict, paragraphs) -> list[ComponentRow]:
    rows = []
    for number, row in enumerate(data["components"], start=1):
        support, activities, budget = row["support"], row["activities"], row["budget"]
        rows.append(
            ComponentRow(
                number=number,
                code=row["code"],
                title=row["title"],
                lead_unit=row["lead_unit"],
                households=support["households"],
                support_records=support["records"],
                support_amount=support["amount"],
                ethnic_minority=support["priority"]["ethnic_minority"],
                meritorious=support["priority"]["meritorious"],
                disability=support["priority"]["disability"],
                activities=activities["count"],
                participants=activities["participants"],
                allocated=budget["allocated"],
                disbursed=budget["disbursed"],
                rate=budget["rate"],
                report_state=row["report"]["timeliness_label"],
                results=paragraphs(row["report"]["results"]),
                reach=row.get("reach") or dict.fromkeys(GROUPS, 0),
                funding=row.get("funding") or _no_funding(),
                year_to_date=row.get("year_to_date") or {},
            )
        )
    return rows


def _no_funding() -> dict:
    cell = {"allocated": 0, "disbursed": 0, "delivered": 0, "rate": None}
    return {"sources": {source: dict(cell) for source in SOURCES}, "total": dict(cell)}


def source_columns() -> list[tuple[str, str]]:
    return [(source, SOURCE_LABELS[source]) for source in SOURCES]


def movement_rows(poverty: dict) -> list[MovementRow]:
    near_poor = {row["label"]: row["end"] for row in poverty.get("near_poor_by_neighborhood", [])}
    return [
        MovementRow(
            label=row["label"],
            households=row["households"],
            start=row["start"],
            escaped=row["escaped"],
            fell_back=row["fell_back"],
            newly_poor=row["newly_poor"],
            end=row["end"],
            end_rate=row["end_rate"],
            end_ethnic=row["end_ethnic"],
            near_poor=near_poor.get(row["label"], 0),
            is_total=row["neighborhood_id"] is None,
        )
        for row in poverty.get("movement", [])
    ]


def target_rows(poverty: dict) -> list[TargetRow]:
    rows = []
    for target in poverty.get("targets", []):
        measured = target.get("measured", False)
        rows.append(
            TargetRow(
                target["text"],
                target["quantity"],
                target["achieved"],
                target["rate"],
                False,
                counting_label=target.get("counting_label", "") if measured else "",
                start=target.get("start") if measured else None,
                end=target.get("end") if measured else None,
                escaped=target.get("escaped") if measured else None,
                fell_back_new=target.get("fell_back_new") if measured else None,
                net=target.get("net") if measured else None,
            )
        )
        rows += [
            TargetRow(
                line["text"],
                line["quantity"],
                line["achieved"],
                line["rate"],
                True,
                counting_label=line.get("counting_label", ""),
            )
            for line in target["lines"]
        ]
    return rows


def result_rows(data: dict, components: list[ComponentRow], targets: list[TargetRow]) -> list[ResultRow]:
    """Biểu 02: the plan's targets first (plan = the target, achieved over the year), then per
    sub-project the households supported, activities and disbursement (plan = the allocation)."""
    rows = [ResultRow("A. Mục tiêu của kế hoạch", "", None, None, None, None, is_heading=True)]
    for target in targets:
        label = f"Trong đó: {target.text}" if target.is_line else target.text
        rows.append(ResultRow(label, "hộ", target.quantity, None, target.achieved, target.rate))
    rows.append(ResultRow("B. Kết quả thực hiện các dự án, tiểu dự án", "", None, None, None, None, True))
    for row in components:
        ytd = row.year_to_date
        rows += [
            ResultRow(f"{row.code}. {row.title}", "", None, None, None, None, is_heading=True),
            ResultRow("Số hộ được hỗ trợ", "hộ", None, row.households, ytd.get("households"), None),
            ResultRow("Số hoạt động", "hoạt động", None, row.activities, ytd.get("activities"), None),
            ResultRow(
                "Lượt người tham gia hoạt động", "lượt", None, row.participants, ytd.get("participants"), None
            ),
            ResultRow("Kinh phí giải ngân", "đồng", row.allocated, None, row.disbursed, row.rate),
        ]
    return rows


@dataclass(frozen=True)
class FundingRow:
    """A line of the funding table: a sub-project, one of its sources, or a commune total."""

    number: str
    label: str
    allocated: int
    disbursed: int
    rate: float | None
    delivered: int
    kind: str  # "component", "source", "total", "total_source"


def funding_rows(components: list[ComponentRow], funding: dict) -> list[FundingRow]:
    """Each sub-project with its sources underneath (those with any money), then the commune's
    total and its split by source; the totals are sums of the same cells."""
    rows = []

    def cell_row(number, label, cell, kind):
        return FundingRow(
            number, label, cell["allocated"], cell["disbursed"], cell["rate"], cell["delivered"], kind
        )

    def sources_of(by_source):
        return [
            cell_row("", f"- {label}", by_source[source], kind)
            for source, label in source_columns()
            for kind in ["source"]
            if any(by_source[source][key] for key in ("allocated", "disbursed", "delivered"))
        ]

    for row in components:
        rows.append(cell_row(str(row.number), f"{row.code}. {row.title}", row.funding["total"], "component"))
        rows += sources_of(row.funding["sources"])
    if funding:
        rows.append(cell_row("", "Tổng cộng", funding["total"], "total"))
        rows += [
            FundingRow(r.number, r.label, r.allocated, r.disbursed, r.rate, r.delivered, "total_source")
            for r in sources_of(funding["sources"])
        ]
    return rows
