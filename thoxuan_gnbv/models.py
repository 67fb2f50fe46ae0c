from django.contrib.auth.models import AbstractUser
from django.db import models
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    """The jobs people do in the commune's poverty-reduction work; access rules hang on these."""

    CHAIRMAN = "chairman", "Chủ tịch UBND"
    VICE_CHAIRMAN = "vice_chairman", "Phó Chủ tịch UBND"
    LABOUR_OFFICER = "labour_officer", "Công chức Lao động – Thương binh và Xã hội"
    AGRICULTURE_OFFICER = "agriculture_officer", "Công chức Địa chính – Nông nghiệp"
    CULTURE_OFFICER = "culture_officer", "Công chức Văn hóa – Thông tin"
    HEALTH_STATION = "health_station", "Trạm y tế"
    ACCOUNTANT = "accountant", "Kế toán"
    NEIGHBORHOOD_HEAD = "neighborhood_head", "Khu trưởng khu phố"
    FATHERLAND_FRONT = "fatherland_front", "Mặt trận Tổ quốc (giám sát)"
    UPPER_VIEWER = "upper_viewer", "Cấp trên (chỉ xem)"


class AccountHistory(HistoricalRecords):
    """History of who changed an account's role, rights or details. A login only stamps ``last_login``
    and is not a change of the account (axes keeps the login log), so it writes no history row."""

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) <= {"last_login"}:
            return
        super().post_save(instance, created, using=using, **kwargs)


class User(AbstractUser):
    """A person who logs in. The administrator is a superuser and may have no role."""

    full_name = models.CharField("họ và tên", max_length=150, blank=True)
    role = models.CharField("vai trò", max_length=32, choices=Role.choices, blank=True)
    position = models.CharField(
        "chức danh", max_length=150, blank=True, help_text="In dưới chữ ký, ví dụ: Phó Chủ tịch"
    )
    phone = models.CharField("điện thoại", max_length=20, blank=True)

    # The password hash and the login stamp are not kept in history: one is secret, the other is noise.
    history = AccountHistory(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"
        ordering = ["username"]

    def __str__(self):
        return self.full_name or self.username

    @property
    def display_name(self):
        return self.full_name or self.get_full_name() or self.username
