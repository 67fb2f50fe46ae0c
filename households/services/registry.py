"""Households and members: register, update, and keep the derived flags and search key current."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from households import messages
from households.classification import MemberFacts, derive_flags, working_age_for
from households.models import Household, Member, PovertyStandard, Relation
from households.services.household_codes import suggest_code
from thoxuan_gnbv.concurrency import save_versioned
from thoxuan_gnbv.integrity import unique_errors
from thoxuan_gnbv.text import fold, nfc, strip_invisible

HOUSEHOLD_FIELDS = (
    "neighborhood",
    "code",
    "head_name",
    "head_national_id",
    "address",
    "is_ethnic_minority",
    "has_meritorious_person",
    "without_labour_capacity",
)
MEMBER_FIELDS = (
    "full_name",
    "date_of_birth",
    "sex",
    "relation_to_head",
    "national_id",
    "is_ethnic_minority",
    "has_disability",
    "is_meritorious",
    "has_health_insurance",
    "able_to_work",
)
SEARCH_KEY_LENGTH = 1000
# Unique constraints a save can still hit when another save wins the race after our checks.
HOUSEHOLD_UNIQUE = {
    "household_code_unique_per_commune": messages.HOUSEHOLD_CODE_USED,
    "household_head_national_id_unique": messages.NATIONAL_ID_USED,
}
MEMBER_UNIQUE = {
    "member_national_id_unique": messages.NATIONAL_ID_USED,
    "member_one_head_per_household": messages.HEAD_ALREADY.format(name="người khác"),
}


def build_search_key(code: str, head_name: str, head_national_id: str = "", extra=()) -> str:
    """The folded text the list's search looks in: code, head, CCCD, then members' names and CCCDs."""
    parts = [code, head_name, head_national_id, *extra]
    return fold(" ".join(p for p in parts if p))[:SEARCH_KEY_LENGTH]


def today() -> datetime.date:
    return timezone.localdate()


def _check_household(household: Household) -> None:
    errors = {}
    if household.neighborhood_id and household.neighborhood.commune_id != household.commune_id:
        errors["neighborhood"] = messages.NEIGHBORHOOD_OTHER_COMMUNE
    if (
        household.code
        and Household.objects.filter(commune_id=household.commune_id, code=household.code)
        .exclude(pk=household.pk)
        .exists()
    ):
        errors["code"] = messages.HOUSEHOLD_CODE_USED
    if household.head_national_id and _national_id_taken(household.head_national_id, household=household):
        errors["head_national_id"] = messages.NATIONAL_ID_USED
    if errors:
        raise ValidationError(errors)


def _national_id_taken(national_id: str, *, household=None, member=None) -> bool:
    """A CCCD names one person: the head of one household, who may also be listed among its members."""
    heads = Household.objects.filter(head_national_id=national_id)
    members = Member.objects.filter(national_id=national_id)
    if household is not None and household.pk:
        heads = heads.exclude(pk=household.pk)
        members = members.exclude(household_id=household.pk)
    if member is not None:
        heads = heads.exclude(pk=member.household_id)
        if member.pk:
            members = members.exclude(pk=member.pk)
    return heads.exists() or members.exists()


def _clean_text(household_or_member, names) -> None:
    for name in names:
        value = getattr(household_or_member, name)
        if isinstance(value, str):
            setattr(household_or_member, name, strip_invisible(nfc(value)).strip())


@transaction.atomic
def household_register(*, commune, user, **fields) -> Household:
    """Add a household to the commune's registry (code unique in the commune, CCCD unused)."""
    household = Household(commune=commune, **{k: v for k, v in fields.items() if k in HOUSEHOLD_FIELDS})
    _clean_text(household, ("code", "head_name", "head_national_id", "address"))
    if not household.code and household.neighborhood_id:
        household.code = suggest_code(household.neighborhood)  # left blank: the khu phố's next code
        if not household.code:
            raise ValidationError({"code": messages.HOUSEHOLD_CODE_NO_SUGGESTION})
    household.search_key = build_search_key(household.code, household.head_name, household.head_national_id)
    household.full_clean(validate_unique=False, validate_constraints=False)
    _check_household(household)
    with unique_errors(Household, HOUSEHOLD_UNIQUE):
        household.save()
    return household


