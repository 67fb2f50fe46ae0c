from django.conf import settings
from django.db import models

from households.models import Commune


class UnitKind(models.TextChoices):
    PEOPLES_COMMITTEE = "ubnd", "Ủy ban nhân dân"
    HEALTH_STATION = "health", "Trạm y tế"
    SCHOOL = "school", "Trường học"
    FATHERLAND_FRONT = "mttq", "Mặt trận Tổ quốc"
    MASS_ORGANISATION = "mass", "Đoàn thể"
    NEIGHBORHOOD = "neighborhood", "Khu phố"
    OTHER = "other", "Khác"


class Unit(models.Model):
    """An organisation inside or beside the commune that leads or helps a component (Đơn vị, cơ quan)."""

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="units", verbose_name="xã/phường/thị trấn"
    )
    name = models.CharField("tên đơn vị", max_length=200)
    short_name = models.CharField("tên ngắn", max_length=100, blank=True)
    kind = models.CharField("loại", max_length=20, choices=UnitKind.choices, default=UnitKind.OTHER)
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="units", verbose_name="cán bộ, công chức"
    )
    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["commune", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "name"], name="unit_name_unique_per_commune"),
        ]

    def __str__(self):
        return self.short_name or self.name
