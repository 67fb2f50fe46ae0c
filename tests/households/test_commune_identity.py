"""A commune's dated identity: the identity valid on a date, a rename closing the old one the day
before, overlapping spans refused, and no document dated before the commune existed."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from households import messages
from households.models import CommuneIdentity
from households.services.identity import (
    commune_rename,
    document_date,
    ensure_first_identity,
    identity_on,
    identity_save,
)

pytestmark = pytest.mark.django_db

RENAMED_ON = datetime.date(2025, 7, 1)


@pytest.fixture
def renamed(commune):
    ensure_first_identity(commune)
    commune_rename(
        commune=commune,
        on=RENAMED_ON,
        name="Xã Kiểm Thử",
        kind="xa",
        issuer_name="XÃ KIỂM THỬ",
        reports_to="UBND tỉnh Thanh Hóa",
        legal_basis="Nghị quyết 1686/NQ-UBTVQH15",
    )
    commune.refresh_from_db()
    return commune


def test_without_dated_rows_the_commune_own_fields_apply(commune):
    identity = identity_on(commune, datetime.date(2024, 5, 1))
    assert (identity.name, identity.issuer_name, identity.pk) == (
        "Thị trấn Kiểm Thử",
        "THỊ TRẤN KIỂM THỬ",
        None,
    )


def test_rename_closes_the_old_identity_the_day_before(renamed):
    rows = list(CommuneIdentity.objects.filter(commune=renamed).order_by("id"))
    assert [(r.name, r.valid_from, r.valid_to) for r in rows] == [
        ("Thị trấn Kiểm Thử", None, datetime.date(2025, 6, 30)),
        ("Xã Kiểm Thử", RENAMED_ON, None),
    ]
    # The new row copies what did not change.
    assert rows[1].place_name == rows[0].place_name == "Kiểm Thử"


def test_each_date_gets_the_identity_valid_that_day(renamed):
    assert identity_on(renamed, datetime.date(2025, 6, 30)).issuer_name == "THỊ TRẤN KIỂM THỬ"
    assert identity_on(renamed, RENAMED_ON).issuer_name == "XÃ KIỂM THỬ"
    assert identity_on(renamed, datetime.date(2024, 12, 20)).reports_to == "UBND huyện Kiểm Thử"
    assert identity_on(renamed, datetime.date(2026, 1, 1)).reports_to == "UBND tỉnh Thanh Hóa"


def test_the_commune_own_fields_follow_the_newest_identity(renamed):
    assert (renamed.name, renamed.kind, renamed.issuer_name) == ("Xã Kiểm Thử", "xa", "XÃ KIỂM THỬ")


def test_a_rename_on_or_before_the_current_start_is_refused(renamed):
    with pytest.raises(ValidationError) as error:
        commune_rename(commune=renamed, on=RENAMED_ON, name="Xã Khác Tên")
    assert "Ngày đổi tên (01/07/2025)" in error.value.message_dict["valid_from"][0]
    assert CommuneIdentity.objects.filter(commune=renamed).count() == 2


def test_an_overlapping_span_is_refused_and_not_saved(renamed):
    overlapping = CommuneIdentity(
        commune=renamed,
        valid_from=datetime.date(2025, 1, 1),
        valid_to=datetime.date(2025, 12, 31),
        name="Tên chồng lấn",
        kind="xa",
        issuer_name="TÊN CHỒNG LẤN",
        place_name="Kiểm Thử",
    )
    with pytest.raises(ValidationError) as error:
        identity_save(overlapping)
    assert "trùng với tên gọi" in error.value.message_dict["valid_from"][0]
    assert not CommuneIdentity.objects.filter(name="Tên chồng lấn").exists()


def test_an_empty_new_name_is_refused(renamed):
    with pytest.raises(ValidationError) as error:
        commune_rename(commune=renamed, on=datetime.date(2026, 1, 1), name="  ")
    assert error.value.message_dict["name"] == [messages.IDENTITY_NAME_REQUIRED]


def test_a_document_dated_before_the_commune_existed_is_refused(commune):
    commune.established_on = RENAMED_ON
    commune.save()
    with pytest.raises(ValidationError) as error:
        identity_on(commune, datetime.date(2025, 6, 30))
    assert error.value.messages == [
        "Văn bản ngày 30/06/2025 có trước ngày thành lập Thị trấn Kiểm Thử (01/07/2025): "
        "đơn vị chưa tồn tại vào ngày đó."
    ]


def test_an_undated_document_of_the_founding_year_uses_the_first_day(commune):
    commune.established_on = RENAMED_ON
    assert document_date(commune, None, 2025) == RENAMED_ON
    assert document_date(commune, None, 2026) == datetime.date(2026, 1, 1)
    assert document_date(commune, None, 2025, datetime.date(2025, 12, 31)) == datetime.date(2025, 12, 31)
    assert document_date(commune, datetime.date(2025, 8, 2), 2025) == datetime.date(2025, 8, 2)


def test_first_identity_is_created_once(commune):
    first = ensure_first_identity(commune)
    assert ensure_first_identity(commune) == first
    assert CommuneIdentity.objects.filter(commune=commune).count() == 1