@transaction.atomic
def household_update(*, household: Household, user, version: int | None = None, **fields) -> Household:
    """Change a household's identity data; flags stay derived from members when it has any.
    ``version`` is the one the form was opened at: a stale form is refused (``save_versioned``)."""
    for name, value in fields.items():
        if name in HOUSEHOLD_FIELDS:
            setattr(household, name, value)
    _clean_text(household, ("code", "head_name", "head_national_id", "address"))
    household.full_clean(validate_unique=False, validate_constraints=False)
    _check_household(household)
    with unique_errors(Household, HOUSEHOLD_UNIQUE):
        save_versioned(household, version=version, fields=HOUSEHOLD_FIELDS)
    household_refresh(household)
    return household


def household_refresh(household: Household) -> None:
    """Recompute the derived flags (from members, if any) and the search key."""
    members = list(household.members.all())
    if members:
        day = today()
        # The standard in force today gives the working-age limits; an unsaved one its defaults.
        standard = PovertyStandard.objects.on(day).first() or PovertyStandard()
        flags = derive_flags(
            [
                MemberFacts(m.date_of_birth, m.sex, m.able_to_work, m.is_ethnic_minority, m.is_meritorious)
                for m in members
            ],
            day,
            working_age_for(standard),
        )
        household.is_ethnic_minority = flags.is_ethnic_minority
        household.has_meritorious_person = flags.has_meritorious_person
        household.without_labour_capacity = flags.without_labour_capacity
    extra = [text for m in members for text in (m.full_name, m.national_id) if text]
    household.search_key = build_search_key(
        household.code, household.head_name, household.head_national_id, extra
    )
    household.save(
        update_fields=[
            "is_ethnic_minority",
            "has_meritorious_person",
            "without_labour_capacity",
            "search_key",
            "updated_at",
        ]
    )


def _check_member(member: Member) -> None:
    errors = {}
    if member.date_of_birth and member.date_of_birth > today():
        errors["date_of_birth"] = messages.BIRTH_DATE_FUTURE
    if member.national_id and _national_id_taken(member.national_id, member=member):
        errors["national_id"] = messages.NATIONAL_ID_USED
    if member.relation_to_head == Relation.HEAD:
        # One head per household (the household's "chủ hộ"); the DB constraint
        # member_one_head_per_household catches a concurrent second one.
        other = (
            Member.objects.filter(household_id=member.household_id, relation_to_head=Relation.HEAD)
            .exclude(pk=member.pk)
            .values_list("full_name", flat=True)
            .first()
        )
        if other is not None:
            errors["relation_to_head"] = messages.HEAD_ALREADY.format(name=other)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def member_add(*, household: Household, user, **fields) -> Member:
    """Add a person to a household and refresh the household's derived flags."""
    member = Member(household=household, **{k: v for k, v in fields.items() if k in MEMBER_FIELDS})
    _clean_text(member, ("full_name", "national_id"))
    member.full_clean(validate_unique=False, validate_constraints=False)
    _check_member(member)
    with unique_errors(Member, MEMBER_UNIQUE):
        member.save()
    household_refresh(household)
    return member


@transaction.atomic
def member_update(
    *, member: Member, user, household: Household | None = None, version: int | None = None, **fields
) -> Member:
    """Change a member; moving them to another household is allowed only inside the same commune.
    ``version`` is the one the form was opened at: a stale form is refused (``save_versioned``)."""
    old_household = member.household
    if household is not None and household.pk != old_household.pk:
        if household.commune_id != old_household.commune_id:
            raise ValidationError({"household": messages.MEMBER_OTHER_COMMUNE})
        member.household = household
    for name, value in fields.items():
        if name in MEMBER_FIELDS:
            setattr(member, name, value)
    _clean_text(member, ("full_name", "national_id"))
    member.full_clean(validate_unique=False, validate_constraints=False)
    _check_member(member)
    with unique_errors(Member, MEMBER_UNIQUE):
        save_versioned(member, version=version, fields=("household", *MEMBER_FIELDS))
    household_refresh(member.household)
    if member.household_id != old_household.pk:
        household_refresh(old_household)
    return member
