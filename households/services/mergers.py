"""Communes merged into one (sắp xếp đơn vị hành chính cấp xã, NQ 76/2025/UBTVQH15; for Thanh Hóa
NQ 1686/NQ-UBTVQH15, in force 01/07/2025). In one transaction: the merger is recorded, the predecessors'
identities close the day before, and their khu phố, households and users move to the successor with
their history (the old history rows keep the old commune; new rows say why they moved). The
predecessors' review rounds, plans and reports stay theirs. Nothing is deleted."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.dispatch import Signal
from django.utils import timezone

from households import messages
from households.models import Commune, CommuneIdentity, CommuneMerger, Household, Neighborhood
from households.services.identity import close_identity, ensure_first_identity, forget_identities
from thoxuan_gnbv import stored_figures
from thoxuan_gnbv.formatting import format_date
from thoxuan_gnbv.models import User

# Sent inside the merger's transaction, after households and users moved: apps above households move
# what they own (programs: the units). Arguments: merger, predecessors, successor, user.
commune_merged = Signal()


def _error(field: str, text: str, code: str) -> ValidationError:
    return ValidationError({field: text}, code=code)


def check_merger(*, predecessors: list[Commune], successor: Commune | None, effective_on, resolution_number,
                 resolution_date) -> None:  # fmt: skip
    """Every rule a merger must meet, checked before anything is written."""
    if not predecessors:
        raise _error("predecessors", messages.MERGER_NO_PREDECESSOR, "required")
    if not (resolution_number or "").strip():
        raise _error("resolution_number", messages.MERGER_RESOLUTION_REQUIRED, "required")
    if resolution_date and resolution_date > effective_on:
        text = messages.MERGER_RESOLUTION_AFTER_EFFECT.format(
            resolution=format_date(resolution_date), effective=format_date(effective_on)
        )
        raise _error("resolution_date", text, "order")
    if successor is not None and successor.pk:
        if any(p.pk == successor.pk for p in predecessors):
            text = messages.MERGER_SUCCESSOR_AMONG_PREDECESSORS.format(name=successor.name)
            raise _error("predecessors", text, "successor_predecessor")
        if CommuneMerger.objects.filter(successor=successor, effective_on=effective_on).exists():
            text = messages.MERGER_SAME_DATE.format(name=successor.name, date=format_date(effective_on))
            raise _error("effective_on", text, "same_date")
        _check_not_ceased(successor, "successor")
    for predecessor in predecessors:
        _check_not_ceased(predecessor, "predecessors")
        established = predecessor.established_on
        if established and effective_on <= established:
            text = messages.MERGER_BEFORE_ESTABLISHED.format(
                date=format_date(effective_on), name=predecessor.name, established=format_date(established)
            )
            raise _error("effective_on", text, "before_established")
        later = CommuneIdentity.objects.filter(commune=predecessor, valid_from__gte=effective_on).first()
        if later is not None:  # a name taken on or after the merger would overlap its end
            text = messages.IDENTITY_OVERLAP.format(
                start=format_date(later.valid_from),
                end="nay",
                name=later.name,
                span=format_date(effective_on),
            )
            raise _error("effective_on", text, "overlap")


def _check_not_ceased(commune: Commune, field: str) -> None:
    """A commune merged once has ceased: it cannot be merged again, nor receive others."""
    earlier = CommuneMerger.objects.filter(predecessors=commune).select_related("successor").first()
    if earlier is not None:
        text = messages.MERGER_PREDECESSOR_ALREADY_MERGED.format(
            name=commune.name,
            successor=earlier.successor.name,
            date=format_date(earlier.effective_on),
            number=earlier.resolution_number,
        )
        raise _error(field, text, "already_merged")


@transaction.atomic
def merge_communes(
    *,
    predecessors: list[Commune],
    successor: Commune | dict,
    effective_on: datetime.date,
    resolution_number: str,
    resolution_date: datetime.date | None = None,
    user=None,
    neighborhood_names: dict[int, str] | None = None,
    confirmed: bool = False,
    note: str = "",
) -> CommuneMerger:
    """Record that ``predecessors`` became ``successor`` (a commune, or the fields of a new one) on
    ``effective_on``. ``neighborhood_names`` maps a predecessor's khu phố id to its name in the
    successor (several ids to one name merge them; the default keeps the name, adding the predecessor's
    name when two would clash). ValidationError naming the field; nothing is written on error."""
    for given in [*predecessors, successor]:  # the caller's instances must not keep cached lineage
        if isinstance(given, Commune):
            given.__dict__.pop("_lineage", None)
            forget_identities(given)
    predecessors = list(Commune.objects.select_for_update().filter(pk__in=[p.pk for p in predecessors]))
    existing = successor if isinstance(successor, Commune) else None
    check_merger(
        predecessors=predecessors,
        successor=existing,
        effective_on=effective_on,
        resolution_number=resolution_number,
        resolution_date=resolution_date,
    )
    basis = f"Nghị quyết {resolution_number}"
    if existing is None:
        existing = Commune(**successor, established_on=effective_on)
        try:
            existing.full_clean()
        except ValidationError as error:
            text = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            raise _error(
                "successor", messages.MERGER_SUCCESSOR_DATA.format(errors=text), "successor"
            ) from error
        existing.save()
        ensure_first_identity(existing, legal_basis=basis)
    merger = CommuneMerger.objects.create(
        successor=existing,
        effective_on=effective_on,
        resolution_number=resolution_number,
        resolution_date=resolution_date,
        confirmed=confirmed,
        note=note,
    )
    merger.predecessors.set(predecessors)
    for predecessor in predecessors:
        ensure_first_identity(predecessor)
        close_identity(predecessor, effective_on - datetime.timedelta(days=1))
    reason = messages.MERGER_HISTORY_REASON.format(
        successor=existing.name, date=format_date(effective_on), number=resolution_number
    )
    targets = _move_neighborhoods(predecessors, existing, neighborhood_names or {})
    _move_households(predecessors, existing, targets, user, reason)
    for account in User.objects.filter(commune__in=predecessors):
        account.commune = existing
        account._change_reason = reason
        account.save(update_fields=["commune"])
    commune_merged.send(
        sender=CommuneMerger, merger=merger, predecessors=predecessors, successor=existing, user=user
    )
    forget_identities(existing)
    return merger


def _move_neighborhoods(predecessors, successor, names: dict[int, str]) -> dict[int, Neighborhood]:
    """{old khu phố id: khu phố of the successor}. The old khu phố stay with their commune: its
    tables of the years before are grouped by them."""
    olds = list(Neighborhood.objects.filter(commune__in=predecessors).select_related("commune"))
    known = {n.pk for n in olds}
    for pk in names:
        if pk not in known:
            raise _error(
                "neighborhood_names", messages.MERGER_NEIGHBORHOOD_UNKNOWN.format(name=pk), "unknown"
            )
    by_name = {n.name: n for n in Neighborhood.objects.filter(commune=successor)}
    clashes = {n.name for n in olds if n.pk not in names}
    default_counts = {name: sum(1 for n in olds if n.pk not in names and n.name == name) for name in clashes}
    position = (Neighborhood.objects.filter(commune=successor).aggregate(m=Max("position"))["m"] or 0) + 1
    targets = {}
    for old in sorted(olds, key=lambda n: (n.commune.name, n.position, n.name)):
        name = names.get(old.pk)
        if name is None:
            clash = default_counts[old.name] > 1 or old.name in by_name
            name = f"{old.name} ({old.commune.name})" if clash else old.name
        target = by_name.get(name)
        if target is None:
            target = Neighborhood.objects.create(
                commune=successor, name=name, position=position, head=old.head
            )
            position += 1
            by_name[name] = target
        targets[old.pk] = target
    return targets


def _move_households(predecessors, successor, targets, user, reason) -> int:
    """Households move with a history row each; a household bulk-loaded without history first gets a
    row of its state before the move, so the predecessor's past tables still find it there."""
    households = list(Household.objects.filter(commune__in=predecessors).order_by("pk"))
    if not households:
        return 0
    history = Household.history.model.objects
    with_history = set(history.filter(id__in=[h.pk for h in households]).values_list("id", flat=True))
    now = timezone.now()
    before = [h for h in households if h.pk not in with_history]
    if before:
        Household.history.bulk_history_create(
            before, update=True, default_date=now - datetime.timedelta(microseconds=1)
        )
    taken = set(Household.objects.filter(commune=successor).values_list("code", flat=True))
    codes = {p.pk: p.code.upper() for p in predecessors}
    for household in households:
        if household.code in taken:  # codes are unique per commune: prefix the predecessor's code
            household.code = f"{codes[household.commune_id]}-{household.code}"
        taken.add(household.code)
        household.commune = successor
        household.neighborhood = targets[household.neighborhood_id]
    Household.objects.bulk_update(households, ["commune", "neighborhood", "code"], batch_size=1000)
    Household.history.bulk_history_create(
        households, update=True, default_user=user, default_change_reason=reason, default_date=now
    )
    # Moved in bulk (no save signals): both sides' stored figures are stale.
    for commune in (successor, *predecessors):
        stored_figures.changed(commune.pk)
    return len(households)


def communes_of_year(communes, year: int):
    """The communes of ``communes`` that existed at some time in ``year``: founded by its last day and
    not merged away on or before its first (NQ 1686/NQ-UBTVQH15: the predecessors cease on the date the
    merger takes effect). A province's table for 2024 lists the communes before the 2025 mergers, one
    for 2026 the communes after them, and one for 2025 both — each for its part of the year."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return communes.exclude(established_on__gt=last).exclude(merged_into__effective_on__lte=first)
