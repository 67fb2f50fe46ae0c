# The program side's models, one module per sub-domain; import every model here so Django finds it.
from programs.models.units import Unit, UnitKind  # isort: skip — plan models refer to Unit
from programs.models.budget import (
    Allocation,
    Disbursement,
    Estimate,
    EstimateLine,
    EstimateStatus,
    EstimateTransition,
    FundingSource,
)
from programs.models.budget_account import BudgetAccount
from programs.models.catalogue import Program, Project, SubProject
from programs.models.corrections import CorrectedKind, Correction, CorrectionTransition
from programs.models.delivery import Activity, ActivityType, Support, SupportType
from programs.models.plan_parts import (
    Assignment,
    LegalBasis,
    PlanComponent,
    Recipient,
    ReportingPeriodCode,
    ReportingRule,
)
from programs.models.plans import Plan, PlanStatus, PlanTransition
from programs.models.targets import Target, TargetCounting, TargetLine, TargetMetric

__all__ = [
    "Activity",
    "ActivityType",
    "Allocation",
    "BudgetAccount",
    "Disbursement",
    "Estimate",
    "EstimateLine",
    "EstimateStatus",
    "EstimateTransition",
    "FundingSource",
    "Support",
    "Correction",
    "CorrectionTransition",
    "CorrectedKind",
    "SupportType",
    "Assignment",
    "LegalBasis",
    "Plan",
    "PlanComponent",
    "PlanStatus",
    "PlanTransition",
    "Program",
    "Project",
    "Recipient",
    "ReportingPeriodCode",
    "ReportingRule",
    "SubProject",
    "Target",
    "TargetLine",
    "TargetCounting",
    "TargetMetric",
    "Unit",
    "UnitKind",
]
