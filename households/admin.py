import datetime
import itertools

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from households import messages
from households.models import (
    Commune,
    CommuneIdentity,
    CommuneMerger,
    Complaint,
    Household,
    Indicator,
    Meeting,
    Member,
    Neighborhood,
    PovertyStandard,
    Province,
    Review,
    ReviewRound,
)
from households.services import mergers
from thoxuan_gnbv.formatting import format_date
from thoxuan_gnbv.workflow import FrozenAdminMixin


class NeighborhoodInline(admin.TabularInline):
    model = Neighborhood
    extra = 0


class CommuneIdentityFormSet(BaseInlineFormSet):
    """The spans of a commune's identities may not share a day (one name per day)."""

    def clean(self):
        super().clean()
        spans = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            spans.append(
                (data.get("valid_from") or datetime.date.min, data.get("valid_to") or datetime.date.max, data)
            )
        spans.sort(key=lambda span: span[0])
        for (_, end, data), (start, _, other) in itertools.pairwise(spans):
            if start <= end:
                raise ValidationError(
                    messages.IDENTITY_OVERLAP.format(
                        start=format_date(other["valid_from"]) if other.get("valid_from") else "…",
                        end=format_date(other["valid_to"]) if other.get("valid_to") else "nay",
                        name=data.get("name", ""),
                        span=f"đến {format_date(end)}" if end != datetime.date.max else "đến nay",
                    )
                )


class CommuneIdentityInline(admin.TabularInline):
    """The commune's names through time: a rename adds a row, it never edits the old one."""

    model = CommuneIdentity
    extra = 0
    formset = CommuneIdentityFormSet


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "area_type", "province", "reports_to"]
    list_filter = ["province"]
    inlines = [CommuneIdentityInline, NeighborhoodInline]


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "full_name"]


@admin.register(CommuneMerger)
class CommuneMergerAdmin(admin.ModelAdmin):
    """A new merger goes through ``merge_communes`` (households, khu phố and users move with their
    history in one transaction); a recorded one only has its confirmation and note edited."""

    list_display = ["resolution_number", "successor", "effective_on", "confirmed"]
    filter_horizontal = ["predecessors"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.pk:
            return ["successor", "predecessors", "effective_on", "resolution_number", "resolution_date"]
        return []

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and obj.pk:
            return form

        class MergerForm(form):
            def clean(self):
                data = super().clean()
                if self.errors:
                    return data
                try:
                    mergers.check_merger(
                        predecessors=list(data.get("predecessors") or []),
                        successor=data.get("successor"),
                        effective_on=data.get("effective_on"),
                        resolution_number=data.get("resolution_number"),
                        resolution_date=data.get("resolution_date"),
                    )
                except ValidationError as error:
                    raise ValidationError(error.messages) from error
                return data

        return MergerForm

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        merger = mergers.merge_communes(
            predecessors=list(data["predecessors"]),
            successor=data["successor"],
            effective_on=data["effective_on"],
            resolution_number=data["resolution_number"],
            resolution_date=data.get("resolution_date"),
            confirmed=data.get("confirmed", False),
            note=data.get("note", ""),
            user=request.user,
        )
        obj.pk, obj.recorded_at = merger.pk, merger.recorded_at

    def save_related(self, request, form, formsets, change):
        if change:  # the service set the predecessors of a new merger
            super().save_related(request, form, formsets, change)


@admin.register(Neighborhood)
class NeighborhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "commune", "head", "position"]
    list_filter = ["commune"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(PovertyStandard)
class PovertyStandardAdmin(SimpleHistoryAdmin):
    """An administrator adds the next period's standard here, without a code change."""

    list_display = [
        "name",
        "legal_basis",
        "valid_from",
        "valid_to",
        "urban_income_line",
        "rural_income_line",
        "is_confirmed",
    ]
    inlines = [IndicatorInline]


class MemberInline(admin.TabularInline):
    model = Member
    extra = 0


@admin.register(Household)
class HouseholdAdmin(SimpleHistoryAdmin):
    list_display = ["code", "head_name", "neighborhood", "commune"]
    list_filter = ["commune", "neighborhood"]
    search_fields = ["code", "search_key"]
    list_select_related = ["neighborhood", "commune"]
    readonly_fields = ["search_key"]
    inlines = [MemberInline]
    show_full_result_count = False


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "household", "date_of_birth", "sex"]
    raw_id_fields = ["household"]
    list_select_related = ["household"]
    search_fields = ["full_name", "national_id"]


@admin.register(ReviewRound)
class ReviewRoundAdmin(FrozenAdminMixin, SimpleHistoryAdmin):
    """Approved rounds are read-only (the chairman's decision); corrections go through a new round."""

    list_display = ["__str__", "commune", "status", "decision_number", "decision_date"]
    list_filter = ["status", "year"]
    # The workflow moves the status and stamps who did it, through the officers' pages only.
    readonly_fields = [
        "status",
        "submitted_by",
        "submitted_at",
        "approved_by",
        "approved_at",
        "cancelled_by",
        "cancelled_at",
        "cancel_reason",
    ]


@admin.register(Review)
class ReviewAdmin(FrozenAdminMixin, SimpleHistoryAdmin):
    list_display = ["household", "year", "round", "category", "deprivation_count"]
    list_filter = ["year", "category"]
    raw_id_fields = ["household"]
    list_select_related = ["household", "round"]

    def save_model(self, request, obj, form, change):
        if obj.round.is_approved:
            raise ValidationError(messages.ROUND_FROZEN)
        super().save_model(request, obj, form, change)


class StageRecordAdmin(FrozenAdminMixin, admin.ModelAdmin):
    """The stage records of a round are written by the round page's services (their rules and dates);
    the admin only shows them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(StageRecordAdmin):
    list_display = ["__str__", "round", "chair_name", "supervisor_name", "attendance"]
    list_select_related = ["round", "neighborhood"]


@admin.register(Complaint)
class ComplaintAdmin(StageRecordAdmin):
    list_display = ["__str__", "round", "received_on", "recheck_due", "status"]
    list_filter = ["status"]
    list_select_related = ["round", "household"]
