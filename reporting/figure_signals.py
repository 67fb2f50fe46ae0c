"""What makes stored figures stale (``reporting.figures.store``), and only those keys:

- a support, activity, allocation or disbursement recorded, corrected or voided (a save) or deleted:
  the delivery figures of its commune and year (compiled report, dashboard, component overview);
- a household or member saved: only the kinds that read a field whose value changed (compared with the
  values it was loaded with, kept at load time — no query); an address or CCCD edit marks nothing:
  - added, deleted, moved to another khu phố or commune, its ethnic-minority or labour-capacity flag
    changed: the movement tables and poverty figures of its commune, every year (they count the
    households as they are now, ``households.queries.movement_table`` / ``escaped_poor_counts``);
  - a group flag (ethnic minority, người có công, labour capacity), or a member's sex, ethnicity,
    người có công, disability or household changed, or a member added or deleted: the delivery
    figures (compiled report, dashboard, overview) of the years and communes the household was
    supported in (one query on its supports; none when it never was);
  - the review result tables read a household's facts from its history as of each year's decision
    (``reporting.figures.review_tables``), so an edit leaves an approved year's tables alone — except
    for a household bulk-loaded without a history row, read as it is now until its first edit: its
    first edit of a fact marks the commune's review tables of every year (one query on its history);
    a new code or commune (read as they are now) marks them too;
- a household put on a round's list, moved to another stage or taken off it, its Phiếu A recorded,
  or a household moved to another khu phố (the rounds still changing that list it): the round's
  progress per khu phố and stage (``households.stored.compute_round_progress``);
- a review recorded or a round changing state: the commune's round counts; a round approved: the
  commune's poverty and movement figures and its review result tables of every year (year Y's tables
  read year Y − 1's lists), and the worker warms the keys of that year.

Writes that bypass the ORM's signals (``QuerySet.update``, bulk loads) mark their figures in the
service that does them (``stored_figures.changed``, ``households.stored.round_progress_changed``);
otherwise they reach the figures at the next change of the same scope, or when ``manage.py
refresh_figures`` runs."""

from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save

from households.models import (
    Household,
    Member,
    QuickScreen,
    Review,
    ReviewRound,
    RoundHousehold,
    RoundStatus,
)
from households.stored import open_rounds_of, round_progress_changed
from programs.models import Activity, Allocation, Disbursement, Support
from reporting.figures.review_tables import FACT_FIELDS
from reporting.figures.store import mark_dirty

DELIVERY_KINDS = ("delivery", "dashboard", "overview")
COUNT_KINDS = ("movement", "poverty")

# What the figures read of a household and of a member (field attnames), by the code that reads them.
# Counted as they are now, for every year: households.queries.movement_table (khu phố, ethnic
# minority, the commune's households) and escaped_poor_counts (labour capacity).
HOUSEHOLD_COUNTED = ("commune_id", "neighborhood_id", "is_ethnic_minority", "without_labour_capacity")
# The supported households' groups: reporting.figures.reach, reports.component_figures, the overview's
# beneficiaries (programs.queries.delivery).
HOUSEHOLD_REACHED = ("is_ethnic_minority", "has_meritorious_person", "without_labour_capacity")
# The review result tables: facts as of the decision (history), the code and commune as they are now.
HOUSEHOLD_FACTS = (*FACT_FIELDS, "head_name", "commune_id")
HOUSEHOLD_NOW_IN_TABLES = ("code", "commune_id")
HOUSEHOLD_READ = tuple(
    dict.fromkeys((*HOUSEHOLD_COUNTED, *HOUSEHOLD_REACHED, *HOUSEHOLD_FACTS, *HOUSEHOLD_NOW_IN_TABLES))
)
# A member counts in the people reached and the priority groups of the households supported.
MEMBER_READ = ("household_id", "sex", "is_ethnic_minority", "is_meritorious", "has_disability")

LOADED = "_figure_loaded"  # the read fields' values as loaded or last saved, on the instance


def _delivery_changed(component, *days) -> None:
    plan = component.plan
    for year in {plan.year, *(day.year for day in days if day)}:
        mark_dirty(plan.commune_id, DELIVERY_KINDS, year=year)


