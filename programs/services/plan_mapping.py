"""Carrying a plan's components into another programme's catalogue (e.g. QĐ 90/QĐ-TTg 2021–2025 into
QĐ 417/QĐ-BNNMT 2026–2030): each project and sub-project follows its ``continued_by`` link, set as data in
the admin; a component with no link does not continue and is listed for the officer."""

from dataclasses import dataclass, field

from programs.models import Plan, PlanComponent, Program


@dataclass
class ComponentMapping:
    """Which components of a plan continue in ``program`` (old component → new project, sub-project)
    and which do not."""

    program: Program
    continued: list[tuple[PlanComponent, object, object]] = field(default_factory=list)
    not_continued: list[PlanComponent] = field(default_factory=list)

    @property
    def not_continued_labels(self) -> list[str]:
        return [str(component.subproject or component.project) for component in self.not_continued]


def next_year_program(plan: Plan) -> Program | None:
    """The programme next year's copy of ``plan`` runs under: its own while it lasts, else the one in force
    then (None when no programme covers next year)."""
    year = plan.year + 1
    return plan.program if plan.program.covers(year) else Program.objects.in_force(year)


def _successor(component: PlanComponent, program: Program):
    """(project, sub-project) of ``program`` that carry ``component`` on, or None."""
    project = component.project
    if project.program_id == program.pk:
        return project, component.subproject
    new_project = project.continued_by
    if new_project is None or new_project.program_id != program.pk:
        return None
    if component.subproject is None:
        return new_project, None
    new_sub = component.subproject.continued_by
    if new_sub is None or new_sub.project_id != new_project.pk:
        return None
    return new_project, new_sub


def map_components(plan: Plan, program: Program) -> ComponentMapping:
    """Map every component of ``plan`` into ``program``'s catalogue. Bounded queries: one for all."""
    mapping = ComponentMapping(program)
    components = plan.components.select_related("project__continued_by", "subproject__continued_by").order_by(
        "position", "pk"
    )
    for component in components:
        successor = _successor(component, program)
        if successor is None:
            mapping.not_continued.append(component)
        else:
            mapping.continued.append((component, *successor))
    return mapping
