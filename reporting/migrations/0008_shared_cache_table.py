"""The table of Django's database cache (settings CACHES), shared by every app server and worker.
Made by ``migrate`` so that no deployment can forget ``createcachetable``; safe to re-run (it only
creates what is missing) and a no-op when CACHE_URL names another cache."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0007_figure_store")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False)]
