"""Seed the recently-escaped window and the working-age limits of both seeded poverty standards.

Law as data (ARCHITECTURE.md): an administrator corrects them in the admin. The window is QĐ 90/QĐ-TTg's
"hộ mới thoát nghèo" (36 months, counted as 1,095 days). Working age follows the Labour Code 2019
(Điều 169), whose retirement age rises step by step; the ages used so far (men under 62, women under
60) are kept and marked "cần xác nhận" in the standard's note.
"""

import datetime

from django.db import migrations

VALUES = {
    "recently_escaped_days": 1095,
    "working_age_min": 15,
    "working_age_end_male": 62,
    "working_age_end_female": 60,
}
NOTE = (
    "Cần xác nhận: tuổi lao động từ 15 đến dưới 62 (nam), dưới 60 (nữ) theo lộ trình Bộ luật Lao động 2019; "
    "hộ mới thoát nghèo trong 1095 ngày (36 tháng, QĐ 90/QĐ-TTg)."
)
STARTS = [datetime.date(2022, 1, 1), datetime.date(2027, 1, 1)]


def seed(apps, schema_editor):
    PovertyStandard = apps.get_model("households", "PovertyStandard")
    for standard in PovertyStandard.objects.filter(valid_from__in=STARTS):
        for field, value in VALUES.items():
            setattr(standard, field, value)
        if NOTE not in standard.note:
            standard.note = f"{standard.note}\n{NOTE}".strip()
        standard.save()


def unseed(apps, schema_editor):
    PovertyStandard = apps.get_model("households", "PovertyStandard")
    for standard in PovertyStandard.objects.filter(valid_from__in=STARTS):
        standard.note = standard.note.replace(NOTE, "").strip()
        standard.save(update_fields=["note"])


class Migration(migrations.Migration):
    dependencies = [("households", "0007_standard_windows_and_working_age")]

    operations = [migrations.RunPython(seed, unseed)]
