from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from thoxuan_gnbv.models import AccessLog, User


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    """Accounts, with the history of every change of role, commune or rights (django-simple-history)."""

    list_display = ["username", "full_name", "role", "commune", "position", "is_active", "is_superuser"]
    list_filter = ["role", "commune", "is_active", "is_superuser"]
    list_select_related = ["commune"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Công việc", {"fields": ["full_name", "commune", "province", "role", "position", "phone"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("Công việc", {"fields": ["full_name", "commune", "province", "role", "position"]}),
    ]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    """Read only and kept: the processing log is evidence (NĐ 356/2025/NĐ-CP), so nobody adds, edits
    or deletes a row here."""

    list_display = ["at", "user", "os_user", "action", "object_label", "household_code", "ip_address"]
    list_filter = ["action"]
    search_fields = ["user__username", "os_user", "household_code", "object_label"]
    date_hierarchy = "at"
    list_select_related = ["user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
