"""Replace the provisional copy of the 12 indicators of the 2027–2030 standard with the list of
NĐ 351/2025/NĐ-CP (30/12/2025, chuẩn nghèo đa chiều quốc gia giai đoạn 2026–2030).

Confirmed (official news summary of the decree): NĐ 07/2021 Điều 3 stays in force 01/01–31/12/2026;
from 2027 the income lines are 2,200,000 đ (nông thôn) and 2,800,000 đ (đô thị) per person per month; the
employment dimension keeps "việc làm" and "người phụ thuộc". Reported changes (issue text, news): the
"phương tiện tiếp cận thông tin" indicator is dropped, digital services and household-waste handling are
added. NOT confirmed: the exact wording, order and conditions of the indicators other than employment —
each condition below says "(Cần xác nhận)" and the standard stays unconfirmed; an administrator
corrects it in the admin once the decree's appendix is at hand.
"""

import datetime

from django.db import migrations

START = datetime.date(2027, 1, 1)
UNSURE = "(Cần xác nhận) "
DROPPED = "information_devices"
# Indicators the 2027 standard adds, after their dimension's indicators: (code, service, name, condition)
ADDED = [
    (
        "waste",
        "Nước sinh hoạt và vệ sinh",
        "Thu gom, xử lý rác thải sinh hoạt",
        UNSURE + "Hộ không được thu gom rác thải sinh hoạt và không tự xử lý rác thải đúng quy định.",
    ),
    (
        "digital_services",
        "Thông tin",
        "Sử dụng dịch vụ số",
        UNSURE + "Hộ không có thành viên nào sử dụng dịch vụ số (dịch vụ công trực tuyến, thanh toán "
        "điện tử, dịch vụ số thiết yếu khác).",
    ),
]
# The order of the 2027 list: the kept codes of the 2022 list, with the added ones in their dimension.
ORDER = [
    "employment",
    "dependants",
    "nutrition",
    "health_insurance",
    "adult_education",
    "school_attendance",
    "housing_quality",
    "housing_area",
    "domestic_water",
    "latrine",
    "waste",
    "telecoms",
    "digital_services",
]
CONFIRMED = {"employment", "dependants"}
NOTE = (
    "Nghị định 351/2025/NĐ-CP ngày 30/12/2025: chuẩn thu nhập nông thôn 2.200.000 đồng, đô thị 2.800.000 "
    "đồng/người/tháng; bỏ chỉ số “Phương tiện tiếp cận thông tin”, bổ sung “Sử dụng dịch vụ số” và "
    "“Thu gom, xử lý rác thải sinh hoạt”. Cần xác nhận: tên, điều kiện thiếu hụt của các chỉ số (trừ "
    "việc làm, người phụ thuộc), mức sống trung bình và ngưỡng điểm Phiếu B."
)
OLD_NOTE = (
    "Cần xác nhận: danh sách chỉ số thiếu hụt, mức sống trung bình và ngưỡng điểm Phiếu B "
    "theo văn bản hướng dẫn Nghị định 351/2025/NĐ-CP. Tạm dùng 12 chỉ số của giai đoạn trước."
)


def seed(apps, schema_editor):
    PovertyStandard = apps.get_model("households", "PovertyStandard")
    Indicator = apps.get_model("households", "Indicator")
    standard = PovertyStandard.objects.filter(valid_from=START).first()
    if standard is None:
        return
    standard.indicators.filter(code=DROPPED).delete()
    for code, service, name, condition in ADDED:
        Indicator.objects.update_or_create(
            standard=standard,
            code=code,
            defaults={
                "position": 100 + ORDER.index(code),
                "service": service,
                "name": name,
                "condition": condition,
            },
        )
    for indicator in standard.indicators.all():
        indicator.position = ORDER.index(indicator.code) + 1 if indicator.code in ORDER else 99
        if indicator.code in CONFIRMED:
            indicator.condition = indicator.condition.removeprefix(UNSURE)
        indicator.save(update_fields=["position", "condition"])
    standard.note = standard.note.replace(OLD_NOTE, NOTE) if OLD_NOTE in standard.note else standard.note
    if NOTE not in standard.note:
        standard.note = f"{NOTE}\n{standard.note}".strip()
    standard.is_confirmed = False
    standard.save(update_fields=["note", "is_confirmed"])


def unseed(apps, schema_editor):
    PovertyStandard = apps.get_model("households", "PovertyStandard")
    Indicator = apps.get_model("households", "Indicator")
    standard = PovertyStandard.objects.filter(valid_from=START).first()
    if standard is None:
        return
    standard.indicators.filter(code__in=[code for code, *_ in ADDED]).delete()
    Indicator.objects.create(
        standard=standard,
        position=12,
        code=DROPPED,
        service="Thông tin",
        name="Phương tiện tiếp cận thông tin",
        condition=UNSURE + "Hộ không có phương tiện tiếp cận thông tin.",
    )
    standard.note = standard.note.replace(NOTE, OLD_NOTE)
    standard.save(update_fields=["note"])


class Migration(migrations.Migration):
    dependencies = [("households", "0012_review_round_stages")]

    operations = [migrations.RunPython(seed, unseed)]
