"""Personal data: the CCCD by need and the access log."""

from thoxuan_gnbv.access.base import has_role, in_communes, is_admin, is_neighborhood_head
from thoxuan_gnbv.models import Role

# --- personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Nghị định 356/2025/NĐ-CP) -----------
# Personal data is processed only as far as a task needs it: the full CCCD number goes to those who
# keep the registry; everyone else reads it masked. Who viewed or exported it is logged (AccessLog).
NATIONAL_ID_KEEPERS = frozenset({Role.LABOUR_OFFICER})


def can_see_national_id(user, household) -> bool:
    """The full CCCD of a household's head and members, processed only as far as the purpose needs
    (Luật 91/2025/QH15; NĐ 356/2025/NĐ-CP): the labour officer who keeps the registry, the head of
    the household's own khu phố, and the administrator. Everyone else sees it masked (``038*******12``)."""
    return can_see_national_id_in(user, household.neighborhood.head_id)


def can_see_national_id_in(user, neighborhood_head_id) -> bool:
    """``can_see_national_id`` for a row that carries only its khu phố head's id (exports)."""
    if is_admin(user) or has_role(user, *NATIONAL_ID_KEEPERS):
        return True
    return is_neighborhood_head(user) and neighborhood_head_id == user.pk


def can_search_by_national_id(user) -> bool:
    """Searching by CCCD is processing the number itself: only those who may see it in full somewhere
    (the labour officer, khu phố heads within their own khu phố, the administrator)."""
    return is_admin(user) or has_role(user, *NATIONAL_ID_KEEPERS, Role.NEIGHBORHOOD_HEAD)


def can_view_access_log(user) -> bool:
    """The log of processing of personal data (NĐ 356/2025/NĐ-CP) is read by the chairman, who answers
    for the commune's processing, and the administrator."""
    return is_admin(user) or has_role(user, Role.CHAIRMAN)


def access_logs_visible_to(user, queryset):
    """Scope an AccessLog queryset: the reads of the data of the reader's communes."""
    if not can_view_access_log(user):
        return queryset.none()
    return in_communes(user, queryset)


def log_users_visible_to(user, queryset):
    """Scope the User queryset of the log's "who" filter the same way."""
    return in_communes(user, queryset) if can_view_access_log(user) else queryset.none()
