"""The registry's models, split by sub-domain; import them from ``households.models``."""

from households.models.administration import CommuneIdentity, CommuneMerger, Province
from households.models.geography import AreaType, Commune, CommuneKind, Neighborhood
from households.models.ongoing import RequestKind, ReviewRequest, ReviewRequestTransition
from households.models.quick_screen import QuickScreen
from households.models.registry import Household, Member, Relation, Sex
from households.models.review import Category, Review, ReviewRound, ReviewRoundTransition, RoundStatus
from households.models.review_stages import (
    Complaint,
    ListReason,
    Meeting,
    MeetingVote,
    Posting,
    RoundHousehold,
)
from households.models.search import SearchPair
from households.models.standard import Indicator, PovertyStandard

__all__ = [
    "AreaType",
    "Category",
    "Commune",
    "CommuneIdentity",
    "CommuneKind",
    "CommuneMerger",
    "Complaint",
    "Household",
    "Indicator",
    "ListReason",
    "Meeting",
    "MeetingVote",
    "Member",
    "Neighborhood",
    "Posting",
    "PovertyStandard",
    "Province",
    "QuickScreen",
    "Relation",
    "RequestKind",
    "Review",
    "ReviewRequest",
    "ReviewRequestTransition",
    "ReviewRound",
    "ReviewRoundTransition",
    "RoundHousehold",
    "RoundStatus",
    "SearchPair",
    "Sex",
]
