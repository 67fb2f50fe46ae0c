"""Admin of the annual plan: the programme catalogue, units, and plans with their parts."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from programs.models import (
    Assignment,
    LegalBasis,
    Plan,
    PlanComponent,
    PlanTransition,
    Program,
    Project,
    Recipient,
    ReportingRule,
    SubProject,
    Target,
    Unit,
)
from thoxuan_gnbv.workflow import FrozenAdminMixin


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "commune", "position"]
    list_filter = ["commune", "kind"]
    filter_horizontal = ["officers"]


# --- the programme catalogues (QĐ 90/QĐ-TTg, QĐ 417/QĐ-BNNMT), kept by the administrator ---------


class SubProjectInline(admin.StackedInline):
    """Each sub-project's eligibility rule and default recorder are law as data (QĐ 90/QĐ-TTg)."""

    model = SubProject
    extra = 0
    fk_name = "project"
    autocomplete_fields = ["continued_by"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "program", "eligibility_rule", "recorder_role", "continued_by"]
    list_filter = ["program"]
    search_fields = ["name", "program__code"]
    autocomplete_fields = ["continued_by"]
    inlines = [SubProjectInline]


@admin.register(SubProject)
class SubProjectAdmin(admin.ModelAdmin):
    """Listed on its own so the "continued by" mapping can search it."""

    list_display = ["__str__", "continued_by"]
    list_filter = ["project__program"]
    search_fields = ["name", "project__name", "project__program__code"]
    autocomplete_fields = ["continued_by"]


class ProjectInline(admin.TabularInline):
    model = Project
    extra = 0
    fk_name = "program"
    fields = ["number", "name", "eligibility_rule", "recorder_role", "continued_by"]
    autocomplete_fields = ["continued_by"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "start_year", "end_year", "is_confirmed"]
    list_filter = ["is_confirmed"]
    inlines = [ProjectInline]


# --- plans: an approved or issued plan is read-only here too ------------------------------------


class PlanInlineMixin:
    """Parts of an approved or issued plan are shown read-only (the models refuse such saves too)."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return not (obj is not None and obj.is_approved) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not (obj is not None and obj.is_approved) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and obj.is_approved) and super().has_delete_permission(request, obj)


class LegalBasisInline(PlanInlineMixin, admin.StackedInline):
    model = LegalBasis


class TargetInline(PlanInlineMixin, admin.TabularInline):
    model = Target


class ComponentInline(PlanInlineMixin, admin.StackedInline):
    model = PlanComponent
    filter_horizontal = ["partner_units"]


class AssignmentInline(PlanInlineMixin, admin.StackedInline):
    model = Assignment


class ReportingRuleInline(PlanInlineMixin, admin.TabularInline):
    model = ReportingRule


class RecipientInline(PlanInlineMixin, admin.TabularInline):
    model = Recipient


class TransitionInline(admin.TabularInline):
    model = PlanTransition
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "actor", "at", "comment"]

    def has_add_permission(self, request, obj=None):
        return False  # the workflow services write the log, nobody else


@admin.register(Plan)
class PlanAdmin(FrozenAdminMixin, SimpleHistoryAdmin):
    list_display = ["year", "commune", "status", "document_number", "issued_on", "approved_by"]
    list_filter = ["commune", "year", "status"]
    search_fields = ["title", "document_number"]
    # The workflow moves status and the approval fields, through the officers' pages only.
    readonly_fields = [
        "status",
        "submitted_by",
        "submitted_at",
        "approved_by",
        "approved_at",
        "document_number",
        "issued_on",
        "previous_version",
        "created_by",
    ]
    inlines = [
        LegalBasisInline,
        TargetInline,
        ComponentInline,
        AssignmentInline,
        ReportingRuleInline,
        RecipientInline,
        TransitionInline,
    ]

    def has_add_permission(self, request):
        return False  # a plan starts on the officers' page, which records who created it

    def has_change_permission(self, request, obj=None):
        # An approved or issued plan is an official document: the admin only shows it.
        return not (obj is not None and obj.is_approved) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and obj.is_approved) and super().has_delete_permission(request, obj)
