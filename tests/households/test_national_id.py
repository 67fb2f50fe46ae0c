"""CCCD by need (Luật 91/2025/QH15, NĐ 356/2025/NĐ-CP): every role on a household's page sees the CCCD
in full or masked as access.can_see_national_id says; CCCD search per role; the workbook export masks
for roles who may export but not see; every view and export writes an access log row."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from households.models import Category
from households.services.review import review_round_open
from tests.households.factories import (
    HouseholdFactory,
    MemberFactory,
    add_result,
    approved_round,
    ensure_standards,
)
from thoxuan_gnbv.messages import NATIONAL_ID_SEARCH_REFUSED
from thoxuan_gnbv.models import AccessAction, AccessLog

pytestmark = pytest.mark.django_db

HEAD_ID, HEAD_MASKED = "038123456712", "038*******12"
MEMBER_ID, MEMBER_MASKED = "038987654321", "038*******21"

# Roles that see a khu phố 1 household's CCCD in full; every other role that sees the page gets it masked.
FULL = ["labour_officer", "head1", "admin_user"]
MASKED = [
    "chairman",
    "vice_chairman",
    "agriculture_officer",
    "culture_officer",
    "health_station",
    "accountant",
    "fatherland_front",
    "upper_viewer",
]


@pytest.fixture
def house1(neighborhood1, head1):
    household = HouseholdFactory(
        neighborhood=neighborhood1, code="KP1-0001", head_name="Nguyễn Thị Hường", head_national_id=HEAD_ID
    )
    MemberFactory(household=household, full_name="Trần Văn Bình", national_id=MEMBER_ID)
    return household


@pytest.fixture
def house2(neighborhood2, head2):
    return HouseholdFactory(
        neighborhood=neighborhood2, code="KP2-0001", head_name="Lê Văn Nam", head_national_id="038555555599"
    )


@pytest.mark.parametrize("role", FULL + MASKED)
def test_household_page_shows_the_national_id_as_the_rule_says(client_for, request, role, house1):
    user = request.getfixturevalue(role)
    page = client_for(user).get(reverse("households:household_detail", args=[house1.pk])).content.decode()
    if role in FULL:
        assert HEAD_ID in page and MEMBER_ID in page
        assert HEAD_MASKED not in page
    else:
        assert HEAD_MASKED in page and MEMBER_MASKED in page
        assert HEAD_ID not in page and MEMBER_ID not in page


def test_the_other_khu_pho_head_never_reaches_the_page(client_for, head2, house1):
    response = client_for(head2).get(reverse("households:household_detail", args=[house1.pk]))
    assert response.status_code == 404
    assert not AccessLog.objects.exists()


def test_change_history_masks_an_old_and_new_national_id(client_for, chairman, labour_officer, house1):
    house1.head_national_id = "038111111199"
    house1.save()
    url = reverse("households:household_detail", args=[house1.pk])
    for_chairman = client_for(chairman).get(url).content.decode()
    assert "038*******12 → 038*******99" in for_chairman and "038111111199" not in for_chairman
    assert "038123456712 → 038111111199" in client_for(labour_officer).get(url).content.decode()


# --- search by CCCD ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", FULL)
def test_roles_who_see_the_national_id_find_a_household_by_it(client_for, request, role, house1, house2):
    page = client_for(request.getfixturevalue(role)).get(reverse("households:household_list"), {"q": HEAD_ID})
    assert [h.code for h, _ in page.context["rows"]] == ["KP1-0001"]
    assert NATIONAL_ID_SEARCH_REFUSED not in page.content.decode()


@pytest.mark.parametrize("role", MASKED)
def test_other_roles_find_nothing_by_national_id_and_are_told(client_for, request, role, house1, house2):
    client = client_for(request.getfixturevalue(role))
    for query in (HEAD_ID, MEMBER_ID, "038 123 456 712"):
        page = client.get(reverse("households:household_list"), {"q": query})
        assert page.context["rows"] == []
        assert NATIONAL_ID_SEARCH_REFUSED in page.content.decode()


def test_a_fragment_of_a_national_id_finds_nothing_for_other_roles(client_for, chairman, house1):
    client = client_for(chairman)
    assert client.get(reverse("households:household_list"), {"q": "23456"}).context["rows"] == []
    # The household code and the name still work.
    for query in ("KP1-0001", "nguyen thi huong", "0001"):
        rows = client.get(reverse("households:household_list"), {"q": query}).context["rows"]
        assert [h.code for h, _ in rows] == ["KP1-0001"]


def test_support_search_by_national_id_only_for_its_keepers(
    client_for, labour_officer, health_station, house1
):
    url = reverse("programs:support_create")
    found = client_for(labour_officer).get(url, {"q": HEAD_ID})
    assert [h.code for h in found.context["found"]] == ["KP1-0001"]
    refused = client_for(health_station).get(url, {"q": HEAD_ID})
    assert refused.context["found"] == []
    assert NATIONAL_ID_SEARCH_REFUSED in refused.content.decode()


def test_support_search_offers_the_national_id_only_to_its_keepers(
    client_for, labour_officer, health_station
):
    url = reverse("programs:support_create")
    assert "hoặc số CCCD" in client_for(labour_officer).get(url).content.decode()
    offered = client_for(health_station).get(url).content.decode()
    assert "hoặc số CCCD" not in offered and "Mã hộ hoặc tên chủ hộ" in offered


# --- the workbook export -------------------------------------------------------------------------------


def _exported_ids(response) -> dict:
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Số CCCD chủ hộ")
    return {r[0]: r[column] for r in rows[1:]}


@pytest.fixture
def reviewed(commune, house1, house2):
    approved = approved_round(commune, 2024)
    add_result(approved, house1, Category.POOR)
    add_result(approved, house2, Category.NEAR_POOR)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("labour_officer", {"KP1-0001": HEAD_ID, "KP2-0001": "038555555599"}),
        ("admin_user", {"KP1-0001": HEAD_ID, "KP2-0001": "038555555599"}),
        ("head1", {"KP1-0001": HEAD_ID}),
        ("chairman", {"KP1-0001": HEAD_MASKED, "KP2-0001": "038*******99"}),
        ("vice_chairman", {"KP1-0001": HEAD_MASKED, "KP2-0001": "038*******99"}),
    ],
)
def test_export_masks_what_the_exporting_role_may_not_see(client_for, request, role, expected, reviewed):
    response = client_for(request.getfixturevalue(role)).get(
        reverse("households:household_export"), {"year": 2024}
    )
    assert _exported_ids(response) == expected


# --- the access log ------------------------------------------------------------------------------------


def test_viewing_a_household_page_is_logged(client_for, chairman, house1):
    client_for(chairman).get(
        reverse("households:household_detail", args=[house1.pk]), REMOTE_ADDR="192.0.2.7"
    )
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.object_type, entry.object_id) == (
        chairman,
        AccessAction.VIEW_HOUSEHOLD,
        "household",
        str(house1.pk),
    )
    assert entry.household_code == "KP1-0001" and entry.object_label == "KP1-0001 – Nguyễn Thị Hường"
    assert entry.ip_address == "192.0.2.7" and entry.path == f"/households/{house1.pk}/"


def test_opening_a_member_form_is_logged(client_for, head1, house1):
    member = house1.members.get()
    client_for(head1).get(reverse("households:member_edit", args=[member.pk]))
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.object_type, entry.object_id, entry.household_code) == (
        head1,
        AccessAction.VIEW_MEMBER,
        "member",
        str(member.pk),
        "KP1-0001",
    )


def test_a_web_export_is_logged_with_its_filter(client_for, chairman, reviewed):
    client_for(chairman).get(reverse("households:household_export"), {"year": 2024, "q": "nguyen"})
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action) == (chairman, AccessAction.EXPORT_XLSX)
    assert entry.query == "year=2024&q=nguyen" and "2024" in entry.object_label


def test_the_export_command_is_logged_with_the_os_user(commune, reviewed, tmp_path):
    call_command("export_households", str(tmp_path / "ho.xlsx"), "--year", "2024", "--commune", commune.code)
    entry = AccessLog.objects.get()
    assert entry.user is None and entry.os_user
    assert entry.action == AccessAction.EXPORT_XLSX and "2024" in entry.query and "2 hộ" in entry.object_label


def test_opening_a_household_review_form_is_logged(client_for, labour_officer, commune, house1):
    ensure_standards()
    review_round_open(
        commune=commune, year=2024, user=labour_officer, history_reason="Nhập kết quả đã rà soát trên giấy"
    )
    response = client_for(labour_officer).get(reverse("households:review_record", args=[house1.pk]))
    assert response.status_code == 200
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.household_code) == (
        labour_officer,
        AccessAction.VIEW_HOUSEHOLD,
        "KP1-0001",
    )
