"""Households, members, review rounds and ongoing reviews (households app)."""

from thoxuan_gnbv.access.base import (
    APPROVERS,
    COMMUNE_OFFICERS,
    OBSERVERS,
    covers_commune,
    has_role,
    in_communes,
    is_admin,
    is_approver,
    is_neighborhood_head,
)
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.statuses import RequestStatus, RoundStatus

# --- households ---------------------------------------------------------------------------------


def can_view_households(user) -> bool:
    """Household lists are personal data: commune officers, khu phố heads (their own khu phố only),
    the Fatherland Front and the level above (read only)."""
    return is_admin(user) or has_role(user, *COMMUNE_OFFICERS, *OBSERVERS, Role.NEIGHBORHOOD_HEAD)


def households_visible_to(user, queryset, prefix: str = ""):
    """Scope a Household queryset (or one reaching households through ``prefix``, e.g.
    ``"household__"``): the user's communes; a khu phố head only the khu phố they head."""
    if not can_view_households(user):
        return queryset.none()
    queryset = in_communes(user, queryset, f"{prefix}commune")
    if is_neighborhood_head(user):
        return queryset.filter(**{f"{prefix}neighborhood__head": user})
    return queryset


def neighborhoods_visible_to(user, queryset):
    """Scope a Neighborhood queryset the same way as households."""
    if not can_view_households(user):
        return queryset.none()
    queryset = in_communes(user, queryset)
    if is_neighborhood_head(user):
        return queryset.filter(head=user)
    return queryset


def members_visible_to(user, queryset):
    """Scope a Member queryset through their household."""
    return households_visible_to(user, queryset, "household__")


# Who keeps the registry: the labour officer for the whole commune, each khu phố head for their own.
HOUSEHOLD_EDITORS = frozenset({Role.LABOUR_OFFICER, Role.NEIGHBORHOOD_HEAD})


def can_edit_households(user) -> bool:
    """Whether the user may add households and members at all (shows the "add" buttons)."""
    return is_admin(user) or has_role(user, *HOUSEHOLD_EDITORS)


def can_edit_household(user, household) -> bool:
    """The labour officer edits any household of the commune; a khu phố head only households of the
    khu phố they head."""
    if not covers_commune(user, household.commune_id):
        return False
    if is_admin(user) or has_role(user, Role.LABOUR_OFFICER):
        return True
    return is_neighborhood_head(user) and household.neighborhood.head_id == user.pk


def can_record_review(user, household) -> bool:
    """Review results are recorded by whoever keeps the household (labour officer, its khu phố head)."""
    return can_edit_household(user, household)


def can_view_review_rounds(user) -> bool:
    return can_view_households(user)


def rounds_visible_to(user, queryset):
    """Scope a ReviewRound queryset: the rounds of the user's communes."""
    if not can_view_review_rounds(user):
        return queryset.none()
    return in_communes(user, queryset)


def reviews_visible_to(user, queryset):
    """Scope a Review queryset: reviews of households the user sees."""
    return households_visible_to(user, queryset, "household__")


def can_manage_review_rounds(user) -> bool:
    """The labour officer opens a review round and submits its list to the chairman."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER)


def can_approve_review_round(user, review_round=None) -> bool:
    """The chairman (or a vice chairman) approves or returns a submitted review round (QĐ 24/2021),
    never one they submitted themselves."""
    if review_round is None:
        return is_approver(user)
    return (
        is_approver(user)
        and covers_commune(user, review_round.commune_id)
        and review_round.status == RoundStatus.SUBMITTED
        and review_round.submitted_by_id != user.pk
    )


def can_view_review_requests(user) -> bool:
    return can_view_households(user)


def review_requests_visible_to(user, queryset):
    """Scope a ReviewRequest queryset: requests of households the user sees (a khu phố head: their own
    khu phố), in the user's communes."""
    return in_communes(user, households_visible_to(user, queryset, "household__"))


def can_record_review_request(user) -> bool:
    """A household hands its request to the People's Committee (QĐ 24/2021/QĐ-TTg Điều 5 khoản 1); the
    labour officer records it."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER)


def can_survey_review_request(user, request) -> bool:
    """The survey of an ongoing review is recorded by whoever records reviews of the household."""
    return request.status == RequestStatus.RECEIVED and can_record_review(user, request.household)


def can_post_review_request(user, request) -> bool:
    """The labour officer posts the result publicly (QĐ 24/2021/QĐ-TTg Điều 4 khoản 3)."""
    return (
        can_record_review_request(user)
        and covers_commune(user, request.commune_id)
        and request.status == RequestStatus.SURVEYED
    )


def can_decide_review_request(user, request=None) -> bool:
    """The chairman (or a vice chairman) decides after the posting (QĐ 24/2021/QĐ-TTg Điều 5 khoản 2;
    since 01/07/2025 without a district's opinion, TT 13/2025/TT-BNNMT), never on a result they
    surveyed themselves."""
    if request is None:
        return is_approver(user)
    return (
        is_approver(user)
        and covers_commune(user, request.commune_id)
        and request.status == RequestStatus.POSTED
        and request.surveyed_by_id != user.pk
    )


def can_print_certificates(user) -> bool:
    """The certificate (QĐ 24/2021/QĐ-TTg Mẫu số 03) is issued by the People's Committee: the labour
    officer prints it for the chairman, who signs; khu phố heads and observers do not print it."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER, *APPROVERS)


def can_import_households(user) -> bool:
    """Workbook import writes the whole commune's list: the labour officer only."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER)


def can_export_households(user) -> bool:
    """Exports carry personal data out of the portal: People's Committee officers who keep or decide on
    the lists, and khu phố heads (their own khu phố); observers read on screen only."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER, *APPROVERS, Role.NEIGHBORHOOD_HEAD)


def can_download_review_tables(user) -> bool:
    """The result tables and name lists of an approved review (TT 07/2021/TT-BLĐTBXH Phụ lục VII) and the
    recognition decision (QĐ 24/2021/QĐ-TTg Mẫu số 02) carry names out of the portal: the labour officer
    who sends them, the chairman who signed, the Fatherland Front who supervises the review and the
    level above that receives them. Khu phố heads read the figures on screen."""
    return is_admin(user) or has_role(user, Role.LABOUR_OFFICER, *APPROVERS, *OBSERVERS)


def can_view_movements(user) -> bool:
    """Movement tables are aggregate figures: every household viewer reads them."""
    return can_view_households(user)
