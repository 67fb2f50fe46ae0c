"""Bulk writing for the bench generators: COPY on PostgreSQL (millions of rows in minutes), executemany
elsewhere, with the same rows (None is NULL). Rows bypass the ORM, so every NOT NULL column without a
database default (``version``, ``void_reason``…) must be in ``columns``.

COPY reads CSV where an unquoted empty field is NULL and a quoted one ("") an empty string, which is
exactly what csv.QUOTE_NOTNULL writes for None and "" (no per-value conversion in Python)."""

import csv
import io

from django.db import connection


def insert_rows(table: str, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    if connection.vendor == "postgresql":
        buffer = io.StringIO()
        csv.writer(buffer, quoting=csv.QUOTE_NOTNULL).writerows(rows)
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", buffer
            )
        return
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows)


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
