from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from thoxuan_gnbv import messages


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


class User(AbstractUser):
    """A person who logs in, working for one commune. The administrator is a superuser and may have
    no role and no commune; everyone with a role belongs to a commune (the data they may see)."""

    full_name = models.CharField("họ và tên", max_length=150, blank=True)
    role = models.CharField("vai trò", max_length=32, choices=Role.choices, blank=True)
    position = models.CharField(
        "chức danh", max_length=150, blank=True, help_text="In dưới chữ ký, ví dụ: Phó Chủ tịch"
    )
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    # The commune whose data the user works on; access.commune_ids_of says which communes they cover.
    commune = models.ForeignKey(
        "households.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="xã, phường, thị trấn",
    )

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"
        ordering = ["username"]

    def __str__(self):
        return self.full_name or self.username

    def clean(self):
        super().clean()
        # Every scope of access.py starts from the user's commune: a role without one sees nothing.
        if self.role and self.commune_id is None:
            raise ValidationError({"commune": messages.ROLE_WITHOUT_COMMUNE})

    @property
    def display_name(self):
        return self.full_name or self.get_full_name() or self.username
