"""On PostgreSQL, a trigram GIN index on the folded search key so that the list's
"contains" search (LIKE '%nguyen thi huong%') stays fast at a million households.
SQLite has no such index type; there the B-tree index of migration 0002 is all there is."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS household_search_trgm_idx "
        "ON households_household USING gin (search_key gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS household_search_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [("households", "0003_seed_poverty_standards_2022_2030")]

    operations = [migrations.RunPython(create, drop)]
