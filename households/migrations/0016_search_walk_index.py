"""On PostgreSQL the list's index (commune, code, id) also carries the folded search key (INCLUDE), so a
search walks its window of households in code order from the index alone, never visiting the table
(households.search). Same name and key columns as before, so the model state does not change; SQLite
has no covering indexes and keeps the plain one."""

from django.db import migrations

NAME = "household_commune_code_idx"


def cover(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")
    schema_editor.execute(
        f"CREATE INDEX {NAME} ON households_household (commune_id, code, id) INCLUDE (search_key)"
    )


def uncover(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")
    schema_editor.execute(f"CREATE INDEX {NAME} ON households_household (commune_id, code, id)")


class Migration(migrations.Migration):
    dependencies = [("households", "0015_province_identity_merger")]

    operations = [migrations.RunPython(cover, uncover)]
