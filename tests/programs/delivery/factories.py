"""Factories of the delivery and budget tests: an approved plan with the 2024 plan's nine components,
households with members, approved review rounds (which decide a household's status), and the
budget chain allocation → estimate → line → disbursement.

Catalogue rows are fetched with get_or_create: tests that use real transactions flush the data the
migrations seeded."""

import datetime

from django.db.models import Sum
from django.utils import timezone

from households.models import Category, PovertyStandard, Relation, Review, ReviewRound
from programs.models import (
    Activity,
    Allocation,
    Estimate,
    EstimateLine,
    EstimateStatus,
    FundingSource,
    Plan,
    PlanComponent,
    PlanStatus,
    Project,
    SubProject,
    Support,
    SupportType,
)
from programs.services.eligibility import EligibilityBasis
from tests.factories import UnitFactory
from tests.households import factories as households_factories
from tests.households.factories import HouseholdFactory  # noqa: F401 — re-exported for delivery tests
from tests.programs import factories as catalogue
from thoxuan_gnbv.models import Role

# code, lead role (the advising officer of section III of the 2024 plan)
NINE_COMPONENTS = [
    ("2", Role.LABOUR_OFFICER),
    ("3.1", Role.AGRICULTURE_OFFICER),
    ("3.2", Role.HEALTH_STATION),
    ("4.1", Role.LABOUR_OFFICER),
    ("4.3", Role.LABOUR_OFFICER),
    ("6.1", Role.CULTURE_OFFICER),
    ("6.2", Role.LABOUR_OFFICER),
    ("7.1", Role.LABOUR_OFFICER),
    ("7.2", Role.LABOUR_OFFICER),
]


def project_and_subproject(code: str) -> tuple[Project, SubProject | None]:
    """The catalogue rows of a component code ("2", "3.1" …), re-seeded if a flush removed them."""
    number, _, sub_number = code.partition(".")
    if not sub_number:
        return catalogue.project(int(number)), None
    found = catalogue.subproject(int(number), int(sub_number))
    return found.project, found


def make_plan(
    commune, *, year=2024, approved=True, approver, author, lead_unit=None, components=NINE_COMPONENTS
):
    """A plan of ``commune`` with the given components; approved (by ``approver``) unless told not."""
    lead_unit = lead_unit or UnitFactory(commune=commune, name=f"UBND {commune.name}")
    plan = Plan.objects.create(
        commune=commune,
        program=catalogue.program(),
        year=year,
        title=f"Kế hoạch năm {year}",
        created_by=author,
    )
    for position, (code, lead_role) in enumerate(components, start=1):
        project, subproject = project_and_subproject(code)
        PlanComponent.objects.create(
            plan=plan,
            position=position,
            project=project,
            subproject=subproject,
            lead_unit=lead_unit,
            lead_role=lead_role,
            deadline=datetime.date(year, 12, 31),
        )
    if approved:
        plan.status = PlanStatus.APPROVED
        plan.approved_by = approver
        plan.approved_at = timezone.now()
        plan.save()
    return plan


def components_by_code(plan) -> dict[str, PlanComponent]:
    return {
        c.code: c
        for c in plan.components.select_related("project", "subproject", "plan__commune", "lead_unit")
    }


class MemberFactory(households_factories.MemberFactory):
    relation_to_head = Relation.HEAD


def standard() -> PovertyStandard:
    found = PovertyStandard.objects.order_by("valid_from").first()
    if found:
        return found
    return PovertyStandard.objects.create(
        name="Chuẩn nghèo đa chiều giai đoạn 2022–2025",
        legal_basis="Nghị định 07/2021/NĐ-CP",
        valid_from=datetime.date(2022, 1, 1),
        urban_income_line=2_000_000,
        rural_income_line=1_500_000,
        urban_average_line=3_000_000,
        rural_average_line=2_250_000,
        deprivation_cutoff=3,
    )


