"""The province roll-up, the province workbook and the province viewer's access."""

import datetime
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from households.models import Category, Province, Review, ReviewRound
from reporting.figures.province import commune_row, province_rollup, row_key
from reporting.models import DocumentJob
from reporting.province_tasks import refresh_province_rows
from tests.factories import CommuneFactory, NeighborhoodFactory, UserFactory
from tests.households.factories import HouseholdFactory
from tests.programs.delivery.factories import approve_round
from thoxuan_gnbv import messages
from thoxuan_gnbv.models import Role

# Database access before the reporting conftest's cache clearing: the shared cache is a table.
pytestmark = pytest.mark.django_db

# Categories of the households of commune number i (0, 1, …) in 2023 and 2024: they differ by
# commune so that a total made of one commune's row repeated would not match.
PATTERN_2023 = [Category.POOR, Category.POOR, Category.NEAR_POOR, Category.NONE]
PATTERN_2024 = [Category.NONE, Category.POOR, Category.POOR, Category.NEAR_POOR]


@pytest.fixture
def province(db):
    return Province.objects.create(code="99", name="Kiểm Thử", full_name="Tỉnh Kiểm Thử")


def build_communes(province, count: int, start: int = 0) -> list:
    communes = []
    for i in range(start, start + count):
        commune = CommuneFactory(code=f"tinh-xa-{i}", name=f"Xã Số {i:02d}", province=province)
        chairman = UserFactory(commune=commune, role=Role.CHAIRMAN, username=f"ct-{i}", password=None)
        neighborhood = NeighborhoodFactory(commune=commune, name="Khu phố 1", position=1)
        households = [HouseholdFactory(neighborhood=neighborhood, code=f"T{i}-{n}") for n in range(4 + i)]
        first = {h: PATTERN_2023[n % 4] for n, h in enumerate(households)}
        second = {h: PATTERN_2024[(n + i) % 4] for n, h in enumerate(households)}
        approve_round(commune, datetime.date(2023, 12, 20), first, chairman)
        approve_round(commune, datetime.date(2024, 12, 20), second, chairman)
        communes.append(commune)
    return communes


@pytest.fixture
def viewer(province):
    """The province's viewer: every commune of the province, read-only, no commune of their own."""
    return UserFactory(
        username="captinh", role=Role.UPPER_VIEWER, commune=None, province=province, password=None
    )


def warm(communes, year=2024):
    refresh_province_rows.call(commune_ids=[c.pk for c in communes], year=year)


def _independent(communes, category, year=2024) -> int:
    """Households of ``category`` in the year's approved rounds, counted straight from the reviews."""
    return Review.objects.filter(
        round__commune__in=communes, round__status="approved", year=year, category=category
    ).count()


@pytest.mark.shared_cache
def test_rows_and_total_match_an_independent_count(province):
    communes = build_communes(province, 3)
    warm(communes)
    rollup = province_rollup([(c.pk, c.code, c.name) for c in communes], 2024)
    for row, commune in zip(rollup.rows, communes, strict=True):
        assert row.get("poor") == _independent([commune], Category.POOR)
        assert row.get("near_poor") == _independent([commune], Category.NEAR_POOR)
        assert row.get("start") == _independent([commune], Category.POOR, year=2023)
    assert rollup.total["poor"] == _independent(communes, Category.POOR)
    assert rollup.total["near_poor"] == _independent(communes, Category.NEAR_POOR)
    # Escaped: poor in 2023, not poor in 2024, counted pair by pair from the reviews.
    poor_2023 = set(
        Review.objects.filter(year=2023, category=Category.POOR).values_list("household", flat=True)
    )
    poor_2024 = set(
        Review.objects.filter(year=2024, category=Category.POOR).values_list("household", flat=True)
    )
    assert rollup.total["escaped"] == len(poor_2023 - poor_2024)
    assert rollup.total["net"] == len(poor_2023) - len(poor_2024)
    assert rollup.total["communes"] == rollup.total["ready"] == 3


