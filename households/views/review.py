from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from households import messages, queries
from households.classification import thresholds_for
from households.forms import ReviewForm
from households.models import Category, Review
from households.services import review as review_services
from households.services import review_compare
from households.stored import movement_stored
from households.views.common import (
    get_household_for_user,
)
from thoxuan_gnbv import access
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import apply_service_error, request_commune, require, year_param


def _review_form_setup(request, household):
    """The form for the round being worked on, pre-filled from this round's review or, failing that,
    from the household's previous review (whose values the page compares with)."""
    review_round = review_services.current_round(household.commune)
    if review_round is None or not review_round.is_working:
        return review_round, None, None, (None, None)
    standard = review_services.standard_for(review_round.year)
    thresholds = thresholds_for(standard, household.commune.area_type)
    existing = Review.objects.filter(household=household, round=review_round).first()
    previous = review_compare.previous_review(household, review_round)
    initial = {"household_size": max(household.members.count(), 1)}
    if existing:
        initial.update(review_compare.initial_from(existing), note=existing.note)
    elif previous:
        initial.update(review_compare.initial_from(previous))
    form = ReviewForm(request.POST or None, initial=initial, standard=standard, thresholds=thresholds)
    return review_round, form, standard, (previous, existing)


def _changes(standard, previous, data) -> list:
    if previous is None:
        return []
    labels = {indicator.code: indicator.name for indicator in standard.indicators.all()}
    return review_compare.changes(previous, labels=labels, **data)


def review_record(request, pk):
    """Record a household's review in the open round; "Xem kết quả" classifies without saving."""
    household = get_household_for_user(request, pk)
    require(access.can_record_review(request.user, household))
    if request.method == "GET":
        log_personal_data_access(
            action=AccessAction.VIEW_HOUSEHOLD, request=request, obj=household, household_code=household.code
        )
    review_round, form, standard, (previous, existing) = _review_form_setup(request, household)
    result = None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if "save" in request.POST:
                review = review_services.review_record(
                    review_round=review_round,
                    household=household,
                    user=request.user,
                    deprivations=form.deprivations(),
                    income=data["income"],
                    score=data.get("score"),
                    household_size=data["household_size"],
                    note=data["note"],
                )
                flash.success(
                    request, f"Đã lưu kết quả rà soát năm {review.year}: {review.get_category_display()}."
                )
                return redirect("households:household_detail", pk=household.pk)
            result = review_services.review_classify(
                commune=household.commune,
                year=review_round.year,
                deprivations=form.deprivations(),
                income=data["income"],
                score=data.get("score"),
            )
        except ValidationError as error:
            apply_service_error(form, error)
    shown = result or existing
    changes = (
        _changes(
            standard,
            previous,
            {
                "income": shown.income if existing and not result else form.cleaned_data.get("income"),
                "score": shown.score if existing and not result else form.cleaned_data.get("score"),
                "deprivations": shown.deprivations,
                "category": shown.category,
            },
        )
        if shown is not None and previous is not None
        else []
    )
    return render(
        request,
        "households/review_form.html",
        {
            "household": household,
            "form": form,
            "review_round": review_round,
            "standard": standard,
            "result": result,
            "previous": previous,
            "changes": changes,
        },
    )


@require_POST
def review_preview(request, pk):
    """The classification for the form's current values, as JSON for households-review.js."""
    household = get_household_for_user(request, pk)
    require(access.can_record_review(request.user, household))
    review_round, form, _, _ = _review_form_setup(request, household)
    if form is None:
        return JsonResponse({"ok": False, "errors": [messages.ROUND_NOT_OPEN]}, status=400)
    if not form.is_valid():
        errors = [str(e) for errs in form.errors.values() for e in errs]
        return JsonResponse({"ok": False, "errors": errors})
    try:
        result = review_services.review_classify(
            commune=household.commune,
            year=review_round.year,
            deprivations=form.deprivations(),
            income=form.cleaned_data["income"],
            score=form.cleaned_data.get("score"),
        )
    except ValidationError as error:
        return JsonResponse({"ok": False, "errors": error.messages})
    return JsonResponse(
        {
            "ok": True,
            "category": result.category,
            "label": result.category_label,
            "deprivation_count": result.deprivation_count,
            "standard": str(result.standard),
        }
    )


def movement_table(request):
    """Movements of the poor (or near-poor) list per khu phố between two approved years, as last
    computed by the worker (the table walks the whole registry: never on a request)."""
    require(access.can_view_movements(request.user))
    commune = request_commune(request)
    years = queries.approved_years(commune)
    year = year_param(request, default=years[-1] if years else timezone.localdate().year)
    category = Category.NEAR_POOR if request.GET.get("list") == "near_poor" else Category.POOR
    stored = movement_stored(commune, year, category)
    rows = stored.data["rows"] if stored.ready else []
    return render(
        request,
        "households/movement_table.html",
        {
            "stored": stored,
            "rows": rows,
            "year": year,
            "years": years,
            "category": category,
            "category_label": Category(category).label,
            "escaped": stored.data["escaped"] if stored.ready else None,
            "identity_ok": all(row["identity_ok"] for row in rows),
        },
    )
