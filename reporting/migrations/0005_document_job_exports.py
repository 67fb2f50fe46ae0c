"""Background jobs for large exports beside the compiled report's PDF: a job names its kind and its
commune (the scope of who sees it), what to export, and a file in the media storage for a workbook
that grows with the registry. The commune is filled from the report here and required in the next
migration: on PostgreSQL a column cannot be altered in the transaction that updated its rows."""

import django.db.models.deletion
from django.db import migrations, models


def commune_from_report(apps, schema_editor):
    DocumentJob = apps.get_model("reporting", "DocumentJob")
    for job in DocumentJob.objects.filter(commune__isnull=True).select_related("compiled_report__period"):
        job.commune_id = job.compiled_report.period.commune_id
        job.save(update_fields=["commune"])


class Migration(migrations.Migration):
    dependencies = [
        ("households", "0014_phieu_a_quick_screen"),
        ("reporting", "0004_compiled_sections_cutoff_submitted_figures"),
    ]

    operations = [
        migrations.AddField(
            model_name="documentjob",
            name="kind",
            field=models.CharField(
                choices=[
                    ("compiled_pdf", "PDF báo cáo tổng hợp kèm phụ lục"),
                    ("annex_xlsx", "Danh sách hộ được hỗ trợ (Excel)"),
                    ("households_xlsx", "Danh sách hộ gia đình (Excel)"),
                    ("review_xlsx", "Biểu kết quả rà soát và danh sách hộ (Excel)"),
                ],
                default="compiled_pdf",
                max_length=20,
                verbose_name="loại",
            ),
        ),
        migrations.AddField(
            model_name="documentjob",
            name="commune",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="households.commune",
                verbose_name="xã/phường",
            ),
        ),
        migrations.RunPython(commune_from_report, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="documentjob",
            name="compiled_report",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="jobs",
                to="reporting.compiledreport",
                verbose_name="báo cáo tổng hợp",
            ),
        ),
        migrations.AddField(
            model_name="documentjob",
            name="params",
            field=models.JSONField(blank=True, default=dict, verbose_name="tham số"),
        ),
        migrations.AddField(
            model_name="documentjob",
            name="file",
            field=models.FileField(blank=True, upload_to="jobs/%Y/%m/", verbose_name="tệp"),
        ),
        migrations.AddField(
            model_name="documentjob",
            name="filename",
            field=models.CharField(blank=True, max_length=120, verbose_name="tên tệp"),
        ),
    ]
