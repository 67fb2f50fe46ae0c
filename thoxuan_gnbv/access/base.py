"""Roles and the commune seam: who a user is and which communes they cover."""

from thoxuan_gnbv.models import Role

# Officers of the People's Committee who work on the program every day.
COMMUNE_OFFICERS = frozenset(
    {
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.LABOUR_OFFICER,
        Role.AGRICULTURE_OFFICER,
        Role.CULTURE_OFFICER,
        Role.HEALTH_STATION,
        Role.ACCOUNTANT,
    }
)
APPROVERS = frozenset({Role.CHAIRMAN, Role.VICE_CHAIRMAN})
# Read-only observers: they see the commune's figures but change nothing.
OBSERVERS = frozenset({Role.FATHERLAND_FRONT, Role.UPPER_VIEWER})


def role_of(user) -> str:
    return getattr(user, "role", "") or ""


def has_role(user, *roles) -> bool:
    return bool(user and user.is_authenticated and role_of(user) in roles)


def is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_superuser)


def is_read_only(user) -> bool:
    """Observers and the level above only read, whatever page they are on."""
    return has_role(user, *OBSERVERS)


def is_approver(user) -> bool:
    """The chairman, or a vice chairman signing "KT. CHỦ TỊCH"."""
    return has_role(user, *APPROVERS)


def is_neighborhood_head(user) -> bool:
    return has_role(user, Role.NEIGHBORHOOD_HEAD)


# --- the commune seam ----------------------------------------------------------------------------


def commune_ids_of(user) -> list[int]:
    """The communes whose data ``user`` covers: the one they belong to; for a viewer of the level
    above with a province, every commune of that province (the merged-away ones too, so their
    earlier years stay readable). Kept on the user object for the request: many rules ask. An
    administrator without a commune covers none on the portal's pages (they work in the admin)."""
    if not (user and user.is_authenticated):
        return []
    province_id = getattr(user, "province_id", None)
    seam = (getattr(user, "commune_id", None), province_id, role_of(user))
    cached = getattr(user, "_commune_ids", None)
    if cached is not None and cached[0] == seam:
        return cached[1]
    if province_id and role_of(user) == Role.UPPER_VIEWER:
        # The reverse relation of Province.communes: thoxuan_gnbv imports no domain model.
        ids = sorted(user.province.communes.values_list("pk", flat=True))
    else:
        commune_id = getattr(user, "commune_id", None)
        ids = [commune_id] if commune_id else []
    user._commune_ids = (seam, ids)
    return ids


def covers_commune(user, commune_id) -> bool:
    """Whether ``commune_id`` is one of the user's communes (every per-object rule asks this)."""
    return commune_id is not None and commune_id in commune_ids_of(user)


def in_communes(user, queryset, path: str = "commune"):
    """Keep the rows of ``queryset`` whose commune (reached through the lookup ``path``) the user
    covers."""
    return queryset.filter(**{f"{path}__in": commune_ids_of(user)})


def can_use_admin(user) -> bool:
    return is_admin(user)


def is_province_viewer(user) -> bool:
    """A viewer of the level above who belongs to a province (no commune): reads all its communes."""
    return bool(
        has_role(user, Role.UPPER_VIEWER)
        and getattr(user, "province_id", None)
        and not getattr(user, "commune_id", None)
    )


def narrow_to(user, commune_id: int) -> None:
    """For this request, ``user`` covers only ``commune_id`` (one of theirs): a province viewer who
    opened one commune sees exactly what a viewer of that commune would, never a mix of communes."""
    if covers_commune(user, commune_id):
        user._commune_ids = (user._commune_ids[0], [commune_id])
