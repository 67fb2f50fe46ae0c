"""The administrative units above and around a commune, as dated data (Luật Tổ chức chính quyền địa
phương 2025: from 01/07/2025 two levels, the province and the commune; communes were merged by
resolutions of the Standing Committee of the National Assembly, e.g. Nghị quyết 1686/NQ-UBTVQH15 for
Thanh Hóa). A document prints the identity its commune had on the document's date, and a merger keeps
the merged communes readable under their own names for the years before."""

from django.db import models

from households.models.geography import Commune, CommuneKind


class Province(models.Model):
    """A province or centrally-run city: the level a commune reports to since 01/07/2025."""

    code = models.SlugField("mã", max_length=10, unique=True, help_text="Mã đơn vị hành chính, ví dụ: 38")
    name = models.CharField("tên", max_length=100, help_text="Ví dụ: Thanh Hóa")
    full_name = models.CharField("tên đầy đủ", max_length=150, blank=True, help_text="Ví dụ: Tỉnh Thanh Hóa")

    class Meta:
        verbose_name = "tỉnh/thành phố"
        verbose_name_plural = "tỉnh/thành phố"
        ordering = ["code"]

    def __str__(self):
        return self.name


class CommuneIdentity(models.Model):
    """What a commune was called and how it signed during a span of time: its name, kind, the issuer
    lines of NĐ 30/2020 (Phụ lục I: "tên cơ quan chủ quản / tên cơ quan ban hành"), the place name
    before the date ("Thọ Xuân, ngày …") and the body it reports to. ``valid_to`` empty = still valid;
    ``valid_from`` empty = since before the portal's records."""

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="identities", verbose_name="xã/phường/thị trấn"
    )
    valid_from = models.DateField("hiệu lực từ ngày", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến ngày", null=True, blank=True)
    name = models.CharField("tên", max_length=150)
    kind = models.CharField("loại đơn vị", max_length=10, choices=CommuneKind.choices)
    issuer_parent = models.CharField("cơ quan chủ quản (dòng 1)", max_length=150, default="ỦY BAN NHÂN DÂN")
    issuer_name = models.CharField("cơ quan ban hành (dòng 2)", max_length=150)
    place_name = models.CharField("địa danh ghi ngày tháng", max_length=100)
    reports_to = models.CharField("cấp trên nhận báo cáo", max_length=200, blank=True)
    legal_basis = models.CharField("căn cứ", max_length=255, blank=True, help_text="Nghị quyết, quyết định")

    class Meta:
        verbose_name = "tên gọi theo thời kỳ"
        verbose_name_plural = "tên gọi theo thời kỳ"
        ordering = ["commune", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="commune_identity_span_ordered",
            ),
        ]

    def __str__(self):
        start = f"{self.valid_from:%d/%m/%Y}" if self.valid_from else "…"
        end = f"{self.valid_to:%d/%m/%Y}" if self.valid_to else "nay"
        return f"{self.name} ({start} – {end})"


class CommuneMerger(models.Model):
    """Communes ``predecessors`` became ``successor`` on ``effective_on`` by a resolution. Nothing is
    deleted: the predecessors keep their records for the years before, under their own names."""

    successor = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="formed_by", verbose_name="đơn vị sau sắp xếp"
    )
    predecessors = models.ManyToManyField(
        Commune, related_name="merged_into", verbose_name="các đơn vị trước sắp xếp"
    )
    effective_on = models.DateField("có hiệu lực từ ngày")
    resolution_number = models.CharField("số nghị quyết", max_length=60)
    resolution_date = models.DateField("ngày nghị quyết", null=True, blank=True)
    confirmed = models.BooleanField(
        "đã xác nhận", default=False, help_text="Bỏ chọn khi chưa đối chiếu được văn bản gốc (cần xác nhận)"
    )
    note = models.TextField("ghi chú", blank=True)
    recorded_at = models.DateTimeField("ghi nhận lúc", auto_now_add=True)

    class Meta:
        verbose_name = "sắp xếp đơn vị hành chính"
        verbose_name_plural = "sắp xếp đơn vị hành chính"
        ordering = ["-effective_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["successor", "effective_on"], name="one_merger_per_successor_date"
            ),
        ]

    def __str__(self):
        return f"{self.resolution_number}: {self.successor} ({self.effective_on:%d/%m/%Y})"
