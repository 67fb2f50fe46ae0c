"""Seed who may receive each component's support and who records it, for the QĐ 90/QĐ-TTg catalogue.

Law as data (ARCHITECTURE.md): an administrator corrects these rows, or sets them for the next
program's catalogue, in the admin. Every other component keeps the defaults of the schema migration
(standard beneficiaries, recorded by the labour officer).
"""

from django.db import migrations

PROGRAM = "GNBV-2021-2025"
# (project, sub-project or None) → rules. QĐ 90 Phụ lục: Dự án 3 TDA 2 helps children under 16 and
# mothers of children under 5; Dự án 4 TDA 1 also trains low-income workers. Recorders follow the
# commune's division of portfolios (agriculture, health station, culture).
RULES = {
    (3, 1): {"recorder_role": "agriculture_officer"},
    (3, 2): {
        "eligibility_rule": "nutrition",
        "child_age_limit": 16,
        "young_child_age_limit": 5,
        "recorder_role": "health_station",
    },
    (4, 1): {"eligibility_rule": "vocational"},
    (6, 1): {"recorder_role": "culture_officer"},
}
DEFAULTS = {
    "eligibility_rule": "standard",
    "child_age_limit": None,
    "young_child_age_limit": None,
    "recorder_role": "labour_officer",
}


def seed(apps, schema_editor):
    SubProject = apps.get_model("programs", "SubProject")
    for (project, number), rules in RULES.items():
        SubProject.objects.filter(
            project__program__code=PROGRAM, project__number=project, number=number
        ).update(**rules)


def unseed(apps, schema_editor):
    SubProject = apps.get_model("programs", "SubProject")
    SubProject.objects.filter(project__program__code=PROGRAM).update(**DEFAULTS)


class Migration(migrations.Migration):
    dependencies = [("programs", "0007_component_eligibility_and_recorder")]

    operations = [migrations.RunPython(seed, unseed)]
