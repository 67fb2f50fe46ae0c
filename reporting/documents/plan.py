"""The annual plan as a document: the one context builder feeding the plan page and the PDF.

Numbering and lettering follow the commune's 2024 plan: sections I–VII, components grouped by
project ("2. Dự án 3: …", "2.1. Tiểu dự án 1: …"), items a, b, c, d, đ, e, f inside a component.
"""

from dataclasses import dataclass, field

from programs.models import Plan, UnitKind
from programs.models.plans import PLAN_SYMBOL
from reporting.documents.base import DocumentFrame, Signer, frame_for, paragraphs

# Vietnamese lettering of sub-items (đ comes between d and e).
LETTERS = ["a", "b", "c", "d", "đ", "e", "f", "g", "h"]


@dataclass(frozen=True)
class Item:
    letter: str
    label: str
    paragraphs: list[str]


@dataclass(frozen=True)
class ComponentSection:
    number: str  # "1", "2.1"
    heading: str  # "Dự án 2: Đa dạng hóa …" or "Tiểu dự án 1: …"
    items: list[Item]


@dataclass
class ProjectGroup:
    number: str
    heading: str
    # A project run as a whole has its items here; a project run through sub-projects has sections.
    items: list[Item] = field(default_factory=list)
    sections: list[ComponentSection] = field(default_factory=list)


@dataclass(frozen=True)
class AssignmentSection:
    number: int
    heading: str
    duties: list[str]


@dataclass(frozen=True)
class ReportingDeadline:
    period: str
    due_date: object
    recipients: str


@dataclass(frozen=True)
class PlanDocument:
    frame: DocumentFrame
    plan_id: int
    year: int
    status_label: str
    version_note: str
    bases: list[str]
    issuing_statement: list[str]
    purpose: list[str]
    requirements: list[str]
    general_goal: list[str]
    targets: list[str]
    project_groups: list[ProjectGroup]
    funding: list[str]
    solutions: list[str]
    assignments: list[AssignmentSection]
    reporting_regime: list[str]
    reporting_deadlines: list[ReportingDeadline]
    closing: list[str]


def _target_sentence(target) -> str:
    """ "Giảm 8 hộ nghèo … Trong đó: hộ không có khả năng lao động 2 hộ, … 6 hộ." """
    lines = [line.sentence for line in target.lines.all()]
    text = target.sentence
    if lines:
        text += ". Trong đó: " + ", ".join(lines)
    return text + "."


def _lead_text(component) -> str:
    """ "UBND thị trấn (tham mưu chính là công chức …)" when the People's Committee leads through an
    officer; a unit leading on its own (Trạm y tế) is named alone."""
    unit = str(component.lead_unit)
    if component.lead_role and component.lead_unit.kind == UnitKind.PEOPLES_COMMITTEE:
        role = component.get_lead_role_display()
        return f"{unit} (tham mưu chính là {role[:1].lower()}{role[1:]})."
    return f"{unit}."


def _items(component) -> list[Item]:
    raw = [
        ("Mục tiêu", paragraphs(component.objective)),
        ("Đối tượng", paragraphs(component.beneficiary_groups)),
        ("Nội dung hỗ trợ", paragraphs(component.support_content)),
        ("Kinh phí thực hiện", paragraphs(component.funding_text)),
        ("Cơ quan chủ trì", [_lead_text(component)]),
    ]
    partners = [str(unit) for unit in component.partner_units.all()]
    if partners:
        raw.append(("Cơ quan phối hợp", [", ".join(partners) + "."]))
    raw.append(("Thời gian thực hiện", [component.deadline_text + "."]))
    kept = [(label, text) for label, text in raw if text]
    return [Item(LETTERS[i], label, text) for i, (label, text) in enumerate(kept)]


def _project_groups(components) -> list[ProjectGroup]:
    groups: list[ProjectGroup] = []
    by_project: dict[int, ProjectGroup] = {}
    for component in components:
        group = by_project.get(component.project_id)
        if group is None:
            number = str(len(groups) + 1)
            project_title = component.project.name if component.subproject_id else component.display_title
            group = ProjectGroup(number, f"Dự án {component.project.number}: {project_title}")
            groups.append(group)
            by_project[component.project_id] = group
        if component.subproject_id:
            number = f"{group.number}.{len(group.sections) + 1}"
            heading = f"Tiểu dự án {component.subproject.number}: {component.display_title}"
            group.sections.append(ComponentSection(number, heading, _items(component)))
        else:
            group.items = _items(component)
    return groups


def build_plan_document(plan: Plan) -> PlanDocument:
    """Everything the plan prints, from a plan fetched with ``programs.queries.plans.with_document``."""
    signer = Signer(plan.signer_authority, plan.signer_title, plan.signer_name)
    frame = frame_for(
        plan.commune,
        symbol=PLAN_SYMBOL,
        number=plan.document_number,
        issued_on=plan.issued_on,
        year=plan.year,
        kind_title="KẾ HOẠCH",
        subject=plan.title,
        is_draft=not plan.is_approved,
        recipients=[recipient.name for recipient in plan.recipients.all()],
        signer=signer,
        filename=f"ke-hoach-{plan.year}-{plan.commune.code}.pdf",
    )
    version_note = ""
    if plan.previous_version_id:
        version_note = f"Bản điều chỉnh lần {plan.version_number - 1}"
    return PlanDocument(
        frame=frame,
        plan_id=plan.pk,
        year=plan.year,
        status_label=plan.get_status_display(),
        version_note=version_note,
        bases=[basis.citation for basis in plan.legal_bases.all()],
        issuing_statement=paragraphs(plan.issuing_statement),
        purpose=paragraphs(plan.purpose),
        requirements=paragraphs(plan.requirements),
        general_goal=paragraphs(plan.general_goal),
        targets=[_target_sentence(target) for target in plan.targets.all()],
        project_groups=_project_groups(plan.components.all()),
        funding=paragraphs(plan.funding),
        solutions=paragraphs(plan.main_solutions),
        assignments=[
            AssignmentSection(number, a.heading, paragraphs(a.duties))
            for number, a in enumerate(plan.assignments.all(), start=1)
        ],
        reporting_regime=paragraphs(plan.reporting_regime),
        reporting_deadlines=[
            ReportingDeadline(rule.get_period_display(), rule.due_date, rule.recipients)
            for rule in plan.reporting_rules.all()
        ],
        closing=paragraphs(plan.closing),
    )
