"""The Django admin's pages of django-axes, django-otp and django-tasks-db in Vietnamese: their
column titles, fieldset titles and states are English literals in the libraries, so each admin is
re-registered as a subclass that names them in Vietnamese. Field and model labels come from the
translation catalogue (``third_party.py``, ``locale/vi``)."""

from axes.admin import AccessAttemptAdmin
from axes.conf import settings as axes_settings
from axes.models import AccessAttempt
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

OTP_FIELDSETS = {
    "Identity": "Thiết bị",
    "Timestamps": "Thời gian",
    "Configuration": "Cấu hình",
    "State": "Trạng thái",
    "Throttling": "Chặn đoán mã",
}


class VietnameseAccessAttemptAdmin(AccessAttemptAdmin):
    @admin.display(description="Hết hạn khóa")
    def expiration(self, obj):
        return obj.expiration.expires_at if hasattr(obj, "expiration") else "Chưa đặt"

    @admin.display(description="Tình trạng")
    def status(self, obj):
        remaining = axes_settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        return f"Còn {remaining} lần thử" if remaining > 0 else "Đang bị khóa"

    @admin.action(description="Xóa các lần đăng nhập sai đã hết hạn")
    def cleanup_expired_attempts(self, request, queryset):
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(request, f"Đã xóa {count} lần đăng nhập sai đã hết hạn.")


class VietnameseTOTPDeviceAdmin(TOTPDeviceAdmin):
    def get_fieldsets(self, request, obj=None):
        return [
            (OTP_FIELDSETS.get(title, title), options)
            for title, options in super().get_fieldsets(request, obj)
        ]

    @admin.display(description="Mã QR")
    def qrcode_link(self, device):
        href = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        return format_html('<a href="{}">Xem mã QR</a>', href)


class VietnameseTaskResultAdmin(DBTaskResultAdmin):
    list_display = (
        "id",
        "task",
        "status",
        "enqueued_at",
        "started_at",
        "finished_at",
        "priority",
        "queue_name",
    )

    @admin.display(description="Tác vụ", ordering="task_path")
    def task(self, obj):
        return obj.task_path.rsplit(".", 1)[-1]

    @admin.display(description="Vết lỗi")
    def formatted_traceback(self, obj):
        return super().formatted_traceback(obj)

    @admin.display(description="Chạy sau")
    def display_run_after(self, obj):
        return super().display_run_after(obj)


def register() -> None:
    """Swap the libraries' admins for the Vietnamese ones (called from PortalConfig.ready)."""
    for model, model_admin in (
        (AccessAttempt, VietnameseAccessAttemptAdmin),
        (TOTPDevice, VietnameseTOTPDeviceAdmin),
        (DBTaskResult, VietnameseTaskResultAdmin),
    ):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
        admin.site.register(model, model_admin)
