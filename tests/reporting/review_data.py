"""Generated review histories for the result-table tests, and the independent count: the spec's
definitions (docs/spec/review-tables.md) written as plain set algebra over the stored reviews."""

import random
from collections import defaultdict

from django.db.models import F
from django.utils import timezone

from households.models import Category, Household, PovertyStandard, Review, ReviewRound, RoundStatus
from tests.households.factories import HouseholdFactory

POOR, NEAR = Category.POOR.value, Category.NEAR_POOR.value
CATEGORIES = [POOR, NEAR, Category.AVERAGE.value, Category.NONE.value]


def approve(commune, year, number, results, approver, codes):
    """An approved round of ``{household: category}`` (deprivations drawn from ``codes``)."""
    review_round = ReviewRound.objects.create(commune=commune, year=year, number=number)
    rng = random.Random(year * 10 + number)
    standard = PovertyStandard.objects.in_force(max(year, 2022))  # the 2021 review used the same form
    reviews = []
    for household, category in results.items():
        lacks = rng.sample(codes, rng.randint(3, 6) if category == POOR else rng.randint(0, 2))
        reviews.append(
            Review(
                household=household, round=review_round, year=year, standard=standard,
                household_size=rng.randint(1, 7), income=1_000_000, deprivations=lacks,
                deprivation_count=len(lacks), category=category,
            )
        )  # fmt: skip
    Review.objects.bulk_create(reviews)
    ReviewRound.objects.filter(pk=review_round.pk).update(
        status=RoundStatus.APPROVED,
        decision_number=f"{10 + number}/QĐ-UBND",
        decision_date=timezone.localdate().replace(year=year, month=12, day=20),
        approved_by=approver,
        approved_at=timezone.now(),
    )
    return ReviewRound.objects.get(pk=review_round.pk)


def generate(commune, neighborhoods, approver, *, households=60, seed=7):
    """Rounds 2021–2024 over ``households`` households: some fall back, some are new, some skip a
    year, and a supplementary 2024 round reclassifies a few (the latest round of a year wins)."""
    rng = random.Random(seed)
    codes = list(PovertyStandard.objects.in_force(2024).indicators.values_list("code", flat=True))
    people = [
        HouseholdFactory(
            neighborhood=neighborhoods[i % len(neighborhoods)],
            is_ethnic_minority=rng.random() < 0.3,
            without_labour_capacity=rng.random() < 0.3,
            has_meritorious_person=rng.random() < 0.2,
        )
        for i in range(households)
    ]
    weights = [3, 3, 2, 2]
    for year in (2021, 2022, 2023, 2024):
        results = {h: rng.choices(CATEGORIES, weights)[0] for h in people if rng.random() < 0.9}
        approve(commune, year, 1, results, approver, codes)
    extra = {h: rng.choice(CATEGORIES) for h in rng.sample(people, 6)}
    final = approve(commune, 2024, 2, extra, approver, codes)
    return people, final


def expected(commune, year):
    """{khu phố id: {counter: n}} and totals, straight from the definitions."""
    reviews = (
        Review.objects.filter(round__commune=commune, round__status=RoundStatus.APPROVED)
        .annotate(number=F("round__number"))
        .order_by("number")
        .values_list("household_id", "year", "category")
    )
    category = {}
    for household, reviewed, result in reviews:
        category[(household, reviewed)] = result  # a later round of the year overwrites

    def with_(result, y):
        return {h for (h, yy), c in category.items() if yy == y and c == result}

    reviewed = {h for (h, yy) in category if yy == year}
    poor, poor_prev = with_(POOR, year), with_(POOR, year - 1)
    near, near_prev = with_(NEAR, year), with_(NEAR, year - 1)
    poor_earlier = {h for (h, yy), c in category.items() if yy < year - 1 and c == POOR}
    sets = {
        "total": reviewed,
        "p_start": poor_prev,
        "p_escaped": poor_prev - poor,
        "p_fell_back": (poor - poor_prev) & poor_earlier,
        "p_new": poor - poor_prev - poor_earlier,
        "p_end": poor,
        "n_start": near_prev,
        "n_escaped": near_prev - near - poor,
        "n_to_poor": near_prev & poor,
        "n_from_poor": poor_prev & near,
        "n_new": near - near_prev - poor_prev,
        "n_end": near,
    }
    facts = {h.pk: h for h in Household.objects.filter(commune=commune)}
    rows = defaultdict(lambda: defaultdict(int))
    for name, members in sets.items():
        for h in members:
            rows[facts[h].neighborhood_id][name] += 1
    for h in poor:
        rows[facts[h].neighborhood_id]["p_end_ethnic"] += facts[h].is_ethnic_minority
        rows[facts[h].neighborhood_id]["p_end_without_labour"] += facts[h].without_labour_capacity
    for h in near:
        rows[facts[h].neighborhood_id]["n_end_ethnic"] += facts[h].is_ethnic_minority
    return rows, sets, category, facts
