"""The bench generators (bench/make_households.py, make_support.py, make_names.py) make realistic data:
several approved years with movements, history rows, plausible names, the demo's role users and a
budget the services kept. A small run on the test database; no timing here (figures live in bench/)."""

import collections
import random

import pytest
from django.db import transaction
from django.db.models import Count, Sum

from bench import make_households, make_support
from bench.make_names import FAMILY_SHARES, GIVEN_FEMALE, GIVEN_MALE, Names, search_key
from demo.users import DEMO_USERS
from households.models import Category, Household, Meeting, Member, Review, ReviewRound, RoundHousehold
from households.queries import movement_table
from households.services.registry import build_search_key
from programs.models import Activity, Allocation, BudgetAccount, Disbursement, Support
from thoxuan_gnbv.models import User

HOUSEHOLDS = 200


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """One generation for the module (it takes a minute), inside a transaction rolled back at the end,
    so no other test sees the generated commune; each test runs in a savepoint within it."""
    from django.test import override_settings

    # The suite's fast hasher (conftest sets it per test; this fixture runs before that).
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with fast, django_db_blocker.unblock(), transaction.atomic():
        commune = make_households.generate(HOUSEHOLDS, seed=3, chunk=64, log=lambda line: None)
        make_support.generate(
            commune, make_support.bench_users(commune), random.Random(5), log=lambda line: None
        )
        yield commune
        transaction.set_rollback(True)


@pytest.fixture
def bench_commune(generated, db):
    return generated


def test_three_approved_rounds_cover_every_household_with_their_counts(bench_commune):
    rounds = ReviewRound.objects.filter(commune=bench_commune).order_by("year")

    assert [(r.year, r.status) for r in rounds] == [(y, "approved") for y in (2022, 2023, 2024)]
    for review_round in rounds:
        counts = dict(
            Review.objects.filter(round=review_round).values_list("category").annotate(n=Count("pk"))
        )
        assert sum(counts.values()) == HOUSEHOLDS
        assert review_round.summary == {c: counts.get(c, 0) for c in Category.values}
        assert review_round.decision_number and review_round.approved_by.username == "chutich"


def test_the_movement_table_of_2024_has_escapes_and_new_poor(bench_commune):
    total = movement_table(bench_commune, 2024)[-1]

    assert total.households == HOUSEHOLDS
    assert total.start > 0 and total.escaped > 0
    assert total.fell_back + total.newly_poor > 0
    assert total.start - total.escaped + total.fell_back + total.newly_poor == total.end


def test_each_round_has_its_list_meetings_and_votes(bench_commune):
    for review_round in ReviewRound.objects.filter(commune=bench_commune):
        listed = set(
            Review.objects.filter(round=review_round, category__in=["poor", "near_poor"]).values_list(
                "household_id", flat=True
            )
        )
        entries = set(
            RoundHousehold.objects.filter(round=review_round).values_list("household_id", flat=True)
        )
        assert listed <= entries  # everyone on the result list was on the list to review
        assert Meeting.objects.filter(round=review_round).count() == 12
        assert review_round.postings.count() == 1


def test_history_rows_at_creation_and_for_every_year_a_household_changed(bench_commune):
    households = Household.objects.filter(commune=bench_commune)
    created = Household.history.filter(commune_id=bench_commune.pk, history_type="+")
    assert created.count() == HOUSEHOLDS
    assert Member.history.filter(history_type="+").count() == Member.objects.count()
    categories = collections.defaultdict(dict)
    for household_id, year, category in Review.objects.values_list("household_id", "year", "category"):
        categories[household_id][year] = category
    changes = sum(c[y] != c[y - 1] for c in categories.values() for y in (2023, 2024))
    assert changes > 0
    assert Household.history.filter(commune_id=bench_commune.pk, history_type="~").count() == changes
    household = households.order_by("pk").first()
    assert household.history.count() == household.version


def test_search_keys_are_what_the_registry_service_builds(bench_commune):
    for household in Household.objects.filter(commune=bench_commune).order_by("pk")[:20]:
        members = list(household.members.order_by("pk"))
        extra = [t for m in members for t in (m.full_name, m.national_id) if t]
        assert household.search_key == build_search_key(
            household.code, household.head_name, household.head_national_id, extra
        )
    assert search_key("B0000001", ["Đỗ Thị Ánh", "", "038"]) == "b0000001 do thi anh 038"


def test_the_demo_role_users_work_for_the_generated_commune(bench_commune):
    usernames = [username for username, *_ in DEMO_USERS] + ["quantri"]
    users = User.objects.filter(username__in=usernames, commune=bench_commune)

    assert sorted(users.values_list("username", flat=True)) == sorted(usernames)
    assert users.get(username="laodong").check_password("GiamNgheo@2024")


def test_the_province_viewer_sees_the_generated_commune(bench_commune):
    viewer = User.objects.get(username="captinh")
    province_id = type(bench_commune).objects.values_list("province", flat=True).get(pk=bench_commune.pk)

    assert viewer.commune_id is None
    assert province_id is not None
    assert viewer.province_id == province_id


