"""Admin of corrections: read only. A correction is made, approved or refused on the portal's pages
(with its reason and four-eyes); the admin shows the trail and never edits or deletes it."""

from django.contrib import admin

from programs.models import Correction


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["requested_at", "kind", "object_id", "action", "status", "requested_by", "decided_by"]
    list_filter = ["kind", "action", "status"]
    search_fields = ["reason", "decision_comment"]
    date_hierarchy = "requested_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AllRowsAdminMixin:
    """The admin lists voided rows too (marked by their void fields): the default manager hides them."""

    def get_queryset(self, request):
        queryset = self.model.all_objects.all()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset
