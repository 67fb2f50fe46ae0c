
import django.db.models.deletion
import django.db.models.expressions
from django.db import migrations, models


def _code(project_number, subproject_number) -> str:
    return f"{project_number}.{subproject_number}" if subproject_number else str(project_number)


def fill_accounts(apps, schema_editor):
    """One account per commune, year, component code and source already used, with the allocated and
    paid totals found; a total already paid past its allocation is kept as found (overrun_before_cap)."""
    Allocation = apps.get_model("programs", "Allocation")
    Disbursement = apps.get_model("programs", "Disbursement")
    BudgetAccount = apps.get_model("programs", "BudgetAccount")
    totals = {}
    allocated = Allocation.objects.values(
        "component__plan__commune_id",
        "component__plan__year",
        "component__project__number",
        "component__subproject__number",
        "source",
    ).annotate(total=models.Sum("amount"))
    for row in allocated:
        key = (
            row["component__plan__commune_id"],
            row["component__plan__year"],
            _code(row["component__project__number"], row["component__subproject__number"]),
            row["source"],
        )
        totals.setdefault(key, [0, 0])[0] += row["total"] or 0
    paid = Disbursement.objects.values(
        "line__estimate__commune_id",
        "line__estimate__year",
        "line__component__project__number",
        "line__component__subproject__number",
        "line__source",
    ).annotate(total=models.Sum("amount"))
    for row in paid:
        key = (
            row["line__estimate__commune_id"],
            row["line__estimate__year"],
            _code(row["line__component__project__number"], row["line__component__subproject__number"]),
            row["line__source"],
        )
        totals.setdefault(key, [0, 0])[1] += row["total"] or 0
    BudgetAccount.objects.bulk_create(
        BudgetAccount(
            commune_id=commune_id,
            year=year,
            component_code=code,
            source=source,
            allocated=given,
            disbursed=spent,
            overrun_before_cap=max(spent - given, 0),
        )
        for (commune_id, year, code, source), (given, spent) in totals.items()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('households', '0009_household_member_version'),
        ('programs', '0009_plan_parts_allocation_version'),
    ]

    operations = [
        migrations.CreateModel(
            name='BudgetAccount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='năm')),
                ('component_code', models.CharField(max_length=10, verbose_name='dự án/tiểu dự án')),
                ('source', models.CharField(choices=[('central', 'Ngân sách trung ương'), ('local', 'Ngân sách địa phương'), ('mobilised', 'Vốn huy động hợp pháp'), ('credit', 'Vốn tín dụng chính sách')], max_length=20, verbose_name='nguồn vốn')),
                ('allocated', models.PositiveBigIntegerField(default=0, verbose_name='được phân bổ (đồng)')),
                ('disbursed', models.PositiveBigIntegerField(default=0, verbose_name='đã giải ngân (đồng)')),
                ('overrun_before_cap', models.PositiveBigIntegerField(default=0, verbose_name='vượt phân bổ từ trước (đồng)')),
                ('commune', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='households.commune', verbose_name='xã/phường/thị trấn')),
            ],
            options={
                'verbose_name': 'sổ theo dõi kinh phí',
                'verbose_name_plural': 'sổ theo dõi kinh phí',
                'constraints': [models.UniqueConstraint(fields=('commune', 'year', 'component_code', 'source'), name='budget_account_unique'), models.CheckConstraint(condition=models.Q(('disbursed__lte', django.db.models.expressions.CombinedExpression(models.F('allocated'), '+', models.F('overrun_before_cap')))), name='budget_account_no_overdraft')],
            },
        ),
        migrations.RunPython(fill_accounts, migrations.RunPython.noop),
    ]
