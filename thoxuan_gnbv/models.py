from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

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


class AccountHistory(HistoricalRecords):
    """History of who changed an account's role, rights or details. A login only stamps ``last_login``
    and is not a change of the account (axes keeps the login log), so it writes no history row."""

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) <= {"last_login"}:
            return
        super().post_save(instance, created, using=using, **kwargs)


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
    # The level above since 01/07/2025 (Luật Tổ chức chính quyền địa phương 2025): a province viewer
    # reads every commune of its province; access.commune_ids_of widens the seam to them.
    province = models.ForeignKey(
        "households.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="tỉnh/thành phố",
        help_text="Chỉ cho tài khoản cấp trên (tỉnh): xem mọi xã/phường của tỉnh",
    )

    # The password hash and the login stamp are not kept in history: one is secret, the other is noise.
    history = AccountHistory(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"
        ordering = ["username"]

    def __str__(self):
        return self.full_name or self.username

    def clean(self):
        super().clean()
        # Every scope of access starts from the user's commune: a role without one sees nothing.
        if self.role == Role.UPPER_VIEWER and self.commune_id is None and self.province_id is None:
            raise ValidationError({"province": messages.UPPER_VIEWER_WITHOUT_AREA})
        if self.role and self.role != Role.UPPER_VIEWER and self.commune_id is None:
            raise ValidationError({"commune": messages.ROLE_WITHOUT_COMMUNE})
        if self.province_id is not None and self.role != Role.UPPER_VIEWER:
            raise ValidationError({"province": messages.PROVINCE_ONLY_FOR_UPPER_VIEWER})

    @property
    def display_name(self):
        return self.full_name or self.get_full_name() or self.username


class AccessAction(models.TextChoices):
    """What was done with personal data (the processing log of NĐ 356/2025/NĐ-CP)."""

    VIEW_HOUSEHOLD = "view_household", "Xem trang hộ"
    VIEW_MEMBER = "view_member", "Xem nhân khẩu"
    EXPORT_XLSX = "export_xlsx", "Xuất Excel"
    DOWNLOAD_PDF = "download_pdf", "Tải PDF"


class AccessLog(models.Model):
    """Nhật ký truy cập dữ liệu cá nhân: one row each time someone views or exports personal data —
    who, when, what, which record, the filter of an export, from where. Luật 91/2025/QH15 and
    NĐ 356/2025/NĐ-CP ask the controller to record processing; rows are kept, never edited."""

    at = models.DateTimeField("thời điểm", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.PROTECT,  # a log must outlive nothing it names: deactivate users instead
        null=True,
        blank=True,
        related_name="access_logs",
    )
    # The commune whose data was read: a commune's chairman reads its own log only.
    commune = models.ForeignKey(
        "households.Commune",
        verbose_name="xã/phường/thị trấn",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    os_user = models.CharField("tài khoản hệ điều hành", max_length=150, blank=True)
    action = models.CharField("thao tác", max_length=32, choices=AccessAction.choices)
    object_type = models.CharField("loại dữ liệu", max_length=50, blank=True)
    object_id = models.CharField("mã bản ghi", max_length=50, blank=True)
    object_label = models.CharField("dữ liệu", max_length=200, blank=True)
    household_code = models.CharField("mã hộ", max_length=30, blank=True, db_index=True)
    query = models.TextField("bộ lọc, truy vấn", blank=True)
    ip_address = models.GenericIPAddressField("địa chỉ máy", null=True, blank=True)
    path = models.CharField("đường dẫn", max_length=500, blank=True)

    class Meta:
        verbose_name = "nhật ký truy cập dữ liệu cá nhân"
        verbose_name_plural = "nhật ký truy cập dữ liệu cá nhân"
        ordering = ["-at", "-id"]
        indexes = [
            # The log page filters by user and walks back in time (keyset on at, id).
            models.Index(fields=["user", "-at"], name="accesslog_user_at_idx"),
        ]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} · {self.get_action_display()} · {self.object_label}"

    def save(self, *args, **kwargs):
        # A row written without a commune belongs to the commune of the person who read the data.
        if self.commune_id is None and self.user_id is not None:
            self.commune_id = self.user.commune_id
        super().save(*args, **kwargs)
