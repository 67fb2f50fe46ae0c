"""A commune's dated identity: the name, kind, issuer lines (NĐ 30/2020/NĐ-CP Phụ lục I), place name and
the body it reports to, valid from–to. Every document prints the identity valid on its own date, so a
2024 plan keeps "UBND THỊ TRẤN THỌ XUÂN" after the commune becomes a xã (Luật Tổ chức chính quyền địa
phương 2025, in force 01/07/2025: two levels of local government)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from households import messages
from households.models import Commune, CommuneIdentity
from thoxuan_gnbv.formatting import format_date

IDENTITY_FIELDS = ("name", "kind", "issuer_parent", "issuer_name", "place_name", "reports_to")
_CACHE = "_identity_rows"


def _rows(commune: Commune) -> list[CommuneIdentity]:
    """The commune's identities, read once per commune instance (a prefetch is used when present)."""
    prefetched = getattr(commune, "_prefetched_objects_cache", {}).get("identities")
    if prefetched is not None:
        return list(prefetched)
    rows = commune.__dict__.get(_CACHE)
    if rows is None:
        rows = list(CommuneIdentity.objects.filter(commune=commune).order_by("valid_from"))
        commune.__dict__[_CACHE] = rows
    return rows


def forget_identities(commune: Commune) -> None:
    """Drop the instance's cached identities after a write."""
    commune.__dict__.pop(_CACHE, None)


def covers(identity: CommuneIdentity, on: datetime.date) -> bool:
    return (identity.valid_from is None or identity.valid_from <= on) and (
        identity.valid_to is None or on <= identity.valid_to
    )


def own_fields(commune: Commune) -> CommuneIdentity:
    """The commune's present fields as an (unsaved) identity: the fallback when no dated row applies."""
    return CommuneIdentity(commune=commune, **{name: getattr(commune, name) for name in IDENTITY_FIELDS})


def check_existed(commune: Commune, on: datetime.date) -> None:
    """A document cannot be dated before its commune was established."""
    if commune.established_on and on < commune.established_on:
        raise ValidationError(
            messages.DOCUMENT_BEFORE_COMMUNE.format(
                date=format_date(on), name=commune.name, established=format_date(commune.established_on)
            ),
            code="before_established",
        )


def identity_on(commune: Commune, on: datetime.date) -> CommuneIdentity:
    """The identity valid on ``on``; the commune's own fields when no dated row covers that day.
    ValidationError (Vietnamese) when ``on`` is before the commune was established."""
    check_existed(commune, on)
    for identity in _rows(commune):
        if covers(identity, on):
            return identity
    return own_fields(commune)


def document_date(
    commune: Commune, issued_on: datetime.date | None, year: int, fallback: datetime.date | None = None
) -> datetime.date:
    """The date whose identity a document prints: its own date once issued; before that ``fallback``
    (a report's period end) or the first day of its year — or the commune's first day when it was
    established during that year, so a new commune's first draft has a name."""
    if issued_on:
        return issued_on
    on = fallback or datetime.date(year, 1, 1)
    established = commune.established_on
    if established and established.year == year and on < established:
        return established
    return on


def overlapping(identity: CommuneIdentity) -> CommuneIdentity | None:
    """Another identity of the same commune sharing at least one day with ``identity``."""
    low, high = datetime.date.min, datetime.date.max
    start, end = identity.valid_from or low, identity.valid_to or high
    for other in CommuneIdentity.objects.filter(commune_id=identity.commune_id).exclude(pk=identity.pk):
        if (other.valid_from or low) <= end and start <= (other.valid_to or high):
            return other
    return None


def check_no_overlap(identity: CommuneIdentity) -> None:
    other = overlapping(identity)
    if other is not None:
        raise ValidationError(
            {
                "valid_from": messages.IDENTITY_OVERLAP.format(
                    start=format_date(identity.valid_from) if identity.valid_from else "…",
                    end=format_date(identity.valid_to) if identity.valid_to else "nay",
                    name=other.name,
                    span=str(other).split(" (", 1)[-1].rstrip(")"),
                )
            },
            code="overlap",
        )


