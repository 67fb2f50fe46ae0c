"""Pages of a plan's parts (bases, targets with their lines, components, assignments, reporting rules,
recipients): the add and edit form, removal and reordering, each through one service in
``programs.services.plan_parts``."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from programs.forms.plan_parts import TargetLineFormSet
from programs.models import (
    Target,
)
from programs.services import plan_parts as part_services
from programs.views.plans import PARTS, _editable_plan
from thoxuan_gnbv.viewkit import apply_service_error, flash_errors


def _part_kind(kind):
    if kind not in PARTS:
        raise Http404
    return PARTS[kind]


def plan_part_edit(request, pk, kind, part_pk=None):
    """Add (no ``part_pk``) or change one part of a draft plan."""
    model, form_class, heading = _part_kind(kind)
    plan = _editable_plan(request, pk)
    part = get_object_or_404(model, pk=part_pk, plan=plan) if part_pk else model(plan=plan)
    form = form_class(request.POST or None, instance=part, plan=plan)
    lines = None
    if model is Target:
        initial = [
            {"label": line.label, "quantity": line.quantity, "unit": line.unit, "metric": line.metric}
            for line in (part.lines.all() if part.pk else [])
        ]
        lines = TargetLineFormSet(request.POST or None, initial=initial, prefix="lines")
    if request.method == "POST" and form.is_valid() and (lines is None or lines.is_valid()):
        try:
            if lines is not None:
                part_services.target_save(
                    target=form.instance,
                    lines=[line for line in (f.line() for f in lines.forms) if line],
                    user=request.user,
                    version=form.cleaned_data.get("version"),
                )
            else:
                partners = form.cleaned_data.get("partner_units") if "partner_units" in form.fields else None
                part_services.plan_part_save(
                    part=form.instance,
                    user=request.user,
                    partner_units=partners,
                    version=form.cleaned_data.get("version"),
                )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, f"Đã lưu: {heading.lower()}.")
            return redirect(reverse("programs:plan_detail", args=[plan.pk]) + f"#{kind}")
    return render(
        request,
        "programs/plan_form.html",
        {"form": form, "lines": lines, "plan": plan, "heading": heading, "kind": kind},
    )


@require_POST
def plan_part_delete(request, pk, kind, part_pk):
    model, _, heading = _part_kind(kind)
    plan = _editable_plan(request, pk)
    part = get_object_or_404(model, pk=part_pk, plan=plan)
    try:
        part_services.plan_part_delete(part=part, user=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        flash.success(request, f"Đã xóa một mục: {heading.lower()}.")
    return redirect(reverse("programs:plan_detail", args=[plan.pk]) + f"#{kind}")


@require_POST
def plan_part_move(request, pk, kind, part_pk, direction):
    model, _, _ = _part_kind(kind)
    plan = _editable_plan(request, pk)
    part = get_object_or_404(model, pk=part_pk, plan=plan)
    try:
        part_services.plan_part_move(part=part, direction=direction, user=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    return redirect(reverse("programs:plan_detail", args=[plan.pk]) + f"#{kind}")
