"""COPY writes what bulk_create writes: every kind of value read back equal, keys from the sequence."""

import pytest
from django.db import models

from households.models import Category, Household, PovertyStandard, Review
from households.services.review import review_round_open
from thoxuan_gnbv.bulk_copy import PLAIN_FIELDS, copy_create, insert_rows

pytestmark = pytest.mark.django_db
# Values CSV must carry through: quotes, commas, a new line, Vietnamese, an empty string, NULL.
AWKWARD = ['Lê "Tư", Hòa', "Số 5\nngõ 3", "Nguyễn Thị Ánh", ""]


def households(neighborhood, prefix):
    return [
        Household(
            commune=neighborhood.commune,
            neighborhood=neighborhood,
            code=f"{prefix}-{i}",
            head_name=name or "Trống",
            head_national_id=f"038{ord(prefix):03d}{i:06d}" if i % 2 else "",
            address=name,
            is_ethnic_minority=bool(i % 2),
            without_labour_capacity=i == 2,
            search_key=f"{prefix} {name}",
        )
        for i, name in enumerate(AWKWARD)
    ]


def read_back(objs, model, skip=("id", "code", "head_national_id", "search_key", "created_at", "updated_at")):
    fields = [f.attname for f in model._meta.concrete_fields if f.attname not in skip]
    return list(model.objects.filter(pk__in=[o.pk for o in objs]).order_by("pk").values(*fields))


def test_households_copied_read_back_as_bulk_create_writes_them(neighborhood1):
    copied = copy_create(Household, households(neighborhood1, "A"))
    created = Household.objects.bulk_create(households(neighborhood1, "B"))
    assert [o.pk for o in copied] == sorted(o.pk for o in copied) and None not in [o.pk for o in copied]
    assert read_back(copied, Household) == read_back(created, Household)
    stored = Household.objects.get(pk=copied[0].pk)
    assert stored.address == AWKWARD[0] and stored.created_at == copied[0].created_at
    assert not copied[0]._state.adding  # a later save updates, as after bulk_create


def test_the_next_row_takes_a_key_after_the_copied_ones(neighborhood1):
    copied = copy_create(Household, households(neighborhood1, "C"))
    later = Household.objects.create(
        commune=neighborhood1.commune, neighborhood=neighborhood1, code="C-later", head_name="Sau"
    )
    assert later.pk > max(o.pk for o in copied)


def test_reviews_keep_their_json_and_their_nulls(neighborhood1, labour_officer):
    (house,) = copy_create(Household, households(neighborhood1, "D")[:1])
    round_ = review_round_open(
        commune=neighborhood1.commune, year=2024, user=labour_officer, history_reason="x"
    )
    standard = PovertyStandard.objects.in_force(2024)
    (review,) = copy_create(
        Review,
        [
            Review(
                household=house,
                round=round_,
                year=2024,
                standard=standard,
                household_size=4,
                income=None,
                score=80,
                deprivations=["health_insurance", "housing_quality"],
                deprivation_count=2,
                category=Category.NEAR_POOR,
            )
        ],
    )
    stored = Review.objects.get(pk=review.pk)
    assert (stored.income, stored.score, stored.deprivations) == (
        None,
        80,
        ["health_insurance", "housing_quality"],
    )
    assert stored.recorded_at == review.recorded_at is not None


def test_a_field_copy_does_not_know_goes_through_bulk_create(neighborhood1, monkeypatch):
    called = []
    monkeypatch.setattr(
        Household.objects, "bulk_create", lambda objs, batch_size: called.append(objs) or objs
    )
    monkeypatch.setattr(
        "thoxuan_gnbv.bulk_copy.PLAIN_FIELDS", tuple(f for f in PLAIN_FIELDS if f is not models.BooleanField)
    )
    copy_create(Household, households(neighborhood1, "E"))
    assert len(called) == 1


def test_insert_rows_writes_nulls_and_empty_strings_apart(neighborhood1):
    insert_rows(
        "households_household",
        ["commune_id", "neighborhood_id", "code", "head_name", "head_national_id", "address", "search_key",
         "is_ethnic_minority", "has_meritorious_person", "without_labour_capacity", "version", "created_at",
         "updated_at"],
        [(neighborhood1.commune_id, neighborhood1.pk, "F-1", "Ánh", "", "", "", False, False, True, 1,
          "2026-01-02 03:04:05+00:00", "2026-01-02 03:04:05+00:00")],
    )  # fmt: skip
    stored = Household.objects.get(code="F-1")
    assert (stored.address, stored.head_name, stored.without_labour_capacity) == ("", "Ánh", True)
