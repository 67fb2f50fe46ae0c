"""Seed the multidimensional poverty standards: NĐ 07/2021/NĐ-CP (2022–2025, extended to 2026 by
NĐ 351/2025) and NĐ 351/2025/NĐ-CP (2027–2030, indicator list to be confirmed). Data, not code:
an administrator edits them or adds the next period in the admin."""

import datetime

from django.db import migrations

# (code, service, name = the workbook column header, condition shown as help text)
INDICATORS_2022 = [
    ("employment", "Việc làm", "Việc làm",
     "Hộ có ít nhất một người trong độ tuổi lao động đang thất nghiệp hoặc có việc làm nhưng không ổn định "
     "(làm công ăn lương không có hợp đồng lao động hoặc không có bảo hiểm xã hội bắt buộc)."),
    ("dependants", "Việc làm", "Người phụ thuộc",
     "Tỷ lệ người phụ thuộc (trẻ em, người cao tuổi, người không có khả năng lao động) trên tổng số nhân "
     "khẩu của hộ lớn hơn 50%."),
    ("nutrition", "Y tế", "Dinh dưỡng",
     "Hộ có ít nhất một trẻ em dưới 16 tuổi bị suy dinh dưỡng chiều cao theo tuổi (thấp còi) hoặc cân nặng "
     "theo tuổi (nhẹ cân)."),
    ("health_insurance", "Y tế", "Bảo hiểm y tế",
     "Hộ có ít nhất một người từ đủ 6 tuổi trở lên hiện không có bảo hiểm y tế."),
    ("adult_education", "Giáo dục", "Trình độ giáo dục người lớn",
     "Hộ có ít nhất một người từ 16 đến 30 tuổi không tham gia các khóa đào tạo hoặc không có bằng cấp, "
     "chứng chỉ giáo dục, đào tạo so với độ tuổi tương ứng."),
    ("school_attendance", "Giáo dục", "Tình trạng đi học trẻ em",
     "Hộ có ít nhất một trẻ em từ 3 tuổi đến dưới 16 tuổi không được học đúng bậc, cấp học phù hợp với độ tuổi."),
    ("housing_quality", "Nhà ở", "Chất lượng nhà ở",
     "Hộ đang ở trong ngôi nhà (căn hộ) thuộc loại không bền chắc."),
    ("housing_area", "Nhà ở", "Diện tích nhà ở",
     "Diện tích nhà ở bình quân đầu người của hộ nhỏ hơn 8 m²."),
    ("domestic_water", "Nước sinh hoạt và vệ sinh", "Nguồn nước sinh hoạt",
     "Hộ không được tiếp cận nguồn nước sinh hoạt an toàn (nước máy, giếng khoan, giếng đào được bảo vệ, "
     "nước mưa, nước đóng chai…)."),
    ("latrine", "Nước sinh hoạt và vệ sinh", "Nhà tiêu hợp vệ sinh",
     "Hộ không sử dụng hố xí (nhà tiêu) hợp vệ sinh."),
    ("telecoms", "Thông tin", "Sử dụng dịch vụ viễn thông",
     "Hộ không có thành viên nào sử dụng dịch vụ internet."),
    ("information_devices", "Thông tin", "Phương tiện tiếp cận thông tin",
     "Hộ không có phương tiện nào trong số: ti vi, radio, máy tính để bàn, máy tính xách tay, điện thoại "
     "thông minh, máy tính bảng; và không có phương tiện nào trong số: ô tô, xe máy, xe có động cơ, tàu "
     "thuyền có động cơ."),
]


def seed(apps, schema_editor):
    PovertyStandard = apps.get_model("households", "PovertyStandard")
    Indicator = apps.get_model("households", "Indicator")
    standards = [
        (
            {
                "name": "Chuẩn nghèo đa chiều giai đoạn 2022–2025",
                "legal_basis": "Nghị định 07/2021/NĐ-CP",
                "valid_from": datetime.date(2022, 1, 1),
                # NĐ 351/2025 keeps this standard for 2026.
                "valid_to": datetime.date(2026, 12, 31),
            },
            {
                "urban_income_line": 2_000_000,
                "rural_income_line": 1_500_000,
                "urban_average_line": 3_000_000,
                "rural_average_line": 2_250_000,
                "deprivation_cutoff": 3,
                "urban_points_line": 175,
                "rural_points_line": 140,
                "points_per_deprivation": 10,
                "is_confirmed": True,
                "note": "Áp dụng cả năm 2026 theo Nghị định 351/2025/NĐ-CP. Phiếu B: thành thị 175 điểm, "
                "nông thôn 140 điểm; 10 điểm cho mỗi chỉ số thiếu hụt.",
            },
        ),
        (
            {
                "name": "Chuẩn nghèo đa chiều giai đoạn 2027–2030",
                "legal_basis": "Nghị định 351/2025/NĐ-CP",
                "valid_from": datetime.date(2027, 1, 1),
                "valid_to": datetime.date(2030, 12, 31),
            },
            {
                "urban_income_line": 2_800_000,
                "rural_income_line": 2_200_000,
                # 1.5 × the line, as in the previous standard: to be confirmed.
                "urban_average_line": 4_200_000,
                "rural_average_line": 3_300_000,
                "deprivation_cutoff": 3,
                "urban_points_line": None,
                "rural_points_line": None,
                "points_per_deprivation": 10,
                "is_confirmed": False,
                "note": "Cần xác nhận: danh sách chỉ số thiếu hụt, mức sống trung bình và ngưỡng điểm Phiếu B "
                "theo văn bản hướng dẫn Nghị định 351/2025/NĐ-CP. Tạm dùng 12 chỉ số của giai đoạn trước.",
            },
        ),
    ]
    for lookup, defaults in standards:
        standard, _ = PovertyStandard.objects.update_or_create(**lookup, defaults=defaults)
        for position, (code, service, name, condition) in enumerate(INDICATORS_2022, start=1):
            if not standard.is_confirmed:
                condition = f"(Cần xác nhận) {condition}"
            Indicator.objects.update_or_create(
                standard=standard,
                code=code,
                defaults={"position": position, "service": service, "name": name, "condition": condition},
            )


class Migration(migrations.Migration):
    dependencies = [("households", "0002_registry_standard_and_review")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
