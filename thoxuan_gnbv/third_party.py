"""Vietnamese names for the third-party apps the Django admin shows (django-axes, django-otp,
django-tasks-db): their app names, and for django-otp, whose labels are plain English strings, its
model and field labels made translatable.

The labels become lazy translations of their own English text, so the migration autodetector (run
with translations off) sees no change; ``locale/vi/LC_MESSAGES/django.po`` gives the Vietnamese.
The admin-level texts (column titles, fieldset titles, states) live in ``admin_third_party.py``.
"""

from django.apps import apps
from django.utils import translation
from django.utils.translation import pgettext_lazy

from thoxuan_gnbv.formatting import format_date

APP_NAMES = {
    "axes": "Đăng nhập và khóa tài khoản",
    "django_otp": "Xác thực hai bước",
    "otp_totp": "Xác thực hai bước (mã TOTP)",
    "django_tasks_database": "Tác vụ nền",
    "health_check": "Kiểm tra tình trạng hệ thống",
    "simple_history": "Lịch sử thay đổi",
    "sessions": "Phiên đăng nhập",
    "messages": "Thông báo",
}

# Labels the libraries leave untranslatable: {model: (context, fields or None for all)}. The context
# keeps their generic words ("name", "key", "id") from changing any other text of the same spelling.
PLAIN_ENGLISH = {
    "otp_totp.TOTPDevice": ("django-otp", None),
    "django_tasks_database.DBTaskResult": ("django-tasks-db", ["id"]),
}


def _lazy(context: str, text):
    return pgettext_lazy(context, text) if isinstance(text, str) and text else text


def translate_third_party_apps() -> None:
    """Called from PortalConfig.ready, after every app is loaded."""
    for label, name in APP_NAMES.items():
        if label in apps.app_configs:
            apps.get_app_config(label).verbose_name = name
    for dotted, (context, names) in PLAIN_ENGLISH.items():
        meta = apps.get_model(dotted)._meta
        meta.verbose_name = _lazy(context, meta.verbose_name)
        if "verbose_name_plural" not in meta.original_attrs:
            with translation.override(None):  # Django's default plural is a lazy "{name}s"
                plural = str(meta.verbose_name_plural)
            meta.verbose_name_plural = _lazy(context, plural)
        for field in meta.fields:
            if names is None or field.name in names:
                field.verbose_name = _lazy(context, field.verbose_name)
                field.help_text = _lazy(context, field.help_text)
    _name_login_rows()


def _when(row) -> str:
    from django.utils import timezone

    moment = timezone.localtime(row.attempt_time)
    return f"{moment:%H:%M} ngày {format_date(moment.date())}"


def _name_login_rows() -> None:
    """django-axes names its rows in English ("Attempted Access: …"); the admin's breadcrumbs and
    delete pages show that name, so it is given in Vietnamese (no field or table changes)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    AccessAttempt.__str__ = lambda row: f"Đăng nhập sai của {row.username} – {_when(row)}"
    AccessLog.__str__ = lambda row: f"Đăng nhập của {row.username} – {_when(row)}"
    AccessFailureLog.__str__ = lambda row: (
        f"Đăng nhập sai của {row.username} từ {row.ip_address} – {_when(row)}"
        + (" (bị khóa)" if row.locked_out else "")
    )
