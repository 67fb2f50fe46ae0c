"""Dated programme catalogues: the period, legal basis and confirmation state of each programme, the
mapping of components into the next programme, and the seed of the merged 2026–2035 programme (phase I
2026–2030).

Confirmed (news reports of the decisions): NQ 257/2025/QH15 of 11/12/2025 approved the investment policy of
the merged programme (nông thôn mới, giảm nghèo bền vững, vùng đồng bào dân tộc thiểu số và miền núi)
for 2026–2035; NQ 424/NQ-CP of 30/12/2025 is the Government's plan to carry it out; QĐ 417/QĐ-BNNMT of
31/01/2026 approved phase I (2026–2030). NOT found: the list of its component projects — the poverty
components below continue QĐ 90's and are marked "cần xác nhận"; an administrator corrects them in
the admin. QĐ 90's Dự án 1 (poor districts) does not continue: districts were abolished on 01/07/2025.
"""

import django.db.models.deletion
from django.db import migrations, models

OLD = "GNBV-2021-2025"
PROGRAM = {
    "code": "MTQG-2026-2030",
    "name": "Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển "
    "kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035, "
    "giai đoạn I: từ năm 2026 đến năm 2030",
    "decision": "Quyết định số 417/QĐ-BNNMT ngày 31/01/2026 của Bộ Nông nghiệp và Môi trường",
    "start_year": 2026,
    "end_year": 2030,
    "legal_basis": "Nghị quyết số 257/2025/QH15 ngày 11/12/2025 của Quốc hội\n"
    "Nghị quyết số 424/NQ-CP ngày 30/12/2025 của Chính phủ\n"
    "Quyết định số 417/QĐ-BNNMT ngày 31/01/2026 của Bộ Nông nghiệp và Môi trường",
    "is_confirmed": False,
    "note": "Cần xác nhận: danh mục dự án, tiểu dự án, đối tượng và công chức ghi nhận của giai đoạn I "
    "chưa được đối chiếu với Quyết định 417/QĐ-BNNMT; tạm dựng lại từ các nội dung giảm nghèo của "
    "Quyết định 90/QĐ-TTg. Chỉ gồm nội dung giảm nghèo cấp xã.",
}
# new number, name, QĐ 90 project it continues, [(new sub number, name, QĐ 90 sub number)]
PROJECTS = [
    (1, "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo (cần xác nhận)", 2, []),
    (
        2,
        "Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng (cần xác nhận)",
        3,
        [(1, "Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp", 1), (2, "Cải thiện dinh dưỡng", 2)],
    ),
    (
        3,
        "Phát triển giáo dục nghề nghiệp, việc làm bền vững (cần xác nhận)",
        4,
        [
            (1, "Phát triển giáo dục nghề nghiệp", 1),
            (2, "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng", 2),
            (3, "Hỗ trợ việc làm bền vững", 3),
        ],
    ),
    (4, "Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo (cần xác nhận)", 5, []),
    (
        5,
        "Truyền thông và giảm nghèo về thông tin (cần xác nhận)",
        6,
        [(1, "Giảm nghèo về thông tin", 1), (2, "Truyền thông về giảm nghèo đa chiều", 2)],
    ),
    (
        6,
        "Nâng cao năng lực và giám sát, đánh giá Chương trình (cần xác nhận)",
        7,
        [(1, "Nâng cao năng lực thực hiện Chương trình", 1), (2, "Giám sát, đánh giá", 2)],
    ),
]
RULE_FIELDS = ["eligibility_rule", "child_age_limit", "young_child_age_limit", "recorder_role"]
OLD_LEGAL_BASIS = (
    "Nghị quyết số 24/2021/QH15 ngày 28/7/2021 của Quốc hội\n"
    "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ"
)


def _rules(component):
    return {field: getattr(component, field) for field in RULE_FIELDS}


def seed(apps, schema_editor):
    # PostgreSQL: the new foreign keys' indexes are created after this step, which it refuses while
    # deferred constraint checks of the rows written here are pending — so check them at once.
    if schema_editor is not None and schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    Program = apps.get_model("programs", "Program")
    Project = apps.get_model("programs", "Project")
    SubProject = apps.get_model("programs", "SubProject")
    Program.objects.filter(code=OLD, legal_basis="").update(legal_basis=OLD_LEGAL_BASIS)
    program, _ = Program.objects.update_or_create(code=PROGRAM["code"], defaults=PROGRAM)
    for number, name, old_number, subprojects in PROJECTS:
        old = Project.objects.filter(program__code=OLD, number=old_number).first()
        project, _ = Project.objects.update_or_create(
            program=program, number=number, defaults={"name": name, **(_rules(old) if old else {})}
        )
        if old:
            old.continued_by = project
            old.save(update_fields=["continued_by"])
        for sub_number, sub_name, old_sub_number in subprojects:
            old_sub = SubProject.objects.filter(project=old, number=old_sub_number).first() if old else None
            sub, _ = SubProject.objects.update_or_create(
                project=project,
                number=sub_number,
                defaults={"name": sub_name, **(_rules(old_sub) if old_sub else {})},
            )
            if old_sub:
                old_sub.continued_by = sub
                old_sub.save(update_fields=["continued_by"])
    if schema_editor is not None and schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


def unseed(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Project = apps.get_model("programs", "Project")
    SubProject = apps.get_model("programs", "SubProject")
    SubProject.objects.filter(project__program__code=PROGRAM["code"]).delete()
    Project.objects.filter(program__code=PROGRAM["code"]).delete()
    Program.objects.filter(code=PROGRAM["code"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0012_corrections_and_soft_void"),
    ]

    operations = [
        migrations.AddField(
            model_name="program",
            name="is_confirmed",
            field=models.BooleanField(
                default=True,
                help_text="Bỏ chọn khi danh mục dự án còn chờ đối chiếu văn bản (cần xác nhận)",
                verbose_name="đã xác nhận",
            ),
        ),
        migrations.AddField(
            model_name="program",
            name="legal_basis",
            field=models.TextField(
                blank=True,
                help_text="Nghị quyết, quyết định phê duyệt; mỗi văn bản một dòng",
                verbose_name="căn cứ pháp lý",
            ),
        ),
        migrations.AddField(
            model_name="program",
            name="note",
            field=models.TextField(blank=True, verbose_name="ghi chú"),
        ),
        migrations.AddField(
            model_name="project",
            name="continued_by",
            field=models.ForeignKey(
                blank=True,
                help_text="Dự án của chương trình kế tiếp; để trống nếu không tiếp tục",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="continues",
                to="programs.project",
                verbose_name="được tiếp nối bởi (chương trình sau)",
            ),
        ),
        migrations.AddField(
            model_name="subproject",
            name="continued_by",
            field=models.ForeignKey(
                blank=True,
                help_text="Tiểu dự án của chương trình kế tiếp; để trống nếu không tiếp tục",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="continues",
                to="programs.subproject",
                verbose_name="được tiếp nối bởi (chương trình sau)",
            ),
        ),
        migrations.RunPython(seed, unseed),
    ]
