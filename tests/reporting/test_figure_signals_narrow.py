"""An edit to one household or member marks stale only the stored figures that read what it changed:
an address-only edit marks nothing; a group flag marks the movement and poverty figures and the
delivery figures of the years the household was supported in; an approved year's review tables are
marked only for a household bulk-loaded without history (read as it is now until its first edit);
and after any sequence of edits the refreshed figures equal a full recomputation."""

import datetime
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext

from households.models import Category, Household, Member
from households.services.registry import household_update
from reporting.models import FigureCache
from tests.figure_worker import run_figure_worker, warm_figures
from tests.households.factories import HouseholdFactory, MemberFactory
from tests.programs.delivery.factories import approve_round
from tests.reporting.factories import add_support, open_period
from thoxuan_gnbv import stored_figures

pytestmark = pytest.mark.django_db

DELIVERY = {"delivery", "dashboard", "overview"}


@pytest.fixture
def registry(commune, neighborhood1, neighborhood2, nutrition, chairman, health_station):
    """Households reviewed in the approved 2023 round (2024 still open), their figures warm and clean:
    ``supported`` (helped in 2024, one member), ``unsupported``, and ``loaded`` (bulk-loaded: no
    history row)."""
    supported = HouseholdFactory(commune=commune, neighborhood=neighborhood1, code="A-1")
    member = MemberFactory(household=supported, full_name="Lê Thị Hoa")
    unsupported = HouseholdFactory(commune=commune, neighborhood=neighborhood2, code="A-2")
    (loaded,) = Household.objects.bulk_create(
        [Household(commune=commune, neighborhood=neighborhood1, code="A-3", head_name="Trần Văn Nam")]
    )
    categories = {supported: Category.POOR, unsupported: Category.NEAR_POOR, loaded: Category.POOR}
    approve_round(commune, datetime.date(2023, 12, 20), categories, chairman)
    open_period(commune, "2024-Q2")
    add_support(nutrition, supported, on=datetime.date(2024, 5, 3), user=health_station)
    warm_figures(commune, 2023)
    warm_figures(commune, 2024)
    run_figure_worker()
    assert not FigureCache.objects.filter(dirty_since__isnull=False).exists()
    return {"supported": supported, "member": member, "unsupported": unsupported, "loaded": loaded}


def _dirty() -> set[tuple[str, int | None]]:
    return set(FigureCache.objects.filter(dirty_since__isnull=False).values_list("kind", "year"))


def _clean_all():
    FigureCache.objects.update(dirty_since=None)


def _fresh(household):
    """The household as a page loads it (a new instance, its values remembered at load)."""
    return Household.objects.get(pk=household.pk)


def test_an_address_only_edit_leaves_every_key_clean_without_a_query_on_the_figures(registry):
    household = _fresh(registry["supported"])
    household.address = "Số 12, đường Lê Lợi"
    household.head_national_id = "038123456789"
    with CaptureQueriesContext(connection) as captured:
        household.save()
    assert _dirty() == set()
    assert not [q for q in captured.captured_queries if "figurecache" in q["sql"].lower()]
    assert not [q for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]


def test_the_edit_service_with_an_address_only_change_marks_nothing(registry, chairman):
    household = _fresh(registry["supported"])  # has a member: its flags are re-derived on save
    household_update(household=household, user=chairman, version=household.version, address="Thôn Nam")
    assert Household.objects.get(pk=household.pk).address == "Thôn Nam"
    assert _dirty() == set()


def test_a_group_flag_change_marks_what_reads_it_not_an_approved_years_review_tables(registry):
    household = _fresh(registry["supported"])
    household.is_ethnic_minority = True
    household.save()
    dirty = _dirty()
    # The delivery figures of the year it was supported in only.
    assert {kind for kind, _ in dirty} >= DELIVERY
    assert {year for kind, year in dirty if kind in DELIVERY} == {2024}
    # The movement tables count households by their flags as they are now, for every year.
    assert {("movement", 2023), ("movement", 2024), ("poverty", 2024)} <= dirty
    # The 2023 tables read the household's history as of the decision: it had a row before it.
    assert ("review_tables", 2023) not in dirty and ("review_tables", 2024) not in dirty
    assert ("rounds", None) not in dirty


