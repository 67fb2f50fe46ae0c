"""The compiled commune report (Báo cáo …/BC-UBND) as a document: the one context builder feeding
the web page, the PDF and the Excel workbook.

A draft reads the live figures; an approved report reads nothing but its snapshot, so what was
signed is what prints, whatever the data became afterwards.
"""

import datetime
from dataclasses import dataclass, field

from reporting.documents.annex import AnnexRow
from reporting.documents.base import DocumentFrame, Signer, frame_for, paragraphs
from reporting.figures.compiled import commune_report_figures
from reporting.models import COMPILED_SYMBOL, CompiledReport
from thoxuan_gnbv.models import Role


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


@dataclass
class CompiledReportDocument:
    frame: DocumentFrame
    compiled_id: int
    status: str
    status_label: str
    period_label: str
    period_slug: str
    commune_name: str
    year: int
    figures_date: str  # dd/mm/yyyy the figures were taken (the approval day for a frozen report)
    general_situation: list[str]
    results: list[str]
    problems: list[str]
    proposals: list[str]
    components: list[ComponentRow]
    totals: dict
    poverty_round: str
    poor: int
    near_poor: int
    movement: list[MovementRow]
    targets: list[TargetRow]
    timeliness: dict
    annex: list[AnnexRow] = field(default_factory=list)

    @property
    def component_total_row(self) -> dict:
        return self.totals


def _signer(compiled: CompiledReport, plan) -> Signer:
    approver = compiled.approved_by
    if approver is not None:
        if approver.role == Role.VICE_CHAIRMAN:
            return Signer(authority="KT. CHỦ TỊCH", title="PHÓ CHỦ TỊCH", name=approver.display_name)
        return Signer(authority="", title="CHỦ TỊCH", name=approver.display_name)
    return Signer(
        authority=plan.signer_authority, title=plan.signer_title or "CHỦ TỊCH", name=plan.signer_name
    )


def _date(iso: str | None) -> str:
    return datetime.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def build_compiled_document(
    compiled: CompiledReport, *, annex: list[AnnexRow] | None = None
) -> CompiledReportDocument:
    period = compiled.period
    plan = period.plan
    commune = period.commune
    data = compiled.snapshot if compiled.is_approved and compiled.snapshot else commune_report_figures(period)
    frame = frame_for(
        commune,
        symbol=COMPILED_SYMBOL,
        number=compiled.document_number,
        issued_on=compiled.issued_on,
        year=period.year,
        kind_title="BÁO CÁO",
        subject=f"Kết quả thực hiện {plan.program.name} {period.label}",
        is_draft=not compiled.is_approved,
        recipients=paragraphs(compiled.recipients),
        signer=_signer(compiled, plan),
        filename=f"bao-cao-{period.slug}.pdf",
    )
    components = []
    for number, row in enumerate(data["components"], start=1):
        support, activities, budget = row["support"], row["activities"], row["budget"]
        components.append(
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
            )
        )
    poverty = data["poverty"]
    near_poor = {row["label"]: row["end"] for row in poverty.get("near_poor_by_neighborhood", [])}
    movement = [
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
    targets = []
    for target in poverty.get("targets", []):
        targets.append(
            TargetRow(target["text"], target["quantity"], target["achieved"], target["rate"], False)
        )
        targets += [
            TargetRow(line["text"], line["quantity"], line["achieved"], line["rate"], True)
            for line in target["lines"]
        ]
    review = poverty.get("round")
    poverty_round = (
        f"Quyết định số {review['decision_number']} ngày {_date(review['decision_date'])} (rà soát năm {review['year']})"
        if review
        else "Chưa có quyết định công nhận kết quả rà soát."
    )
    return CompiledReportDocument(
        frame=frame,
        compiled_id=compiled.pk,
        status=compiled.status,
        status_label=compiled.get_status_display(),
        period_label=period.label,
        period_slug=period.slug,
        commune_name=commune.name,
        year=period.year,
        figures_date=_date(data.get("taken_on")),
        general_situation=paragraphs(compiled.general_situation),
        results=paragraphs(compiled.results),
        problems=paragraphs(compiled.problems),
        proposals=paragraphs(compiled.proposals),
        components=components,
        totals=data["totals"],
        poverty_round=poverty_round,
        poor=poverty.get("poor", 0),
        near_poor=poverty.get("near_poor", 0),
        movement=movement,
        targets=targets,
        timeliness=data["timeliness"],
        annex=annex or [],
    )
