"""Reads of the annual plan and its components (the projects and sub-projects that delivery and
budget records hang on), each with its own select_related/prefetch_related so every page has a
known, tested query count."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404

from programs.models import (
    Assignment,
    LegalBasis,
    Plan,
    PlanComponent,
    PlanStatus,
    PlanTransition,
    Recipient,
    ReportingRule,
    Target,
)
from thoxuan_gnbv import access
from thoxuan_gnbv.statuses import PLAN_APPROVED


def plans_for_list(user, *, year: int | None = None):
    """The plans a user may see, newest year first, with what the list shows in one query."""
    queryset = access.plans_visible_to(user, Plan.objects.all())
    if year:
        queryset = queryset.for_year(year)
    return (
        queryset.select_related("commune", "program", "submitted_by", "approved_by", "previous_version")
        .annotate(component_count=Count("components", distinct=True))
        .order_by("-year", "-pk")
    )


def plan_years(user) -> list[int]:
    """Years that have a plan the user may see (for the year filter)."""
    return sorted(
        set(access.plans_visible_to(user, Plan.objects.all()).values_list("year", flat=True)), reverse=True
    )


def with_document(queryset):
    """Everything the document (page and PDF) prints, in a fixed number of queries."""
    return queryset.select_related("commune", "program", "approved_by", "previous_version").prefetch_related(
        "legal_bases",
        Prefetch("targets", queryset=Target.objects.prefetch_related("lines")),
        Prefetch(
            "components",
            queryset=PlanComponent.objects.select_related(
                "project", "subproject", "lead_unit"
            ).prefetch_related("partner_units"),
        ),
        "assignments",
        "reporting_rules",
        "recipients",
        Prefetch("transitions", queryset=PlanTransition.objects.select_related("actor")),
    )


def get_plan_for_user(user, pk: int, *, document: bool = False) -> Plan:
    """A plan the user may see (404 otherwise); ``document=True`` prefetches every part."""
    queryset = access.plans_visible_to(user, Plan.objects.all())
    queryset = with_document(queryset) if document else queryset.select_related("commune", "program")
    return get_object_or_404(queryset, pk=pk)


def plans_awaiting_approval(user):
    """Submitted plans this user may approve (never their own submission)."""
    if not access.is_approver(user):
        return Plan.objects.none()
    return (
        access.plans_visible_to(user, Plan.objects.awaiting_approval())
        .exclude(submitted_by=user)
        .select_related("commune")
    )


def plans_needing_work(user):
    """For the labour officer: returned plans to fix, drafts in progress, approved plans to number."""
    if not access.can_create_plan(user):
        return Plan.objects.none()
    return access.plans_visible_to(
        user, Plan.objects.filter(status__in=[PlanStatus.RETURNED, PlanStatus.DRAFT, PlanStatus.APPROVED])
    ).select_related("commune")


# Parts whose history is shown with the plan's own (a target's lines are rewritten with the target).
_HISTORY_PARTS = (LegalBasis, Target, PlanComponent, Assignment, ReportingRule, Recipient)
_PART_VERBS = {"+": "thêm", "~": "sửa", "-": "xóa"}


def plan_change_log(plan, limit: int = 20) -> list[dict]:
    """The latest changes of the plan and its parts (django-simple-history), newest first: who, when,
    what — the plan's changed fields by name, or "thêm/sửa/xóa <part>".

    Plan records are diffed pairwise from one fetch; each part model costs one query, so the log has
    a fixed query count whatever its length."""
    records = list(
        plan.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    log = []
    for newer, older in zip(records, records[1:] + [None], strict=True):
        if older is None and len(records) > limit:
            break  # the oldest fetched record only serves as the base of the diff above it
        if newer.history_type == "+":
            what = "tạo kế hoạch"
        else:
            delta = newer.diff_against(older, excluded_fields=["updated_at", "version"]) if older else None
            changed = {change.field for change in delta.changes} if delta else set()
            fields = [str(f.verbose_name) for f in Plan._meta.concrete_fields if f.name in changed]
            what = ("sửa: " + ", ".join(fields)) if fields else "lưu (không đổi nội dung)"
        log.append({"at": newer.history_date, "user": newer.history_user, "what": what})
    for model in _HISTORY_PARTS:
        name = model._meta.verbose_name
        for record in (
            model.history.filter(plan_id=plan.pk)
            .select_related("history_user")
            .order_by("-history_date")[:limit]
        ):
            what = f"{_PART_VERBS[record.history_type]} {name}"
            log.append({"at": record.history_date, "user": record.history_user, "what": what})
    log.sort(key=lambda entry: entry["at"], reverse=True)
    return log[:limit]


def plan_in_force(user, today=None) -> Plan | None:
    """The newest approved plan of a year up to this one among the plans ``user`` sees (their
    commune's), with its targets prefetched for the progress widget."""
    from django.utils import timezone

    year = (today or timezone.localdate()).year
    return (
        access.plans_visible_to(user, Plan.objects.approved())
        .filter(year__lte=year)
        .select_related("commune")
        .prefetch_related(Prefetch("targets", queryset=Target.objects.prefetch_related("lines")))
        .order_by("-year", "-approved_at", "-pk")
        .first()
    )


# --- components ----------------------------------------------------------------------------------


def components_of_year(commune, year: int) -> list[PlanComponent]:
    """The components of the commune's approved plan in force for ``year`` (empty without one)."""
    plan = Plan.objects.approved_for(commune, year)
    if plan is None:
        return []
    return list(
        plan.components.select_related("plan__commune", "project", "subproject", "lead_unit").order_by(
            "position", "pk"
        )
    )


def approved_components(commune):
    """Components of every approved plan of the commune (for choosing where support is recorded)."""
    return (
        PlanComponent.objects.filter(plan__commune=commune, plan__status__in=PLAN_APPROVED)
        .select_related("plan", "project", "subproject")
        .order_by("-plan__year", "position")
    )


def get_component(user, pk: int) -> PlanComponent:
    """A component of a plan the user sees (404 otherwise)."""
    return get_object_or_404(
        access.components_visible_to(user, PlanComponent.objects.all())
        .select_related("plan__commune", "project", "subproject", "lead_unit")
        .prefetch_related("partner_units"),
        pk=pk,
    )


def same_component_ids(component) -> list[int]:
    """Primary keys of this component in every version of the year's plan (one query); filtering
    records by these ids lets PostgreSQL use the component_id indexes."""
    plan = component.plan
    return list(
        PlanComponent.objects.filter(
            plan__commune_id=plan.commune_id,
            plan__year=plan.year,
            project_id=component.project_id,
            subproject_id=component.subproject_id,
        ).values_list("pk", flat=True)
    )