def test_budget_accounts_hold_what_the_allocations_and_payments_say(bench_commune):
    accounts = BudgetAccount.objects.filter(commune=bench_commune)
    assert sorted(set(accounts.values_list("year", flat=True))) == [2022, 2023, 2024]
    for account in accounts:
        code_filter = {"component__plan__year": account.year, "component__plan__commune": bench_commune}
        allocations = Allocation.objects.filter(**code_filter, source=account.source)
        allocated = sum(a.amount for a in allocations if a.component.code == account.component_code)
        paid = Disbursement.objects.filter(
            line__estimate__commune=bench_commune,
            line__estimate__year=account.year,
            line__source=account.source,
        )
        disbursed = sum(d.amount for d in paid if d.line.component.code == account.component_code)
        cost = sum(
            s.central_amount
            for s in Support.objects.filter(**code_filter).select_related("component")
            if s.component.code == account.component_code
        ) + sum(
            a.central_amount
            for a in Activity.objects.filter(**code_filter).select_related("component")
            if a.component.code == account.component_code
        )
        assert (account.allocated, account.disbursed) == (allocated, disbursed)
        assert disbursed == cost <= allocated


def test_support_over_several_years_goes_to_the_households_of_the_list_in_force(bench_commune):
    years = dict(
        Support.objects.filter(household__commune=bench_commune)
        .values_list("component__plan__year")
        .annotate(n=Count("pk"))
    )
    assert sorted(years) == [2022, 2023, 2024] and all(years.values())
    listed_2023 = set(
        Review.objects.filter(year=2023, category__in=["poor", "near_poor"]).values_list(
            "household_id", flat=True
        )
    )
    supported_2024 = set(
        Support.objects.filter(component__plan__year=2024).values_list("household_id", flat=True)
    )
    assert supported_2024 == listed_2023
    assert Support.objects.aggregate(s=Sum("central_amount"))["s"] > 0


def test_family_names_follow_their_national_shares_and_a_rare_name_is_rare():
    names = Names(random.Random(1))
    draws = 40_000
    family = collections.Counter(names.family() for _ in range(draws))
    given = collections.Counter(names.full("female").split()[-1] for _ in range(draws))
    shares = {name: family[name] / draws for name in family}

    total = sum(FAMILY_SHARES.values())
    assert 0.35 < shares["Nguyễn"] < 0.42  # ≈ 38 % (Nguyễn over all surnames)
    assert [n for n, _ in family.most_common(4)] == ["Nguyễn", "Trần", "Lê", "Phạm"]
    assert shares.get("Ung", 0) < 0.001 and FAMILY_SHARES["Ung"] / total < 0.0001
    assert len(family) > 50  # the long tail is drawn too
    common, rare = given[GIVEN_FEMALE[0]], given.get(GIVEN_FEMALE[-1], 0)
    assert rare < common / 50
    assert len(set(GIVEN_MALE)) > 140 and len(set(GIVEN_FEMALE)) > 140


def test_national_ids_are_unique_and_carry_the_birth_century_sex_and_year():
    names = Names(random.Random(2))
    ids = [
        names.national_id(sex, year)
        for sex in ("male", "female")
        for year in (1975, 2005)
        for _ in range(500)
    ]

    assert len(set(ids)) == len(ids)
    assert ids[0].startswith("038075") and ids[-1].startswith("038305")
    assert all(len(i) == 12 and i.isdigit() for i in ids)


def test_the_small_commune_is_made_in_the_bench_communes_province(bench_commune):
    # make_support.py --small: a fresh database has no "bench-small" yet, so the commune is created
    # (not updated) with the bench commune's province, where the province viewer sees both.
    from bench.make_small import small_commune

    small = small_commune(12, random.Random(7), make_support.reset)
    bench_commune.refresh_from_db()

    assert small.code == "bench-small" and small.province_id == bench_commune.province_id
    assert small.province_id is not None
    assert Household.objects.filter(commune=small).count() == 12


def test_the_open_work_gives_the_crawler_a_page_of_each_kind_in_progress(bench_commune):
    from bench.make_open_work import open_work
    from households.models import ReviewRequest
    from households.services.review import current_round
    from programs.models import Correction, Estimate, Plan
    from reporting.models import CompiledReport, Report
    from thoxuan_gnbv.statuses import CorrectionStatus, EstimateStatus, PlanStatus

    made = open_work(bench_commune)
    assert len(made) == 6
    assert Report.objects.filter(period__commune=bench_commune).exists()
    assert CompiledReport.objects.filter(period__commune=bench_commune).exists()
    assert Correction.objects.filter(commune=bench_commune, status=CorrectionStatus.REQUESTED).exists()
    assert ReviewRequest.objects.filter(commune=bench_commune).count() == 3
    assert Plan.objects.get(commune=bench_commune, year=2025).status == PlanStatus.DRAFT
    assert (
        Estimate.objects.filter(commune=bench_commune, status=EstimateStatus.DRAFT).get().lines.count() == 1
    )
    assert current_round(bench_commune).entries.exists()  # the list of the survey stage
    assert open_work(bench_commune) == []  # once only
