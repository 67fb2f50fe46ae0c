"""Pages of the registry: permission matrix, filters and search, forms refusing bad input, import and
export over HTTP, the change history, and query counts of the list."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from households import messages
from households.models import Category, Household, Member
from tests.factories import CommuneFactory, NeighborhoodFactory, UserFactory
from tests.figure_worker import get_warm
from tests.households.factories import HouseholdFactory, MemberFactory, add_result, approved_round, get
from tests.households.workbooks import row, workbook_bytes

pytestmark = pytest.mark.django_db


# --- permission matrix --------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client_for, house1):
    for url in [
        reverse("households:household_list"),
        reverse("households:household_detail", args=[house1.pk]),
        reverse("households:review_record", args=[house1.pk]),
        reverse("households:household_import"),
        reverse("households:round_list"),
        reverse("households:movement_table"),
    ]:
        response = get(client_for, None, url)
        assert response.status_code == 302 and "/dang-nhap/" in response.url


def test_user_without_a_role_gets_403_on_the_list(client_for, house1):
    assert (
        get(
            client_for, UserFactory(username="khongvaitro", role=""), reverse("households:household_list")
        ).status_code
        == 403
    )


def test_khu_pho_head_lists_only_their_own_khu_pho(client_for, head1, house1, house2):
    response = get(client_for, head1, reverse("households:household_list"))
    assert response.status_code == 200
    assert "KP1-0001" in response.text and "KP2-0001" not in response.text


def test_other_khu_pho_head_gets_404_on_detail_edit_and_review(client_for, head2, house1, open_round):
    for name in ("household_detail", "household_edit", "review_record", "member_create"):
        assert get(client_for, head2, reverse(f"households:{name}", args=[house1.pk])).status_code == 404
    member = MemberFactory(household=house1)
    assert get(client_for, head2, reverse("households:member_edit", args=[member.pk])).status_code == 404


def test_own_khu_pho_head_sees_edits_and_reviews(client_for, head1, house1, open_round):
    for name in ("household_detail", "household_edit", "review_record", "member_create"):
        response = get(client_for, head1, reverse(f"households:{name}", args=[house1.pk]))
        assert response.status_code == 200, name
        assert "KP1-0001" in response.text


@pytest.mark.parametrize("persona", ["upper_viewer", "fatherland_front", "accountant", "chairman"])
def test_readers_see_but_may_not_edit(request, client_for, persona, house1, open_round):
    user = request.getfixturevalue(persona)
    detail = get(client_for, user, reverse("households:household_detail", args=[house1.pk]))
    assert detail.status_code == 200 and "Nguyễn Thị Hường" in detail.text
    assert "Sửa thông tin hộ" not in detail.text
    for name in ("household_edit", "review_record", "member_create"):
        assert get(client_for, user, reverse(f"households:{name}", args=[house1.pk])).status_code == 403
    assert get(client_for, user, reverse("households:household_create")).status_code == 403
    assert get(client_for, user, reverse("households:household_import")).status_code == 403


def test_direct_post_by_a_reader_changes_nothing(client_for, upper_viewer, house1):
    response = client_for(upper_viewer).post(
        reverse("households:household_edit", args=[house1.pk]),
        {"neighborhood": house1.neighborhood_id, "code": "X", "head_name": "Đổi tên"},
    )
    assert response.status_code == 403
    house1.refresh_from_db()
    assert house1.head_name == "Nguyễn Thị Hường"


def test_observers_cannot_export_personal_data(client_for, upper_viewer, fatherland_front, house1):
    for user in (upper_viewer, fatherland_front):
        assert get(client_for, user, reverse("households:household_export")).status_code == 403


# --- list: search, filters, pagination, query counts ------------------------------------------------


def test_search_without_accents_finds_the_name(client_for, labour_officer, house1, house2):
    response = get(client_for, labour_officer, reverse("households:household_list") + "?q=nguyen+thi+huong")
    assert "KP1-0001" in response.text and "KP2-0001" not in response.text


def test_search_by_code_and_national_id(client_for, labour_officer, neighborhood1):
    HouseholdFactory(
        neighborhood=neighborhood1, code="KP1-0777", head_name="A", search_key="kp1-0777 a 038190000777"
    )
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0888", head_name="B", search_key="kp1-0888 b")
    for query in ("kp1-0777", "038190000777"):
        response = get(client_for, labour_officer, reverse("households:household_list") + f"?q={query}")
        assert "KP1-0777" in response.text and "KP1-0888" not in response.text


def test_filters_by_category_of_the_year_and_flags(
    client_for, labour_officer, commune, neighborhood1, neighborhood2
):
    poor = HouseholdFactory(neighborhood=neighborhood1, code="A-1", without_labour_capacity=True)
    near = HouseholdFactory(neighborhood=neighborhood2, code="A-2")
    approved = approved_round(commune, 2024)
    add_result(approved, poor, Category.POOR)
    add_result(approved, near, Category.NEAR_POOR)
    url = reverse("households:household_list")
    text = get(client_for, labour_officer, url + "?year=2024&category=poor").text
    assert "A-1" in text and "A-2" not in text
    text = get(client_for, labour_officer, url + f"?neighborhood={neighborhood2.pk}").text
    assert "A-2" in text and "A-1" not in text
    text = get(client_for, labour_officer, url + "?without_labour_capacity=1").text
    assert "A-1" in text and "A-2" not in text


def test_the_list_opens_on_the_latest_annual_review_not_a_later_supplementary_round(
    client_for, labour_officer, commune, neighborhood1
):
    poor, other = (HouseholdFactory(neighborhood=neighborhood1, code=c) for c in ("A-1", "A-2"))
    annual = approved_round(commune, 2024)
    add_result(annual, poor, Category.POOR)
    add_result(annual, other, Category.NEAR_POOR)
    supplementary = approved_round(commune, 2025, number=2, approver=annual.approved_by)
    add_result(supplementary, poor, Category.NONE)
    url = reverse("households:household_list")
    response = get(client_for, labour_officer, url)
    context = response.context
    assert context["filter"].selected_year == 2024
    # The year select says so too (its first choice is 2025).
    assert '<option value="2024" selected>' in response.text
    assert '<option value="2025" selected>' not in response.text
    assert [(h.code, r.category) for h, r in context["rows"]] == [
        ("A-1", Category.POOR),
        ("A-2", Category.NEAR_POOR),
    ]
    # The supplementary round's year stays a choice, with its one review.
    context = get(client_for, labour_officer, url + "?year=2025").context
    assert [(h.code, r and r.category) for h, r in context["rows"]] == [
        ("A-1", Category.NONE),
        ("A-2", None),
    ]
    # Once the annual review of 2025 is open, the list opens on it.
    approved_round(commune, 2025, approver=annual.approved_by)
    assert get(client_for, labour_officer, url).context["filter"].selected_year == 2025


def test_keyset_pages_walk_forward_back_and_to_the_end(client_for, labour_officer, neighborhood1):
    HouseholdFactory.create_batch(120, neighborhood=neighborhood1)
    client = client_for(labour_officer)
    url = reverse("households:household_list")
    first = client.get(url).context
    seen = [h.code for h, _ in first["rows"]]
    second = client.get(url + f"?after={first['page'].next_cursor}").context
    seen += [h.code for h, _ in second["rows"]]
    third = client.get(url + f"?after={second['page'].next_cursor}").context
    seen += [h.code for h, _ in third["rows"]]
    assert seen == sorted(Household.objects.values_list("code", flat=True))
    assert third["page"].is_last and not third["page"].next_cursor
    last = client.get(url + "?last=1").context
    assert [h.code for h, _ in last["rows"]] == seen[-50:]
    back = client.get(url + f"?before={second['page'].previous_cursor}").context
    assert [h.code for h, _ in back["rows"]] == seen[:50]


def test_garbage_cursor_shows_the_first_page(client_for, labour_officer, house1):
    response = get(client_for, labour_officer, reverse("households:household_list") + "?after=%%%garbage")
    assert response.status_code == 200 and "KP1-0001" in response.text


def _list_queries(client, django_assert_num_queries, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", ["", "?year=2024&category=poor", "?q=nguyen", "?last=1"])
def test_list_makes_the_same_number_of_queries_at_5_and_50_rows(
    client_for, labour_officer, commune, neighborhood1, query, django_assert_num_queries
):
    client = client_for(labour_officer)
    approved = approved_round(commune, 2024)

    def grow(to):
        while Household.objects.count() < to:
            house = HouseholdFactory(neighborhood=neighborhood1, head_name="Nguyễn Văn A")
            house.search_key = "nguyen van a"
            house.save()
            MemberFactory(household=house)
            add_result(approved, house, Category.POOR)

    url = reverse("households:household_list") + query
    grow(5)
    at_five = _list_queries(client, django_assert_num_queries, url)
    grow(50)
    at_fifty = _list_queries(client, django_assert_num_queries, url)
    assert at_five == at_fifty
    assert len(client.get(url).context["rows"]) == 50


def test_detail_query_count_does_not_grow_with_members_and_reviews(
    client_for, labour_officer, commune, house1
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(labour_officer)
    url = reverse("households:household_detail", args=[house1.pk])
    MemberFactory(household=house1)
    add_result(approved_round(commune, 2022), house1, Category.POOR)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    MemberFactory.create_batch(5, household=house1)
    add_result(approved_round(commune, 2023, number=1), house1, Category.NEAR_POOR)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(few) == len(many)
    assert response.text.count("QĐ-UBND") >= 2


# --- forms refuse bad input in Vietnamese -----------------------------------------------------------


def test_household_form_refuses_a_code_already_used(client_for, labour_officer, neighborhood1, house1):
    response = client_for(labour_officer).post(
        reverse("households:household_create"),
        {"neighborhood": neighborhood1.pk, "code": "KP1-0001", "head_name": "Người khác"},
    )
    assert response.status_code == 200
    assert messages.HOUSEHOLD_CODE_USED in response.text
    assert Household.objects.count() == 1


def test_household_form_refuses_a_bad_national_id(client_for, labour_officer, neighborhood1):
    response = client_for(labour_officer).post(
        reverse("households:household_create"),
        {"neighborhood": neighborhood1.pk, "code": "KP1-0009", "head_name": "A", "head_national_id": "1234"},
    )
    assert messages.NATIONAL_ID_FORMAT in response.text
    assert not Household.objects.exists()


def test_head_cannot_create_a_household_in_another_khu_pho(client_for, head1, neighborhood2):
    response = client_for(head1).post(
        reverse("households:household_create"),
        {"neighborhood": neighborhood2.pk, "code": "X-1", "head_name": "A"},
    )
    assert response.status_code == 200 and not Household.objects.exists()


def test_member_form_refuses_future_birth_date_and_used_national_id(client_for, head1, house1):
    MemberFactory(national_id="038190000111")
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    response = client_for(head1).post(
        reverse("households:member_create", args=[house1.pk]),
        {"full_name": "Bé Na", "date_of_birth": tomorrow, "sex": "female", "relation_to_head": "child"},
    )
    assert messages.BIRTH_DATE_FUTURE in response.text
    response = client_for(head1).post(
        reverse("households:member_create", args=[house1.pk]),
        {
            "full_name": "Bé Na",
            "date_of_birth": "03/04/2015",
            "sex": "female",
            "relation_to_head": "child",
            "national_id": "038190000111",
        },
    )
    assert messages.NATIONAL_ID_USED in response.text
    assert not house1.members.exists()


def test_member_form_reads_day_first_dates(client_for, head1, house1):
    client_for(head1).post(
        reverse("households:member_create", args=[house1.pk]),
        {"full_name": "Bé Na", "date_of_birth": "03/04/2015", "sex": "female", "relation_to_head": "child"},
    )
    assert Member.objects.get().date_of_birth == datetime.date(2015, 4, 3)


def test_member_cannot_be_moved_to_a_household_of_another_commune(client_for, labour_officer, house1):
    """Another commune's household is out of scope: not found, and its commune is never named."""
    member = MemberFactory(household=house1, full_name="Đỗ Văn Bình")
    HouseholdFactory(neighborhood=NeighborhoodFactory(commune=CommuneFactory(code="xa-xa")), code="XA-1")
    response = client_for(labour_officer).post(
        reverse("households:member_edit", args=[member.pk]),
        {
            "full_name": "Đỗ Văn Bình",
            "date_of_birth": "01/01/1980",
            "sex": "male",
            "relation_to_head": "other",
            "move_to_code": "XA-1",
            "version": member.version,
        },
    )
    assert "Không tìm thấy hộ có mã này." in response.text
    assert messages.MEMBER_OTHER_COMMUNE not in response.text
    member.refresh_from_db()
    assert member.household == house1