def identity_save(identity: CommuneIdentity) -> CommuneIdentity:
    """Validate (fields, span order, no overlap) and save one identity row."""
    identity.full_clean()
    check_no_overlap(identity)
    identity.save()
    forget_identities(identity.commune)
    return identity


@transaction.atomic
def commune_rename(*, commune: Commune, on: datetime.date, user=None, legal_basis: str = "", **changes):
    """From ``on`` the commune has a new identity: the one valid the day before is closed then, and
    the new row copies it except for ``changes`` (name, kind, issuer lines, place name, reports to).
    The commune's own fields follow the newest identity. Documents dated before ``on`` are unchanged."""
    forget_identities(commune)  # the caller's instance must not keep the identities read before
    commune = Commune.objects.select_for_update().get(pk=commune.pk)
    unknown = set(changes) - set(IDENTITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown identity fields: {sorted(unknown)}")
    if "name" in changes and not (changes["name"] or "").strip():
        raise ValidationError({"name": messages.IDENTITY_NAME_REQUIRED}, code="required")
    check_existed(commune, on)
    ensure_first_identity(commune)  # the present fields stay the name of the days before ``on``
    forget_identities(commune)
    current = next((row for row in _rows(commune) if covers(row, on)), None)
    if current is not None and current.valid_from and current.valid_from >= on:
        raise ValidationError(
            {
                "valid_from": messages.IDENTITY_RENAME_NOT_AFTER.format(
                    date=format_date(on), start=format_date(current.valid_from)
                )
            },
            code="not_after",
        )
    base = current or own_fields(commune)
    new = CommuneIdentity(
        commune=commune,
        valid_from=on,
        valid_to=None,
        legal_basis=legal_basis,
        **{name: changes.get(name, getattr(base, name)) for name in IDENTITY_FIELDS},
    )
    if current is not None:
        # The old identity is closed first: it and the new one may not share a day.
        current.valid_to = on - datetime.timedelta(days=1)
        current.full_clean()
        current.save(update_fields=["valid_to"])
    identity_save(new)
    _follow_newest(commune)
    return new


def close_identity(commune: Commune, last_day: datetime.date) -> None:
    """The commune's identity ends on ``last_day`` (it ceased, e.g. merged into another commune)."""
    for row in CommuneIdentity.objects.filter(commune=commune, valid_to__isnull=True):
        row.valid_to = last_day
        row.full_clean()
        row.save(update_fields=["valid_to"])
    forget_identities(commune)


def ensure_first_identity(commune: Commune, *, legal_basis: str = "") -> CommuneIdentity:
    """A commune without identities gets its present fields as its first, valid since it was established."""
    existing = CommuneIdentity.objects.filter(commune=commune).order_by("valid_from").first()
    if existing is not None:
        return existing
    first = own_fields(commune)
    first.valid_from = commune.established_on
    first.legal_basis = legal_basis
    return identity_save(first)


def _follow_newest(commune: Commune) -> None:
    newest = (
        CommuneIdentity.objects.filter(commune=commune)
        .order_by(F("valid_from").desc(nulls_last=True))
        .first()
    )
    for name in IDENTITY_FIELDS:
        setattr(commune, name, getattr(newest, name))
    commune.save(update_fields=list(IDENTITY_FIELDS))
    forget_identities(commune)


def identity_in_year(commune: Commune, year: int) -> CommuneIdentity:
    """The identity at the end of ``year`` (or on the commune's first day, if later): for pages that
    show a year, such as the reporting calendar's "reports to". Never raises."""
    on = datetime.date(year, 12, 31)
    if commune.established_on and on < commune.established_on:
        on = commune.established_on
    return identity_on(commune, on)