def approve_round(commune, decided_on: datetime.date, categories: dict, approver) -> ReviewRound:
    """An approved review round decided on ``decided_on`` classifying ``{household: category}``."""
    number = ReviewRound.objects.filter(commune=commune, year=decided_on.year).count() + 1
    review_round = ReviewRound.objects.create(commune=commune, year=decided_on.year, number=number)
    for household, category in categories.items():
        Review.objects.create(
            household=household,
            round=review_round,
            year=decided_on.year,
            standard=standard(),
            income=1_000_000 if category in (Category.POOR, Category.NEAR_POOR) else 4_000_000,
            category=category,
        )
    # The round is frozen once approved, so it is approved after its reviews are in.
    ReviewRound.objects.filter(pk=review_round.pk).update(
        status="approved",
        decision_number=f"{number}/QĐ-UBND",
        decision_date=decided_on,
        approved_by=approver,
        approved_at=timezone.now(),
    )
    return review_round


def approved_estimate(
    commune, component, *, amount, accountant, approver, year=2024, source=FundingSource.CENTRAL
):
    """An approved estimate with one line of ``amount`` for ``component``, the allocation topped up
    (when what is left of it falls short) so that the line fits; returns the line."""
    same = {"project": component.project_id, "subproject": component.subproject_id}
    allocated = (
        Allocation.objects.filter(
            component__plan__commune=commune,
            component__plan__year=year,
            source=source,
            **{f"component__{k}": v for k, v in same.items()},
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )
    held = (
        EstimateLine.objects.filter(
            estimate__commune=commune,
            estimate__year=year,
            estimate__status=EstimateStatus.APPROVED,
            source=source,
            **{f"component__{k}": v for k, v in same.items()},
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )
    if amount > allocated - held:
        Allocation.objects.create(
            component=component,
            source=source,
            amount=amount - max(allocated - held, 0),
            decision_number="03/QĐ-UBND",
            decision_date=datetime.date(year, 1, 10),
            recorded_by=accountant,
        )
    estimate = Estimate.objects.create(
        commune=commune, year=year, title=f"Dự toán năm {year}", prepared_by=accountant
    )
    line = EstimateLine.objects.create(
        estimate=estimate, component=component, source=source, content="Chi hỗ trợ", amount=amount
    )
    estimate.status = EstimateStatus.APPROVED
    estimate.approved_by = approver
    estimate.approved_at = timezone.now()
    estimate.save()
    return line


DAY = datetime.date(2024, 5, 10)


def make_support(component, household, user, n=0, **extra):
    values = {
        "component": component,
        "household": household,
        "supported_on": DAY - datetime.timedelta(days=n % 100),
        "support_type": SupportType.SEEDLINGS_LIVESTOCK,
        "description": f"Hỗ trợ giống gà lần {n}",
        "unit": "con",
        "quantity": 50,
        "central_amount": 1_000_000,
        "eligibility_basis": EligibilityBasis.POOR,
        "recorded_by": user,
    }
    values.update(extra)
    return Support.objects.create(**values)


def make_activity(component, user, n=0, **extra):
    values = {
        "component": component,
        "activity_type": "communication",
        "title": f"Truyền thông giảm nghèo số {n}",
        "held_on": DAY,
        "place": "Nhà văn hóa khu phố 1",
        "participants": 40,
        "participants_women": 25,
        "local_amount": 2_000_000,
        "recorded_by": user,
    }
    values.update(extra)
    return Activity.objects.create(**values)


def allocate(component, amount, accountant, source=FundingSource.CENTRAL):
    """An allocation of ``amount`` to ``component`` from ``source`` (decision 03/QĐ-UBND, 10/01)."""
    return Allocation.objects.create(
        component=component,
        source=source,
        amount=amount,
        decision_number="03/QĐ-UBND",
        decision_date=datetime.date(component.plan.year, 1, 10),
        recorded_by=accountant,
    )
