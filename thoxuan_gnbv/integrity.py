"""No 500 on a unique race: the IntegrityError of a named unique constraint, raised when a conflicting
row was saved between a service's own check and its save, becomes a ValidationError on the field the
constraint guards, in the service's Vietnamese."""

import re
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction


def _constraint_columns(model) -> dict[str, tuple[str, list[str]]]:
    """Each unique constraint of ``model`` (and each ``unique=True`` field) → (field, its columns)."""
    found = {}
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            columns = [model._meta.get_field(f).column for f in constraint.fields]
            found[constraint.name] = (constraint.fields[-1], columns)
    for field in model._meta.concrete_fields:
        if field.unique and not field.primary_key:
            found[field.name] = (field.name, [field.column])
    return found


def violated_constraint(model, error: IntegrityError) -> str | None:
    """The name of the unique constraint ``error`` reports: PostgreSQL names it, SQLite lists its
    columns (``UNIQUE constraint failed: table.a, table.b``)."""
    text = str(error)
    table = model._meta.db_table
    listed = re.search(r"UNIQUE constraint failed: (.+)$", text, re.MULTILINE)
    for name, (_, columns) in _constraint_columns(model).items():
        if re.search(rf'"{re.escape(name)}"', text):
            return name
        if listed and [c.strip() for c in listed.group(1).split(",")] == [f"{table}.{c}" for c in columns]:
            return name
    return None


@contextmanager
def unique_errors(model, texts: dict[str, str]):
    """Run a save; a violation of a unique constraint named in ``texts`` (constraint name → Vietnamese
    message) becomes a ValidationError on that constraint's field. Other IntegrityErrors pass."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        name = violated_constraint(model, error)
        if name not in texts:
            raise
        field = _constraint_columns(model)[name][0]
        raise ValidationError({field: texts[name]}, code="unique") from error
