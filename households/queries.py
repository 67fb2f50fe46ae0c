"""Read-side queries of the registry: categories by year, movements, escape counts.

"A household's category in year Y" is its result in the latest approved round of year Y; a household
not reviewed in Y keeps its latest earlier approved result (it stays on the list until a review moves
it). With that rule the identity end = start − escaped + fell back + new holds by construction; the
table still checks it row by row so a broken rule shows instead of hiding.
"""

from collections import Counter
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q

from households import messages
from households.models import (
    Category,
    Commune,
    CommuneMerger,
    Household,
    Member,
    Neighborhood,
    Review,
    ReviewRound,
    RoundStatus,
)


def commune_by_code(code: str | None) -> Commune:
    """The commune a management command works on (``--commune CODE``). Pages never call this: they
    work on ``request.commune``. The code may be left out only while the database holds one commune."""
    if code:
        commune = Commune.objects.filter(code=code).first()
        if commune is None:
            raise ValidationError(messages.COMMUNE_UNKNOWN.format(code=code))
        return commune
    communes = list(Commune.objects.order_by("pk")[:2])
    if not communes:
        raise ValidationError(messages.NO_COMMUNE)
    if len(communes) > 1:
        raise ValidationError(messages.COMMUNE_REQUIRED)
    return communes[0]


@dataclass(frozen=True)
class Lineage:
    """Where a commune stands among mergers: the communes merged into it (at any depth), and whether
    it has itself ceased (been merged into another)."""

    predecessor_ids: tuple[int, ...]
    ceased: bool


def lineage(commune) -> Lineage:
    """One query for a commune untouched by any merger (the usual case); read once per instance."""
    cached = commune.__dict__.get("_lineage")
    if cached is not None:
        return cached
    links = CommuneMerger.predecessors.through.objects
    rows = list(
        links.filter(Q(communemerger__successor=commune) | Q(commune=commune)).values_list(
            "commune_id", "communemerger__successor_id"
        )
    )
    ceased = any(pk == commune.pk for pk, _ in rows)
    found = [pk for pk, successor in rows if successor == commune.pk]
    frontier = list(found)
    while frontier:  # a predecessor may itself have been formed by a merger
        frontier = list(
            links.filter(communemerger__successor_id__in=frontier)
            .exclude(commune_id__in=found)
            .values_list("commune_id", flat=True)
        )
        found += frontier
    result = Lineage(tuple(found), ceased)
    commune.__dict__["_lineage"] = result
    return result


def households_of(commune):
    """The households a commune's figures may count: its own; for a commune merged away, also those
    whose history shows them in it (they moved to the successor, but its past years are its own).
    Figures of a year narrow this to the households in the commune at that year's cut."""
    own = Household.objects.filter(commune=commune)
    if not lineage(commune).ceased:
        return own
    was_here = Household.history.model.objects.filter(commune_id=commune.pk).values("id")
    return Household.objects.filter(Q(commune=commune) | Q(pk__in=was_here))


def approved_years(commune) -> list[int]:
    return sorted(
        set(
            ReviewRound.objects.filter(commune=commune, status=RoundStatus.APPROVED).values_list(
                "year", flat=True
            )
        )
    )


def _approved_histories(commune, up_to_year: int) -> dict[int, dict[int, str]]:
    """{household_id: {year: category}} from approved rounds, the latest round of a year winning."""
    rows = (
        # A merged commune's start of year is its predecessors' last approved results (same households).
        Review.objects.filter(
            round__commune__in=[commune.pk, *lineage(commune).predecessor_ids],
            round__status=RoundStatus.APPROVED,
            year__lte=up_to_year,
        )
        .order_by("household_id", "year", "round__number", "id")
        .values_list("household_id", "year", "category")
    )
    histories: dict[int, dict[int, str]] = {}
    for household_id, year, category in rows:
        histories.setdefault(household_id, {})[year] = category
    return histories


def _category_in(history: dict[int, str], year: int) -> str | None:
    """The category carried to ``year``: the latest approved result of that year or before."""
    best = None
    for reviewed_year in sorted(history):
        if reviewed_year > year:
            break
        best = history[reviewed_year]
    return best


def categories_in(commune, year: int) -> dict[int, str]:
    """{household_id: category} for every household with an approved result up to ``year``."""
    return {
        pk: category
        for pk, history in _approved_histories(commune, year).items()
        if (category := _category_in(history, year)) is not None
    }


def category_counts(commune, year: int) -> dict[str, int]:
    counts = Counter(categories_in(commune, year).values())
    return {value: counts.get(value, 0) for value in Category.values}


def _movements(commune, year: int, category: str):
    """Yield (household_id, movement) for households on the ``category`` list at the start or end of ``year``."""
    for pk, history in _approved_histories(commune, year).items():
        before = _category_in(history, year - 1)
        after = _category_in(history, year)
        was_in = before == category
        is_in = after == category
        if was_in and not is_in:
            yield pk, "escaped"
        elif not was_in and is_in:
            earlier = [history[y] for y in history if y < year]
            yield pk, ("fell_back" if category in earlier else "newly_poor")
        elif was_in and is_in:
            yield pk, "unchanged"


def household_movements(commune, year: int, category: str = Category.POOR) -> dict[int, str]:
    """{household_id: "escaped" | "fell_back" | "newly_poor" | "unchanged"} for the list of ``category``
    (poor by default) between the approved results of ``year - 1`` and ``year``."""
    return dict(_movements(commune, year, category))