def test_movement_page_shows_the_table_and_identity(client_for, upper_viewer, commune, house1):
    add_result(approved_round(commune, 2023), house1, Category.POOR)
    add_result(approved_round(commune, 2024), house1, Category.NEAR_POOR)
    response = get_warm(client_for(upper_viewer), reverse("households:movement_table") + "?year=2024")
    assert response.status_code == 200
    assert 'data-testid="identity-ok"' in response.text
    assert response.context["escaped"]["total"] == 1


# --- import and export over HTTP --------------------------------------------------------------------


def test_web_import_previews_then_imports_on_confirm(client_for, labour_officer, commune, neighborhood1):
    client = client_for(labour_officer)
    upload = workbook_bytes([row()])
    upload.name = "ho.xlsx"
    preview = client.post(reverse("households:household_import"), {"file": upload}, follow=True)
    assert 'data-testid="import-preview"' in preview.text and "KP1-0001" in preview.text
    assert not Household.objects.exists()
    token = client.session["household_import"]["token"]
    done = client.post(reverse("households:household_import_confirm"), {"token": token})
    assert done.status_code == 302
    assert Household.objects.get().code == "KP1-0001"


def test_web_import_lists_row_errors_and_writes_nothing(client_for, labour_officer, commune, neighborhood1):
    upload = workbook_bytes([row(), row(code="KP1-0002", national_id="", neighborhood="Khu phố 9")])
    upload.name = "ho.xlsx"
    response = client_for(labour_officer).post(reverse("households:household_import"), {"file": upload})
    assert 'Dòng 3, cột "Khu phố": xã không có khu phố "Khu phố 9"' in html.unescape(response.text)
    assert not Household.objects.exists()


