"""Reads of corrections: a row's correction history, the requests awaiting the chairman, a recorded
row of any corrected kind in the user's scope (voided rows included: their page shows the void)."""

from django.shortcuts import get_object_or_404

from programs.models import Correction
from programs.services.correction_kinds import spec_for
from thoxuan_gnbv import access
from thoxuan_gnbv.statuses import CorrectionStatus


def _with_people(queryset):
    return queryset.select_related("requested_by", "decided_by")


def corrections_of(kind: str, pk: int) -> list[Correction]:
    """ "Lịch sử điều chỉnh" of one row, newest first, in one query."""
    return list(
        _with_people(Correction.objects.filter(kind=kind, object_id=pk)).order_by("-requested_at", "-pk")
    )


def has_pending(corrections) -> bool:
    """Whether a row's history holds a request still awaiting the chairman (no second one is taken)."""
    return any(c.is_pending for c in corrections)


def get_corrected_row(user, kind: str, pk: int):
    """A support, activity, allocation or disbursement the user may see (404 otherwise), voided or not."""
    spec = spec_for(kind)
    return get_object_or_404(spec.visible(user, spec.model.all_objects.all()), pk=pk)


def get_correction(user, pk: int) -> Correction:
    return get_object_or_404(
        _with_people(access.corrections_visible_to(user, Correction.objects.all())), pk=pk
    )


def pending_corrections(user, commune) -> list[Correction]:
    """Requests awaiting the chairman's decision, oldest first (one query)."""
    queryset = access.corrections_visible_to(user, Correction.objects.filter(commune=commune))
    return list(
        _with_people(queryset.filter(status=CorrectionStatus.REQUESTED)).order_by("requested_at", "pk")
    )


def recent_corrections(user, commune, limit: int = 50) -> list[Correction]:
    queryset = access.corrections_visible_to(user, Correction.objects.filter(commune=commune))
    return list(_with_people(queryset.exclude(status=CorrectionStatus.REQUESTED))[:limit])


def pending_count(user) -> int:
    return access.corrections_visible_to(
        user, Correction.objects.filter(status=CorrectionStatus.REQUESTED)
    ).count()
