"""What makes stored figures stale (``reporting.figures.store``), and only those keys:

- a support, activity, allocation or disbursement recorded, corrected or voided (a save) or deleted:
  the delivery figures of its commune and year (compiled report, dashboard, component overview);
- a household added, moved or changed, or a member changed: every figure of that commune (movement
  tables, poverty, delivery reach by group), no other commune's;
- a review recorded or a round changing state: the commune's round counts; a round approved: the
  commune's poverty and movement figures and its review result tables of every year (year Y's tables
  read year Y − 1's lists), and the worker warms the keys of that year.
- the result tables read a household's facts from its history as of the decision; one bulk-loaded
  without a history row is read as it is now until its first edit, so a household edit marks them too.

Writes that bypass the ORM's signals (``QuerySet.update``, bulk loads) reach the figures at the next
change of the same scope, or when ``manage.py refresh_figures`` runs."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from households.models import Household, Member, Review, ReviewRound, RoundStatus
from programs.models import Activity, Allocation, Disbursement, Support
from reporting.figures.store import mark_dirty

DELIVERY_KINDS = ("delivery", "dashboard", "overview")
REGISTRY_KINDS = ("movement", "poverty", "delivery", "dashboard", "overview", "review_tables")


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


def _household(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        mark_dirty(instance.commune_id, REGISTRY_KINDS)


def _member(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        commune_id = Household.objects.filter(pk=instance.household_id).values_list("commune_id", flat=True)
        for pk in commune_id:
            mark_dirty(pk, ("delivery", "overview"))


def _review(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        commune_id = ReviewRound.objects.filter(pk=instance.round_id).values_list("commune_id", flat=True)
        for pk in commune_id:
            mark_dirty(pk, ("rounds",))


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
    (Household, _household),
    (Member, _member),
    (Review, _review),
    (ReviewRound, _round),
):
    uid = f"figure_store_{model._meta.label_lower}"
    post_save.connect(handler, sender=model, dispatch_uid=uid + "_save")
    post_delete.connect(handler, sender=model, dispatch_uid=uid + "_delete")