def test_confirm_without_a_pending_upload_imports_nothing(client_for, labour_officer, commune):
    response = client_for(labour_officer).post(
        reverse("households:household_import_confirm"), {"token": "abc"}
    )
    assert response.status_code == 302 and not Household.objects.exists()


def test_web_export_of_the_current_filter(client_for, head1, commune, house1, house2):
    approved = approved_round(commune, 2024)
    add_result(approved, house1, Category.POOR)
    add_result(approved, house2, Category.POOR)
    response = client_for(head1).get(reverse("households:household_export") + "?year=2024")
    assert response.status_code == 200
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    codes = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert codes == ["KP1-0001"]  # the head's scope: their own khu phố only


def test_detail_shows_who_changed_what_old_to_new(client_for, labour_officer, house1):
    client = client_for(labour_officer)
    client.post(
        reverse("households:household_edit", args=[house1.pk]),
        {
            "neighborhood": house1.neighborhood_id,
            "code": "KP1-0001",
            "head_name": "Nguyễn Thị Hường",
            "address": "Số 5 Lê Lai",
            "version": house1.version,
        },
    )
    text = client.get(reverse("households:household_detail", args=[house1.pk])).text
    assert "Địa chỉ: (trống) → Số 5 Lê Lai" in text
    assert labour_officer.display_name in text


def test_list_total_is_capped_beyond_200_households(client_for, labour_officer, neighborhood1):
    Household.objects.bulk_create(
        [
            Household(
                commune=neighborhood1.commune,
                neighborhood=neighborhood1,
                code=f"KP1-{i:04d}",
                head_name="A",
                search_key=f"kp1-{i:04d} a",
            )
            for i in range(201)
        ]
    )
    text = get(client_for, labour_officer, reverse("households:household_list")).text
    assert "Hơn 200 hộ" in text
    text = get(client_for, labour_officer, reverse("households:household_list") + "?q=kp1-000").text
    assert "10 hộ" in text  # one page of matches: the exact number
