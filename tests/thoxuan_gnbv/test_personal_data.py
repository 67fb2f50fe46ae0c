"""Personal data by need: the masking function and filter, the CCCD-looking query, the client address
behind trusted proxies, and the log service that never blocks a page."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from thoxuan_gnbv import access
from thoxuan_gnbv.formatting import mask_national_id
from thoxuan_gnbv.models import AccessAction, AccessLog
from thoxuan_gnbv.net import client_ip
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.text import looks_like_national_id


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("038123456712", "038*******12"),
        ("001099000001", "001*******01"),
        (" 038123456712 ", "038*******12"),
        ("123456789", "123****89"),  # an old 9-digit CMND keeps the same shape
        ("1234", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_national_id_keeps_first_three_and_last_two_digits(value, masked):
    assert mask_national_id(value) == masked


def test_masked_national_id_filter_renders_the_same_mask():
    rendered = Template("{{ nid|masked_national_id }}").render(Context({"nid": "038123456712"}))
    assert rendered == "038*******12"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("038123456712", True),
        ("038 123 456 712", True),
        ("nguyen 038123456", True),
        ("038.123.456", True),
        ("KP1-0001", False),
        ("B0000001", False),
        ("nguyễn thị hường", False),
        ("", False),
    ],
)
def test_a_query_looks_like_a_national_id_from_nine_digits(query, expected):
    assert looks_like_national_id(query) is expected


def _request(remote="10.0.0.5", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/households/1/", **meta)


def test_client_ip_without_a_trusted_proxy_ignores_the_forwarded_header(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(forwarded="203.0.113.9")) == "10.0.0.5"


def test_client_ip_behind_one_proxy_takes_the_entry_it_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
    assert client_ip(_request(remote="127.0.0.1", forwarded="1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def test_client_ip_behind_a_proxy_without_the_header_falls_back_to_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(remote="127.0.0.1")) == "127.0.0.1"


def test_client_ip_refuses_a_forged_value(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(remote="garbage", forwarded="<script>")) is None


def test_national_id_rule_for_roles_without_a_household(
    db, chairman, labour_officer, health_station, fatherland_front, upper_viewer, admin_user
):
    assert access.can_see_national_id_in(labour_officer, None)
    assert access.can_see_national_id_in(admin_user, None)
    for user in (chairman, health_station, fatherland_front, upper_viewer):
        assert not access.can_see_national_id_in(user, None)
        assert not access.can_search_by_national_id(user)


@pytest.mark.django_db
def test_log_service_records_user_object_address_and_path(labour_officer, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = _request(remote="192.0.2.10")
    request.user = labour_officer
    entry = log_personal_data_access(
        action=AccessAction.VIEW_HOUSEHOLD, request=request, obj=labour_officer, household_code="KP1-0001"
    )
    stored = AccessLog.objects.get()
    assert stored == entry
    assert (stored.user, stored.action, stored.household_code) == (
        labour_officer,
        AccessAction.VIEW_HOUSEHOLD,
        "KP1-0001",
    )
    assert (stored.object_type, stored.object_id) == ("user", str(labour_officer.pk))
    assert (stored.ip_address, stored.path) == ("192.0.2.10", "/households/1/")


@pytest.mark.django_db
def test_log_service_never_raises(monkeypatch, caplog):
    def broken(self, *args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(AccessLog, "save", broken)
    assert log_personal_data_access(action=AccessAction.EXPORT_XLSX, os_user="root") is None
    assert "nhật ký truy cập" in caplog.text


@pytest.mark.django_db
def test_log_service_records_the_os_user_for_commands():
    entry = log_personal_data_access(action=AccessAction.EXPORT_XLSX, os_user=True, query="năm=2024")
    assert entry.user is None and entry.os_user and entry.query == "năm=2024"
