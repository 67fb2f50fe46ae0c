from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from households.filters import HouseholdFilter
from households.forms import HouseholdForm
from households.models import Category, Household, Review, ReviewRound, RoundStatus
from households.search import search_page
from households.services import registry
from households.services.household_codes import suggest_codes
from households.status import status_on
from households.views.common import (
    get_household_for_user,
    visible_neighborhoods,
)
from thoxuan_gnbv import access
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.pagination import keyset_page
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import apply_service_error, request_commune, require

COUNT_CAP = 200
SCANNING_FILTERS = (
    "q",
    "category",
    "is_ethnic_minority",
    "has_meritorious_person",
    "without_labour_capacity",
)


def list_years(commune) -> tuple[list[int], int]:
    """Years with a review round, newest first, and the year the list opens on (the rounds table is
    small; reviews may be millions). It opens on the latest annual review (đợt 1, not cancelled): its
    result is in force for every household until the next one, while a supplementary round of a later
    year (the ongoing review, QĐ 24/2021/QĐ-TTg Điều 5) reviews a few households only, and opening on
    its year would show all the others as "Chưa rà soát"."""
    rounds = list(ReviewRound.objects.filter(commune=commune).values_list("year", "number", "status"))
    years = sorted({year for year, _, _ in rounds}, reverse=True)
    annual = [y for y, number, status in rounds if number == 1 and status != RoundStatus.CANCELLED]
    default = max(annual) if annual else years[0] if years else timezone.localdate().year
    return years, default


def filtered_households(request, commune, apply_search=True) -> tuple[HouseholdFilter, object]:
    """The list's filter bound to the request and the households it selects in the user's scope;
    the list page and the workbook export read the same selection."""
    years, default_year = list_years(commune)
    scope = access.households_visible_to(request.user, Household.objects.in_commune(commune))
    household_filter = HouseholdFilter(
        request.GET or None,
        queryset=scope,
        neighborhoods=visible_neighborhoods(request.user, commune),
        years=years,
        default_year=default_year,
        by_national_id=access.can_search_by_national_id(request.user),
        apply_search=apply_search,
    )
    return household_filter, (household_filter.qs if household_filter.is_bound else scope)


def household_list(request):
    """Households in the user's scope with filters, accent-insensitive search and keyset pages."""
    require(access.can_view_households(request.user))
    commune = request_commune(request)
    household_filter, filtered = filtered_households(request, commune, apply_search=False)
    year = household_filter.selected_year
    before, last = request.GET.get("before", ""), request.GET.get("last") == "1"
    term, by_national_id = household_filter.search_term, household_filter.by_national_id
    if term and not before and not last:
        # Forward pages of a search walk the list in code order first (households.search): bounded
        # work whether the term is rare or common.
        walked = access.households_visible_to(request.user, Household.objects.in_commune(commune))
        if household_filter.form.cleaned_data.get("neighborhood"):
            walked = walked.filter(neighborhood=household_filter.form.cleaned_data["neighborhood"])
        page = search_page(
            filtered.for_list(),
            walked,
            term,
            by_national_id=by_national_id,
            after=request.GET.get("after", ""),
            commune_id=commune.pk,
        )
    else:
        if term:
            filtered = filtered.search(term, by_national_id=by_national_id)
        page = keyset_page(filtered.for_list(), after=request.GET.get("after", ""), before=before, last=last)
    reviews = {}
    # The rows show the category only: the scores and indicators (a JSON column) stay in the database.
    for review in (
        Review.objects.filter(household__in=[h.pk for h in page.items], year=year)
        .only("household_id", "category")
        .order_by("round__number")
    ):
        reviews[review.household_id] = review  # the latest round of the year wins
    rows = [(household, reviews.get(household.pk)) for household in page.items]
    # The total: exact when it fits on one page; beyond that a count capped at 200 ("over 200") for the
    # whole list or a khu phố, which an index answers at once. A search, category or flag filter would
    # have to scan for its matches (110 ms for 1,001 of them among a million households), so beyond one
    # page it shows no total: the page itself costs the same at any size.
    data = (
        household_filter.form.cleaned_data
        if household_filter.is_bound and household_filter.form.is_valid()
        else {}
    )
    scanning = any(data.get(name) for name in SCANNING_FILTERS)
    if page.is_first and page.is_last:
        count = len(page.items)
    elif scanning:
        count = None
    else:
        count = filtered.order_by()[: COUNT_CAP + 1].count()
    query = request.GET.copy()
    for key in ("after", "before", "last"):
        query.pop(key, None)
    return render(
        request,
        "households/household_list.html",
        {
            "filter": household_filter,
            "rows": rows,
            "page": page,
            "year": year,
            "count": None if count is None else min(count, COUNT_CAP),
            "count_capped": count is not None and count > COUNT_CAP,
            "query": query.urlencode(),
            "can_add": access.can_edit_households(request.user),
            "can_export": access.can_export_households(request.user),
            "can_import": access.can_import_households(request.user),
        },
    )


