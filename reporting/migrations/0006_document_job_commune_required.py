"""Every background job names its commune (filled by 0005): who may see it is scoped by it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reporting", "0005_document_job_exports")]

    operations = [
        migrations.AlterField(
            model_name="documentjob",
            name="commune",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="households.commune",
                verbose_name="xã/phường",
            ),
        ),
    ]
