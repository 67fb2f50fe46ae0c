import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("thoxuan_gnbv", "0002_user_history"),
        ("households", "0006_review_round_submitter_and_log"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="commune",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="users",
                to="households.commune",
                verbose_name="xã, phường, thị trấn",
            ),
        ),
    ]
