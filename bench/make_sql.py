"""Bulk writing for the bench generators: ``insert_rows`` (COPY on PostgreSQL, executemany elsewhere;
``thoxuan_gnbv.bulk_copy``, which the workbook import shares), explicit keys and the sequences after
them. Rows bypass the ORM, so every NOT NULL column without a database default (``version``,
``void_reason``…) must be in ``columns``."""

from django.db import connection

from thoxuan_gnbv.bulk_copy import insert_rows

__all__ = ["analyze", "insert_rows", "next_id", "reset_sequences"]


def next_id(model) -> int:
    """The first free primary key of ``model``: the generators number their rows themselves."""
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def reset_sequences(*models) -> None:
    """After rows with explicit keys, move PostgreSQL's identity sequences past them (SQLite needs none)."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def analyze(*tables: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")
