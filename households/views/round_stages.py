"""Actions on a review round's stages (QĐ 24/2021/QĐ-TTg Điều 4), posted from the round page: add to
the list, close the survey, record a khu phố meeting, post the results, receive a complaint and
conclude its re-check, cancel the round. Each calls one service; refusals come back in Vietnamese."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from households import messages
from households.models import Complaint, Household, Neighborhood
from households.review_forms import (
    ComplaintForm,
    ComplaintResolveForm,
    ListAddForm,
    MeetingForm,
    PostingForm,
    RoundCancelForm,
)
from households.services import review as review_services
from households.services import round_list, round_meetings, round_posting
from households.views.common import get_round_for_user
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors, require


def _managed_round(request, pk):
    review_round = get_round_for_user(request, pk)
    require(access.can_manage_review_rounds(request.user))
    return review_round


def _back(review_round, anchor: str = ""):
    return redirect(reverse("households:round_detail", args=[review_round.pk]) + anchor)


def _household(review_round, code: str):
    """The household of the round's commune with ``code`` (another commune's code finds nothing)."""
    return Household.objects.filter(commune_id=review_round.commune_id, code=code.strip()).first()


def _run(request, review_round, form, call, success: str, anchor: str = ""):
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            flash_errors(request, error)
        else:
            flash.success(request, success)
    else:
        flash_errors(request, form)
    return _back(review_round, anchor)


@require_POST
def round_cancel(request, pk):
    review_round = _managed_round(request, pk)
    form = RoundCancelForm(request.POST)
    return _run(
        request,
        review_round,
        form,
        lambda d: review_services.review_round_cancel(
            review_round=review_round, user=request.user, reason=d["reason"]
        ),
        "Đã hủy đợt rà soát. Kết quả đã nhập được giữ làm lịch sử.",
    )


@require_POST
def round_list_add(request, pk):
    review_round = _managed_round(request, pk)

    def call(data):
        household = _household(review_round, data["code"])
        if household is None:
            raise ValidationError(messages.HOUSEHOLD_OTHER_COMMUNE)
        round_list.list_add(
            review_round=review_round,
            household=household,
            reason=data["reason"],
            note=data["note"],
            user=request.user,
        )

    return _run(
        request, review_round, ListAddForm(request.POST), call, "Đã thêm hộ vào danh sách rà soát.", "#list"
    )


@require_POST
def round_to_meetings(request, pk):
    review_round = _managed_round(request, pk)
    try:
        round_meetings.round_to_meetings(review_round=review_round, user=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        flash.success(request, "Đã chuyển sang bước họp dân khu phố.")
    return _back(review_round)


def meeting_create(request, pk, neighborhood_pk):
    """The minutes of one khu phố meeting with the share agreeing for each household awaiting it."""
    review_round = _managed_round(request, pk)
    neighborhood = get_object_or_404(Neighborhood, pk=neighborhood_pk, commune_id=review_round.commune_id)
    entries = list(round_meetings.awaiting_meeting(review_round, neighborhood))
    form = MeetingForm(request.POST or None, entries=entries)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("held_on", "place", "chair_name", "secretary_name")}
        data |= {k: form.cleaned_data[k] for k in ("supervisor_name", "attendance", "note")}
        try:
            round_meetings.meeting_record(
                review_round=review_round,
                data=round_meetings.MeetingInput(neighborhood=neighborhood, **data),
                votes=form.votes(),
                user=request.user,
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã lưu biên bản họp dân {neighborhood.name}.")
            return _back(review_round, "#progress")
    return render(
        request,
        "households/round_meeting_form.html",
        {"review_round": review_round, "neighborhood": neighborhood, "form": form, "entries": entries},
    )


@require_POST
def posting_start(request, pk):
    review_round = _managed_round(request, pk)
    form = PostingForm(request.POST)
    return _run(
        request,
        review_round,
        form,
        lambda d: round_posting.posting_start(
            review_round=review_round, starts_on=d["starts_on"], ends_on=d["ends_on"], user=request.user
        ),
        "Đã bắt đầu niêm yết công khai kết quả rà soát.",
    )


@require_POST
def posting_repeat(request, pk):
    review_round = _managed_round(request, pk)
    form = PostingForm(request.POST, repeat=True)
    return _run(
        request,
        review_round,
        form,
        lambda d: round_posting.posting_repeat(
            review_round=review_round,
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            reason=d["reason"],
            user=request.user,
        ),
        "Đã niêm yết lại kết quả phúc tra.",
        "#complaints",
    )


@require_POST
def complaint_create(request, pk):
    review_round = _managed_round(request, pk)

    def call(data):
        round_posting.complaint_receive(
            review_round=review_round,
            household=_household(review_round, data["code"]),
            complainant=data["complainant"],
            received_on=data["received_on"],
            content=data["content"],
            user=request.user,
        )

    return _run(
        request, review_round, ComplaintForm(request.POST), call, "Đã ghi nhận khiếu nại.", "#complaints"
    )


@require_POST
def complaint_resolve(request, pk):
    complaint = get_object_or_404(Complaint.objects.select_related("round"), pk=pk)
    review_round = _managed_round(request, complaint.round_id)
    form = ComplaintResolveForm(request.POST)
    return _run(
        request,
        review_round,
        form,
        lambda d: round_posting.complaint_resolve(complaint=complaint, user=request.user, **d),
        "Đã lưu kết luận phúc tra.",
        "#complaints",
    )
