"""Seed the 2021–2025 program and its project catalogue from Quyết định số 90/QĐ-TTg (18/01/2022).

Law-dependent data (ARCHITECTURE.md): kept as rows an administrator can correct or extend for the
2026–2030 program, never as constants in code.
"""

from django.db import migrations

PROGRAM = {
    "code": "GNBV-2021-2025",
    "name": "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025",
    "decision": "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ",
    "start_year": 2021,
    "end_year": 2025,
}

# number, name, [(sub-project number, name), …]
PROJECTS = [
    (
        1,
        "Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn "
        "vùng bãi ngang, ven biển và hải đảo",
        [],
    ),
    (2, "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", []),
    (
        3,
        "Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",
        [(1, "Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp"), (2, "Cải thiện dinh dưỡng")],
    ),
    (
        4,
        "Phát triển giáo dục nghề nghiệp, việc làm bền vững",
        [
            (1, "Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn"),
            (2, "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng"),
            (3, "Hỗ trợ việc làm bền vững"),
        ],
    ),
    (5, "Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo", []),
    (
        6,
        "Truyền thông và giảm nghèo về thông tin",
        [(1, "Giảm nghèo về thông tin"), (2, "Truyền thông về giảm nghèo đa chiều")],
    ),
    (
        7,
        "Nâng cao năng lực và giám sát, đánh giá Chương trình",
        [(1, "Nâng cao năng lực thực hiện Chương trình"), (2, "Giám sát, đánh giá")],
    ),
]


def seed(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Project = apps.get_model("programs", "Project")
    SubProject = apps.get_model("programs", "SubProject")
    program, _ = Program.objects.update_or_create(code=PROGRAM["code"], defaults=PROGRAM)
    for number, name, subprojects in PROJECTS:
        project, _ = Project.objects.update_or_create(program=program, number=number, defaults={"name": name})
        for sub_number, sub_name in subprojects:
            SubProject.objects.update_or_create(project=project, number=sub_number, defaults={"name": sub_name})


def unseed(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Project = apps.get_model("programs", "Project")
    SubProject = apps.get_model("programs", "SubProject")
    SubProject.objects.filter(project__program__code=PROGRAM["code"]).delete()
    Project.objects.filter(program__code=PROGRAM["code"]).delete()
    Program.objects.filter(code=PROGRAM["code"]).delete()


class Migration(migrations.Migration):
    dependencies = [("programs", "0002_plan_and_catalogue")]

    operations = [migrations.RunPython(seed, unseed)]
