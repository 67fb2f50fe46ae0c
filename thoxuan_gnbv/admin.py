from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from thoxuan_gnbv.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "role", "commune", "position", "is_active", "is_superuser"]
    list_filter = ["role", "commune", "is_active", "is_superuser"]
    list_select_related = ["commune"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Công việc", {"fields": ["full_name", "commune", "role", "position", "phone"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("Công việc", {"fields": ["full_name", "commune", "role", "position"]}),
    ]
