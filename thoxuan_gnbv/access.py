"""The one place that answers who may see what (*scope*: a QuerySet filter) and who may do what
(*ability*: ``can_<verb>_<noun>`` functions).

Views never test roles themselves: they call these. Domain models are reached through field lookups
only, so this module imports no domain app (``thoxuan_gnbv`` sits below them all).
"""

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


def can_use_admin(user) -> bool:
    return is_admin(user)


# --- households ---------------------------------------------------------------------------------


def can_view_households(user) -> bool:
    """Household lists are personal data: commune officers, khu phố heads (their own khu phố only),
    the Fatherland Front and the level above (read only)."""
    return is_admin(user) or has_role(user, *COMMUNE_OFFICERS, *OBSERVERS, Role.NEIGHBORHOOD_HEAD)


def households_visible_to(user, queryset):
    """Scope a Household queryset: a khu phố head sees only the khu phố they head."""
    if not can_view_households(user):
        return queryset.none()
    if is_neighborhood_head(user):
        return queryset.filter(neighborhood__head=user)
    return queryset


def neighborhoods_visible_to(user, queryset):
    """Scope a Neighborhood queryset the same way as households."""
    if not can_view_households(user):
        return queryset.none()
    if is_neighborhood_head(user):
        return queryset.filter(head=user)
    return queryset
