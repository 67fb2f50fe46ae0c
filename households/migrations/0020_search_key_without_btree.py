"""The search key loses its two btree indexes (the key and its LIKE copy, on the history table too):
no query reads them, and every household written paid for them."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('households', '0019_search_pairs'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalhousehold',
            name='search_key',
            field=models.CharField(blank=True, editable=False, max_length=1000, verbose_name='khóa tìm kiếm'),
        ),
        migrations.AlterField(
            model_name='household',
            name='search_key',
            field=models.CharField(blank=True, editable=False, max_length=1000, verbose_name='khóa tìm kiếm'),
        ),
    ]
