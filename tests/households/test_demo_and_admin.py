"""The demo data (deterministic, safe to re-run, believable movements) and the admin's standard pages."""

import pytest
from django.urls import reverse

from demo.registry import seed_commune, seed_households
from demo.users import seed_users
from households import queries
from households.models import Category, Household, Member, Review, ReviewRound

pytestmark = pytest.mark.django_db


def test_demo_households_give_believable_movements_and_rerun_safely():
    users = seed_users()
    commune = seed_commune(users)
    assert seed_households(commune, users) == 2000
    assert Member.objects.count() > 4000
    assert set(ReviewRound.objects.values_list("year", "status")) == {
        (y, "approved") for y in (2022, 2023, 2024)
    }
    counts = queries.category_counts(commune, 2024)
    assert 20 <= counts[Category.POOR] <= 60 and counts[Category.NEAR_POOR] > counts[Category.POOR]
    # Enough poor households escaped in 2024 to compare with the plan's target of 8 (2 + 6).
    escaped = queries.escaped_poor_counts(commune, 2024)
    assert escaped["without_labour_capacity"] >= 2 and escaped["with_labour_capacity"] >= 6
    total = queries.movement_table(commune, 2024)[-1]
    assert total.fell_back >= 1 and total.newly_poor >= 1 and total.identity_ok
    # Someone to find by typing without accents, in Khu phố 1.
    assert Household.objects.filter(
        search_key__contains="nguyen thi huong", neighborhood__name="Khu phố 1"
    ).exists()
    before = (Household.objects.count(), Review.objects.count())
    assert seed_households(commune, users) == 0
    assert (Household.objects.count(), Review.objects.count()) == before


def test_admin_can_add_a_poverty_standard_without_code(client_for, admin_user):
    client = client_for(admin_user)
    assert client.get(reverse("admin:households_povertystandard_add")).status_code == 200
    listing = client.get(reverse("admin:households_povertystandard_changelist"))
    assert "Nghị định 351/2025/NĐ-CP" in listing.text


def test_admin_cannot_change_an_approved_review(client_for, admin_user, commune, neighborhood1):
    from tests.households.factories import HouseholdFactory, add_result, approved_round

    review = add_result(
        approved_round(commune, 2024), HouseholdFactory(neighborhood=neighborhood1), Category.POOR
    )
    review = Review.objects.get(pk=review.pk)
    client = client_for(admin_user)
    url = reverse("admin:households_review_change", args=[review.pk])
    response = client.post(url, {"income": "9000000"})
    assert response.status_code == 403
    assert Review.objects.get(pk=review.pk).income == 1_000_000


def test_admin_changes_a_standards_window_and_working_age(client_for, admin_user):
    from households.models import PovertyStandard
    from tests.admin_forms import change_form_data

    client = client_for(admin_user)
    standard = PovertyStandard.objects.in_force(2028)
    url = reverse("admin:households_povertystandard_change", args=[standard.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "thời hạn hộ mới thoát nghèo" in page.text.lower()
    data = change_form_data(page, recently_escaped_days="730", working_age_end_female="61")
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    standard.refresh_from_db()
    assert (standard.recently_escaped_days, standard.working_age_end_female) == (730, 61)
    assert standard.indicators.count() == 13  # the inline rows (NĐ 351/2025 list) were posted back untouched
