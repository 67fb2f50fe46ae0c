"""Phụ lục of the compiled report: the households supported in the period, one row per household with its
components and the total value, in khu phố order then household code.

Read a khu phố (or a few) at a time: ``annex_chunks`` counts the rows of each khu phố in one GROUP BY,
``annex_rows`` reads the rows of a group of khu phố. The PDF (``annex_pdf``) and the Excel list
(``annex_xlsx``) both walk the chunks, so neither holds the whole list at once."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, F, Sum

from reporting.models import CompiledReport

# The annex is a printed list the level above reads page by page: above this many households
# (about 125 A4 pages) the PDF is refused and the officer is sent to the Excel list, which has no limit.
ANNEX_PDF_MAX_ROWS = 5000


@dataclass(frozen=True)
class AnnexRow:
    number: int
    code: str
    head_name: str
    neighborhood: str
    components: str
    amount: int


def annex_supports(compiled: CompiledReport):
    """The support records the annex lists: the report's plan, from the period's start to the same
    cut-off as the report's figures (so the annex lists exactly the households counted); for an
    approved report, only what was recorded before the approval."""
    from programs.models import Support
    from reporting.figures.compiled import figures_cutoff

    period = compiled.period
    end = figures_cutoff(period, compiled.figures_cutoff)
    supports = Support.objects.filter(
        component__plan=period.plan, supported_on__range=(period.start_date, end)
    )
    if compiled.is_approved and compiled.approved_at:
        supports = supports.filter(created_at__lte=compiled.approved_at)
    return supports


def annex_chunks(compiled: CompiledReport) -> list[tuple[int, int]]:
    """[(khu phố id, households)] in print order: one query, as many rows as khu phố."""
    rows = (
        annex_supports(compiled)
        .values("household__neighborhood_id", "household__neighborhood__position")
        .annotate(households=Count("household_id", distinct=True))
        .order_by("household__neighborhood__position", "household__neighborhood_id")
    )
    return [(row["household__neighborhood_id"], row["households"]) for row in rows]


def annex_count(compiled: CompiledReport) -> int:
    """How many households the annex lists (one query)."""
    return annex_supports(compiled).values("household_id").distinct().count()


def annex_rows(compiled: CompiledReport, neighborhoods: Iterable[int], start: int = 1) -> list[AnnexRow]:
    """The rows of the khu phố ``neighborhoods``, numbered from ``start`` (two queries)."""
    supports = annex_supports(compiled).filter(household__neighborhood_id__in=list(neighborhoods))
    amount = F("central_amount") + F("local_amount") + F("mobilised_amount") + F("credit_amount")
    rows = (
        supports.values(
            "household_id", "household__code", "household__head_name", "household__neighborhood__name"
        )
        .annotate(total=Sum(amount))
        .order_by("household__neighborhood__position", "household__neighborhood_id", "household__code")
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
        for number, row in enumerate(rows, start=start)
    ]


def annex_parts(compiled: CompiledReport, limit: int) -> Iterator[tuple[int, int, list[int]]]:
    """(index, first row number, khu phố ids) of each part of consecutive whole khu phố holding at most
    ``limit`` rows (a bigger khu phố is a part of its own), the same grouping as the review lists."""
    from reporting.documents.review_pdf import list_parts

    start = 1
    for index, (neighborhoods, count) in enumerate(list_parts(annex_chunks(compiled), limit)):
        if count:
            yield index, start, neighborhoods
        start += count


def household_annex(compiled: CompiledReport, *, limit: int = 2000) -> list[AnnexRow]:
    """The whole annex as one list (the web page and small documents; a long list is walked with
    ``annex_parts`` instead)."""
    return [row for _, start, ids in annex_parts(compiled, limit) for row in annex_rows(compiled, ids, start)]
