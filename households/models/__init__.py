"""The registry's models, split by sub-domain; import them from ``households.models``."""

from households.models.geography import AreaType, Commune, CommuneKind, Neighborhood
from households.models.ongoing import RequestKind, ReviewRequest, ReviewRequestTransition
from households.models.registry import Household, Member, Relation, Sex
from households.models.review import Category, Review, ReviewRound, ReviewRoundTransition, RoundStatus
from households.models.standard import Indicator, PovertyStandard

__all__ = [
    "AreaType",
    "Category",
    "Commune",
    "CommuneKind",
    "Household",
    "Indicator",
    "Member",
    "Neighborhood",
    "PovertyStandard",
    "Relation",
    "RequestKind",
    "Review",
    "ReviewRequest",
    "ReviewRequestTransition",
    "ReviewRound",
    "ReviewRoundTransition",
    "RoundStatus",
    "Sex",
]
