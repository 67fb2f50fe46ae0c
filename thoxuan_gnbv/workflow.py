"""Building blocks shared by every approval workflow (plans, estimates, unit and compiled reports).

An approved document must not change by any path — a page, the admin, a direct POST or the shell —
so the guard sits on the model's ``save``/``delete``, next to a status constraint in the database.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class FrozenWhenStored:
    """Mixin for a model that refuses every write once the row *as stored* has a frozen status.

    The stored status is read from the database, not from the instance, so an object whose status
    was changed in memory cannot slip an edit through. Set ``frozen_statuses`` and ``frozen_message``.
    """

    frozen_statuses: frozenset = frozenset()
    frozen_message: str = ""

    def stored_status(self):
        if self.pk is None:
            return None
        return type(self)._default_manager.filter(pk=self.pk).values_list("status", flat=True).first()

    def refuse_if_frozen(self):
        if self.stored_status() in self.frozen_statuses:
            raise ValidationError(self.frozen_message, code="frozen")

    def save(self, *args, **kwargs):
        self.refuse_if_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.refuse_if_frozen()
        return super().delete(*args, **kwargs)


class TransitionLog(models.Model):
    """One step of a workflow: who moved a document from which status to which, when, and why.

    Concrete logs add the foreign key to their document and may redeclare ``from_status`` and
    ``to_status`` with their status choices."""

    from_status = models.CharField("từ trạng thái", max_length=20, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người thực hiện"
    )
    at = models.DateTimeField("lúc", default=timezone.now)
    comment = models.TextField("ý kiến", blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


def actor_field(verbose_name: str):
    """The user who took a workflow step (submitted, approved, accepted …): empty until the step is
    taken, and protected so that the record of who signed can never disappear with the account."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )
