"""Phiếu A of one household on a round's list (TT 07/2021/TT-BLĐTBXH Phụ lục I), reached from the
household's row on the round page: the labour officer or the household's khu phố head records it."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from households.models import Household, QuickScreen, RoundHousehold
from households.quick_screen_form import QuickScreenForm
from households.services import quick_screen
from households.views.common import get_round_for_user
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, require


def quick_screen_edit(request, pk):
    entry = get_object_or_404(
        RoundHousehold.objects.select_related("household", "household__neighborhood", "round"), pk=pk
    )
    review_round = get_round_for_user(request, entry.round_id)
    household = get_object_or_404(
        access.households_visible_to(request.user, Household.objects), pk=entry.household_id
    )
    require(access.can_record_review(request.user, household))
    current = QuickScreen.objects.filter(entry=entry).first()
    today = timezone.localdate()
    initial = {"screened_on": current.screened_on if current else today}
    if current:
        initial |= {
            "group_1": [c for c in current.criteria if c in quick_screen.GROUP_1],
            "group_2": [c for c in current.criteria if c in quick_screen.GROUP_2],
        }
    form = QuickScreenForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            screen = quick_screen.quick_screen_record(
                entry=entry,
                criteria=form.criteria(),
                screened_on=form.cleaned_data["screened_on"],
                user=request.user,
                today=today,
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            result = "không nghèo, không cần Phiếu B" if screen.screened_out else "cần điều tra Phiếu B"
            flash.success(request, f"Đã lưu Phiếu A hộ {household.code}: {result}.")
            url = reverse("households:round_detail", args=[review_round.pk])
            return redirect(f"{url}?kp={household.neighborhood_id}#list")
    context = {"review_round": review_round, "entry": entry, "household": household, "form": form}
    return render(request, "households/quick_screen_form.html", context | {"current": current})
