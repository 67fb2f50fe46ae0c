"""Login throttling per account and per address, passwords, password change, idle sessions, account history."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from thoxuan_gnbv.models import Role
from thoxuan_gnbv.net import login_client_ip as client_ip

pytestmark = pytest.mark.django_db


def _login(client, username, password, address="203.0.113.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_failures_from_one_address_across_accounts_lock_that_address(client):
    UserFactory(username="laodong", role=Role.LABOUR_OFFICER)
    for n in range(5):
        _login(client, f"doan-mo-{n}", "sai-mat-khau")
    response = _login(client, "laodong", PASSWORD)
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.text
    # The same account from another address is not locked: its own counter has no failures.
    assert _login(client, "laodong", PASSWORD, address="198.51.100.20").status_code == 302


def test_failures_for_one_account_from_many_addresses_lock_that_account(client):
    UserFactory(username="laodong", role=Role.LABOUR_OFFICER)
    for n in range(5):
        _login(client, "laodong", "sai-mat-khau", address=f"198.51.100.{n + 1}")
    assert _login(client, "laodong", PASSWORD, address="192.0.2.99").status_code == 429


def test_failed_attempts_stay_in_the_log_after_a_right_password(client):
    UserFactory(username="laodong", role=Role.LABOUR_OFFICER)
    for _ in range(2):
        _login(client, "laodong", "sai-mat-khau")
    assert _login(client, "laodong", PASSWORD).status_code == 302
    assert AccessAttempt.objects.filter(username="laodong", failures_since_start=2).exists()
    assert AccessFailureLog.objects.filter(username="laodong").count() == 2


def test_behind_one_trusted_proxy_the_address_is_the_one_the_proxy_saw(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged the first entry; our nginx appended the address it really saw.
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "203.0.113.7"
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="203.0.113.7")
    assert client_ip(request) == "203.0.113.7"


def test_throttling_behind_the_proxy_counts_each_client_separately(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="laodong", role=Role.LABOUR_OFFICER)
    for n in range(5):
        client.post(
            reverse("login"),
            {"username": f"doan-mo-{n}", "password": "sai"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    other = client.post(
        reverse("login"),
        {"username": "laodong", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7",
    )
    assert other.status_code == 302


@pytest.mark.parametrize("password", ["matkhau123", "Matkhau123", "mậtkhẩu123", "anhyeuem123", "123456789"])
def test_common_vietnamese_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_django_common_passwords_are_still_refused():
    with pytest.raises(ValidationError):
        validate_password("password1234")


def test_a_password_needs_ten_characters():
    with pytest.raises(ValidationError) as caught:
        validate_password("Xa9#kLm2q")
    assert any(e.code == "password_too_short" for e in caught.value.error_list)
    validate_password("Xa9#kLm2qZ")


def test_every_user_has_a_change_password_link(client_for, labour_officer):
    response = client_for(labour_officer).get(reverse("home"))
    assert reverse("password_change") in response.text
    assert "Đổi mật khẩu" in response.text


def test_password_change_page_changes_the_password_and_keeps_the_session(client_for, labour_officer):
    client = client_for(labour_officer)
    page = client.get(reverse("password_change"))
    assert page.status_code == 200
    assert "Mật khẩu hiện tại" in page.text
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Lúa-chiêm-2026!", "new_password2": "Lúa-chiêm-2026!"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    labour_officer.refresh_from_db()
    assert labour_officer.check_password("Lúa-chiêm-2026!")
    assert "Đã đổi mật khẩu" in client.get(reverse("password_change_done")).text


def test_password_change_refuses_a_common_vietnamese_password(client_for, labour_officer):
    client = client_for(labour_officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "matkhau123", "new_password2": "matkhau123"},
    )
    assert response.status_code == 200
    assert "quá phổ biến" in response.text
    labour_officer.refresh_from_db()
    assert labour_officer.check_password(PASSWORD)


def test_sessions_end_after_thirty_idle_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_REFRESH_SECONDS <= 60


def test_activity_pushes_the_session_expiry_forward_at_most_once_a_minute(
    client, labour_officer, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC), tick=False)
    assert _login(client, labour_officer.username, PASSWORD).status_code == 302
    time_machine.shift(30)
    quiet = client.get(reverse("home"))
    assert settings.SESSION_COOKIE_NAME not in quiet.cookies  # no session write within the minute
    time_machine.shift(60)
    refreshed = client.get(reverse("home"))
    assert int(refreshed.cookies[settings.SESSION_COOKIE_NAME]["max-age"]) == 30 * 60
    # 29 idle minutes later the session still holds; 31 minutes after that request it has ended.
    time_machine.shift(29 * 60)
    assert client.get(reverse("home")).status_code == 200
    time_machine.shift(31 * 60)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_changing_a_role_writes_a_history_row(admin_user, labour_officer):
    before = labour_officer.history.count()
    labour_officer.role = Role.ACCOUNTANT
    labour_officer.save()
    assert labour_officer.history.count() == before + 1
    latest = labour_officer.history.first()
    assert latest.role == Role.ACCOUNTANT
    assert latest.prev_record.role == Role.LABOUR_OFFICER
    assert not hasattr(latest, "password")


def test_role_change_through_the_admin_records_who_made_it(client_for, admin_user, labour_officer):
    client = client_for(admin_user)
    page = client.get(reverse("admin:thoxuan_gnbv_user_change", args=[labour_officer.pk]))
    form = page.context["adminform"].form
    data = {
        k: v for k, v in form.initial.items() if v is not None and k not in ("groups", "user_permissions")
    }
    data.update(
        role=Role.ACCOUNTANT,
        last_login_0="",
        last_login_1="",
        date_joined_0="01/01/2024",
        date_joined_1="08:00:00",
    )
    data.pop("password", None)
    data.pop("last_login", None)
    data.pop("date_joined", None)
    response = client.post(reverse("admin:thoxuan_gnbv_user_change", args=[labour_officer.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    latest = labour_officer.history.first()
    assert latest.role == Role.ACCOUNTANT
    assert latest.history_user == admin_user


def test_logging_in_writes_no_account_history(client, labour_officer):
    before = labour_officer.history.count()
    assert _login(client, labour_officer.username, PASSWORD).status_code == 302
    assert labour_officer.history.count() == before


def test_passwords_are_hashed_with_argon2id_at_the_owasp_setting(settings):
    from thoxuan_gnbv import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = UserFactory(username="bam-argon", role=Role.LABOUR_OFFICER)
    user.set_password(PASSWORD)

    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password(PASSWORD)
    assert not user.check_password(PASSWORD + "x")


def test_a_password_set_before_is_rehashed_with_argon2id_at_login(client, settings):
    from django.contrib.auth.hashers import make_password

    from thoxuan_gnbv import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = UserFactory(username="bam-pbkdf2", role=Role.LABOUR_OFFICER)
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])

    assert _login(client, "bam-pbkdf2", PASSWORD).status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
