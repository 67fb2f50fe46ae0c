"""When the chairman approves a review round, the worker recomputes the poverty figures in the
background (``tasks.warm_poverty_figures``), so pages find them ready."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from households.models import ReviewRound, RoundStatus


@receiver(post_save, sender=ReviewRound, dispatch_uid="reporting_warm_poverty_figures")
def warm_figures_on_approval(sender, instance, **kwargs):
    # loaddata (raw) restores rows; the restored task queue already holds what was due.
    if kwargs.get("raw") or instance.status != RoundStatus.APPROVED:
        return
    from reporting.tasks import warm_poverty_figures

    commune_id, year = instance.commune_id, instance.year
    transaction.on_commit(lambda: warm_poverty_figures.enqueue(commune_id=commune_id, year=year))
