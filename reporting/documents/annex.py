"""Phụ lục of the compiled report: the households supported in the period, one row per household with its
components and the total value."""

from dataclasses import dataclass

from reporting.models import CompiledReport


@dataclass(frozen=True)
class AnnexRow:
    number: int
    code: str
    head_name: str
    neighborhood: str
    components: str
    amount: int


def household_annex(compiled: CompiledReport) -> list[AnnexRow]:
    """Phụ lục: households supported in the period (one row per household, its components and the
    total value). For an approved report, only support recorded before the approval counts."""
    from django.db.models import F, Sum

    from programs.models import Support
    from reporting.figures.compiled import figures_cutoff

    period = compiled.period
    # The same cut-off as the report's figures, so the annex lists exactly the households counted.
    end = figures_cutoff(period, compiled.figures_cutoff)
    supports = Support.objects.filter(
        component__plan=period.plan, supported_on__range=(period.start_date, end)
    )
    if compiled.is_approved and compiled.approved_at:
        supports = supports.filter(created_at__lte=compiled.approved_at)
    amount = F("central_amount") + F("local_amount") + F("mobilised_amount") + F("credit_amount")
    rows = (
        supports.values(
            "household_id", "household__code", "household__head_name", "household__neighborhood__name"
        )
        .annotate(total=Sum(amount))
        .order_by("household__neighborhood__position", "household__code")
    )
    codes: dict[int, set[str]] = {}
    for household_id, project, sub in supports.values_list(
        "household_id", "component__project__number", "component__subproject__number"
    ).distinct():
        codes.setdefault(household_id, set()).add(f"{project}.{sub}" if sub else str(project))
    return [
        AnnexRow(
            number=number,
            code=row["household__code"],
            head_name=row["household__head_name"],
            neighborhood=row["household__neighborhood__name"],
            components=", ".join(sorted(codes.get(row["household_id"], ()))),
            amount=row["total"] or 0,
        )
        for number, row in enumerate(rows, start=1)
    ]
