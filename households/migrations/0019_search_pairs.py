"""The search's word-pair list (``households.models.search``), PostgreSQL's alone: the table and the
trigger that keeps it as the households' keys and codes are: every pair of neighbouring words of the
folded key, cut to the last three letters of the first and the first three of the second, except a
pair that then holds a digit (CCCDs and code numbers: a term with a digit there is searched without
the pairs). The existing households' pairs are written here once. The model is unmanaged, so Django's
state only records it; SQLite gets nothing."""

import django.db.models.deletion
from django.db import migrations, models

TABLE = """
CREATE TABLE households_searchpair (
    household_id bigint NOT NULL,
    token varchar(7) NOT NULL,
    commune_id bigint NOT NULL,
    code varchar(30) NOT NULL,
    PRIMARY KEY (household_id, token)
)
"""
# A pair's rows in code order within a commune: the search walks this range.
WALK_INDEX = (
    "CREATE INDEX search_pair_walk_idx ON households_searchpair (commune_id, token, code, household_id)"
)

# households.search.pair_tokens cuts a term's pairs exactly as this cuts a key's; the two must agree.
PAIRS = """
CREATE OR REPLACE FUNCTION households_search_pairs(key text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
    SELECT DISTINCT pair FROM (
        SELECT right(word, 3) || ' ' || left(lead(word) OVER (ORDER BY n), 3) AS pair
        FROM unnest(string_to_array(key, ' ')) WITH ORDINALITY AS words(word, n)
    ) pairs
    WHERE pair IS NOT NULL AND pair !~ '[0-9]'
$$
"""

SYNC = """
CREATE OR REPLACE FUNCTION households_search_pairs_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE households_searchpair;  -- Django's flush between tests, a reset: rows cannot be
        RETURN NULL;                     -- deleted one by one, as TRUNCATE fires no row trigger
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.search_key = OLD.search_key AND NEW.code = OLD.code
            AND NEW.commune_id = OLD.commune_id THEN
        RETURN NULL;  -- most saves (status, address, the version) leave the pairs as they are
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM households_searchpair WHERE household_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO households_searchpair (household_id, commune_id, code, token)
        SELECT NEW.id, NEW.commune_id, NEW.code, pair FROM households_search_pairs(NEW.search_key) AS pair;
    END IF;
    RETURN NULL;
END
$$
"""

TRIGGERS = (
    """
    CREATE TRIGGER households_search_pairs_sync
    AFTER INSERT OR UPDATE OR DELETE ON households_household
    FOR EACH ROW EXECUTE FUNCTION households_search_pairs_sync()
    """,
    """
    CREATE TRIGGER households_search_pairs_truncate
    AFTER TRUNCATE ON households_household
    FOR EACH STATEMENT EXECUTE FUNCTION households_search_pairs_sync()
    """,
)

BACKFILL = """
INSERT INTO households_searchpair (household_id, commune_id, code, token)
SELECT household.id, household.commune_id, household.code, pair
FROM households_household household, households_search_pairs(household.search_key) AS pair
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in (TABLE, PAIRS, SYNC, *TRIGGERS, BACKFILL, WALK_INDEX):
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for trigger in ("households_search_pairs_sync", "households_search_pairs_truncate"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON households_household")
    schema_editor.execute("DROP FUNCTION IF EXISTS households_search_pairs_sync()")
    schema_editor.execute("DROP FUNCTION IF EXISTS households_search_pairs(text)")
    schema_editor.execute("DROP TABLE IF EXISTS households_searchpair")


class Migration(migrations.Migration):
    dependencies = [("households", "0018_search_joined_trigram_index")]

    operations = [
        migrations.CreateModel(
            name="SearchPair",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "household", "token", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("code", models.CharField(max_length=30)),
                ("token", models.CharField(max_length=7)),
                (
                    "commune",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="households.commune",
                    ),
                ),
                (
                    "household",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="households.household",
                    ),
                ),
            ],
            options={
                "verbose_name": "cặp từ tìm kiếm",
                "verbose_name_plural": "cặp từ tìm kiếm",
                "db_table": "households_searchpair",
                "managed": False,
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
