from django.conf import settings
from django.db import models


class CommuneKind(models.TextChoices):
    COMMUNE = "xa", "Xã"
    WARD = "phuong", "Phường"
    TOWNSHIP = "thi_tran", "Thị trấn"


class AreaType(models.TextChoices):
    """Decides which income line of the poverty standard applies (NĐ 07/2021: urban vs rural)."""

    URBAN = "urban", "Thành thị"
    RURAL = "rural", "Nông thôn"


class Commune(models.Model):
    """The local administrative unit that owns the data. Nothing in code names a particular commune."""

    code = models.SlugField(
        "mã", max_length=30, unique=True, help_text="Mã ngắn dùng trong lệnh, ví dụ: tho-xuan"
    )
    name = models.CharField("tên", max_length=150, help_text="Ví dụ: Thị trấn Thọ Xuân")
    kind = models.CharField("loại đơn vị", max_length=10, choices=CommuneKind.choices)
    area_type = models.CharField("khu vực", max_length=10, choices=AreaType.choices)
    issuer_parent = models.CharField(
        "cơ quan chủ quản (dòng 1)",
        max_length=150,
        default="ỦY BAN NHÂN DÂN",
        help_text="In hoa, góc trái văn bản",
    )
    issuer_name = models.CharField(
        "cơ quan ban hành (dòng 2)", max_length=150, help_text="In hoa, ví dụ: THỊ TRẤN THỌ XUÂN"
    )
    place_name = models.CharField("địa danh ghi ngày tháng", max_length=100, help_text="Ví dụ: Thọ Xuân")
    reports_to = models.CharField(
        "cấp trên nhận báo cáo", max_length=200, blank=True, help_text="Ví dụ: UBND huyện Thọ Xuân"
    )
    province = models.ForeignKey(
        "households.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="communes",
        verbose_name="tỉnh/thành phố",
    )
    established_on = models.DateField(
        "thành lập từ ngày", null=True, blank=True, help_text="Để trống nếu có từ trước khi dùng cổng"
    )

    class Meta:
        verbose_name = "xã/phường/thị trấn"
        verbose_name_plural = "xã/phường/thị trấn"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_urban(self) -> bool:
        return self.area_type == AreaType.URBAN


class Neighborhood(models.Model):
    """A khu phố (or thôn) of a commune, with the khu trưởng who may see its households."""

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="neighborhoods", verbose_name="xã/phường/thị trấn"
    )
    name = models.CharField("tên", max_length=100)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_neighborhoods",
        verbose_name="khu trưởng",
        limit_choices_to={"role": "neighborhood_head"},
    )

    class Meta:
        verbose_name = "khu phố"
        verbose_name_plural = "khu phố"
        ordering = ["commune", "position", "name"]
        constraints = [
            # The workbook names a khu phố by its name, so a name must be unique inside its commune.
            models.UniqueConstraint(fields=["commune", "name"], name="neighborhood_name_unique_per_commune"),
        ]

    def __str__(self):
        return self.name
