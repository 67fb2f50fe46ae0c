"""One head (chủ hộ) per household: a partial unique index on the member relation.

Rows entered before the rule may hold two heads: the one named as the household's head (else the
first entered) stays head, the others become "Khác", each change written to the members' history
with its reason so nothing is silently lost."""

from django.db import migrations, models
from django.utils import timezone

REASON = "Mỗi hộ một chủ hộ: người này chuyển sang quan hệ Khác"


def keep_one_head(apps, schema_editor):
    Member = apps.get_model("households", "Member")
    HistoricalMember = apps.get_model("households", "HistoricalMember")
    heads = Member.objects.filter(relation_to_head="head").select_related("household").order_by("household", "id")
    by_household = {}
    for member in heads:
        by_household.setdefault(member.household_id, []).append(member)
    now = timezone.now()
    for members in by_household.values():
        if len(members) < 2:
            continue
        named = [m for m in members if m.full_name == m.household.head_name]
        keep = (named or members)[0]
        for member in members:
            if member.pk == keep.pk:
                continue
            member.relation_to_head = "other"
            member.save(update_fields=["relation_to_head"])
            values = {f.attname: getattr(member, f.attname) for f in Member._meta.concrete_fields}
            HistoricalMember.objects.create(
                **values, history_date=now, history_type="~", history_change_reason=REASON
            )


class Migration(migrations.Migration):
    dependencies = [
        ("households", "0009_household_member_version"),
    ]

    operations = [
        migrations.RunPython(keep_one_head, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="member",
            constraint=models.UniqueConstraint(
                condition=models.Q(("relation_to_head", "head")),
                fields=("household",),
                name="member_one_head_per_household",
            ),
        ),
    ]
