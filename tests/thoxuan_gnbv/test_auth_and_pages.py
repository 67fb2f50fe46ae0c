import re

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import PASSWORD, UserFactory
from thoxuan_gnbv.home import DUTIES
from thoxuan_gnbv.models import Role

pytestmark = pytest.mark.django_db

_SAMPLE_ARGS = {
    "int": "1",
    "slug": "mau",
    "str": "mau",
    "path": "mau",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def _portal_paths():
    """Every URL of the portal (admin aside), with sample values for its parameters."""

    def walk(patterns, prefix):
        for entry in patterns:
            route = str(entry.pattern)
            if isinstance(entry, URLResolver):
                if route.startswith("admin/"):
                    continue
                yield from walk(entry.url_patterns, prefix + route)
            elif isinstance(entry, URLPattern):
                yield prefix + route

    for route in walk(get_resolver().url_patterns, "/"):
        route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: _SAMPLE_ARGS.get(m.group(1) or "str", "1"), route)
        if "^" in route or "(?P" in route:
            continue
        yield route


def test_every_page_but_login_and_health_redirects_anonymous_visitors_to_login(client):
    paths = sorted(set(_portal_paths()))
    assert "/" in paths and len(paths) >= 2
    login_url = reverse("login")
    for path in paths:
        if path in (login_url, reverse("health")):
            continue
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(login_url), path


def test_login_page_is_vietnamese_and_open(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Đăng nhập" in response.text
    assert "Mật khẩu" in response.text


def test_wrong_password_shows_a_vietnamese_error(client, commune):
    UserFactory(commune=commune, username="laodong", role=Role.LABOUR_OFFICER)
    response = client.post(reverse("login"), {"username": "laodong", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.text
    assert "_auth_user_id" not in client.session


def test_username_longer_than_any_account_is_refused_before_a_failed_attempt_is_recorded(client):
    response = client.post(reverse("login"), {"username": "9" * 300, "password": "sai"})
    assert response.status_code == 200
    assert "150" in response.context["form"].errors["username"][0]
    assert not AccessAttempt.objects.exists()


def test_right_password_logs_in_and_lands_on_home(client, commune):
    UserFactory(commune=commune, username="laodong", role=Role.LABOUR_OFFICER, full_name="Nguyễn Thị Hường")
    response = client.post(reverse("login"), {"username": "laodong", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Xin chào, Nguyễn Thị Hường" in response.text


def test_fifth_wrong_password_locks_the_account_even_for_the_right_password(client, commune):
    UserFactory(commune=commune, username="laodong", role=Role.LABOUR_OFFICER)
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "laodong", "password": "sai"})
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.text
    response = client.post(reverse("login"), {"username": "laodong", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock(client, commune):
    UserFactory(commune=commune, username="laodong", role=Role.LABOUR_OFFICER)
    for _ in range(4):
        client.post(reverse("login"), {"username": "laodong", "password": "sai"})
    response = client.post(reverse("login"), {"username": "laodong", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_its_own_duties_on_home(client, role, commune):
    user = UserFactory(commune=commune, username=f"u-{role.value}", role=role, full_name="Người Dùng")
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert DUTIES[role] in response.text
    assert role.label in response.text
    assert commune.name in response.text


def test_menu_hides_household_registry_from_a_user_without_role(client):
    nobody = UserFactory(username="khongvaitro", role="")
    client.force_login(nobody)
    response = client.get(reverse("home"))
    assert reverse("households:household_list") not in response.text
    assert client.get(reverse("households:household_list")).status_code == 403


def test_menu_shows_household_registry_to_a_khu_pho_head(client, head1):
    client.force_login(head1)
    response = client.get(reverse("home"))
    assert reverse("households:household_list") in response.text


def test_admin_link_only_for_the_administrator(client, labour_officer, admin_user):
    client.force_login(labour_officer)
    assert reverse("admin:index") not in client.get(reverse("home")).text
    client.force_login(admin_user)
    assert reverse("admin:index") in client.get(reverse("home")).text


def test_admin_speaks_vietnamese_with_the_portal_title(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Cổng điều hành Chương trình MTQG giảm nghèo bền vững" in response.text
    assert "Quản trị dữ liệu" in response.text


def test_officer_cannot_enter_admin(client, labour_officer):
    client.force_login(labour_officer)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_every_page_has_a_content_security_policy(client, labour_officer):
    client.force_login(labour_officer)
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert "default-src 'self'" in policy


def test_pages_load_nothing_from_outside_the_portal(client, labour_officer):
    client.force_login(labour_officer)
    html = client.get(reverse("home")).text
    external = re.findall(r'(?:src|href)="(https?:)?//', html)
    assert external == []


@override_settings(DEBUG=False)
def test_unknown_page_gives_a_vietnamese_404(client, labour_officer):
    client.force_login(labour_officer)
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text
    assert "Traceback" not in response.text


def test_server_error_page_is_vietnamese_without_details(rf):
    from thoxuan_gnbv.views import error_500

    response = error_500(rf.get("/"))
    assert response.status_code == 500
    assert "Đã xảy ra lỗi hệ thống" in response.content.decode()


def test_forbidden_page_is_vietnamese(client):
    client.force_login(UserFactory(username="khongvaitro", role=""))
    response = client.get(reverse("households:household_list"))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.text


def test_form_without_csrf_token_is_refused_in_vietnamese():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.text
