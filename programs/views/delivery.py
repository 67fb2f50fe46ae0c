"""Pages of delivery: support records (list, record, detail, exceptions), activities (list,
record, detail) and the per-component overview. Thin views: scope through ``access`` and the query
functions (404 out of scope, 403 seen but not allowed), one service call per write."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from households.models import Household, Neighborhood
from programs.forms.delivery import ActivityForm, HouseholdSearchForm, RepaymentForm, SupportForm
from programs.models import CorrectedKind, Disbursement
from programs.queries import delivery as queries
from programs.queries.corrections import corrections_of, has_pending
from programs.queries.plans import approved_components, get_component
from programs.services import delivery as services
from thoxuan_gnbv import access
from thoxuan_gnbv.messages import NATIONAL_ID_SEARCH_REFUSED
from thoxuan_gnbv.text import looks_like_national_id
from thoxuan_gnbv.viewkit import (
    apply_service_error,
    int_param,
    query_with,
    request_commune,
    require,
    year_param,
)


def recordable_components(user, commune):
    """Components of approved plans this user records support/activities for."""
    components = approved_components(commune)
    allowed = [c.pk for c in components if access.can_record_delivery(user, c)]
    return components.filter(pk__in=allowed)


def linkable_disbursements(components):
    return (
        Disbursement.objects.filter(line__component__in=components)
        .select_related("line")
        .order_by("-paid_on")
    )


def _next_url(request, cursor):
    return query_with(request, cursor=cursor) if cursor else ""


# --- support -------------------------------------------------------------------------------------


def support_list(request):
    """Hỗ trợ: newest first, filtered by year, component and khu phố; a khu phố head sees their own."""
    require(access.can_view_support(request.user))
    commune = request_commune(request)
    filters = {
        "year": year_param(request),
        "component_id": int_param(request, "component"),
        "neighborhood_id": int_param(request, "neighborhood"),
    }
    page = queries.supports_for_list(
        request.user, commune=commune, cursor=request.GET.get("cursor", ""), **filters
    )
    return render(
        request,
        "programs/support_list.html",
        {
            "page": page,
            "next_url": _next_url(request, page.next_cursor),
            "filters": filters,
            "components": approved_components(commune),
            "neighborhoods": access.neighborhoods_visible_to(
                request.user, Neighborhood.objects.filter(commune=commune)
            ),
            "can_record": access.can_record_any_delivery(request.user),
        },
    )


def support_create(request):
    """Record support: first find the household, then fill in what it received."""
    require(access.can_record_any_delivery(request.user))
    commune = request_commune(request)
    household_id = int_param(request, "household")
    if not household_id:
        by_national_id = access.can_search_by_national_id(request.user)
        search = HouseholdSearchForm(
            request.GET if "q" in request.GET else None, by_national_id=by_national_id
        )
        found = []
        refused = (
            search.is_valid() and not by_national_id and looks_like_national_id(search.cleaned_data["q"])
        )
        if search.is_valid():
            found = list(
                access.households_visible_to(request.user, Household.objects.in_commune(commune))
                .search(search.cleaned_data["q"], by_national_id=by_national_id)
                .for_list()[:20]
            )
        return render(
            request,
            "programs/support_pick_household.html",
            {
                "search": search,
                "found": found,
                "national_id_refused": NATIONAL_ID_SEARCH_REFUSED if refused else "",
            },
        )
    household = get_object_or_404(
        access.households_visible_to(request.user, Household.objects.select_related("neighborhood")),
        pk=household_id,
    )
    components = recordable_components(request.user, commune)
    form = SupportForm(
        request.POST or None,
        household=household,
        components=components,
        disbursements=linkable_disbursements(components),
        initial={"component": request.GET.get("component")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            support = services.support_record(household=household, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã ghi nhận hỗ trợ cho hộ {household.code} – {household.head_name}.")
            return redirect("programs:support_detail", pk=support.pk)
    return render(
        request,
        "programs/support_form.html",
        {"form": form, "household": household, "heading": "Ghi nhận hỗ trợ"},
    )


def support_detail(request, pk):
    require(access.can_view_support(request.user))
    support = queries.get_support_for_user(request.user, pk)
    can_edit = access.can_record_delivery(request.user, support.component) and not support.is_voided
    form = None
    if request.method == "POST":
        require(can_edit and bool(support.amount_to_return))  # only the repayment is edited here
    if can_edit and support.amount_to_return:
        form = RepaymentForm(request.POST or None, initial={"amount_returned": support.amount_returned})
        if request.method == "POST" and form.is_valid():
            try:
                services.support_record_repayment(support=support, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_service_error(form, error)
            else:
                flash.success(request, "Đã cập nhật số vốn đã hoàn trả.")
                return redirect("programs:support_detail", pk=support.pk)
    corrections = corrections_of(CorrectedKind.SUPPORT, support.pk)
    return render(
        request,
        "programs/support_detail.html",
        {
            "support": support,
            "repayment_form": form,
            "history": queries.change_log(support),
            "corrections": corrections,
            "can_correct": can_edit,
            "pending_request": has_pending(corrections),
        },
    )


def support_exceptions(request):
    """Support recorded as exceptions, each with its written justification."""
    require(access.can_view_support(request.user))
    supports = queries.support_exceptions(request.user, commune=request_commune(request))
    return render(request, "programs/support_exceptions.html", {"supports": supports})


# --- activities ----------------------------------------------------------------------------------


def activity_list(request):
    require(access.can_view_activities(request.user))
    commune = request_commune(request)
    filters = {"year": year_param(request), "component_id": int_param(request, "component")}
    page = queries.activities_for_list(commune=commune, cursor=request.GET.get("cursor", ""), **filters)
    return render(
        request,
        "programs/activity_list.html",
        {
            "page": page,
            "next_url": _next_url(request, page.next_cursor),
            "filters": filters,
            "components": approved_components(commune),
            "can_record": access.can_record_any_delivery(request.user),
        },
    )


def activity_create(request):
    require(access.can_record_any_delivery(request.user))
    commune = request_commune(request)
    components = recordable_components(request.user, commune)
    form = ActivityForm(
        request.POST or None,
        components=components,
        disbursements=linkable_disbursements(components),
        households=Household.objects.in_commune(commune),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        households = data.pop("household_codes")
        try:
            activity = services.activity_record(households=households, user=request.user, **data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã ghi nhận hoạt động “{activity.title}”.")
            return redirect("programs:activity_detail", pk=activity.pk)
    return render(request, "programs/activity_form.html", {"form": form, "heading": "Ghi nhận hoạt động"})


def activity_detail(request, pk):
    require(access.can_view_activities(request.user))
    activity = queries.get_activity(request.user, pk)
    corrections = corrections_of(CorrectedKind.ACTIVITY, activity.pk)
    return render(
        request,
        "programs/activity_detail.html",
        {
            "activity": activity,
            "history": queries.change_log(activity),
            "corrections": corrections,
            "pending_request": has_pending(corrections),
            "can_correct": access.can_record_delivery(request.user, activity.component)
            and not activity.is_voided,
        },
    )


# --- component overview --------------------------------------------------------------------------


def component_overview(request, pk):
    """A component's plan section, lead, support, activities, budget and beneficiaries reached."""
    require(access.can_view_component_overview(request.user))
    component = get_component(request.user, pk)
    overview = queries.component_overview(component)
    return render(
        request,
        "programs/component_overview.html",
        {
            "overview": overview,
            "component": component,
            "support_list_url": reverse("programs:support_list")
            + "?"
            + urlencode({"component": component.pk}),
            "activity_list_url": reverse("programs:activity_list")
            + "?"
            + urlencode({"component": component.pk}),
            "can_record": access.can_record_delivery(request.user, component),
        },
    )
