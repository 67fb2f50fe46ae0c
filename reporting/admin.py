"""Admin of the reporting side, for trained staff: accepted unit reports and approved compiled
reports are read-only here too (the models refuse the change anyway)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reporting.models import CompiledReport, DocumentJob, Report, ReportingPeriod
from thoxuan_gnbv.workflow import FrozenAdminMixin


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["commune", "year", "code", "due_date"]
    list_filter = ["year", "code"]


@admin.register(Report)
class ReportAdmin(FrozenAdminMixin, SimpleHistoryAdmin):
    list_display = ["period", "component", "lead_unit", "status", "submitted_at", "is_late"]
    list_filter = ["status", "is_late", "period__year"]
    list_select_related = ["period", "component__project", "component__subproject", "lead_unit"]
    readonly_fields = [
        "figures",
        "submitted_by",
        "submitted_at",
        "last_submitted_at",
        "is_late",
        "accepted_by",
        "accepted_at",
    ]


@admin.register(CompiledReport)
class CompiledReportAdmin(FrozenAdminMixin, SimpleHistoryAdmin):
    list_display = ["period", "status", "document_number", "issued_on", "approved_by"]
    list_filter = ["status"]
    readonly_fields = [
        "status",
        "snapshot",
        "document_number",
        "issued_on",
        "approved_by",
        "approved_at",
        "submitted_by",
        "submitted_at",
    ]


@admin.register(DocumentJob)
class DocumentJobAdmin(admin.ModelAdmin):
    list_display = ["compiled_report", "status", "progress", "pages", "created_at"]
    exclude = ["content"]
    readonly_fields = ["status", "progress", "message", "pages", "task_id", "finished_at"]
