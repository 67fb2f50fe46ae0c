"""Import of the household workbook: good files, every kind of bad row, all-or-nothing, zip bombs."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from households import messages
from households import workbook as wb
from households.models import Category, Household, Review, ReviewRound, RoundStatus
from households.services.importing import households_import
from households.services.workbook_checks import workbook_read
from tests.households.factories import HouseholdFactory, add_result, approved_round
from tests.households.workbooks import HEADERS, row, workbook_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def khu_pho(neighborhood1, neighborhood2):
    return neighborhood1, neighborhood2


def snapshot():
    return (
        list(Household.objects.order_by("pk").values_list("code", "head_name", "neighborhood_id")),
        list(Review.objects.order_by("pk").values_list("household_id", "income", "category")),
        ReviewRound.objects.count(),
        Household.history.count(),
    )


def refuse(commune, user, rows, headers=HEADERS):
    before = snapshot()
    with pytest.raises(ValidationError) as exc_info:
        households_import(commune=commune, fileobj=workbook_bytes(rows, headers), user=user)
    assert snapshot() == before  # nothing half-written
    return exc_info.value.messages


def test_good_workbook_creates_households_and_classified_reviews(commune, khu_pho, labour_officer):
    rows = [
        row(),
        row(
            code="KP2-0001",
            neighborhood="khu phố 2 ",
            head="Lê Văn Nam",
            national_id="",
            deprived=(5,),
            income=1_500_000,
        ),
        row(
            code="KP2-0002",
            neighborhood="Khu phố 2",
            head="Bùi Thị Lan",
            national_id="038190000124",
            income=2_500_000,
            ethnic="x",
        ),
    ]
    result = households_import(commune=commune, fileobj=workbook_bytes(rows), user=labour_officer)
    assert (result.created, result.updated) == (3, 0)
    categories = dict(Review.objects.values_list("household__code", "category"))
    assert categories == {
        "KP1-0001": Category.POOR,
        "KP2-0001": Category.NEAR_POOR,
        "KP2-0002": Category.AVERAGE,
    }
    household = Household.objects.get(code="KP1-0001")
    assert household.search_key.startswith("kp1-0001 nguyen thi huong")
    assert Household.objects.get(code="KP2-0002").is_ethnic_minority
    assert result.review_round.year == 2024 and result.review_round.status == RoundStatus.OPEN
    entry = household.history.get()
    assert (
        entry.history_user == labour_officer
        and entry.history_change_reason == "Nhập từ tệp Excel hộ gia đình"
    )
    assert Review.history.filter(history_user=labour_officer).count() == 3


def test_second_import_updates_by_code_and_records_history(commune, khu_pho, labour_officer):
    households_import(commune=commune, fileobj=workbook_bytes([row()]), user=labour_officer)
    result = households_import(
        commune=commune,
        fileobj=workbook_bytes([row(head="Nguyễn Thị Hường B", income=2_200_000)]),
        user=labour_officer,
    )
    assert (result.created, result.updated) == (0, 1)
    household = Household.objects.get()
    assert household.head_name == "Nguyễn Thị Hường B"
    assert Review.objects.get().category == Category.AVERAGE
    assert household.history.count() == 2


def test_headers_match_ignoring_case_spaces_and_order(commune, khu_pho, labour_officer):
    headers = [f"  {h.upper()} " for h in HEADERS]
    values = row()
    result = households_import(
        commune=commune,
        fileobj=workbook_bytes([values[::-1]], headers[::-1] + ["Cột lạ"]),
        user=labour_officer,
    )
    assert result.created == 1


def test_blank_rows_are_skipped(commune, khu_pho, labour_officer):
    result = households_import(
        commune=commune,
        fileobj=workbook_bytes([row(), [None] * len(HEADERS), row(code="KP1-0002", national_id="")]),
        user=labour_officer,
    )
    assert result.created == 2


def test_missing_required_column_is_named(commune, khu_pho, labour_officer):
    headers = [h for h in HEADERS if h != wb.INCOME]
    values = row()
    del values[HEADERS.index(wb.INCOME)]
    assert refuse(commune, labour_officer, [values], headers) == [
        messages.COLUMN_MISSING.format(header=wb.INCOME)
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"head": ""}, messages.CELL_REQUIRED.format(row=2, header=wb.HEAD_NAME)),
        ({"income": "nhiều"}, messages.CELL_NOT_INTEGER.format(row=2, header=wb.INCOME)),
        ({"income": -5}, messages.CELL_NOT_INTEGER.format(row=2, header=wb.INCOME)),
        ({"size": 0}, messages.CELL_NOT_POSITIVE.format(row=2, header=wb.SIZE)),
        ({"year": 1999}, messages.CELL_YEAR_RANGE.format(row=2, header=wb.YEAR)),
        ({"year": 2101}, messages.CELL_YEAR_RANGE.format(row=2, header=wb.YEAR)),
        ({"national_id": "12345"}, messages.CELL_NATIONAL_ID.format(row=2, header=wb.HEAD_NATIONAL_ID)),
        ({"code": "KP1-\u200b0001"}, messages.CELL_INVISIBLE.format(row=2, header=wb.CODE)),
        (
            {"national_id": "\u202e03819000012"},
            messages.CELL_NATIONAL_ID.format(row=2, header=wb.HEAD_NATIONAL_ID),
        ),
        (
            {"neighborhood": "Khu phố 99"},
            messages.CELL_NEIGHBORHOOD_UNKNOWN.format(row=2, header=wb.NEIGHBORHOOD, name="Khu phố 99"),
        ),
    ],
)
def test_each_bad_cell_is_refused_with_row_and_header(commune, khu_pho, labour_officer, changes, expected):
    errors = refuse(commune, labour_officer, [row(**changes)])
    assert errors == [expected]


def test_the_spec_example_message_is_exact(commune, khu_pho, labour_officer):
    errors = refuse(
        commune,
        labour_officer,
        [
            row(code="KP1-0001"),
            row(code="KP1-0002", national_id=""),
            row(code="KP1-0003", national_id=""),
            row(code="KP1-0004", national_id="", income=-1),
        ],
    )
    assert errors == ['Dòng 5, cột "Thu nhập bình quân (đồng/người/tháng)": phải là số nguyên ≥ 0']


def test_code_repeated_within_the_file(commune, khu_pho, labour_officer):
    errors = refuse(commune, labour_officer, [row(), row(national_id="")])
    assert errors == [messages.CELL_CODE_REPEATED.format(row=3, header=wb.CODE, code="KP1-0001", first=2)]


def test_national_id_of_a_household_already_in_the_registry_is_refused(
    commune, khu_pho, labour_officer, neighborhood1
):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0500", head_national_id="038190000123")
    errors = refuse(commune, labour_officer, [row()])
    assert errors == [messages.CELL_NATIONAL_ID_USED.format(row=2, header=wb.HEAD_NATIONAL_ID)]


def test_every_problem_of_every_row_is_listed_and_nothing_is_written(commune, khu_pho, labour_officer):
    errors = refuse(
        commune,
        labour_officer,
        [
            row(),
            row(code="KP1-0002", national_id="1", income=""),
            row(code="KP1-0003", national_id="", year="năm"),
        ],
    )
    assert errors == [
        messages.CELL_NATIONAL_ID.format(row=3, header=wb.HEAD_NATIONAL_ID),
        messages.CELL_REQUIRED.format(row=3, header=wb.INCOME),
        messages.CELL_NOT_INTEGER.format(row=4, header=wb.YEAR),
    ]


def test_year_of_an_approved_round_cannot_be_overwritten_while_another_round_is_open(
    commune, khu_pho, labour_officer
):
    ReviewRound.objects.create(commune=commune, year=2025)
    errors = refuse(commune, labour_officer, [row(year=2024)])
    assert errors == [messages.CELL_ROUND_FROZEN.format(row=2, header=wb.YEAR, year=2024)]


def test_import_after_approval_goes_to_a_new_round_and_keeps_the_approved_one(
    commune, khu_pho, labour_officer, neighborhood1
):
    household = HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001")
    first = approved_round(commune, 2024)
    add_result(first, household, Category.POOR)
    result = households_import(
        commune=commune, fileobj=workbook_bytes([row(income=2_900_000)]), user=labour_officer
    )
    assert result.review_round.number == 2
    assert Review.objects.get(round=first).category == Category.POOR
    assert Review.objects.get(round=result.review_round).category == Category.AVERAGE


def test_file_that_is_not_a_workbook_is_refused(commune, khu_pho, labour_officer):
    with pytest.raises(ValidationError) as exc_info:
        households_import(commune=commune, fileobj=io.BytesIO(b"Ma ho;Khu pho\n1;2"), user=labour_officer)
    assert exc_info.value.messages == [messages.FILE_NOT_XLSX]


def test_zip_that_is_not_a_workbook_is_refused(commune, khu_pho, labour_officer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(ValidationError) as exc_info:
        households_import(commune=commune, fileobj=buffer, user=labour_officer)
    assert exc_info.value.messages == [messages.FILE_NOT_XLSX]


def test_workbook_without_data_rows_is_refused(commune, khu_pho, labour_officer):
    assert refuse(commune, labour_officer, []) == [messages.FILE_NO_ROWS]


def test_zip_bomb_is_refused_before_parsing(commune, khu_pho, labour_officer, monkeypatch):
    # A sheet of 400 MB of one repeated byte compresses to a few hundred kB.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b"<" * (1024 * 1024)
            for _ in range(400):
                sheet.write(chunk)
    assert len(buffer.getvalue()) < 2 * 1024 * 1024

    def fail(*args, **kwargs):
        raise AssertionError("openpyxl must not be reached")

    monkeypatch.setattr("openpyxl.load_workbook", fail)
    with pytest.raises(ValidationError) as exc_info:
        households_import(commune=commune, fileobj=buffer, user=labour_officer)
    assert exc_info.value.messages == [messages.FILE_UNPACKED_TOO_LARGE]


def test_file_over_the_size_cap_is_refused(commune, khu_pho, labour_officer):
    big = io.BytesIO(b"0" * (30 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError) as exc_info:
        households_import(commune=commune, fileobj=big, user=labour_officer)
    assert exc_info.value.messages == [messages.FILE_TOO_LARGE.format(limit=30)]


def test_dry_run_validates_without_writing(commune, khu_pho, labour_officer):
    before = snapshot()
    result = households_import(
        commune=commune, fileobj=workbook_bytes([row()]), user=labour_officer, dry_run=True
    )
    assert result.created == 1
    assert snapshot() == before


def test_preview_lists_creates_and_updates(commune, khu_pho, labour_officer, neighborhood1):
    HouseholdFactory(neighborhood=neighborhood1, code="KP1-0001")
    plan = workbook_read(
        workbook_bytes([row(national_id=""), row(code="KP1-0009", national_id="")]), commune=commune
    )
    assert plan.ok and plan.creates == ["KP1-0009"] and plan.updates == ["KP1-0001"]


def test_invisible_characters_are_stripped_from_the_head_name(commune, khu_pho, labour_officer):
    households_import(
        commune=commune,
        fileobj=workbook_bytes([row(head="Nguyễn\u200b Thị\u00ad Hường")]),
        user=labour_officer,
    )
    assert Household.objects.get().head_name == "Nguyễn Thị Hường"


def test_rows_with_the_same_marks_share_one_read_only_copy(commune, khu_pho):
    # 150,000 rows are held until the import writes: equal indicator and flag marks are one object.
    plan = workbook_read(
        workbook_bytes(
            [
                row(ethnic="x"),
                row(code="KP1-0002", national_id="038190000124", ethnic="x"),
                row(code="KP1-0003", national_id="038190000125", deprived=(5,)),
            ]
        ),
        commune=commune,
    )
    first, second, third = plan.rows
    assert first.deprived is second.deprived
    assert first.flags is second.flags
    assert dict(first.flags) == {
        "without_labour_capacity": False,
        "is_ethnic_minority": True,
        "has_meritorious_person": False,
    }
    assert third.deprived != first.deprived and dict(third.flags)["is_ethnic_minority"] is False
    with pytest.raises(TypeError):
        first.flags["is_ethnic_minority"] = False  # shared, so never changed in place


def test_the_national_id_checks_read_the_national_id_indexes_for_a_full_chunk(commune, khu_pho):
    """The CCCD indexes are partial (blank CCCDs left out); PostgreSQL proves a query stays inside one
    from an IN list of at most 100 values, so a chunk of more must say "not blank" itself, or each
    check reads every household and member (at 1M households, 3 s of a 10,000-row import)."""
    rows = [row(code=f"KP1-{i:04d}", national_id=f"0381900{i:05d}") for i in range(1, 151)]
    with CaptureQueriesContext(connection) as captured:
        plan = workbook_read(workbook_bytes(rows), commune=commune)
    assert plan.errors == [] and len(plan.rows) == 150
    checks = [q["sql"] for q in captured if "national_id" in q["sql"] and " IN (" in q["sql"]]
    assert len(checks) == 2  # the heads', the members'
    if connection.vendor == "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: let only usability decide
        for sql, index in zip(
            checks, ("household_head_national_id_unique", "member_national_id_unique"), strict=True
        ):
            cursor.execute(f"EXPLAIN {sql}")
            plan_text = "\n".join(line for (line,) in cursor.fetchall())
            assert index in plan_text and "Seq Scan" not in plan_text, plan_text
