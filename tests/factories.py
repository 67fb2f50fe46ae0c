"""factory_boy factories of the foundation (users, commune, khu phố, units). Apps add their own
factories in ``tests/<app>/factories.py``."""

import factory

from households.models import AreaType, Commune, CommuneKind, Neighborhood
from programs.models import Unit, UnitKind
from thoxuan_gnbv.models import Role, User

factory.Faker._DEFAULT_LOCALE = "vi_VN"

PASSWORD = "MatKhau@Kiemthu1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Faker("name")
    role = Role.LABOUR_OFFICER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"xa-{n}")
    name = factory.Sequence(lambda n: f"Thị trấn Kiểm Thử {n}")
    kind = CommuneKind.TOWNSHIP
    area_type = AreaType.URBAN
    issuer_name = factory.LazyAttribute(lambda o: o.name.upper())
    place_name = "Kiểm Thử"
    reports_to = "UBND huyện Kiểm Thử"


class NeighborhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighborhood

    commune = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Khu phố {n + 1}")
    position = factory.Sequence(lambda n: n + 1)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    commune = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = UnitKind.OTHER
