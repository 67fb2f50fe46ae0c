"""The Django admin is Vietnamese for the third-party apps too (django-axes, django-otp,
django-tasks-db): app names, model names, column and fieldset titles, filters and states."""

import html
import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from thoxuan_gnbv.compile_messages import LOCALE_DIR, mo_bytes, parse_po

pytestmark = pytest.mark.django_db

MODELS = [AccessAttempt, AccessLog, AccessFailureLog, TOTPDevice, DBTaskResult]
# Texts the libraries write as English literals (admin columns, fieldsets, states, app names).
LITERALS = {
    "Axes",
    "Otp_Totp",
    "Django_Otp",
    "Tasks Database Backend",
    "Identity",
    "Timestamps",
    "Configuration",
    "State",
    "Throttling",
    "QR Code",
    "Task name",
    "Expiration",
    "Status",
    "Ready",
    "Running",
    "Failed",
    "Successful",
    "Locked Out",
    "Form Data",
    "Meta Data",
    "Not set",
    "Show counts",
    "Hide counts",
}
SAME_IN_BOTH = {"ID"}


def _english_labels() -> set[str]:
    """Every label the five models carry, read with translations off (the libraries' English)."""
    labels = set(LITERALS)
    with translation.override(None):
        for model in MODELS:
            labels |= {str(model._meta.verbose_name), str(model._meta.verbose_name_plural)}
            labels |= {str(field.verbose_name) for field in model._meta.fields}
            labels |= {str(field.verbose_name).capitalize() for field in model._meta.fields}
    return labels - SAME_IN_BOTH


def _texts(page: str) -> set[str]:
    """The visible text pieces of an admin page (between tags), whitespace trimmed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    return {html.unescape(t).strip().rstrip(":").strip() for t in re.findall(r">([^<>]+)<", page)} - {""}


@pytest.fixture
def rows(admin_user):
    AccessAttempt.objects.create(
        username="khupho1",
        ip_address="10.0.0.1",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/login/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )
    AccessLog.objects.create(
        username="khupho1",
        ip_address="10.0.0.1",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/login/",
    )
    AccessFailureLog.objects.create(
        username="khupho1",
        ip_address="10.0.0.1",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/login/",
        locked_out=True,
    )
    device = TOTPDevice.objects.create(user=admin_user, name="Điện thoại", confirmed=True)
    from reporting.tasks import render_compiled_pdf_job

    render_compiled_pdf_job.enqueue(job_id=0, commune_id=0)
    return {"totp": device, "attempt": AccessAttempt.objects.get()}


def _admin_pages(rows):
    pages = [reverse("admin:index")]
    for model in MODELS:
        meta = model._meta
        pages.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        pages.append(reverse("admin:app_list", args=[meta.app_label]))
    pages.append(reverse("admin:otp_totp_totpdevice_change", args=[rows["totp"].pk]))
    pages.append(reverse("admin:axes_accessattempt_change", args=[rows["attempt"].pk]))
    pages.append(
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[DBTaskResult.objects.get().pk])
    )
    return pages


def test_third_party_admin_pages_have_no_english_labels(client, admin_user, rows):
    client.force_login(admin_user)
    english = _english_labels()
    assert {"access attempts", "TOTP device", "Task Results", "Username", "Attempt time"} <= english
    for url in _admin_pages(rows):
        response = client.get(url)
        assert response.status_code == 200, url
        left = sorted(_texts(response.text) & english)
        assert not left, f"{url}: {left}"


def test_third_party_names_read_in_vietnamese(client, admin_user, rows):
    client.force_login(admin_user)
    index = client.get(reverse("admin:index")).text
    for name in ("Đăng nhập và khóa tài khoản", "Xác thực hai bước (mã TOTP)", "Tác vụ nền"):
        assert name in index
    tasks = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist")).text
    assert "Đang chờ" in tasks and "Thành công" in tasks  # the state column and its filter
    attempts = client.get(reverse("admin:axes_accessattempt_changelist")).text
    assert "Đang bị khóa" in attempts
    attempt = client.get(reverse("admin:axes_accessattempt_change", args=[rows["attempt"].pk])).text
    assert "Đăng nhập sai của khupho1" in attempt and "Attempted Access" not in attempt
    device = client.get(reverse("admin:otp_totp_totpdevice_change", args=[rows["totp"].pk])).text
    assert "Chặn đoán mã" in device and "khóa bí mật" in device.lower()


def test_labels_do_not_change_the_libraries_migrations():
    """The Vietnamese is a translation of the same English text: with translations off the labels
    equal the libraries' own, so makemigrations sees nothing to write for them."""
    field = TOTPDevice._meta.get_field("name")
    with translation.override(None):
        assert field.verbose_name == "name"
    with translation.override("vi"):
        assert str(field.verbose_name) == "tên thiết bị"
    assert apps.get_app_config("axes").verbose_name == "Đăng nhập và khóa tài khoản"


def test_the_compiled_catalogue_matches_its_source():
    po = LOCALE_DIR / "vi" / "LC_MESSAGES" / "django.po"
    assert po.with_suffix(".mo").read_bytes() == mo_bytes(parse_po(po.read_text(encoding="utf-8")))
