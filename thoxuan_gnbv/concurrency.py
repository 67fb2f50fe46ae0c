"""No lost updates: optimistic locking for the edit forms.

Optimistic locking: a versioned row carries ``version``; its edit form sends back the version it was
opened at, and ``save_versioned`` writes only when the row still has it — one conditional UPDATE
(``… WHERE pk = %s AND version = %s``), which holds the row until the transaction ends, so two saves
of the same version cannot both pass on SQLite or PostgreSQL. A stale save is refused with the fields
that now differ ("label: their value → your value") and nothing is written."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from thoxuan_gnbv import messages
from thoxuan_gnbv.formatting import format_date


class Versioned(models.Model):
    """A row edited through forms: every full save moves its version on by one."""

    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A full save of an existing row (admin, import, service) makes open forms stale; saving only
        # some fields (derived flags, a status) does not touch what a form shows.
        if not self._state.adding and kwargs.get("update_fields") is None:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)


def _shown(instance, field) -> str:
    value = getattr(instance, field.attname)
    if field.choices and value not in (None, ""):
        value = getattr(instance, f"get_{field.name}_display")()
    elif field.is_relation and value is not None:
        value = getattr(instance, field.name)
    if value is None or value == "":
        return messages.EMPTY_VALUE
    if isinstance(value, bool):
        return messages.YES if value else messages.NO
    if isinstance(value, datetime.date):
        return format_date(value)
    return str(value)


def stale_changes(current, mine, fields) -> list[str]:
    """``"label: their value → your value"`` for each of ``fields`` where the row now differs."""
    changes = []
    for name in fields:
        field = current._meta.get_field(name)
        if getattr(current, field.attname) != getattr(mine, field.attname):
            changes.append(
                f"{field.verbose_name[:1].upper()}{field.verbose_name[1:]}: "
                f"{_shown(current, field)} → {_shown(mine, field)}"
            )
    return changes


def save_versioned(instance, *, version: int | None, fields) -> None:
    """Save an edited ``instance`` only if its row still has ``version`` (the one its form was opened
    at); ``None`` (no form) saves as usual. Otherwise raise a ValidationError listing the other person's change and write nothing.
    Call inside the service's transaction, after validation, in place of ``instance.save()``."""
    if instance._state.adding or version is None:
        # A new row, or a write that comes from no form (an import, a command): a plain save.
        instance.save()
        return
    model = type(instance)
    claimed = model._base_manager.filter(pk=instance.pk, version=version).update(version=version + 1)
    if not claimed:
        current = model._base_manager.get(pk=instance.pk)
        changes = stale_changes(current, instance, fields)
        text = (
            messages.STALE_EDIT.format(changes="; ".join(changes)) if changes else messages.STALE_EDIT_NO_DIFF
        )
        raise ValidationError(text, code="stale")
    instance.version = version  # the full save below moves it to version + 1, as claimed
    instance.save()


class VersionFormMixin:
    """An edit form of a versioned row: a hidden ``version`` holding the version it was opened at."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput,
                min_value=1,
                initial=instance.version,
                required=True,
                error_messages={"required": messages.VERSION_MISSING, "invalid": messages.VERSION_MISSING},
            )
