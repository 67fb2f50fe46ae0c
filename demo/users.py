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


def seed_users() -> dict[str, User]:
    """Create or refresh the demo users; returns them by username. Safe to re-run."""
    users = {}
    for username, role, full_name, position in DEMO_USERS:
        user, _ = User.objects.update_or_create(
            username=username, defaults={"role": role, "full_name": full_name, "position": position}
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        users[username] = user
    admin, _ = User.objects.update_or_create(
        username=ADMIN_USERNAME,
        defaults={"full_name": "Quản trị hệ thống", "is_staff": True, "is_superuser": True},
    )
    admin.set_password(DEMO_PASSWORD)
    admin.save(update_fields=["password"])
    users[ADMIN_USERNAME] = admin
    return users
