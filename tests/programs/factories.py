"""Factories and builders of the plan tests. The program catalogue (QĐ 90) is seeded by a data
migration, so tests pick projects from it instead of inventing them."""

import datetime
import importlib

import factory
from django.apps import apps
from django.core.exceptions import ValidationError

from programs.models import (
    Assignment,
    LegalBasis,
    Plan,
    PlanComponent,
    Program,
    Project,
    Recipient,
    ReportingRule,
    SubProject,
    Target,
)
from programs.services import plans as services

PROGRAM_CODE = "GNBV-2021-2025"


def program() -> Program:
    """The seeded 2021–2025 program. Transactional tests flush migration data, so seed it again then."""
    if not Program.objects.filter(code=PROGRAM_CODE).exists():
        importlib.import_module("programs.migrations.0003_seed_program_catalogue_qd90").seed(apps, None)
        importlib.import_module("programs.migrations.0008_seed_component_rules_qd90").seed(apps, None)
        importlib.import_module("programs.migrations.0013_programme_period_and_mapping").seed(apps, None)
    return Program.objects.get(code=PROGRAM_CODE)


NEXT_PROGRAM_CODE = "MTQG-2026-2030"


def next_program() -> Program:
    """The seeded merged programme, phase I 2026–2030 (QĐ 417/QĐ-BNNMT)."""
    program()
    return Program.objects.get(code=NEXT_PROGRAM_CODE)


def project(number: int) -> Project:
    program()
    return Project.objects.get(program__code=PROGRAM_CODE, number=number)


def subproject(project_number: int, number: int) -> SubProject:
    program()
    return SubProject.objects.get(
        project__program__code=PROGRAM_CODE, project__number=project_number, number=number
    )


class PlanFactory(factory.django.DjangoModelFactory):
    """A bare draft plan (no parts)."""

    class Meta:
        model = Plan

    program = factory.LazyFunction(program)
    year = 2024
    title = factory.LazyAttribute(lambda o: f"Triển khai thực hiện Chương trình năm {o.year}")
    purpose = "Cụ thể hóa nhiệm vụ giảm nghèo của năm."
    general_goal = "Giảm nghèo đa chiều, bền vững."
    signer_authority = "KT. CHỦ TỊCH"
    signer_title = "PHÓ CHỦ TỊCH"
    signer_name = "Thái Xuân Kiên"


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanComponent
        skip_postgeneration_save = True

    project = factory.LazyFunction(lambda: project(2))
    objective = "Hỗ trợ đa dạng hóa sinh kế."
    beneficiary_groups = "- Người lao động thuộc hộ nghèo."
    support_content = "- Hỗ trợ phát triển sản xuất."
    deadline = factory.LazyAttribute(lambda o: datetime.date(o.plan.year, 12, 31))
    position = factory.Sequence(lambda n: n + 1)


def make_draft(commune, author, lead_unit, *, year: int = 2024, components: int = 1) -> Plan:
    """A complete draft (a target with its breakdown, components, an assignment, the six report
    due dates, recipients), ready to submit."""
    plan = PlanFactory(commune=commune, year=year, created_by=author)
    LegalBasis.objects.create(
        plan=plan,
        position=1,
        kind="Kế hoạch",
        number="101/KH-UBND",
        issued_on=datetime.date(year, 4, 11),
        issuer="UBND huyện Kiểm Thử",
        subject="về triển khai Chương trình",
    )
    target = Target.objects.create(
        plan=plan, position=1, action="Giảm", quantity=8, unit="hộ nghèo", text="theo chuẩn nghèo đa chiều"
    )
    target.lines.create(position=1, label="hộ không có khả năng lao động", quantity=2, unit="hộ")
    target.lines.create(position=2, label="hộ nghèo có khả năng lao động", quantity=6, unit="hộ")
    choices = [(2, None), (3, 1), (3, 2), (4, 1), (4, 3), (6, 1), (6, 2), (7, 1), (7, 2)]
    for position in range(components):
        project_number, sub_number = choices[position % len(choices)]
        ComponentFactory(
            plan=plan,
            position=position + 1,
            project=project(project_number),
            subproject=subproject(project_number, sub_number) if sub_number else None,
            lead_unit=lead_unit,
            lead_role="labour_officer",
        )
    Assignment.objects.create(
        plan=plan, position=1, heading="Công chức Lao động - TB&XH", duties="- Xây dựng kế hoạch."
    )
    for position, (period, month, day) in enumerate(
        [("Q1", 3, 15), ("Q2", 6, 15), ("H1", 6, 20), ("Q3", 9, 15), ("YEAR", 12, 10), ("Q4", 12, 15)],
        start=1,
    ):
        ReportingRule.objects.create(
            plan=plan,
            position=position,
            period=period,
            due_date=datetime.date(year, month, day),
            recipients="UBND thị trấn qua công chức Lao động – TB&XH",
        )
    Recipient.objects.create(plan=plan, position=1, name="UBND huyện (B/c)")
    return plan


def make_submitted(commune, author, lead_unit, **kwargs) -> Plan:
    return services.plan_submit(plan=make_draft(commune, author, lead_unit, **kwargs), user=author)


def make_approved(commune, author, approver, lead_unit, **kwargs) -> Plan:
    plan = make_submitted(commune, author, lead_unit, **kwargs)
    return services.plan_approve(plan=plan, user=approver)


def _messages(error: ValidationError, field=None) -> list[str]:
    if field is None:
        return error.messages
    return error.message_dict[field]