@pytest.mark.shared_cache
def test_a_missing_row_is_shown_empty_and_queued(
    client, province, viewer, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    communes = build_communes(province, 2)
    client.force_login(viewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("reporting:province_rollup") + "?year=2024")
    assert response.status_code == 200
    assert response.text.count("Đang tính số liệu") == 2
    queued = DBTaskResult.objects.filter(task_path="reporting.province_tasks.refresh_province_rows")
    assert queued.count() == 1
    assert sorted(queued.get().args_kwargs["kwargs"]["commune_ids"]) == sorted(c.pk for c in communes)
    # Opening the page again while the refresh waits queues nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("reporting:province_rollup") + "?year=2024")
    assert queued.count() == 1


@pytest.mark.shared_cache
def test_approving_a_round_refreshes_the_commune_row(province, django_capture_on_commit_callbacks):
    (commune,) = build_communes(province, 1)
    warm([commune])
    from django.core.cache import cache

    before = cache.get(row_key(commune.pk, 2024))
    chairman = commune.users.get(role=Role.CHAIRMAN)
    household = HouseholdFactory(neighborhood=commune.neighborhoods.get(), code="T-new")
    approved = approve_round(commune, datetime.date(2024, 12, 28), {household: Category.POOR}, chairman)
    approved.refresh_from_db()
    # approve_round approves with a QuerySet update; the approval service saves the round, which is
    # what the handler listens to.
    with django_capture_on_commit_callbacks(execute=True):
        post_save.send(sender=ReviewRound, instance=approved, created=False)
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.filter(task_path="reporting.province_tasks.refresh_province_rows").last()
    assert task.args_kwargs["kwargs"]["commune_ids"] == [commune.pk]
    warm([commune])
    assert cache.get(row_key(commune.pk, 2024))["poor"] == before["poor"] + 1


def _page_queries(client, viewer) -> int:
    client.force_login(viewer)
    client.get(reverse("reporting:province_rollup") + "?year=2024")  # session and user warm
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("reporting:province_rollup") + "?year=2024")
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.shared_cache
def test_roll_up_page_queries_do_not_grow_with_the_communes(client, province, viewer):
    communes = build_communes(province, 2)
    warm(communes)
    two = _page_queries(client, viewer)
    communes += build_communes(province, 3, start=2)
    warm(communes)
    five = _page_queries(client, viewer)
    assert two == five
    page = client.get(reverse("reporting:province_rollup") + "?year=2024").text
    assert page.count('data-testid="province-row"') == 5 and "Đang tính" not in page


@pytest.mark.shared_cache
def test_page_shows_the_total_and_drills_into_a_commune(client, province, viewer):
    communes = build_communes(province, 2)
    warm(communes)
    client.force_login(viewer)
    response = client.get(reverse("reporting:province_rollup") + "?year=2024")
    page = response.text
    # No commune open: the menu holds the province level only (the commune menus would answer 403),
    # and no template text leaks into the page.
    assert [item.label for item in response.context["nav_items"]] == ["Tổng hợp tỉnh"]
    assert "{#" not in page and "{%" not in page
    total = _independent(communes, Category.POOR)
    assert (
        f'<td class="text-end">{total}</td>'
        in page.split('data-testid="province-total"')[1].split("</tr>")[0]
    )
    round_pk = communes[1].review_rounds.get(year=2024).pk
    tables = reverse("reporting:review_tables", args=[round_pk])
    drill = reverse("reporting:province_commune", args=[communes[1].pk]) + f"?next={tables}"
    assert reverse("reporting:province_commune", args=[communes[1].pk]) + "?next=" in page
    response = client.get(drill)
    assert response.url == tables
    opened = client.get(tables)
    assert opened.status_code == 200
    assert "Tổng hợp tỉnh" in [item.label for item in opened.context["nav_items"]]
    assert len(opened.context["nav_items"]) > 1  # a commune is open: its menus too
    # Opened commune 1: commune 0's tables are out of scope until the viewer goes back to the roll-up.
    other = reverse("reporting:review_tables", args=[communes[0].review_rounds.get(year=2024).pk])
    assert client.get(other).status_code == 404
    # An outside address as next is refused: back home.
    assert client.get(
        reverse("reporting:province_commune", args=[communes[0].pk]) + "?next=https://x.example/"
    ).url == reverse("home")


def test_commune_row_has_the_documents_to_drill_into(province):
    (commune,) = build_communes(province, 1)
    row = commune_row(commune, 2024, today=datetime.date(2025, 1, 10))
    assert row["review_round_id"] == commune.review_rounds.get(year=2024).pk
    assert row["plan_id"] is None and row["compiled"] == [] and row["allocated"] == 0


def _read(path):
    return openpyxl.load_workbook(path, read_only=True)


