"""On PostgreSQL the search's trigram index covers the folded key with its spaces made a digit
(``households.search.JOINED``), so trigrams span neighbouring words and a two-word name is looked up as
two words side by side, not as two words anywhere in the key. It replaces the index on the plain key
(0004), which the search no longer asks: two trigram indexes would both be read and both slow every
write. SQLite has no trigram index and is left as it is."""

from django.db import migrations

OLD = "household_search_trgm_idx"
NEW = "household_search_joined_trgm_idx"


def join(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD}")
    # The expression as Django writes households.search.JOINED, so the planner matches it.
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NEW} ON households_household "
        "USING gin ((replace(search_key, ' ', '9')) gin_trgm_ops)"
    )


def unjoin(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NEW}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD} ON households_household USING gin (search_key gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [("households", "0017_household_updated_at_index")]

    operations = [migrations.RunPython(join, unjoin)]
