from django.core.management.base import BaseCommand
from django.db import transaction

from demo.changes_after_review import seed_changes_after_review
from demo.corrections_2024 import seed_corrections_2024
from demo.delivery_2024 import seed_delivery_2024
from demo.merger_2025 import seed_merger_2025
from demo.ongoing_2025 import seed_ongoing_2025
from demo.plan_builder import seed_plan_2024
from demo.registry import seed_commune, seed_households
from demo.reports_2024 import seed_reports_2024
from demo.review_stages_2024 import seed_review_stages_2024
from demo.units import seed_units
from demo.users import (
    ADMIN_USERNAME,
    DEMO_PASSWORD,
    DEMO_USERS,
    PROVINCE_VIEWER,
    seed_province_viewer,
    seed_users,
)


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu của thị trấn Thọ Xuân năm 2024 (chạy lại nhiều lần vẫn an toàn)."

    @transaction.atomic
    def handle(self, *args, **options):
        users = seed_users()
        commune = seed_commune(users)
        seed_province_viewer()
        seed_units(commune, users)
        seed_plan_2024(commune, users)
        seed_households(commune, users)
        seed_review_stages_2024(commune, users)
        seed_delivery_2024(commune, users)
        seed_reports_2024(commune, users)
        seed_ongoing_2025(commune, users)
        seed_changes_after_review(commune, users)
        seed_corrections_2024(commune, users)
        seed_merger_2025(users)  # sample communes merged into xã Thọ Xuân on 01/07/2025 (cần xác nhận)
        self.stdout.write(self.style.SUCCESS(f"Đã tạo dữ liệu mẫu cho {commune.name}."))
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, role, full_name, _ in DEMO_USERS:
            self.stdout.write(f"  {username:<12} {role.label} — {full_name}")
        username, role, full_name, _ = PROVINCE_VIEWER
        self.stdout.write(f"  {username:<12} {role.label} (tỉnh Thanh Hóa) — {full_name}")
        self.stdout.write(f"  {ADMIN_USERNAME:<12} Quản trị hệ thống (trang /admin/)")
