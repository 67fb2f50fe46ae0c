"""Admin of the budget: allocations, estimates, disbursements and the budget accounts (read only). An approved estimate and its
lines stay read-only, and disbursements are never edited or deleted here (the running total of a
line is kept by ``disbursement_record``)."""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from programs.admin.corrections import AllRowsAdminMixin
from programs.messages import budget as msg
from programs.models import Allocation, BudgetAccount, Disbursement, Estimate, EstimateLine, EstimateStatus


@admin.register(Allocation)
class AllocationAdmin(AllRowsAdminMixin, SimpleHistoryAdmin):
    list_display = ["component", "source", "amount", "decision_number", "decision_date"]
    list_filter = ["source"]
    raw_id_fields = ["component"]
    readonly_fields = ["recorded_by"]


class EstimateLineInline(admin.TabularInline):
    model = EstimateLine
    extra = 0
    raw_id_fields = ["component"]
    readonly_fields = ["disbursed_amount"]

    def _frozen(self, obj):
        return obj is not None and obj.status == EstimateStatus.APPROVED

    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


@admin.register(Estimate)
class EstimateAdmin(SimpleHistoryAdmin):
    list_display = ["title", "year", "status", "prepared_by", "approved_by", "approved_at"]
    list_filter = ["status", "year"]
    inlines = [EstimateLineInline]
    # The workflow belongs to the pages (submit / return / approve), not to a status drop-down.
    readonly_fields = ["status", "submitted_at", "approved_by", "approved_at", "prepared_by"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status == EstimateStatus.APPROVED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status == EstimateStatus.APPROVED:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        # The bulk action skips Model.delete(): refuse approved estimates here too.
        if queryset.filter(status=EstimateStatus.APPROVED).exists():
            self.message_user(request, msg.ESTIMATE_FROZEN, messages.ERROR)
            return
        super().delete_queryset(request, queryset)


@admin.register(Disbursement)
class DisbursementAdmin(AllRowsAdminMixin, SimpleHistoryAdmin):
    list_display = ["paid_on", "voucher_number", "payee", "amount", "line"]
    search_fields = ["voucher_number", "payee"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BudgetAccount)
class BudgetAccountAdmin(admin.ModelAdmin):
    """Read only: the totals are kept by the allocation and disbursement services."""

    list_display = [
        "commune",
        "year",
        "component_code",
        "source",
        "allocated",
        "disbursed",
        "overrun_before_cap",
    ]
    list_filter = ["year", "source"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
