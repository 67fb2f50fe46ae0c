"""The one transition / freeze / four-eyes core every approval flow goes through (plans, review rounds,
estimates, unit reports, compiled reports).

A model declares its flow as data — ``workflow = Workflow(steps=[Step(...)], frozen=…, log=…)`` — and
inherits ``Freezable``; its manager is built on ``FrozenQuerySet``. Then:

- ``transition(obj, to=…, user=…)`` is the only way a status moves: row lock, allowed-from check,
  four-eyes (the submitter never decides on their own document), comment when required, actor and time
  stamped, ``full_clean``, save, exactly one log row. Role checks (``access.can_*``) stay in the services.
- An approved document must not change by any path — a page, the admin, a direct POST or the shell —
  so the guard sits on ``save``/``delete``/``clean`` and on QuerySet ``update``/``delete``, and reads the
  row *as stored* (an in-memory status change cannot slip an edit through). Children (plan parts,
  estimate lines, reviews) declare ``frozen_parent`` and are frozen through it. Named DB constraints
  keep the approved states consistent underneath.
- Raw loads (``loaddata``: ``save_base(raw=True)``) never reach ``save()`` and are not blocked; demo and
  benchmark fixtures that rebuild or backdate history wrap their writes in ``seeding()``.
"""

import contextvars
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from thoxuan_gnbv import messages

_seeding = contextvars.ContextVar("workflow_seeding", default=False)


@contextmanager
def seeding():
    """Let demo and benchmark fixtures backdate or rebuild frozen documents (never used by a page)."""
    token = _seeding.set(True)
    try:
        yield
    finally:
        _seeding.reset(token)


@dataclass(frozen=True)
class Step:
    """One allowed move of a flow, keyed by the status it leads to.

    ``sources``: the statuses it may start from. ``actor_field``/``time_field``: stamped with the user
    and the time. ``not_by``: the user field the actor must differ from (four-eyes). ``comment_field``:
    the model field that keeps the comment (e.g. ``return_comment``); ``comment_key`` names the form
    field an error is put on. ``on_frozen``: the only fields this step may write on a frozen row (the
    plan's approved → issued step adds number and date). ``clears``: fields reset to their default
    (an approval clears the reason of an earlier return). The messages override the core's wording."""

    to: str
    sources: tuple
    actor_field: str = ""
    time_field: str = ""
    not_by: str = ""
    comment_required: bool = False
    comment_field: str = ""
    comment_key: str = "comment"
    on_frozen: tuple = ()
    clears: tuple = ()
    wrong_state_message: str = ""
    own_message: str = ""
    comment_message: str = ""


def submit_return_decide(
    statuses,
    *,
    editable: tuple,
    decided: str,
    decided_by: str,
    decided_at: str,
    not_editable: str,
    not_submitted: str,
    return_comment_message: str,
    submitted_at: str = "submitted_at",
    comment_key: str = "comment",
) -> list[Step]:
    """The steps of a document that is submitted, then returned with a reason (kept in
    ``return_comment``) or decided (approved/accepted) by someone other than its submitter, the decision
    clearing the reason of an earlier return: estimates, unit reports and compiled reports."""
    return [
        Step(
            to=statuses.SUBMITTED,
            sources=editable,
            actor_field="submitted_by",
            time_field=submitted_at,
            wrong_state_message=not_editable,
        ),
        Step(
            to=statuses.RETURNED,
            sources=(statuses.SUBMITTED,),
            not_by="submitted_by",
            comment_required=True,
            comment_field="return_comment",
            comment_key=comment_key,
            wrong_state_message=not_submitted,
            comment_message=return_comment_message,
        ),
        Step(
            to=decided,
            sources=(statuses.SUBMITTED,),
            actor_field=decided_by,
            time_field=decided_at,
            not_by="submitted_by",
            clears=("return_comment",),
            wrong_state_message=not_submitted,
        ),
    ]


class Workflow:
    """A flow as data: its status choices, steps, frozen and editable statuses, freeze message and the
    log model (``"app_label.Model"``, a ``TransitionLog`` with a foreign key to the document)."""

    def __init__(
        self,
        *,
        statuses,
        steps: Iterable[Step],
        frozen: Iterable[str],
        log: str,
        editable: Iterable[str] = (),
        frozen_message: str = messages.FROZEN,
    ):
        self.statuses = statuses
        self.steps = {step.to: step for step in steps}
        self.frozen = tuple(frozen)
        self.editable = tuple(editable)
        self.log = log
        self.frozen_message = frozen_message

    def step(self, to) -> Step:
        try:
            return self.steps[to]
        except KeyError:
            raise ValidationError(
                messages.UNKNOWN_STEP.format(target=self.label(to)), code="unknown_step"
            ) from None

    def label(self, value) -> str:
        try:
            return self.statuses(value).label
        except ValueError:
            return str(value)

    def log_model(self):
        return apps.get_model(self.log)

    def log_fk(self, document_model) -> str:
        """The log's foreign key to the document model."""
        for field in self.log_model()._meta.concrete_fields:
            if field.is_relation and field.related_model is document_model:
                return field.name
        raise LookupError(f"{self.log} has no foreign key to {document_model.__name__}")

    def write_log(self, obj, *, from_status: str, user, comment: str = ""):
        return self.log_model().objects.create(
            **{self.log_fk(type(obj)): obj},
            from_status=from_status or "",
            to_status=obj.status,
            actor=user,
            comment=comment,
        )