def test_a_bulk_loaded_households_first_edit_marks_the_approved_years_review_tables(registry):
    household = _fresh(registry["loaded"])
    household.head_name = "Trần Văn Nam (đã sửa)"
    household.save()
    assert ("review_tables", 2023) in _dirty()
    _clean_all()
    household.head_name = "Trần Văn Nam"
    household.save()  # its first edit wrote its history: from now on the tables read that
    assert _dirty() == set()


def test_a_khu_pho_move_marks_what_reads_the_khu_pho(registry, neighborhood1):
    household = _fresh(registry["unsupported"])
    household.neighborhood = neighborhood1
    household.save()
    dirty = _dirty()
    assert {kind for kind, _ in dirty} == {"movement", "poverty"}
    assert ("movement", 2023) in dirty


def test_a_new_household_marks_what_counts_households(registry, commune, neighborhood2):
    HouseholdFactory(commune=commune, neighborhood=neighborhood2, code="A-9")
    assert {kind for kind, _ in _dirty()} == {"movement", "poverty"}


def test_a_members_edit_marks_the_delivery_figures_only_when_a_read_field_changed(registry):
    member = Member.objects.get(pk=registry["member"].pk)
    member.full_name = "Lê Thị Hoà"
    member.save()
    assert _dirty() == set()
    member.has_disability = True
    member.save()
    dirty = _dirty()
    assert {kind for kind, _ in dirty} == DELIVERY and {year for _, year in dirty} == {2024}
    _clean_all()
    MemberFactory(household=registry["unsupported"], has_disability=True)
    assert _dirty() == set()  # a household never supported is in no delivery figure


def test_update_fields_leaving_out_the_read_fields_marks_nothing(registry, neighborhood1):
    household = _fresh(registry["unsupported"])
    household.neighborhood = neighborhood1  # set but not saved
    household.address = "Thôn Đông"
    household.save(update_fields=["address"])
    assert _dirty() == set()


def _normalised(data: dict) -> dict:
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def test_the_narrowed_figures_after_an_edit_sequence_equal_a_full_recomputation(
    registry, commune, neighborhood1, neighborhood2, nutrition, health_station
):
    supported, unsupported = _fresh(registry["supported"]), _fresh(registry["unsupported"])
    loaded = _fresh(registry["loaded"])
    edits = [
        lambda: setattr(supported, "address", "Xóm Bắc") or supported.save(),
        lambda: setattr(supported, "has_meritorious_person", True) or supported.save(),
        lambda: setattr(unsupported, "neighborhood", neighborhood1) or unsupported.save(),
        lambda: setattr(loaded, "neighborhood", neighborhood2) or loaded.save(),
        lambda: setattr(loaded, "without_labour_capacity", True) or loaded.save(),
        lambda: setattr(unsupported, "is_ethnic_minority", True) or unsupported.save(),
        lambda: MemberFactory(household=supported, sex="female", has_disability=True),
        lambda: HouseholdFactory(commune=commune, neighborhood=neighborhood2, code="A-8"),
        lambda: Household.objects.get(code="A-8").delete(),
        lambda: add_support(nutrition, unsupported, on=datetime.date(2024, 6, 1), user=health_station),
        lambda: setattr(unsupported, "has_meritorious_person", True) or unsupported.save(),
    ]
    for edit in edits:
        edit()
        run_figure_worker()
    rows = list(FigureCache.objects.filter(data__isnull=False).values("key", "kind", "params", "data"))
    assert {row["kind"] for row in rows} >= {"movement", "poverty", "review_tables", *DELIVERY}
    for row in rows:
        assert row["data"] == _normalised(stored_figures.KINDS[row["kind"]](row["params"])), row["key"]
