"""Merging communes: khu phố, households, users and units move to the successor with their history;
the predecessors keep their past years under their own names; the successor's first year starts from
their sum; every bad input is refused with a Vietnamese message naming the field, nothing written."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from households.models import Category, CommuneIdentity, CommuneMerger, Household, Neighborhood
from households.queries import movement_table
from households.services.identity import identity_on
from households.services.mergers import merge_communes
from programs.models import Unit
from reporting.documents.review_tables import build_review_tables
from tests.factories import CommuneFactory, NeighborhoodFactory, UnitFactory, UserFactory
from tests.households.factories import HouseholdFactory
from tests.programs.delivery.factories import approve_round
from thoxuan_gnbv.models import User

pytestmark = pytest.mark.django_db

ON = datetime.date(2025, 7, 1)
NEW = {
    "code": "xa-moi",
    "name": "Xã Mới",
    "kind": "xa",
    "area_type": "rural",
    "issuer_name": "XÃ MỚI",
    "place_name": "Mới",
    "reports_to": "UBND tỉnh Thanh Hóa",
}


@pytest.fixture
def two(commune, other_commune, neighborhood1, chairman):
    """Two communes, each with a "Khu phố 1" and an approved 2024 round: A 2 poor + 1 near-poor, B 1 poor."""
    b_hood = NeighborhoodFactory(commune=other_commune, name="Khu phố 1", position=1)
    a = [HouseholdFactory(neighborhood=neighborhood1, code=f"H-{i}") for i in range(3)]
    b = [HouseholdFactory(neighborhood=b_hood, code=f"H-{i}") for i in range(2)]  # same codes as in A
    approve_round(
        commune, datetime.date(2024, 12, 20), {a[0]: "poor", a[1]: "poor", a[2]: "near_poor"}, chairman
    )
    approve_round(other_commune, datetime.date(2024, 12, 21), {b[0]: "poor", b[1]: "average"}, chairman)
    UnitFactory(commune=commune, name="Trạm y tế")
    UnitFactory(commune=other_commune, name="Trạm y tế")
    UnitFactory(commune=other_commune, name="Trường Tiểu học")
    return commune, other_commune, a, b


def _merge(predecessors, successor=None, **extra):
    return merge_communes(
        predecessors=predecessors,
        successor=successor or dict(NEW),
        effective_on=extra.pop("effective_on", ON),
        resolution_number=extra.pop("resolution_number", "1686/NQ-UBTVQH15"),
        resolution_date=extra.pop("resolution_date", datetime.date(2025, 6, 16)),
        **extra,
    )


def test_households_khu_pho_users_and_units_move_to_the_successor(two, labour_officer):
    a, b, a_households, b_households = two
    merger = _merge([a, b], user=labour_officer)
    successor = merger.successor
    assert set(merger.predecessors.all()) == {a, b}
    assert Household.objects.filter(commune=successor).count() == 5
    assert not Household.objects.filter(commune__in=[a, b]).exists()
    # Two "Khu phố 1" would clash: each keeps its name with its commune's.
    assert sorted(Neighborhood.objects.filter(commune=successor).values_list("name", flat=True)) == [
        "Khu phố 1 (Thị trấn Kiểm Thử)",
        "Khu phố 1 (Xã Khác)",
    ]
    # Codes are unique per commune: the clashing ones of the second get its code as prefix.
    assert sorted(Household.objects.filter(commune=successor).values_list("code", flat=True)) == [
        "H-0", "H-1", "H-2", "XA-KHAC-H-0", "XA-KHAC-H-1",
    ]  # fmt: skip
    assert User.objects.get(pk=labour_officer.pk).commune == successor
    assert sorted(Unit.objects.filter(commune=successor).values_list("name", flat=True)) == [
        "Trường Tiểu học", "Trạm y tế",
    ]  # fmt: skip
    assert Unit.objects.filter(commune=b, name="Trạm y tế").exists()  # the clashing one stays
    # The predecessors' old khu phố are kept: their past tables are grouped by them.
    assert Neighborhood.objects.filter(commune__in=[a, b]).count() == 2


def test_history_keeps_the_old_commune_and_records_the_move(two, labour_officer):
    a, b, a_households, b_households = two
    _merge([a, b], user=labour_officer)
    rows = list(Household.history.filter(id=a_households[0].pk).order_by("history_date", "history_id"))
    assert rows[0].commune_id == a.pk
    assert rows[-1].commune.code == "xa-moi"
    assert (
        rows[-1].history_change_reason
        == "Sáp nhập vào Xã Mới từ ngày 01/07/2025 theo Nghị quyết 1686/NQ-UBTVQH15"
    )
    assert rows[-1].history_user == labour_officer
    account = User.history.filter(id=labour_officer.pk).order_by("history_date").last()
    assert account.history_change_reason.startswith("Sáp nhập vào Xã Mới")


def test_identities_close_the_day_before_and_the_successor_starts_on_the_date(two):
    a, b, *_ = two
    successor = _merge([a, b]).successor
    assert CommuneIdentity.objects.get(commune=a).valid_to == datetime.date(2025, 6, 30)
    assert identity_on(a, datetime.date(2024, 12, 20)).name == "Thị trấn Kiểm Thử"
    first = CommuneIdentity.objects.get(commune=successor)
    assert (first.valid_from, first.name, first.legal_basis) == (ON, "Xã Mới", "Nghị quyết 1686/NQ-UBTVQH15")
    assert successor.established_on == ON
    with pytest.raises(ValidationError):
        identity_on(successor, datetime.date(2025, 6, 30))


def test_predecessors_keep_their_past_tables_under_their_own_names(two):
    a, b, *_ = two
    before = build_review_tables(a, 2024)
    _merge([a, b])
    after = build_review_tables(a, 2024)
    assert after.frame.issuer_name == "THỊ TRẤN KIỂM THỬ"
    assert [(r.label, r.counts) for r in after.summary] == [(r.label, r.counts) for r in before.summary]
    assert after.summary[-1].get("p_end") == 2
    assert movement_table(b, 2024)[-1].end == 1


def test_the_successor_first_year_starts_from_the_sum_of_the_predecessors(two):
    a, b, *_ = two
    successor = _merge([a, b]).successor
    total = movement_table(successor, 2025)[-1]
    assert (total.households, total.start) == (5, 2 + 1)
    near = movement_table(successor, 2025, Category.NEAR_POOR)[-1]
    assert near.start == 1


def test_an_existing_commune_may_be_the_successor(two):
    a, b, *_ = two
    merger = _merge([b], successor=a)
    assert merger.successor == a
    assert Household.objects.filter(commune=a).count() == 5
    # A's own 2024 tables count only the households it had then.
    assert build_review_tables(a, 2024).summary[-1].get("p_end") == 2


def _refused(field, call) -> str:
    counts = (CommuneMerger.objects.count(), Household.history.count(), CommuneIdentity.objects.count())
    with pytest.raises(ValidationError) as error:
        call()
    assert (
        CommuneMerger.objects.count(),
        Household.history.count(),
        CommuneIdentity.objects.count(),
    ) == counts
    return " ".join(error.value.message_dict[field])


def test_no_predecessor_is_refused(two):
    assert "chọn ít nhất một" in _refused("predecessors", lambda: _merge([]))


def test_successor_among_predecessors_is_refused(two):
    a, b, *_ = two
    text = _refused("predecessors", lambda: _merge([a, b], successor=a))
    assert text == "Đơn vị sau sắp xếp (Thị trấn Kiểm Thử) không được nằm trong các đơn vị trước sắp xếp."


def test_a_commune_merged_twice_is_refused(two):
    a, b, *_ = two
    _merge([a])
    text = _refused(
        "predecessors", lambda: _merge([a, b], successor={**NEW, "code": "xa-hai", "name": "Xã Hai"})
    )
    assert "Thị trấn Kiểm Thử đã được sắp xếp vào Xã Mới từ ngày 01/07/2025" in text
    # A ceased commune cannot receive others either.
    assert "đã được sắp xếp" in _refused("successor", lambda: _merge([b], successor=a))


def test_two_mergers_into_one_commune_on_the_same_date_are_refused(two):
    a, b, *_ = two
    third = CommuneFactory(code="xa-ba", name="Xã Ba")
    merger = _merge([a])
    text = _refused("effective_on", lambda: _merge([b], successor=merger.successor))
    assert text == "Ngày hiệu lực: Xã Mới đã có một sắp xếp khác có hiệu lực cùng ngày 01/07/2025."
    later = _merge([third], successor=merger.successor, effective_on=datetime.date(2025, 8, 1))
    assert later.successor == merger.successor


def test_a_date_before_a_predecessor_existed_is_refused(two):
    a, b, *_ = two
    b.established_on = datetime.date(2025, 9, 1)
    b.save()
    text = _refused("effective_on", lambda: _merge([a, b]))
    assert text == "Ngày hiệu lực (01/07/2025) phải sau ngày thành lập của Xã Khác (01/09/2025)."


def test_a_resolution_after_the_effective_date_and_a_blank_number_are_refused(two):
    a, *_ = two
    assert "không được sau ngày hiệu lực" in _refused(
        "resolution_date", lambda: _merge([a], resolution_date=datetime.date(2025, 7, 2))
    )
    assert _refused("resolution_number", lambda: _merge([a], resolution_number=" ")) == (
        "Số nghị quyết: không được để trống."
    )


def test_a_failure_half_way_writes_nothing(two):
    """The khu phố map is checked after the merger row and the closed identities: all rolled back."""
    a, b, a_households, _ = two
    users_before = list(User.objects.filter(commune=a).values_list("pk", flat=True))
    _refused("neighborhood_names", lambda: _merge([a, b], neighborhood_names={999_999: "Thôn 1"}))
    assert not CommuneIdentity.objects.filter(valid_to__isnull=False).exists()
    assert Household.objects.get(pk=a_households[0].pk).commune == a
    assert list(User.objects.filter(commune=a).values_list("pk", flat=True)) == users_before
    assert not type(a).objects.filter(code="xa-moi").exists()


def test_khu_pho_may_be_merged_into_one_thon(two):
    a, b, *_ = two
    hoods = Neighborhood.objects.filter(commune__in=[a, b])
    merger = _merge([a, b], neighborhood_names=dict.fromkeys(hoods.values_list("pk", flat=True), "Thôn Đông"))
    thon = Neighborhood.objects.get(commune=merger.successor)
    assert (thon.name, thon.households.count()) == ("Thôn Đông", 5)


def test_a_user_from_elsewhere_is_not_moved(two):
    a, b, *_ = two
    outsider = UserFactory(username="ngoai", commune=CommuneFactory(code="xa-ngoai", name="Xã Ngoài"))
    _merge([a, b])
    assert User.objects.get(pk=outsider.pk).commune.code == "xa-ngoai"
