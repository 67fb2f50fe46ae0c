"""Who the programme reached (Đối tượng thụ hưởng, TT 10/2022/TT-BLĐTBXH Phụ lục III): households and
people supported, each counted once however many supports they received, by group — poor, near-poor
(the basis recorded on the support, i.e. the household's list on the day of support), ethnic minority,
with a người có công, with a member living with a disability, without labour capacity.

Counted per component and for the whole commune in two queries. The commune total is a distinct count
of its own, never the sum of the components' (a household helped by two sub-projects is one household).
"""

import datetime

from django.db.models import Count, F, Q, Sum

from programs.models import Support
from programs.services.eligibility import EligibilityBasis

GROUPS = (
    "households",
    "people",
    "poor",
    "near_poor",
    "ethnic_minority",
    "meritorious",
    "disability",
    "without_labour_capacity",
)
GROUP_LABELS = {
    "households": "Số hộ được hỗ trợ",
    "people": "Số người được hỗ trợ trực tiếp",
    "poor": "Hộ nghèo",
    "near_poor": "Hộ cận nghèo",
    "ethnic_minority": "Hộ dân tộc thiểu số",
    "meritorious": "Hộ có người có công",
    "disability": "Hộ có người khuyết tật",
    "without_labour_capacity": "Hộ không có khả năng lao động",
}
SOURCE_FIELDS = ("central_amount", "local_amount", "mobilised_amount", "credit_amount")


def empty_reach() -> dict:
    return dict.fromkeys((*GROUPS, "records", "amount"), 0)


def _aggregates() -> dict:
    def households(condition: Q):
        return Count("household", distinct=True, filter=condition)

    return {
        "records": Count("id"),
        "households": Count("household", distinct=True),
        # A person is counted when a support names them (nutrition, training, health insurance…).
        "people": Count("member", distinct=True),
        "poor": households(Q(eligibility_basis=EligibilityBasis.POOR)),
        "near_poor": households(Q(eligibility_basis=EligibilityBasis.NEAR_POOR)),
        "ethnic_minority": households(Q(household__is_ethnic_minority=True)),
        "meritorious": households(Q(household__has_meritorious_person=True)),
        "without_labour_capacity": households(Q(household__without_labour_capacity=True)),
        "amount": Sum(F("central_amount") + F("local_amount") + F("mobilised_amount") + F("credit_amount")),
    }


def reach_figures(component_ids: list[int], start: datetime.date, end: datetime.date) -> dict:
    """``{"components": {component_id: groups}, "total": groups}`` for supports from start to end.
    Four queries for any number of components and households."""
    result = {"components": {pk: empty_reach() for pk in component_ids}, "total": empty_reach()}
    if not component_ids:
        return result
    supports = Support.objects.filter(component_id__in=component_ids, supported_on__range=(start, end))
    for row in supports.values("component_id").annotate(**_aggregates()).order_by():
        result["components"][row["component_id"]].update(_clean(row))
    result["total"].update(_clean(supports.aggregate(**_aggregates())))
    # Households with a member living with a disability: a join on members, counted apart (a
    # correlated EXISTS per support row took seconds at 100,000 households).
    disabled = supports.filter(household__members__has_disability=True)
    for row in disabled.values("component_id").annotate(n=Count("household", distinct=True)).order_by():
        result["components"][row["component_id"]]["disability"] = row["n"]
    result["total"]["disability"] = disabled.aggregate(n=Count("household", distinct=True))["n"] or 0
    return result


def _clean(row: dict) -> dict:
    return {key: row.get(key) or 0 for key in (*GROUPS, "records", "amount") if key != "disability"}
