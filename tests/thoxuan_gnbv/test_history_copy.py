"""History copied in SQL from the rows just written is the history django-simple-history would write."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from households.models import Category, Household, PovertyStandard, Review
from households.services.review import review_round_open
from thoxuan_gnbv.history_copy import (
    CHUNK,
    CREATED,
    bulk_create_recorded,
    bulk_update_recorded,
    record_history,
)

pytestmark = pytest.mark.django_db
MOMENT = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)


def households(neighborhood, prefix, count):
    return [
        Household(
            commune=neighborhood.commune,
            neighborhood=neighborhood,
            code=f"{prefix}-{i:04d}",
            head_name=f"Nguyễn Văn {i}",
            head_national_id=f"038{ord(prefix[0]):03d}{i:06d}" if i % 2 else "",
            address=f"Số {i}",
            is_ethnic_minority=bool(i % 3),
            search_key=f"{prefix.lower()} {i}",
        )
        for i in range(count)
    ]


def history_of(objs):
    """Each object's history rows without the key, the date and the object's own key (which differ
    between the two writers by construction), in object order."""
    tracked = [f.attname for f in Household.history.model.tracked_fields if f.attname != "id"]
    fields = [*tracked, "history_type", "history_user_id", "history_change_reason", "history_date"]
    rows = Household.history.filter(id__in=[o.pk for o in objs]).order_by("id", "history_id")
    return [
        {
            k: v
            for k, v in row.items()
            if k not in ("code", "search_key", "head_national_id", "created_at", "updated_at")
        }
        for row in rows.values(*fields)
    ]


def test_created_history_equals_what_simple_history_writes(neighborhood1, labour_officer):
    ours = bulk_create_recorded(
        households(neighborhood1, "A", 5), Household, user=labour_officer, reason="nhập"
    )
    library = households(neighborhood1, "B", 5)
    bulk_create_with_history(library, Household, default_user=labour_officer, default_change_reason="nhập")
    copied, expected = history_of(ours), history_of(library)
    assert len(copied) == 5 and copied[0]["history_type"] == CREATED
    # The dates are both "now", moments apart; everything else is the same.
    now = timezone.now()
    for row in copied + expected:
        assert abs(row.pop("history_date") - now) < datetime.timedelta(minutes=1)
    assert copied == expected


def test_the_copy_reads_the_values_the_database_holds(neighborhood1, labour_officer):
    (household,) = bulk_create_recorded(households(neighborhood1, "C", 1), Household, user=labour_officer)
    household.head_name = "Trần Thị Mới"
    household.address = "Đổi địa chỉ"
    bulk_update_recorded([household], Household, ["head_name", "address"], user=labour_officer, reason="sửa")
    created, updated = household.history.order_by("history_id")
    assert (created.head_name, created.history_type) == ("Nguyễn Văn 0", "+")
    assert (updated.head_name, updated.address, updated.history_type) == ("Trần Thị Mới", "Đổi địa chỉ", "~")
    assert updated.history_change_reason == "sửa" and updated.history_user == labour_officer
    assert updated.created_at == household.created_at  # every tracked column, not just the edited ones


def test_the_date_given_is_kept_and_a_chunk_is_one_statement(neighborhood1, labour_officer):
    made = Household.objects.bulk_create(households(neighborhood1, "D", CHUNK + 1))
    with CaptureQueriesContext(connection) as queries:
        written = record_history(Household, [h.pk for h in made], history_type=CREATED, date=MOMENT)
    assert written == CHUNK + 1 and len(queries) == 2
    assert set(
        Household.history.filter(id__in=[h.pk for h in made]).values_list("history_date", flat=True)
    ) == {MOMENT}


def test_history_can_be_turned_off_like_simple_history(neighborhood1, settings):
    settings.SIMPLE_HISTORY_ENABLED = False
    bulk_create_recorded(households(neighborhood1, "E", 2), Household)
    assert not Household.history.exists()


def test_an_update_of_reviews_keeps_their_history(neighborhood1, labour_officer):
    (house1,) = Household.objects.bulk_create(households(neighborhood1, "F", 1))
    open_round = review_round_open(
        commune=neighborhood1.commune, year=2024, user=labour_officer, history_reason="x"
    )
    (review,) = bulk_create_recorded(
        [
            Review(
                household=house1,
                round=open_round,
                year=open_round.year,
                standard=PovertyStandard.objects.in_force(open_round.year),
                household_size=3,
                income=1_000_000,
                category=Category.POOR,
            )
        ],
        Review,
        user=labour_officer,
    )
    review.income = 2_000_000
    bulk_update_with_history([review], Review, ["income"], default_user=labour_officer)
    review.income = 3_000_000
    bulk_update_recorded([review], Review, ["income"], user=labour_officer)
    assert list(review.history.order_by("history_id").values_list("income", "history_type")) == [
        (1_000_000, "+"),
        (2_000_000, "~"),
        (3_000_000, "~"),
    ]


def test_a_history_table_with_a_column_it_does_not_know_is_refused(monkeypatch):
    history_model = Household.history.model
    tracked = [f for f in history_model.tracked_fields if f.attname != "address"]
    monkeypatch.setattr(history_model, "tracked_fields", tracked)
    with pytest.raises(NotImplementedError, match="address"):
        record_history(Household, [1], history_type=CREATED)
