"""Admin of delivery: support records and activities. Trained staff correct data here; who
recorded a record and the eligibility it was allowed under stay as the service wrote them."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from programs.admin.corrections import AllRowsAdminMixin
from programs.models import Activity, Support


@admin.register(Support)
class SupportAdmin(AllRowsAdminMixin, SimpleHistoryAdmin):
    list_display = ["supported_on", "household", "member", "component", "support_type", "eligibility_basis"]
    list_filter = ["support_type", "eligibility_basis", "is_exception"]
    search_fields = ["household__code", "household__head_name", "member__full_name", "description"]
    raw_id_fields = ["household", "member", "component", "disbursement"]
    readonly_fields = ["eligibility_basis", "recorded_by"]
    date_hierarchy = "supported_on"


@admin.register(Activity)
class ActivityAdmin(AllRowsAdminMixin, SimpleHistoryAdmin):
    list_display = ["held_on", "title", "component", "activity_type", "participants"]
    list_filter = ["activity_type"]
    search_fields = ["title", "place"]
    raw_id_fields = ["component", "households", "disbursement"]
    readonly_fields = ["recorded_by"]
