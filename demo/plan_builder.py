"""``seed_plan_2024``, loaded by ``manage.py seed_demo``: the 2024 plan written from its text
(``demo/plan_2024.py``) and its structured parts (``demo/plan_parts_2024.py``).

Every section of the source is loaded: the bases, I–VII, all nine components with their a–f items
(texts in ``demo/plan_2024.py``), every assignment of VI, the reporting regime of VII, the recipients
and the signer. The plan is written, submitted and approved through the same services the officers
use, so the demo has an approved plan (signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", Thái Xuân Kiên) for the
other apps to build on. Safe to re-run: an existing 2024 plan is kept.
"""

from django.db import transaction

from demo.plan_2024 import (
    CLOSING,
    COMPONENT_TEXTS,
    FUNDING,
    GENERAL_GOAL,
    ISSUING_STATEMENT,
    MAIN_SOLUTIONS,
    PURPOSE,
    REPORTING_REGIME,
    REQUIREMENTS,
    TITLE,
)
from demo.plan_parts_2024 import (
    ASSIGNMENT_DUTIES,
    ASSIGNMENTS,
    COMPONENT_LEADS,
    DEFAULT_FUNDING,
    LEGAL_BASES,
    RECIPIENTS,
    REPORTING_RULES,
    REPORTS_TO,
)
from programs.models import (
    Assignment,
    LegalBasis,
    Plan,
    PlanComponent,
    Program,
    Recipient,
    ReportingRule,
    SubProject,
    Target,
    TargetMetric,
    Unit,
)
from programs.services import plan_parts as part_services
from programs.services import plans as services

YEAR = 2024
PROGRAM_CODE = "GNBV-2021-2025"


def _write_plan(commune, program, officer) -> Plan:
    units = {unit.short_name or unit.name: unit for unit in Unit.objects.filter(commune=commune)}
    plan = services.plan_create(commune=commune, program=program, year=YEAR, title=TITLE, user=officer)
    plan = services.plan_update(
        plan=plan,
        user=officer,
        issuing_statement=ISSUING_STATEMENT,
        purpose=PURPOSE,
        requirements=REQUIREMENTS,
        general_goal=GENERAL_GOAL,
        funding=FUNDING,
        main_solutions=MAIN_SOLUTIONS,
        reporting_regime=REPORTING_REGIME,
        closing=CLOSING,
        signer_authority="KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Thái Xuân Kiên",
    )
    for kind, number, issued_on, issuer, subject in LEGAL_BASES:
        part_services.plan_part_save(
            part=LegalBasis(
                plan=plan, kind=kind, number=number, issued_on=issued_on, issuer=issuer, subject=subject
            ),
            user=officer,
        )
    part_services.target_save(
        target=Target(
            plan=plan,
            action="Giảm",
            quantity=8,
            unit="hộ nghèo",
            text="theo tiêu chuẩn nghèo đa chiều",
            metric=TargetMetric.POOR_HOUSEHOLDS_REDUCED,
        ),
        lines=[
            {
                "label": "hộ không có khả năng lao động",
                "quantity": 2,
                "unit": "hộ",
                "metric": TargetMetric.WITHOUT_LABOUR_CAPACITY,
            },
            {
                "label": "hộ nghèo có khả năng lao động",
                "quantity": 6,
                "unit": "hộ",
                "metric": TargetMetric.WITH_LABOUR_CAPACITY,
            },
        ],
        user=officer,
    )
    projects = {project.number: project for project in program.projects.all()}
    for project_number, sub_number, objective, beneficiaries, support in COMPONENT_TEXTS:
        lead, role, partners, deadline, funding = COMPONENT_LEADS[(project_number, sub_number)]
        project = projects[project_number]
        subproject = SubProject.objects.get(project=project, number=sub_number) if sub_number else None
        part_services.plan_part_save(
            part=PlanComponent(
                plan=plan,
                project=project,
                subproject=subproject,
                objective=objective,
                beneficiary_groups=beneficiaries,
                support_content=support,
                funding_text=funding or DEFAULT_FUNDING,
                lead_unit=units[lead],
                lead_role=role,
                deadline=deadline,
            ),
            user=officer,
            partner_units=[units[name] for name in partners],
        )
    for (heading, unit, role), duties in zip(ASSIGNMENTS, ASSIGNMENT_DUTIES, strict=True):
        part_services.plan_part_save(
            part=Assignment(plan=plan, heading=heading, unit=units.get(unit), role=role, duties=duties),
            user=officer,
        )
    for period, due_date in REPORTING_RULES:
        part_services.plan_part_save(
            part=ReportingRule(plan=plan, period=period, due_date=due_date, recipients=REPORTS_TO),
            user=officer,
        )
    for name in RECIPIENTS:
        part_services.plan_part_save(part=Recipient(plan=plan, name=name), user=officer)
    return plan


@transaction.atomic
def seed_plan_2024(commune, users) -> Plan:
    """Write the 2024 plan as the labour officer, submit it, and approve it as the vice chairman
    (KT. CHỦ TỊCH). An existing 2024 plan of the commune is left as it is."""
    existing = Plan.objects.filter(commune=commune, year=YEAR).order_by("pk").first()
    if existing is not None:
        return existing
    program = Program.objects.get(code=PROGRAM_CODE)
    plan = _write_plan(commune, program, users["laodong"])
    plan = services.plan_submit(plan=plan, user=users["laodong"])
    return services.plan_approve(plan=plan, user=users["phochutich"])
