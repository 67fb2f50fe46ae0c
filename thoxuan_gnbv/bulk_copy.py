"""Bulk inserts through PostgreSQL's COPY, for the few writes of thousands of rows (the workbook import,
the bench generators).

``bulk_create`` prepares every value of every object through its field (at 10,000 households and their
reviews, about 0.7 s of Python, as long as the database's own work). COPY takes the rows as CSV: the
keys come from the table's sequence first (``nextval`` in one query), so the objects know them, as
after ``bulk_create``. Other engines go through ``bulk_create`` unchanged.

CSV for COPY: an unquoted empty field is NULL and a quoted one ("") an empty string, which is exactly
what ``csv.QUOTE_NOTNULL`` writes for None and "" (no per-value conversion in Python).
"""

import csv
import io
import json

from django.db import connections, models, router
from django.utils import timezone

__all__ = ["copy_create", "insert_rows"]
# Fields whose Python value COPY reads as the database value (str() of it, or JSON for JSONField);
# any other field (a custom type, an encrypted column…) sends the model to bulk_create.
PLAIN_FIELDS = (
    models.AutoField,
    models.BigAutoField,
    models.BooleanField,
    models.CharField,
    models.DateField,  # DateTimeField included
    models.DecimalField,
    models.ForeignKey,
    models.IntegerField,  # the positive and small/big variants included
    models.JSONField,
    models.TextField,
)


def insert_rows(table: str, columns: list[str], rows, *, using: str = "default") -> None:
    """Write ``rows`` (tuples in ``columns`` order, None is NULL) with COPY on PostgreSQL, executemany
    elsewhere. Rows bypass the ORM: every NOT NULL column without a database default must be given."""
    connection = connections[using]
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    if connection.vendor == "postgresql":
        buffer = io.StringIO()
        csv.writer(buffer, quoting=csv.QUOTE_NOTNULL).writerows(rows)
        if not buffer.tell():
            return
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {quote(table)} ({names}) FROM STDIN WITH (FORMAT csv)", buffer)
        return
    rows = list(rows)
    if rows:
        placeholders = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders})", rows)


def copy_create(model, objs: list, *, batch_size: int = 1000) -> list:
    """``model.objects.bulk_create(objs)`` through COPY on PostgreSQL: the objects get their keys and
    their ``auto_now``/``auto_now_add`` times, as ``bulk_create`` gives them. No signals, no ``save``.
    ``batch_size`` serves the ``bulk_create`` path; COPY streams the objects given (callers pass chunks)."""
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    if connection.vendor != "postgresql" or not objs or not all(isinstance(f, PLAIN_FIELDS) for f in fields):
        return model.objects.bulk_create(objs, batch_size=batch_size)
    pk = model._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, pk.column, len(objs)],
        )
        keys = [key for (key,) in cursor.fetchall()]
    now = timezone.now()
    stamped = [
        f.attname for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    as_json = {f.attname: f.encoder for f in fields if isinstance(f, models.JSONField)}
    attnames = [f.attname for f in fields]

    def row(obj, key):
        obj.pk = key
        for attname in stamped:
            setattr(obj, attname, now)
        obj._state.adding, obj._state.db = False, using
        values = [getattr(obj, attname) for attname in attnames]
        for i, attname in enumerate(attnames):
            if attname in as_json and values[i] is not None:
                values[i] = json.dumps(values[i], cls=as_json[attname])
        return (key, *values)

    insert_rows(
        model._meta.db_table,
        [pk.column, *(f.column for f in fields)],
        (row(obj, key) for obj, key in zip(objs, keys, strict=True)),
        using=using,
    )
    return objs
