"""What the household pages share: the khu phố a user sees, and fetching a household or review
round in scope (404 outside it: another khu phố, another commune)."""

from django.shortcuts import get_object_or_404

from households.models import Household, Neighborhood, ReviewRound
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import require


def visible_neighborhoods(user, commune):
    return access.neighborhoods_visible_to(user, Neighborhood.objects.filter(commune=commune)).order_by(
        "position", "name"
    )


def get_household_for_user(request, pk) -> Household:
    """404 when the household is outside the user's scope (another khu phố, another commune)."""
    require(access.can_view_households(request.user))
    queryset = access.households_visible_to(
        request.user, Household.objects.select_related("neighborhood", "commune")
    )
    return get_object_or_404(queryset, pk=pk)


def get_round_for_user(request, pk) -> ReviewRound:
    require(access.can_view_review_rounds(request.user))
    return get_object_or_404(
        access.rounds_visible_to(
            request.user, ReviewRound.objects.select_related("commune", "approved_by", "opened_by")
        ),
        pk=pk,
    )
