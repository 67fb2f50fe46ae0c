"""Demo users, one per role, for the demo data (``manage.py seed_demo``)."""

from thoxuan_gnbv.models import Role, User

DEMO_PASSWORD = "GiamNgheo@2024"

# username, role, full name, position printed under a signature
DEMO_USERS = [
    ("chutich", Role.CHAIRMAN, "Lê Văn Hùng", "Chủ tịch"),
    ("phochutich", Role.VICE_CHAIRMAN, "Thái Xuân Kiên", "Phó Chủ tịch"),
    ("laodong", Role.LABOUR_OFFICER, "Nguyễn Thị Hường", "Công chức Lao động – TB&XH"),
    ("nongnghiep", Role.AGRICULTURE_OFFICER, "Trịnh Văn Nam", "Công chức Địa chính – Nông nghiệp"),
    ("vanhoa", Role.CULTURE_OFFICER, "Lê Thị Thu", "Công chức Văn hóa – Thông tin"),
    ("tramyte", Role.HEALTH_STATION, "Hoàng Thị Mai", "Trạm trưởng Trạm y tế"),
    ("ketoan", Role.ACCOUNTANT, "Phạm Thị Lan", "Kế toán"),
    ("khupho1", Role.NEIGHBORHOOD_HEAD, "Đỗ Văn Bình", "Khu trưởng Khu phố 1"),
    ("khupho2", Role.NEIGHBORHOOD_HEAD, "Bùi Văn Tâm", "Khu trưởng Khu phố 2"),
    ("mttq", Role.FATHERLAND_FRONT, "Vũ Thị Hạnh", "Chủ tịch Ủy ban MTTQ"),
    ("captren", Role.UPPER_VIEWER, "Lê Quang Minh", "Chuyên viên cấp trên"),
]
ADMIN_USERNAME = "quantri"


def _refresh(username: str, **fields) -> User:
    """The demo user ``username`` with ``fields`` and the demo password, saved only when something
    differs, so a second ``seed_demo`` adds no account-history row."""
    user = User.objects.filter(username=username).first() or User(username=username)
    changed = user.pk is None or any(getattr(user, name) != value for name, value in fields.items())
    for name, value in fields.items():
        setattr(user, name, value)
    if user.pk is None or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed = True
    if changed:
        user.save()
    return user


def seed_users() -> dict[str, User]:
    """Create or refresh the demo users; returns them by username. Safe to re-run."""
    users = {
        username: _refresh(username, role=role, full_name=full_name, position=position)
        for username, role, full_name, position in DEMO_USERS
    }
    users[ADMIN_USERNAME] = _refresh(
        ADMIN_USERNAME, full_name="Quản trị hệ thống", is_staff=True, is_superuser=True
    )
    return users


# The province's viewer (Thanh Hóa, code 38): no commune of their own, every commune of the province.
PROVINCE_VIEWER = ("captinh", Role.UPPER_VIEWER, "Trần Thị Thanh", "Chuyên viên Sở Nông nghiệp và Môi trường")
PROVINCE_CODE = "38"


def seed_province_viewer() -> User:
    """Create or refresh ``captinh``, the viewer of province 38 (made by ``seed_commune``)."""
    from households.models import Province

    username, role, full_name, position = PROVINCE_VIEWER
    province = Province.objects.get(code=PROVINCE_CODE)
    return _refresh(
        username, role=role, full_name=full_name, position=position, commune=None, province=province
    )