def household_detail(request, pk):
    household = get_household_for_user(request, pk)
    log_personal_data_access(
        action=AccessAction.VIEW_HOUSEHOLD, request=request, obj=household, household_code=household.code
    )
    # The history table shows each review's round, nothing of its standard or author.
    reviews = household.reviews.select_related("round").order_by("-year", "-round__number")
    history = household_changes(household)
    return render(
        request,
        "households/household_detail.html",
        {
            "household": household,
            "members": household.members.order_by("id"),
            "reviews": reviews,
            "status": status_on(household, timezone.localdate()),
            "history": history,
            "can_edit": access.can_edit_household(request.user, household),
            "can_review": access.can_record_review(request.user, household),
            "categories": Category,
        },
    )


HIDDEN_CHANGES = {"search_key", "updated_at", "created_at", "version"}


def household_changes(household, limit: int = 20) -> list[dict]:
    """The last changes to a household (who, when, field: old → new), one query: each entry is
    compared with the one before it."""
    entries = list(
        household.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    changes = []
    for entry, previous in zip(entries[:limit], [*entries[1:], None], strict=False):
        fields = []
        if previous is not None:
            for change in entry.diff_against(previous).changes:
                if change.field not in HIDDEN_CHANGES:
                    label = Household._meta.get_field(change.field).verbose_name
                    fields.append(
                        {
                            "label": label,
                            "old": change.old,
                            "new": change.new,
                            "is_national_id": change.field == "head_national_id",
                        }
                    )
        changes.append({"entry": entry, "fields": fields})
    return changes


def household_create(request):
    require(access.can_edit_households(request.user))
    commune = request_commune(request)
    neighborhoods = visible_neighborhoods(request.user, commune)
    form = HouseholdForm(
        request.POST or None, neighborhoods=neighborhoods, code_suggestions=suggest_codes(neighborhoods)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data.items())
        try:
            household = registry.household_register(commune=commune, user=request.user, **data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã thêm hộ {household.code}.")
            return redirect("households:household_detail", pk=household.pk)
    return render(
        request,
        "households/household_form.html",
        {"form": form, "title": "Thêm hộ gia đình", "suggests_code": True},
    )


def household_edit(request, pk):
    household = get_household_for_user(request, pk)
    require(access.can_edit_household(request.user, household))
    log_personal_data_access(
        action=AccessAction.VIEW_HOUSEHOLD, request=request, obj=household, household_code=household.code
    )
    neighborhoods = visible_neighborhoods(request.user, household.commune)
    original = Household.objects.get(pk=household.pk)
    form = HouseholdForm(request.POST or None, instance=household, neighborhoods=neighborhoods)
    if request.method == "POST" and form.is_valid():
        try:
            registry.household_update(household=original, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã lưu thông tin hộ.")
            return redirect("households:household_detail", pk=household.pk)
    return render(
        request,
        "households/household_form.html",
        {"form": form, "title": f"Sửa hộ {original.code}", "household": original},
    )
