"""The compiled commune report (Báo cáo …/BC-UBND) as a document: the one context builder feeding
the web page, the PDF and the Excel workbook.

A draft reads the live figures; an approved report reads nothing but its snapshot, so what was
signed is what prints, whatever the data became afterwards.
"""

from dataclasses import dataclass, field

from reporting.documents.annex import AnnexRow
from reporting.documents.base import DocumentFrame, Signer, frame_for, paragraphs
from reporting.documents.report_rows import (
    ComponentRow,
    FundingRow,
    MovementRow,
    ResultRow,
    TargetRow,
    component_rows,
    funding_rows,
    iso_date,
    movement_rows,
    result_rows,
    source_columns,
    target_rows,
)
from reporting.figures.compiled import commune_report_figures
from reporting.models import COMPILED_SYMBOL, CompiledReport
from reporting.services.compiled import default_recipients
from thoxuan_gnbv.models import Role

# NĐ 30/2020/NĐ-CP Phụ lục I: a collective body (the People's Committee) signs "TM." above the title.
ON_BEHALF = "TM. ỦY BAN NHÂN DÂN"


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
    figures_date: str  # dd/mm/yyyy: the cut-off (period's end; the annual report's chosen day)
    period_end: str  # dd/mm/yyyy
    is_estimate: bool  # annual report cut off before 31/12: the rest of the year is "ước thực hiện"
    general_situation: list[str]
    steering: list[str]
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
    reach: dict = field(default_factory=dict)
    funding: dict = field(default_factory=dict)
    sources: list[tuple[str, str]] = field(default_factory=list)
    result_rows: list[ResultRow] = field(default_factory=list)
    funding_rows: list[FundingRow] = field(default_factory=list)
    is_monitoring: bool = False  # H1 and annual: TT 10/2022 Phụ lục II Mẫu 01 (báo cáo giám sát)
    movement_year: int | None = None
    target_year_decided: bool = False
    annex: list[AnnexRow] = field(default_factory=list)

    @property
    def component_total_row(self) -> dict:
        return self.totals


def _signer(compiled: CompiledReport, plan) -> Signer:
    """TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH, or TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH when the
    vice chairman signs (NĐ 30/2020/NĐ-CP Phụ lục I, mục II.8): who approved it, else the plan's signer."""
    approver = compiled.approved_by
    if approver is not None:
        if approver.role == Role.VICE_CHAIRMAN:
            return Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", approver.display_name, on_behalf=ON_BEHALF)
        return Signer("", "CHỦ TỊCH", approver.display_name, on_behalf=ON_BEHALF)
    authority = plan.signer_authority if plan.signer_authority.startswith("KT.") else ""
    return Signer(authority, plan.signer_title or "CHỦ TỊCH", plan.signer_name, on_behalf=ON_BEHALF)


_date = iso_date


def build_compiled_document(
    compiled: CompiledReport, *, annex: list[AnnexRow] | None = None, data: dict | None = None
) -> CompiledReportDocument:
    """The report as printed; ``data`` the figures when the caller has them (a page reads the stored
    ones), else the approved snapshot or the figures as the data stand."""
    period = compiled.period
    plan = period.plan
    commune = period.commune
    if data is None:
        data = (
            compiled.snapshot
            if compiled.is_approved and compiled.snapshot
            else commune_report_figures(period, cutoff=compiled.figures_cutoff)
        )
    frame = frame_for(
        commune,
        symbol=COMPILED_SYMBOL,
        number=compiled.document_number,
        issued_on=compiled.issued_on,
        year=period.year,
        kind_title="BÁO CÁO",
        # H1 and the year: TT 10/2022/TT-BLĐTBXH Phụ lục II Mẫu 01 (báo cáo giám sát 6 tháng, cả năm);
        # quarters: the plan's own section VII ("báo cáo kết quả thực hiện" hằng quý).
        subject=(
            f"Giám sát thực hiện {plan.program.name} {period.label}"
            if period.code in ("H1", "YEAR")
            else f"Kết quả thực hiện {plan.program.name} {period.label}"
        ),
        is_draft=not compiled.is_approved,
        # An unsaved draft (render_report before anyone opened the period's report) prints the default.
        recipients=paragraphs(compiled.recipients if compiled.pk else default_recipients(period)),
        signer=_signer(compiled, plan),
        filename=f"bao-cao-{period.slug}.pdf",
        undated_on=period.end_date,
    )
    components = component_rows(data, paragraphs)
    poverty = data["poverty"]
    movement = movement_rows(poverty)
    targets = target_rows(poverty)
    review = poverty.get("round")
    poverty_round = (
        f"Quyết định số {review['decision_number']} ngày {_date(review['decision_date'])} "
        f"phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm {review['year']}"
        if review
        else "Chưa có quyết định công nhận kết quả rà soát."
    )
    cutoff = data["period"].get("cutoff") or data["period"]["end"]
    return CompiledReportDocument(
        frame=frame,
        compiled_id=compiled.pk,
        status=compiled.status,
        status_label=compiled.get_status_display(),
        period_label=period.label,
        period_slug=period.slug,
        commune_name=frame.commune_name,
        year=period.year,
        figures_date=_date(cutoff),
        period_end=_date(data["period"]["end"]),
        is_estimate=cutoff < data["period"]["end"],
        general_situation=paragraphs(compiled.general_situation),
        steering=paragraphs(compiled.steering),
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
        reach=data.get("reach", {}),
        funding=data.get("funding", {}),
        sources=source_columns(),
        result_rows=result_rows(data, components, targets),
        funding_rows=funding_rows(components, data.get("funding", {})),
        is_monitoring=period.code in ("H1", "YEAR"),
        movement_year=review["year"] if review else None,
        target_year_decided=poverty.get("target_year_decided", False),
        annex=annex or [],
    )