# --- the freeze guard -----------------------------------------------------------------------------


def _root(model):
    """(root model, lookup from ``model`` to the root's status) for a document or one of its children."""
    if getattr(model, "workflow", None) is not None:
        return model, "status"
    path = model.frozen_parent.split("__")
    current = model
    for name in path:
        current = current._meta.get_field(name).related_model
    return current, "__".join([*path, "status"])


def frozen_statuses(model) -> tuple:
    root, _ = _root(model)
    return root.workflow.frozen


def frozen_message(model) -> str:
    root, _ = _root(model)
    return root.workflow.frozen_message


def _frozen_error(model) -> ValidationError:
    return ValidationError(frozen_message(model), code="frozen")


def _auto_fields(model) -> set:
    return {f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)}


def _changed(instance, stored: dict) -> set:
    return {name for name, value in stored.items() if getattr(instance, name) != value}


def _allowed_on_frozen(step: Step | None, stored_status) -> set:
    """Fields a write on a frozen row may touch: only those of a declared step out of it."""
    if step is None or not step.on_frozen or stored_status not in step.sources:
        return set()
    stamped = {name for name in (step.actor_field, step.time_field) if name}
    return {"status", *step.on_frozen, *stamped}


def refuse_frozen_write(instance, *, deleting: bool = False) -> None:
    """Raise when ``instance`` is (or belongs to) a document whose stored status is frozen, unless the
    write is a declared exception (a step's ``on_frozen`` fields, a child's ``frozen_writable``);
    a delete is never an exception."""
    if _seeding.get():
        return
    model = type(instance)
    if getattr(model, "workflow", None) is not None:
        _refuse_document_write(instance, deleting)
    else:
        _refuse_child_write(instance, deleting)


def _refuse_document_write(instance, deleting: bool) -> None:
    model = type(instance)
    if instance.pk is None:
        return
    names = [f.attname for f in model._meta.concrete_fields]
    stored = model._base_manager.filter(pk=instance.pk).values(*names).first()
    if not stored or stored["status"] not in model.workflow.frozen:
        return
    step = model.workflow.steps.get(instance.status)
    allowed = set() if deleting else _allowed_on_frozen(step, stored["status"])
    changed = _changed(instance, stored) - _auto_fields(model)
    if not allowed or not changed <= allowed:
        raise _frozen_error(model)


def _refuse_child_write(instance, deleting: bool) -> None:
    model = type(instance)
    first, *rest = model.frozen_parent.split("__")
    field = model._meta.get_field(first)
    parent_ids = {getattr(instance, field.attname)}
    writable = set(getattr(model, "frozen_writable", ()))
    stored = None
    if instance.pk is not None:
        names = [f.attname for f in model._meta.concrete_fields]
        stored = model._base_manager.filter(pk=instance.pk).values(*names).first()
        if stored:
            parent_ids.add(stored[field.attname])
    parent_ids.discard(None)
    if not parent_ids:
        return
    lookup = "__".join([*rest, "status__in"])
    frozen = field.related_model._base_manager.filter(pk__in=parent_ids, **{lookup: frozen_statuses(model)})
    if not frozen.exists():
        return
    # A running total kept after approval (an estimate line's disbursed amount) may still move.
    changed = _changed(instance, stored) if stored else set()
    if not deleting and changed and changed <= writable:
        return
    raise _frozen_error(model)


class FrozenQuerySet(models.QuerySet):
    """Bulk writes bypass ``save()``/``delete()``, so the QuerySet refuses them on frozen rows too
    (documents by their own status, children by their parent's)."""

    def _frozen_rows(self):
        _, lookup = _root(self.model)
        return self.filter(**{f"{lookup}__in": frozen_statuses(self.model)})

    def _bulk_update_allowed(self, frozen, kwargs: dict) -> bool:
        """A bulk update of frozen rows passes only as a declared exception: a child's
        ``frozen_writable`` fields, or a step's ``on_frozen`` fields moving every row to its target."""
        model = self.model
        if getattr(model, "workflow", None) is None:
            writable = set(getattr(model, "frozen_writable", ()))
            return bool(writable) and set(kwargs) <= writable
        step = model.workflow.steps.get(kwargs.get("status"))
        if step is None or not step.on_frozen:
            return False
        allowed = _allowed_on_frozen(step, step.sources[0]) | _auto_fields(model)
        return set(kwargs) <= allowed and not frozen.exclude(status__in=step.sources).exists()

    def update(self, **kwargs):
        if not _seeding.get():
            frozen = self._frozen_rows()
            if frozen.exists() and not self._bulk_update_allowed(frozen, kwargs):
                raise _frozen_error(self.model)
        return super().update(**kwargs)

    def delete(self):
        if not _seeding.get() and self._frozen_rows().exists():
            raise _frozen_error(self.model)
        return super().delete()

    delete.queryset_only = True


