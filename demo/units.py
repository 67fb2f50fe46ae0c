"""Demo data of the program side: the units named in the 2024 plan and their officers."""

from programs.models import Unit, UnitKind

# name, short name, kind, usernames of its officers
UNITS = [
    (
        "UBND thị trấn Thọ Xuân",
        "UBND thị trấn",
        UnitKind.PEOPLES_COMMITTEE,
        ["chutich", "phochutich", "laodong", "nongnghiep", "vanhoa", "ketoan"],
    ),
    ("Trạm y tế thị trấn Thọ Xuân", "Trạm y tế thị trấn", UnitKind.HEALTH_STATION, ["tramyte"]),
    ("Các trường học trên địa bàn thị trấn", "Các trường học", UnitKind.SCHOOL, []),
    ("Ủy ban MTTQ thị trấn Thọ Xuân", "MTTQ thị trấn", UnitKind.FATHERLAND_FRONT, ["mttq"]),
    ("Các đoàn thể chính trị – xã hội thị trấn", "Các đoàn thể", UnitKind.MASS_ORGANISATION, []),
    ("Các khu phố", "Các khu phố", UnitKind.NEIGHBORHOOD, ["khupho1", "khupho2"]),
]


def seed_units(commune, users) -> dict[str, Unit]:
    units = {}
    for position, (name, short_name, kind, officers) in enumerate(UNITS, start=1):
        unit, _ = Unit.objects.update_or_create(
            commune=commune,
            name=name,
            defaults={"short_name": short_name, "kind": kind, "position": position},
        )
        unit.officers.set([users[u] for u in officers if u in users])
        units[short_name] = unit
    return units
