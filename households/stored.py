"""The registry's figures computed off the request path (``thoxuan_gnbv.stored_figures``): the
movement table of an approved review year (per khu phố, with the households that escaped poverty split
by labour capacity), the number of reviews recorded in each round and each round's households per khu
phố and stage. Pages read them in one query; the worker computes them when a round is approved or a
household of the commune changes."""

from django.db.models import Count

from households.models import Category, Review, ReviewRound, RoundHousehold, RoundStatus
from households.queries import escaped_poor_counts, movement_table
from thoxuan_gnbv import stored_figures
from thoxuan_gnbv.statuses import HouseholdStage

MOVEMENT = "movement"
ROUND_COUNTS = "rounds"
ROUND_PROGRESS = "round_progress"
SCREENED_OUT = "screened_out"
CATEGORIES = "categories"  # beside the khu phố ids in a round's progress: {category: reviews}


@stored_figures.register(MOVEMENT)
def compute_movement(params: dict) -> dict:
    from households.models import Commune

    commune = Commune.objects.get(pk=params["commune"])
    year, category = params["year"], params["category"]
    rows = [row.as_dict() for row in movement_table(commune, year, category)]
    escaped = escaped_poor_counts(commune, year) if category == Category.POOR else None
    return {"rows": rows, "escaped": escaped}


def movement_key(commune_id: int, year: int, category: str) -> tuple[str, dict]:
    return f"movement:{commune_id}:{year}:{category}", {
        "commune": commune_id,
        "year": year,
        "category": str(category),
    }


def movement_stored(commune, year: int, category: str = Category.POOR) -> stored_figures.Stored:
    """The movement table of ``year`` (``data["rows"]``, total last; ``data["escaped"]`` for the poor
    list) as last computed; one query."""
    key, params = movement_key(commune.pk, year, category)
    return stored_figures.read(key, MOVEMENT, params, commune_id=commune.pk, year=year)


@stored_figures.register(ROUND_COUNTS)
def compute_round_counts(params: dict) -> dict:
    rows = (
        ReviewRound.objects.filter(commune_id=params["commune"])
        .annotate(n=Count("reviews"))
        .values_list("pk", "n")
        .order_by()
    )
    return {str(pk): n for pk, n in rows}


def round_counts_stored(commune) -> stored_figures.Stored:
    """{round id (text): reviews recorded} for every round of the commune; one query."""
    key = f"rounds:{commune.pk}"
    return stored_figures.read(key, ROUND_COUNTS, {"commune": commune.pk}, commune_id=commune.pk, year=None)


@stored_figures.register(ROUND_PROGRESS)
def compute_round_progress(params: dict) -> dict:
    """{khu phố id (text): {stage: households, ..., "screened_out": households}} over the whole round:
    the grouped count the round page would otherwise run over every household on the list."""
    entries = RoundHousehold.objects.filter(round_id=params["round"])
    data: dict[str, dict[str, int]] = {}
    stages = entries.values_list("household__neighborhood", "stage").annotate(n=Count("id")).order_by()
    for neighborhood_id, stage, n in stages:
        data.setdefault(str(neighborhood_id), {})[stage] = n
    # Phiếu A (TT 07/2021 Phụ lục I): households recognised not poor without Phiếu B count as done.
    screened = (
        entries.filter(stage=HouseholdStage.TO_SURVEY, quick_screen__screened_out=True)
        .values_list("household__neighborhood")
        .annotate(n=Count("id"))
        .order_by()
    )
    for neighborhood_id, n in screened:
        data.setdefault(str(neighborhood_id), {})[SCREENED_OUT] = n
    # The round page's result box while the round is open (an approved round shows its frozen summary).
    reviews = Review.objects.filter(round_id=params["round"]).values_list("category")
    data[CATEGORIES] = dict(reviews.annotate(n=Count("id")).order_by())
    return data


def round_progress_key(round_id: int) -> str:
    return f"round_progress:{round_id}"


def round_progress_stored(review_round) -> stored_figures.Stored:
    """The round's households per khu phố and stage (``compute_round_progress``) as last computed;
    one query."""
    return stored_figures.read(
        round_progress_key(review_round.pk),
        ROUND_PROGRESS,
        {"round": review_round.pk},
        commune_id=review_round.commune_id,
        year=review_round.year,
    )


def round_progress_changed(*round_ids) -> None:
    """The stage counts of these rounds changed (a bulk write sends no save signal, so the service
    doing it says so here): their stored progress is stale."""
    stored_figures.keys_changed([round_progress_key(pk) for pk in round_ids])


def open_rounds_of(household_id: int) -> list[int]:
    """The rounds still changing whose list holds the household (an approved or cancelled round is
    frozen: its progress is stored once)."""
    return list(
        RoundHousehold.objects.filter(household_id=household_id)
        .exclude(round__status__in=[RoundStatus.APPROVED, RoundStatus.CANCELLED])
        .values_list("round_id", flat=True)
    )
