"""factory_boy factories and small builders of the registry."""

import datetime

import factory

from households.models import (
    Household,
    Member,
    PovertyStandard,
    Review,
    ReviewRound,
    RoundStatus,
    Sex,
)
from households.services.registry import build_search_key
from tests.factories import NeighborhoodFactory


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    neighborhood = factory.SubFactory(NeighborhoodFactory)
    commune = factory.LazyAttribute(lambda o: o.neighborhood.commune)
    code = factory.Sequence(lambda n: f"KP-{n:05d}")
    head_name = factory.Faker("name")
    head_national_id = ""
    search_key = factory.LazyAttribute(lambda o: build_search_key(o.code, o.head_name, o.head_national_id))


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    household = factory.SubFactory(HouseholdFactory)
    full_name = factory.Faker("name")
    date_of_birth = datetime.date(1985, 5, 1)
    sex = Sex.MALE


def approved_round(commune, year, decided=None, number=1, approver=None):
    from tests.factories import UserFactory

    return ReviewRound.objects.create(
        commune=commune,
        year=year,
        number=number,
        status=RoundStatus.APPROVED,
        decision_number=f"{year}/QĐ-UBND",
        decision_date=decided or datetime.date(year, 12, 20),
        approved_by=approver or UserFactory(username="chutich-phe-duyet", role="chairman", commune=commune),
    )


def add_result(review_round, household, category, income=1_000_000, deprivations=()):
    """A stored result (bulk path: the freeze guard is for edits, not for building fixtures)."""
    review = Review(
        household=household,
        round=review_round,
        year=review_round.year,
        standard=PovertyStandard.objects.in_force(review_round.year),
        income=income,
        deprivations=list(deprivations),
        deprivation_count=len(deprivations),
        category=category,
    )
    Review.objects.bulk_create([review])
    return review


def ensure_standards():
    """Re-seed the poverty standards after a transactional test flushed the migration's data."""
    import importlib

    from django.apps import apps

    if not PovertyStandard.objects.exists():
        importlib.import_module("households.migrations.0003_seed_poverty_standards_2022_2030").seed(
            apps, None
        )
        importlib.import_module("households.migrations.0008_seed_standard_windows_and_working_age").seed(
            apps, None
        )
        importlib.import_module("households.migrations.0013_seed_standard_2027_indicators").seed(apps, None)


def get(client_for, user, url):
    return client_for(user).get(url)


def stage_records(review_round, neighborhood, household):
    """A khu phố meeting, a posting and a complaint on ``review_round`` (built directly, whatever its
    status): the objects the stage routes and documents take."""
    from households.models import Complaint, Meeting, MeetingVote, Posting, RoundHousehold
    from households.models.review_stages import ListReason
    from thoxuan_gnbv.statuses import HouseholdStage

    RoundHousehold.objects.create(
        round=review_round, household=household, reason=ListReason.LISTED, stage=HouseholdStage.POSTED
    )
    meeting = Meeting.objects.create(
        round=review_round,
        neighborhood=neighborhood,
        held_on=datetime.date(review_round.year, 10, 1),
        chair_name="Khu trưởng Kiểm Thử",
        supervisor_name="Đại diện MTTQ Kiểm Thử",
        attendance=40,
    )
    MeetingVote.objects.create(
        meeting=meeting, household=household, category="poor", agreeing_percent=80, agreed=True
    )
    posting = Posting.objects.create(
        round=review_round,
        starts_on=datetime.date(review_round.year, 10, 7),
        ends_on=datetime.date(review_round.year, 10, 9),
        places="Nhà văn hóa khu phố và trụ sở UBND",
    )
    complaint = Complaint.objects.create(
        round=review_round,
        posting=posting,
        household=household,
        complainant="Người khiếu nại Kiểm Thử",
        received_on=datetime.date(review_round.year, 10, 8),
        content="Đề nghị xem lại thu nhập của hộ.",
        recheck_due=datetime.date(review_round.year, 10, 15),
        category_before="poor",
    )
    return meeting, complaint
