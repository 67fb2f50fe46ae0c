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
    """The communes whose data ``user`` covers: the one they belong to. The level above is given one
    commune today; when it covers a province, this is the one function that changes. An
    administrator without a commune covers none on the portal's pages (they work in the admin)."""
    if not (user and user.is_authenticated):
        return []
    commune_id = getattr(user, "commune_id", None)
    return [commune_id] if commune_id else []


def covers_commune(user, commune_id) -> bool:
    """Whether ``commune_id`` is one of the user's communes (every per-object rule asks this)."""
    return commune_id is not None and commune_id in commune_ids_of(user)


def in_communes(user, queryset, path: str = "commune"):
    """Keep the rows of ``queryset`` whose commune (reached through the lookup ``path``) the user
    covers."""
    return queryset.filter(**{f"{path}__in": commune_ids_of(user)})


def can_use_admin(user) -> bool:
    return is_admin(user)
