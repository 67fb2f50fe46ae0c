"""The access log page (Nhật ký truy cập dữ liệu cá nhân): chairman and administrator only, filters by
user, action, dates and household code, keyset pages, a fixed number of queries, kept in the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from thoxuan_gnbv.models import AccessAction, AccessLog
from thoxuan_gnbv.navigation import nav_for
from thoxuan_gnbv.pagination import PAGE_SIZE

pytestmark = pytest.mark.django_db

URL = reverse("access_log")
OTHERS = [
    "vice_chairman",
    "labour_officer",
    "agriculture_officer",
    "culture_officer",
    "health_station",
    "accountant",
    "head1",
    "fatherland_front",
    "upper_viewer",
]


def at(day: int, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def entries(labour_officer, chairman, commune):
    return [
        AccessLog.objects.create(
            user=labour_officer, action=AccessAction.VIEW_HOUSEHOLD, household_code="KP1-0001", at=at(1)
        ),
        AccessLog.objects.create(user=chairman, action=AccessAction.EXPORT_XLSX, query="year=2024", at=at(2)),
        AccessLog.objects.create(
            user=labour_officer, action=AccessAction.VIEW_MEMBER, household_code="KP1-0002", at=at(3)
        ),
        AccessLog.objects.create(os_user="root", action=AccessAction.EXPORT_XLSX, at=at(4), commune=commune),
    ]


@pytest.mark.parametrize("role", ["chairman", "admin_user"])
def test_chairman_and_administrator_read_the_log(client_for, request, role, entries):
    response = client_for(request.getfixturevalue(role)).get(URL)
    assert response.status_code == 200
    assert [e.pk for e in response.context["page"].items] == [e.pk for e in reversed(entries)]
    assert "Nhật ký truy cập dữ liệu cá nhân" in response.content.decode()


@pytest.mark.parametrize("role", OTHERS)
def test_everyone_else_gets_403(client_for, request, role):
    assert client_for(request.getfixturevalue(role)).get(URL).status_code == 403


def test_anonymous_is_sent_to_login(client_for):
    response = client_for(None).get(URL)
    assert response.status_code == 302 and "/dang-nhap/" in response.url


def test_the_menu_shows_the_log_to_the_chairman_only(chairman, labour_officer, admin_user):
    assert "access_log" in [item.url_name for item in nav_for(chairman)]
    assert "access_log" in [item.url_name for item in nav_for(admin_user)]
    assert "access_log" not in [item.url_name for item in nav_for(labour_officer)]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"action": AccessAction.EXPORT_XLSX}, [3, 1]),
        ({"household_code": "kp1-0002"}, [2]),
        ({"date_from": "02/03/2026", "date_to": "03/03/2026"}, [2, 1]),
        ({"date_to": "01/03/2026"}, [0]),
    ],
)
def test_filters(client_for, chairman, entries, params, expected):
    items = client_for(chairman).get(URL, params).context["page"].items
    assert [e.pk for e in items] == [entries[i].pk for i in expected]


def test_filter_by_user(client_for, chairman, labour_officer, entries):
    items = client_for(chairman).get(URL, {"user": labour_officer.pk}).context["page"].items
    assert [e.pk for e in items] == [entries[2].pk, entries[0].pk]


def test_keyset_pages_walk_back_in_time(client_for, chairman, labour_officer):
    base = at(1)
    rows = AccessLog.objects.bulk_create(
        AccessLog(
            user=labour_officer,
            commune=labour_officer.commune,
            action=AccessAction.VIEW_HOUSEHOLD,
            at=base + datetime.timedelta(minutes=i),
        )
        for i in range(PAGE_SIZE + 1)
    )
    client = client_for(chairman)
    first = client.get(URL).context["page"]
    assert len(first.items) == PAGE_SIZE and first.items[0].at == rows[-1].at and not first.is_last
    second = client.get(URL, {"after": first.next_cursor}).context["page"]
    assert [e.at for e in second.items] == [base] and second.is_last
    back = client.get(URL, {"before": second.previous_cursor}).context["page"]
    assert [e.pk for e in back.items] == [e.pk for e in first.items]


def test_query_count_does_not_grow_with_rows(client_for, chairman, labour_officer, django_assert_num_queries):
    client = client_for(chairman)
    for day in range(1, 30):
        AccessLog.objects.create(user=labour_officer, action=AccessAction.VIEW_HOUSEHOLD, at=at(day % 28 + 1))
    # session, user, the commune of the layout, the page of rows with their users, the user filter's choices
    with django_assert_num_queries(5):
        response = client.get(URL, {"action": AccessAction.VIEW_HOUSEHOLD})
    assert len(response.context["page"].items) == 29


def test_the_admin_keeps_the_log_read_only(client, admin_user, entries):
    client.force_login(admin_user)
    entry = entries[0]
    assert client.get(reverse("admin:thoxuan_gnbv_accesslog_changelist")).status_code == 200
    assert client.get(reverse("admin:thoxuan_gnbv_accesslog_add")).status_code == 403
    assert (
        client.post(
            reverse("admin:thoxuan_gnbv_accesslog_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    client.post(
        reverse("admin:thoxuan_gnbv_accesslog_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert AccessLog.objects.count() == len(entries)
