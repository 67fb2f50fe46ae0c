"""The registry's figures computed off the request path (``thoxuan_gnbv.stored_figures``): the
movement table of an approved review year (per khu phố, with the households that escaped poverty split
by labour capacity) and the number of reviews recorded in each round. Pages read them in one query;
the worker computes them when a round is approved or a household of the commune changes."""

from django.db.models import Count

from households.models import Category, ReviewRound
from households.queries import escaped_poor_counts, movement_table
from thoxuan_gnbv import stored_figures

MOVEMENT = "movement"
ROUND_COUNTS = "rounds"


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