def _support_or_activity(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    day = getattr(instance, "supported_on", None) or getattr(instance, "held_on", None)
    _delivery_changed(instance.component, day)


def _allocation(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        _delivery_changed(instance.component, instance.decision_date)


def _disbursement(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        _delivery_changed(instance.line.component, instance.paid_on)


def _remember(sender, instance, **kwargs):
    """Keep the values the figures read as the instance was loaded (deferred fields are left out:
    a save does not write them unless they were set)."""
    state = instance.__dict__
    state[LOADED] = {name: state[name] for name in _read_fields(sender) if name in state}


def _read_fields(model) -> tuple[str, ...]:
    return HOUSEHOLD_READ if model is Household else MEMBER_READ


def _changed(instance, update_fields) -> tuple[set[str], dict]:
    """The read fields this save changed, and the values they had before it; the kept values become
    the saved ones."""
    state = instance.__dict__
    before = state.get(LOADED, {})
    names = [
        name
        for name in _read_fields(type(instance))
        if name in state and (update_fields is None or {name, name.removesuffix("_id")} & set(update_fields))
    ]
    changed = {name for name in names if name not in before or before[name] != state[name]}
    state[LOADED] = {**before, **{name: state[name] for name in names}}  # a new dict: copies share none
    return changed, before


def _household_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    changed, previous = _changed(instance, update_fields)
    communes = {instance.commune_id, previous.get("commune_id", instance.commune_id)}
    if created:  # one more household counted; no support or review can name it yet
        _mark(communes, COUNT_KINDS)
        return
    if changed & set(HOUSEHOLD_COUNTED):
        _mark(communes, COUNT_KINDS)
    if "neighborhood_id" in changed:  # it moves to another row of its rounds' progress
        round_progress_changed(*open_rounds_of(instance.pk))
    if changed & set(HOUSEHOLD_REACHED):
        _mark_supported([instance.pk])
    if changed & set(HOUSEHOLD_NOW_IN_TABLES) or (
        changed & set(HOUSEHOLD_FACTS) and not _had_history(instance.pk)
    ):
        _mark(communes, ("review_tables",))


def _household_deleted(sender, instance, **kwargs):
    # Its supports and reviews protect it, so only the count of the commune's households changes.
    _mark({instance.commune_id}, COUNT_KINDS)


def _had_history(household_id: int) -> bool:
    """Whether the household had a history row before this save (whose own row simple-history writes
    first): without one the review tables read it as it is now (``review_tables.fact``)."""
    rows = Household.history.model.objects.filter(id=household_id).order_by().values_list("history_id")
    return len(rows[:2]) > 1


def _member_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    changed, previous = _changed(instance, update_fields)
    if created or changed:
        _mark_supported({instance.household_id, previous.get("household_id", instance.household_id)})


def _member_deleted(sender, instance, **kwargs):
    _mark_supported([instance.household_id])


def _mark(communes, kinds) -> None:
    for commune_id in communes:
        mark_dirty(commune_id, kinds)


def _mark_supported(household_ids) -> None:
    """The delivery figures of the communes and years the households were supported in (the plan's
    year and the day's, as ``_delivery_changed``): one query; nothing when they never were."""
    rows = (
        Support.objects.filter(household_id__in=list(household_ids))
        .values_list("component__plan__commune_id", "component__plan__year", "supported_on__year")
        .distinct()
        .order_by()
    )
    years: dict[int, set[int]] = {}
    for commune_id, plan_year, year in rows:
        years.setdefault(commune_id, set()).update(y for y in (plan_year, year) if y)
    for commune_id, found in years.items():
        mark_dirty(commune_id, DELIVERY_KINDS, years=found)


def _review(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        commune_id = ReviewRound.objects.filter(pk=instance.round_id).values_list("commune_id", flat=True)
        for pk in commune_id:
            mark_dirty(pk, ("rounds",))
        round_progress_changed(instance.round_id)  # the page's result box counts the round's reviews


def _round_entry(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        round_progress_changed(instance.round_id)


def _quick_screen(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        round_progress_changed(instance.entry.round_id)


def _round(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    mark_dirty(instance.commune_id, ("rounds",))
    if instance.status == RoundStatus.APPROVED:
        from reporting.figure_tasks import warm_commune_year

        mark_dirty(instance.commune_id, ("movement", "poverty", "review_tables"))
        commune_id, year = instance.commune_id, instance.year
        transaction.on_commit(lambda: warm_commune_year.enqueue(commune_id=commune_id, year=year))


for model, handler in (
    (Support, _support_or_activity),
    (Activity, _support_or_activity),
    (Allocation, _allocation),
    (Disbursement, _disbursement),
    (Review, _review),
    (ReviewRound, _round),
    (RoundHousehold, _round_entry),
    (QuickScreen, _quick_screen),
):
    uid = f"figure_store_{model._meta.label_lower}"
    post_save.connect(handler, sender=model, dispatch_uid=uid + "_save")
    post_delete.connect(handler, sender=model, dispatch_uid=uid + "_delete")

for model, saved, deleted in (
    (Household, _household_saved, _household_deleted),
    (Member, _member_saved, _member_deleted),
):
    uid = f"figure_store_{model._meta.label_lower}"
    post_init.connect(_remember, sender=model, dispatch_uid=uid + "_init")
    post_save.connect(saved, sender=model, dispatch_uid=uid + "_save")
    post_delete.connect(deleted, sender=model, dispatch_uid=uid + "_delete")