def escaped_poor_counts(commune, year: int) -> dict:
    """Poor households of year − 1 no longer poor in the approved round of ``year``, split by
    ``without_labour_capacity`` — the figure the plan's target "giảm 8 hộ nghèo: 2 không có khả năng
    lao động, 6 có khả năng lao động" is measured against."""
    escaped = [pk for pk, movement in _movements(commune, year, Category.POOR) if movement == "escaped"]
    without = Household.objects.filter(pk__in=escaped, without_labour_capacity=True).count() if escaped else 0
    return {
        "total": len(escaped),
        "without_labour_capacity": without,
        "with_labour_capacity": len(escaped) - without,
    }


@dataclass
class MovementRow:
    """One line of the movement table (a khu phố, or the total when ``neighborhood`` is None)."""

    label: str
    neighborhood_id: int | None
    households: int = 0
    start: int = 0
    escaped: int = 0
    fell_back: int = 0
    newly_poor: int = 0
    end: int = 0
    start_ethnic: int = 0
    escaped_ethnic: int = 0
    fell_back_ethnic: int = 0
    newly_poor_ethnic: int = 0
    end_ethnic: int = 0

    @property
    def identity_ok(self) -> bool:
        return self.end == self.start - self.escaped + self.fell_back + self.newly_poor

    def _rate(self, count: int) -> float | None:
        return count / self.households if self.households else None

    @property
    def start_rate(self):
        return self._rate(self.start)

    @property
    def escaped_rate(self):
        return self._rate(self.escaped)

    @property
    def fell_back_rate(self):
        return self._rate(self.fell_back)

    @property
    def newly_poor_rate(self):
        return self._rate(self.newly_poor)

    @property
    def end_rate(self):
        return self._rate(self.end)

    def as_dict(self) -> dict:
        data = asdict(self)
        for name in ("start", "escaped", "fell_back", "newly_poor", "end"):
            data[f"{name}_rate"] = getattr(self, f"{name}_rate")
        data["identity_ok"] = self.identity_ok
        return data


def movement_table(commune, year: int, category: str = Category.POOR) -> list[MovementRow]:
    """Rows per khu phố plus a total row (last): households on the ``category`` list at the start of
    ``year`` (approved result of year − 1), escaped, fell back, newly in, at the end; rates as fractions
    of all households of the khu phố; "of which ethnic minority" counts. Three queries."""
    neighborhoods = list(Neighborhood.objects.filter(commune=commune).order_by("position", "name"))
    rows = {n.pk: MovementRow(label=n.name, neighborhood_id=n.pk) for n in neighborhoods}
    facts = _movement_facts(commune)
    for neighborhood_id, _ in facts.values():
        rows[neighborhood_id].households += 1
    for pk, movement in _movements(commune, year, category):
        if pk not in facts:  # reviewed here (or in a predecessor) but no longer a household of the commune
            continue
        neighborhood_id, ethnic = facts[pk]
        row = rows[neighborhood_id]
        if movement in ("escaped", "unchanged"):
            row.start += 1
            row.start_ethnic += ethnic
        if movement in ("fell_back", "newly_poor", "unchanged"):
            row.end += 1
            row.end_ethnic += ethnic
        if movement != "unchanged":
            setattr(row, movement, getattr(row, movement) + 1)
            setattr(row, f"{movement}_ethnic", getattr(row, f"{movement}_ethnic") + ethnic)
    total = MovementRow(label="Tổng cộng", neighborhood_id=None)
    for row in rows.values():
        for name in (
            "households", "start", "escaped", "fell_back", "newly_poor", "end",
            "start_ethnic", "escaped_ethnic", "fell_back_ethnic", "newly_poor_ethnic", "end_ethnic",
        ):  # fmt: skip
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return [*rows.values(), total]


def _movement_facts(commune) -> dict[int, tuple[int, bool]]:
    """{household id: (khu phố id, ethnic minority)}: today's; for a commune merged away, as the
    household stood in its last history row there."""
    rows = Household.objects.filter(commune=commune).values_list(
        "pk", "neighborhood_id", "is_ethnic_minority"
    )
    facts = {pk: (neighborhood_id, ethnic) for pk, neighborhood_id, ethnic in rows}
    if lineage(commune).ceased:
        history = (
            Household.history.model.objects.filter(commune_id=commune.pk)
            .exclude(id__in=list(facts))
            .order_by("history_date", "history_id")
            .values_list("id", "neighborhood_id", "is_ethnic_minority")
        )
        facts.update({pk: (neighborhood_id, ethnic) for pk, neighborhood_id, ethnic in history})  # last wins
    return facts


def changed_since(households, since):
    """Households whose own row or one of whose members changed after ``since`` (the last approved
    review): what a khu phố head must look at again (QĐ 24/2021/QĐ-TTg, rà soát thường xuyên).
    No query of its own: one subquery, the union of the households edited since (index on
    ``updated_at``) and those whose members' history has rows since (index on ``history_date``), so
    its cost follows the changes, not the registry (an OR of the two would test every household)."""
    changed = (
        Household.objects.filter(updated_at__gt=since)
        .order_by()
        .values("pk")
        .union(Member.history.filter(history_date__gt=since).order_by().values("household_id"))
    )
    return households.filter(pk__in=changed)
