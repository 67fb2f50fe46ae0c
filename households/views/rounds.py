"""Pages of a review round: the list by year, opening a round, its page with the progress of each khu phố
and its log, and the submit, approve and return actions through the workflow core."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from households.forms import RoundApproveForm, RoundOpenForm, RoundReturnForm
from households.models import Category, ReviewRound
from households.review_forms import RoundSubmitForm
from households.services import review as review_services
from households.stored import round_counts_stored
from households.views import round_pages
from households.views.common import get_round_for_user, visible_neighborhoods
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors, request_commune, require


def round_list(request):
    require(access.can_view_review_rounds(request.user))
    commune = request_commune(request)
    rounds = list(
        access.rounds_visible_to(request.user, ReviewRound.objects.all())
        .select_related("approved_by")
        .order_by("-year", "-number")
    )
    # Counting each round's reviews walks the registry: an approved round's snapshot is exact, the
    # others' counts are kept by the worker.
    counts = round_counts_stored(commune)
    review_services.attach_review_counts(rounds, (counts.data or {}))
    in_progress = review_services.current_round(commune)
    can_open = access.can_manage_review_rounds(request.user) and in_progress is None
    form = RoundOpenForm(initial={"year": timezone.localdate().year}) if can_open else None
    return render(
        request,
        "households/round_list.html",
        {"rounds": rounds, "form": form, "in_progress": in_progress, "stored": counts},
    )


@require_POST
def round_open(request):
    require(access.can_manage_review_rounds(request.user))
    commune = request_commune(request)
    form = RoundOpenForm(request.POST)
    if form.is_valid():
        try:
            review_round = review_services.review_round_open(
                commune=commune,
                year=form.cleaned_data["year"],
                history_reason=form.cleaned_data["history_reason"],
                uses_quick_screen=form.cleaned_data["uses_quick_screen"],
                user=request.user,
            )
        except ValidationError as error:
            flash_errors(request, error)
        else:
            flash.success(request, f"Đã mở {review_round}.")
            return redirect("households:round_detail", pk=review_round.pk)
    else:
        flash.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("households:round_list")


def round_detail(request, pk):
    """The round with its stages (who, deadline, what is late), each khu phố's progress, the
    households of one khu phố (keyset pages) and the actions the user may take."""
    review_round = get_round_for_user(request, pk)
    neighborhoods = list(visible_neighborhoods(request.user, review_round.commune))
    context = round_pages.stage_context(request, review_round, neighborhoods)
    counts = context["category_counts"]  # stored with the progress: no count over the round here
    context |= {
        "review_round": review_round,
        "by_category": [(label, counts.get(value, 0)) for value, label in Category.choices],
        "total": sum(counts.values()),
        "can_approve": access.can_approve_review_round(request.user, review_round),
        "approve_form": _with_action(RoundApproveForm(), "households:round_approve", review_round.pk),
        "return_form": _with_action(RoundReturnForm(), "households:round_return", review_round.pk),
    }
    return render(request, "households/round_detail.html", context)


def _with_action(form, url_name, pk):
    form.helper.form_action = reverse(url_name, args=[pk])
    return form


@require_POST
def round_submit(request, pk):
    review_round = get_round_for_user(request, pk)
    require(access.can_manage_review_rounds(request.user))
    form = RoundSubmitForm(request.POST)
    form.is_valid()
    try:
        review_services.review_round_submit(
            review_round=review_round,
            user=request.user,
            confirm_unsurveyed=form.cleaned_data.get("confirm_unsurveyed", False),
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        flash.success(request, "Đã trình Chủ tịch phê duyệt danh sách rà soát.")
    return redirect("households:round_detail", pk=review_round.pk)


@require_POST
def round_approve(request, pk):
    review_round = get_round_for_user(request, pk)
    require(access.can_approve_review_round(request.user))
    form = RoundApproveForm(request.POST)
    if form.is_valid():
        try:
            review_services.review_round_approve(
                review_round=review_round, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã phê duyệt kết quả rà soát. Kết quả đã được khóa.")
            return redirect("households:round_detail", pk=review_round.pk)
    for errors in form.errors.values():
        for error in errors:
            flash.error(request, error)
    return redirect("households:round_detail", pk=review_round.pk)


@require_POST
def round_return(request, pk):
    review_round = get_round_for_user(request, pk)
    require(access.can_approve_review_round(request.user))
    form = RoundReturnForm(request.POST)
    if form.is_valid():
        try:
            review_services.review_round_return(
                review_round=review_round, user=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            flash_errors(request, error)
        else:
            flash.success(request, "Đã trả lại danh sách để sửa.")
    else:
        flash.error(request, "Nhập lý do trả lại.")
    return redirect("households:round_detail", pk=review_round.pk)
