"""Pages of a household's members: the add and edit forms, and moving a member to another household of
the commune."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from households.forms import MemberForm
from households.models import Household, Member
from households.services import registry
from households.views.common import (
    get_household_for_user,
)
from thoxuan_gnbv import access
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import apply_service_error, require


def member_create(request, pk):
    household = get_household_for_user(request, pk)
    require(access.can_edit_household(request.user, household))
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registry.member_add(household=household, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã thêm thành viên.")
            return redirect("households:household_detail", pk=household.pk)
    return render(
        request,
        "households/member_form.html",
        {"form": form, "household": household, "title": f"Thêm thành viên hộ {household.code}"},
    )


def member_edit(request, pk):
    require(access.can_view_households(request.user))
    member = get_object_or_404(Member.objects.select_related("household"), pk=pk)
    household = get_household_for_user(request, member.household_id)
    require(access.can_edit_household(request.user, household))
    log_personal_data_access(
        action=AccessAction.VIEW_MEMBER,
        request=request,
        obj=member,
        household_code=household.code,
        label=f"{member.full_name} (hộ {household.code})",
    )
    original = Member.objects.get(pk=member.pk)
    form = MemberForm(request.POST or None, instance=member, allow_move=True)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        code = data.pop("move_to_code", "")
        target = None
        if code:
            target = _move_target(request.user, code, household)
            if target is None:
                form.add_error("move_to_code", "Không tìm thấy hộ có mã này.")
        if not form.errors:
            try:
                registry.member_update(member=original, user=request.user, household=target, **data)
            except ValidationError as error:
                apply_service_error(form, error)
                if hasattr(error, "error_dict") and "household" in error.error_dict:
                    form.add_error("move_to_code", error.error_dict["household"])
            else:
                flash.success(request, "Đã lưu thành viên.")
                return redirect("households:household_detail", pk=original.household_id)
    return render(
        request,
        "households/member_form.html",
        {"form": form, "household": household, "title": f"Sửa thành viên: {original.full_name}"},
    )


def _move_target(user, code, household):
    """The household a member moves to, among those the user sees: a household of another commune
    is out of scope, so it is "not found" (the service refuses a move across communes anyway)."""
    candidates = access.households_visible_to(user, Household.objects.filter(code=code.strip()))
    return candidates.filter(commune_id=household.commune_id).first()