def test_province_workbook_has_one_row_per_commune_and_the_sum(province, tmp_path):
    communes = build_communes(province, 3)
    CommuneFactory(code="tinh-xa-trong", name="Xã Trống", province=province)  # no approved round
    out = tmp_path / "tinh.xlsx"
    call_command("render_review", "--year", "2024", "--province", "99", "--format", "xlsx", "--out", str(out))
    book = _read(out)
    assert book.sheetnames[:4] == ["Hộ nghèo", "Hộ cận nghèo", "Chỉ số thiếu hụt", "Nhóm hộ"]
    assert {"Kết quả thực hiện", "Kinh phí theo nguồn"} <= set(book.sheetnames)
    rows = list(book["Hộ nghèo"].iter_rows(values_only=True))
    assert rows[6][1] == "Xã/phường"
    data = [r for r in rows[8:] if r and isinstance(r[0], int)]
    assert [r[1] for r in data] == ["Xã Số 00", "Xã Số 01", "Xã Số 02", "Xã Trống"]
    total = next(r for r in rows if len(r) > 1 and r[1] == "Tổng cộng")
    assert total[8] == _independent(communes, Category.POOR)  # I: Cuối năm số hộ nghèo
    assert total[8] == sum(r[8] or 0 for r in data)
    assert total[3] == _independent(communes, Category.POOR, year=2023)  # D: Đầu năm
    near = list(book["Hộ cận nghèo"].iter_rows(values_only=True))
    near_total = next(r for r in near if len(r) > 1 and r[1] == "Tổng cộng")
    assert near_total[9] == _independent(communes, Category.NEAR_POOR)
    results = list(book["Kết quả thực hiện"].iter_rows(values_only=True))
    assert (
        next(r for r in results if len(r) > 1 and r[1] == "Tổng cộng")[3] == total[5]
    )  # escaped, both sheets


def test_render_review_province_refuses_bad_input(province, tmp_path):
    out = str(tmp_path / "x.xlsx")
    with pytest.raises(CommandError, match="Không có tỉnh/thành phố mã “00”"):
        call_command("render_review", "--year", "2024", "--province", "00", "--format", "xlsx", "--out", out)
    with pytest.raises(CommandError, match="chỉ xuất ra Excel"):
        call_command("render_review", "--year", "2024", "--province", "99", "--format", "pdf", "--out", out)
    with pytest.raises(CommandError, match="chưa có đợt rà soát nào"):
        call_command("render_review", "--year", "2024", "--province", "99", "--format", "xlsx", "--out", out)
    assert not (tmp_path / "x.xlsx").exists()


IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def _sheets(book) -> dict:
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def test_workbook_download_from_the_roll_up_is_a_job_equal_to_the_command(
    client, province, viewer, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.TASKS, settings.MEDIA_ROOT = IMMEDIATE, tmp_path
    build_communes(province, 2)
    client.force_login(viewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("reporting:province_workbook") + "?year=2024")
    job = DocumentJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:province_job", args=[job.pk])
    assert job.kind == DocumentJob.Kind.PROVINCE_XLSX and job.status == DocumentJob.Status.DONE
    assert job.province_id == province.pk and job.commune_id is None and job.message == "Đã xong: 2 dòng."
    page = client.get(response["Location"]).text
    assert "Tải tệp Excel (tong-hop-ra-soat-99-2024.xlsx)" in page
    download = client.get(reverse("reporting:province_job_download", args=[job.pk]))
    queued = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    out = tmp_path / "tinh.xlsx"
    call_command("render_review", "--year", "2024", "--province", "99", "--format", "xlsx", "--out", str(out))
    expected = _sheets(_read(out))
    assert _sheets(queued) == expected and len(expected) == 6
    names = [r[1] for r in expected["Hộ nghèo"][8:] if len(r) > 1 and r[1]]
    assert names[:2] == ["Xã Số 00", "Xã Số 01"]
    # A year without an approved round: back to the roll-up with a Vietnamese message, no job.
    response = client.get(reverse("reporting:province_workbook") + "?year=2030", follow=True)
    assert "Năm 2030 chưa có đợt rà soát nào" in response.text
    assert DocumentJob.objects.count() == 1


def test_a_province_job_is_the_province_viewers_only(
    client, province, viewer, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.TASKS, settings.MEDIA_ROOT = IMMEDIATE, tmp_path
    communes = build_communes(province, 1)
    client.force_login(viewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("reporting:province_workbook") + "?year=2024")
    job = DocumentJob.objects.get(status=DocumentJob.Status.DONE)
    # The commune's own officer: the province's job does not exist for them.
    officer = UserFactory(commune=communes[0], role=Role.CHAIRMAN, username="ct-khac", password=None)
    client.force_login(officer)
    for name in ("reporting:job_detail", "reporting:job_download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert client.get(reverse("reporting:province_job", args=[job.pk])).status_code == 403
    # The viewer of another province: not theirs either.
    other = Province.objects.create(code="98", name="Khác")
    client.force_login(
        UserFactory(username="tinhkhac", role=Role.UPPER_VIEWER, commune=None, province=other, password=None)
    )
    for name in ("reporting:province_job", "reporting:province_job_download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404


def test_the_job_refuses_a_requester_no_longer_viewer_of_the_province(province, viewer, tmp_path, settings):
    from reporting.province_export import NOT_A_VIEWER, export_province_job

    settings.MEDIA_ROOT = tmp_path
    build_communes(province, 1)
    job = DocumentJob.objects.create(
        kind=DocumentJob.Kind.PROVINCE_XLSX, province=province, params={"year": 2024}, requested_by=viewer
    )
    viewer.province = Province.objects.create(code="98", name="Khác")
    viewer.save()
    assert export_province_job.call(job_id=job.pk, province_id=province.pk) == 0
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.FAILED and job.message == NOT_A_VIEWER and not job.file


def test_a_job_names_exactly_one_commune_or_province(province, viewer):
    from django.db import IntegrityError, transaction

    commune = build_communes(province, 1)[0]
    for scope in ({}, {"commune": commune, "province": province}):
        with pytest.raises(IntegrityError), transaction.atomic():
            DocumentJob.objects.create(kind=DocumentJob.Kind.PROVINCE_XLSX, requested_by=viewer, **scope)


def test_the_viewer_of_another_province_sees_nothing_of_this_one(client, province):
    communes = build_communes(province, 1)
    other = Province.objects.create(code="98", name="Khác")
    outsider = UserFactory(
        username="tinhkhac", role=Role.UPPER_VIEWER, commune=None, province=other, password=None
    )
    client.force_login(outsider)
    assert communes[0].name not in client.get(reverse("reporting:province_rollup")).text
    assert client.get(reverse("reporting:province_commune", args=[communes[0].pk])).status_code == 404
    round_pk = communes[0].review_rounds.get(year=2024).pk
    assert client.get(reverse("reporting:review_tables", args=[round_pk])).status_code == 403


def test_admin_refuses_an_upper_viewer_with_neither_province_nor_commune(client, db):
    admin = UserFactory(username="qt", is_staff=True, is_superuser=True, role="", commune=None, password=None)
    user = UserFactory(username="xem", role=Role.CHAIRMAN, commune=CommuneFactory(), password=None)
    client.force_login(admin)
    from tests.admin_forms import change_form_data

    url = reverse("admin:thoxuan_gnbv_user_change", args=[user.pk])
    data = change_form_data(client.get(url), role=Role.UPPER_VIEWER, commune="", province="")
    response = client.post(url, data)
    assert response.status_code == 200
    assert messages.UPPER_VIEWER_WITHOUT_AREA in response.context["adminform"].form.errors["province"]
    user.refresh_from_db()
    assert user.role == Role.CHAIRMAN


def test_the_page_reads_the_stored_whole_and_falls_back_for_a_new_commune(client, province, viewer):
    """The worker stores the whole roll-up (rows, total, table body) in one entry; a commune added
    since is not in it, so the page assembles the rows instead and shows the new one as not computed."""
    from django.core.cache import cache

    from reporting.province_tasks import rollup_key

    communes = build_communes(province, 2)
    warm(communes)
    entry = cache.get(rollup_key(province.pk, 2024))
    assert entry["communes"] == sorted(c.pk for c in communes)
    assert entry["rollup"].total["poor"] == _independent(communes, Category.POOR)
    client.force_login(viewer)
    url = reverse("reporting:province_rollup") + "?year=2024"
    assert client.get(url).text.count('data-testid="province-row"') == 2
    CommuneFactory(code="tinh-xa-moi", name="Xã Số 99", province=province)
    page = client.get(url).text
    assert page.count('data-testid="province-row"') == 3 and "Đang tính số liệu…" in page


def test_each_year_lists_the_communes_of_that_year(client, province, viewer, tmp_path):
    """After a merger the predecessors leave the roll-up and the workbook from the first whole year
    without them; the successor joins from the year it was founded; the merger's year holds both."""
    from households.models import CommuneMerger
    from reporting.province_tasks import province_communes

    old = build_communes(province, 3)
    new = CommuneFactory(
        code="tinh-xa-moi", name="Xã Mới", province=province, established_on=datetime.date(2025, 7, 1)
    )
    merger = CommuneMerger.objects.create(
        successor=new, effective_on=datetime.date(2025, 7, 1), resolution_number="1686/NQ-UBTVQH15"
    )
    merger.predecessors.set(old[:2])

    def names(year):
        return [name for _, _, name in province_communes(province.pk, year)]

    assert names(2024) == ["Xã Số 00", "Xã Số 01", "Xã Số 02"]
    assert names(2025) == ["Xã Mới", "Xã Số 00", "Xã Số 01", "Xã Số 02"]
    assert names(2026) == ["Xã Mới", "Xã Số 02"]
    client.force_login(viewer)
    page = client.get(reverse("reporting:province_rollup") + "?year=2026").text
    assert page.count('data-testid="province-row"') == 2 and "Xã Số 00" not in page
    out = tmp_path / "tinh.xlsx"
    call_command("render_review", "--year", "2024", "--province", "99", "--format", "xlsx", "--out", str(out))
    rows = list(_read(out)["Hộ nghèo"].iter_rows(values_only=True))
    assert [r[1] for r in rows[8:] if r and isinstance(r[0], int)] == ["Xã Số 00", "Xã Số 01", "Xã Số 02"]
