"""Named personas shared by every test, all of the commune under test (``commune``). Each comment says
what that person may see and do."""

import pytest

from tests.factories import CommuneFactory, NeighborhoodFactory, UnitFactory, UserFactory
from thoxuan_gnbv.models import Role


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Production hashing costs ~0.5 s a password; tests create hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _per_test_cache(request, settings):
    """A fresh memory cache per test, so the query counts asserted elsewhere do not include cache
    reads; tests marked ``shared_cache`` keep the deployed database cache (settings CACHES)."""
    if request.node.get_closest_marker("shared_cache") is None:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def commune(db):
    """The commune under test (urban, like a thị trấn)."""
    return CommuneFactory(code="kiem-thu", name="Thị trấn Kiểm Thử", issuer_name="THỊ TRẤN KIỂM THỬ")


@pytest.fixture
def other_commune(db):
    """Another commune whose data nobody in `commune` may touch."""
    return CommuneFactory(code="xa-khac", name="Xã Khác", issuer_name="XÃ KHÁC", area_type="rural", kind="xa")


@pytest.fixture
def neighborhood1(commune):
    return NeighborhoodFactory(commune=commune, name="Khu phố 1", position=1)


@pytest.fixture
def neighborhood2(commune):
    return NeighborhoodFactory(commune=commune, name="Khu phố 2", position=2)


@pytest.fixture
def peoples_committee(commune):
    return UnitFactory(
        commune=commune, name="UBND thị trấn Kiểm Thử", short_name="UBND thị trấn", kind="ubnd"
    )


@pytest.fixture
def health_unit(commune):
    return UnitFactory(commune=commune, name="Trạm y tế thị trấn", kind="health")


@pytest.fixture
def chairman(commune):
    """Approves plans, estimates, review lists and compiled reports; reads everything."""
    return UserFactory(
        commune=commune, username="chutich", role=Role.CHAIRMAN, full_name="Lê Văn Hùng", position="Chủ tịch"
    )


@pytest.fixture
def vice_chairman(commune):
    """Approves in the chairman's stead, signing "KT. CHỦ TỊCH"."""
    return UserFactory(
        commune=commune,
        username="phochutich",
        role=Role.VICE_CHAIRMAN,
        full_name="Thái Xuân Kiên",
        position="Phó Chủ tịch",
    )


@pytest.fixture
def labour_officer(commune):
    """Runs the program: writes the plan, keeps the registry, compiles reports. Approves nothing."""
    return UserFactory(
        commune=commune, username="laodong", role=Role.LABOUR_OFFICER, full_name="Nguyễn Thị Hường"
    )


@pytest.fixture
def agriculture_officer(commune):
    """Leads Dự án 3 TDA 1 (production support); reads households."""
    return UserFactory(commune=commune, username="nongnghiep", role=Role.AGRICULTURE_OFFICER)


@pytest.fixture
def culture_officer(commune):
    """Leads Dự án 6 TDA 1 (information)."""
    return UserFactory(commune=commune, username="vanhoa", role=Role.CULTURE_OFFICER)


@pytest.fixture
def health_station(commune, health_unit):
    """Leads Dự án 3 TDA 2 (nutrition) for the health station."""
    user = UserFactory(commune=commune, username="tramyte", role=Role.HEALTH_STATION)
    health_unit.officers.add(user)
    return user


@pytest.fixture
def accountant(commune):
    """Prepares estimates and records disbursements; approves nothing."""
    return UserFactory(commune=commune, username="ketoan", role=Role.ACCOUNTANT)


@pytest.fixture
def head1(commune, neighborhood1):
    """Head of khu phố 1: sees and edits households of khu phố 1 only."""
    user = UserFactory(commune=commune, username="khupho1", role=Role.NEIGHBORHOOD_HEAD)
    neighborhood1.head = user
    neighborhood1.save()
    return user


@pytest.fixture
def head2(commune, neighborhood2):
    """Head of khu phố 2: the outsider for anything in khu phố 1 (gets 404 there)."""
    user = UserFactory(commune=commune, username="khupho2", role=Role.NEIGHBORHOOD_HEAD)
    neighborhood2.head = user
    neighborhood2.save()
    return user


@pytest.fixture
def fatherland_front(commune):
    """MTTQ: monitors; reads plans, households and reports; changes nothing."""
    return UserFactory(commune=commune, username="mttq", role=Role.FATHERLAND_FRONT)


@pytest.fixture
def upper_viewer(commune):
    """The level above: read-only view of plans, figures and reports."""
    return UserFactory(commune=commune, username="captren", role=Role.UPPER_VIEWER)


@pytest.fixture
def admin_user(commune):
    """The administrator (superuser) who keeps reference data in the Django admin."""
    return UserFactory(commune=commune, username="quantri", role="", is_staff=True, is_superuser=True)


@pytest.fixture
def client_for(client):
    """``client_for(user)`` → the test client logged in as that user (None → anonymous)."""

    def _login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return _login
