"""TOTP second factor for the chairman, the vice chairman and the administrator (OTP_REQUIRED)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from thoxuan_gnbv.security import second_factor_required

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def otp_on(settings):
    settings.OTP_REQUIRED = True


def _settings_values(*names, **env) -> dict[str, str]:
    """Settings as a fresh process reads them from ``env`` (the test process's are fixed at import)."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "OTP_REQUIRED"}}
    clean.update(env)
    code = "from django.conf import settings; " + "; ".join(f"print(settings.{n})" for n in names)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return dict(zip(names, result.stdout.strip().splitlines()[-len(names) :], strict=True))


def test_production_demands_a_second_factor_and_trusts_one_proxy():
    production = _settings_values(
        "OTP_REQUIRED",
        "TRUSTED_PROXY_COUNT",
        "SESSION_COOKIE_AGE",
        DEBUG="0",
        SECRET_KEY="kiem-thu-" + "q" * 50,
    )
    assert production == {"OTP_REQUIRED": "True", "TRUSTED_PROXY_COUNT": "1", "SESSION_COOKIE_AGE": "1800"}
    development = _settings_values("OTP_REQUIRED", "TRUSTED_PROXY_COUNT")
    assert development == {"OTP_REQUIRED": "False", "TRUSTED_PROXY_COUNT": "0"}


def test_off_by_default_in_tests(client_for, chairman):
    assert client_for(chairman).get(reverse("home")).status_code == 200


@pytest.mark.parametrize("persona", ["chairman", "vice_chairman", "admin_user"])
def test_approvers_and_the_administrator_must_enrol_before_any_page(request, otp_on, client_for, persona):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    for path in (reverse("home"), reverse("households:household_list"), reverse("admin:index")):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("otp_enrol")
    assert second_factor_required(user)


@pytest.mark.parametrize("persona", ["labour_officer", "accountant", "head1", "upper_viewer"])
def test_other_roles_need_no_second_factor(request, otp_on, client_for, persona, commune):
    user = request.getfixturevalue(persona)
    assert client_for(user).get(reverse("home")).status_code == 200
    assert not second_factor_required(user)


def test_enrolment_shows_the_secret_and_a_confirmed_code_opens_the_portal(
    otp_on, client_for, chairman, commune
):
    client = client_for(chairman)
    page = client.get(reverse("otp_enrol"))
    assert page.status_code == 200
    assert "Cài đặt xác thực hai bước" in page.text
    device = TOTPDevice.objects.get(user=chairman, confirmed=False)
    assert page.context["secret"] in page.text
    assert "otpauth://totp/" in page.text
    assert 'src="data:image/svg+xml' in page.text

    wrong = client.post(reverse("otp_enrol"), {"token": "000000" if _code(device) != "000000" else "111111"})
    assert "Mã xác thực không đúng" in wrong.text
    # django-otp now makes the device wait before the next try; skip the wait.
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(reverse("otp_enrol"), {"token": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home")).status_code == 200


def test_after_login_an_enrolled_approver_confirms_a_code(otp_on, client_for, vice_chairman, commune):
    device = TOTPDevice.objects.create(user=vice_chairman, name="Điện thoại", confirmed=True)
    client = client_for(vice_chairman)
    response = client.get(reverse("households:household_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_verify"))
    page = client.get(response["Location"])
    assert "Xác thực hai bước" in page.text
    # A second authenticator cannot be added with the password alone.
    assert client.get(reverse("otp_enrol"))["Location"] == reverse("otp_verify")

    response = client.post(response["Location"], {"token": _code(device)})
    assert response.status_code == 302
    assert response["Location"] == reverse("households:household_list")
    assert client.get(reverse("home")).status_code == 200


def test_a_wrong_code_keeps_the_approver_out(otp_on, client_for, chairman):
    device = TOTPDevice.objects.create(user=chairman, name="Điện thoại", confirmed=True)
    client = client_for(chairman)
    wrong = "000000" if _code(device) != "000000" else "111111"
    response = client.post(reverse("otp_verify"), {"token": wrong})
    assert response.status_code == 200
    assert "Mã xác thực không đúng" in response.text
    assert client.get(reverse("home")).status_code == 302
    # Right after a wrong code even the right one waits (django-otp's growing delay).
    response = client.post(reverse("otp_verify"), {"token": _code(device)})
    assert "chờ" in response.text
    assert client.get(reverse("home")).status_code == 302


def test_verify_refuses_to_redirect_off_site(otp_on, client_for, chairman):
    device = TOTPDevice.objects.create(user=chairman, name="Điện thoại", confirmed=True)
    client = client_for(chairman)
    response = client.post(reverse("otp_verify") + "?next=https://evil.example/", {"token": _code(device)})
    assert response["Location"] == reverse("home")


def test_logout_is_open_before_the_code(otp_on, client_for, chairman):
    client = client_for(chairman)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