class StatusFlags:
    """``document.state.approved`` in a template: true when the status is that member (by name), so
    templates never spell a stored value. An unknown name is an error, not a silent false."""

    def __init__(self, statuses, value):
        self._statuses, self._value = statuses, value

    def __getattr__(self, name):
        try:
            return self._value == self._statuses[name.upper()]
        except KeyError:
            raise AttributeError(name) from None


class Freezable:
    """Mixin for a workflow document (``workflow = Workflow(...)``) or a child of one
    (``frozen_parent = "plan"``, ``"target__plan"`` …): ``save``/``delete``/``clean`` refuse a write
    when the stored document is frozen."""

    workflow: Workflow | None = None
    frozen_parent: str = ""
    frozen_writable: tuple = ()

    def save(self, *args, **kwargs):
        refuse_frozen_write(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        refuse_frozen_write(self, deleting=True)
        return super().delete(*args, **kwargs)

    def clean(self):
        super().clean()
        refuse_frozen_write(self)

    @property
    def is_frozen(self) -> bool:
        """Whether this document (not a child) is in a frozen status, as held in memory."""
        return self.status in self.workflow.frozen

    @property
    def state(self) -> StatusFlags:
        return StatusFlags(self.workflow.statuses, self.status)

    @property
    def log_steps(self):
        """The document's log rows, oldest first, with their actors (every log's related name is
        ``transitions``)."""
        return self.transitions.select_related("actor").order_by("at", "pk")


def document_of(instance):
    """The workflow document ``instance`` is or belongs to (following ``frozen_parent``)."""
    if getattr(type(instance), "workflow", None) is not None:
        return instance
    document = instance
    for name in type(instance).frozen_parent.split("__"):
        document = getattr(document, name)
    return document


def is_frozen(instance) -> bool:
    """Whether ``instance`` (a document or a child) is frozen, as loaded."""
    document = document_of(instance)
    return document is not None and document.status in type(document).workflow.frozen


class FrozenAdminMixin:
    """ModelAdmin of a workflow document or child: read-only once frozen (the model refuses such writes
    anyway; this keeps the admin from offering them), and a bulk delete touching a frozen row is 403."""

    def has_change_permission(self, request, obj=None):
        return not (obj is not None and is_frozen(obj)) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and is_frozen(obj)) and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        try:
            super().delete_queryset(request, queryset)
        except ValidationError as error:
            raise PermissionDenied(error.messages[0]) from error


# --- the one transition ---------------------------------------------------------------------------


def check_step(obj, *, to) -> Step:
    """Refuse when ``obj`` (as held) cannot move to ``to``; lets a service report a wrong state before
    its role check, as its pages always have."""
    flow = type(obj).workflow
    step = flow.step(to)
    if obj.status not in step.sources:
        message = step.wrong_state_message or messages.WRONG_STATE.format(
            current=flow.label(obj.status), target=flow.label(to)
        )
        raise ValidationError(message, code="status")
    return step


@transaction.atomic
def transition(obj, *, to, user, comment: str = "", changes: dict | None = None):
    """Move ``obj`` to status ``to`` by ``user``; returns the document re-read under a row lock and saved.

    Order: lock, allowed-from, four-eyes, comment, then ``changes`` (extra fields such as a decision
    number and date), status, actor, time and comment set, ``full_clean``, save and one log row."""
    model = type(obj)
    flow = model.workflow
    document = model._default_manager.select_for_update().get(pk=obj.pk)
    step = check_step(document, to=to)
    if step.not_by and getattr(document, f"{step.not_by}_id") == user.pk:
        raise ValidationError(step.own_message or messages.FOUR_EYES, code="own")
    comment = (comment or "").strip()
    if step.comment_required and not comment:
        raise ValidationError(
            {step.comment_key: step.comment_message or messages.COMMENT_REQUIRED}, code="required"
        )
    for name, value in (changes or {}).items():
        setattr(document, name, value)
    from_status = document.status
    document.status = to
    if step.actor_field:
        setattr(document, step.actor_field, user)
    if step.time_field:
        setattr(document, step.time_field, timezone.now())
    if step.comment_field:
        setattr(document, step.comment_field, comment)
    for name in step.clears:
        setattr(document, name, model._meta.get_field(name).get_default())
    document.full_clean()
    document.save()
    flow.write_log(document, from_status=from_status, user=user, comment=comment)
    return document


def log_created(obj, *, user):
    """The first log row of a new document ("" → its first status). A document a management command
    opens on no one's behalf (a workbook import's round) has no actor, so no row."""
    if user is None:
        return None
    return type(obj).workflow.write_log(obj, from_status="", user=user)


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
