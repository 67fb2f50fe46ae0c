"""Demo data of the registry side: the commune, its khu phố and (later) its households."""

from households.models import AreaType, Commune, CommuneKind, Neighborhood

NEIGHBORHOOD_COUNT = 12


def seed_commune(users) -> Commune:
    commune, _ = Commune.objects.update_or_create(
        code="tho-xuan",
        defaults={
            "name": "Thị trấn Thọ Xuân",
            "kind": CommuneKind.TOWNSHIP,
            "area_type": AreaType.URBAN,
            "issuer_parent": "ỦY BAN NHÂN DÂN",
            "issuer_name": "THỊ TRẤN THỌ XUÂN",
            "place_name": "Thọ Xuân",
            "reports_to": "UBND huyện Thọ Xuân",
            "province": "Thanh Hóa",
        },
    )
    heads = {1: users.get("khupho1"), 2: users.get("khupho2")}
    for number in range(1, NEIGHBORHOOD_COUNT + 1):
        Neighborhood.objects.update_or_create(
            commune=commune,
            name=f"Khu phố {number}",
            defaults={"position": number, "head": heads.get(number)},
        )
    return commune
