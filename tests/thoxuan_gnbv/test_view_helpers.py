"""The shared view helpers (thoxuan_gnbv.viewkit): the 403 check, a service's ValidationError moved
onto a form or flashed, safe id/year query parameters — and the list pages that read a year from
the URL answering a hand-edited one with the unfiltered page, never a 500."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.urls import reverse

from thoxuan_gnbv.viewkit import (
    apply_service_error,
    flash_errors,
    int_param,
    query_with,
    require,
    year_param,
)

BAD_YEARS = ["-1", "0", "32768", "1e20", "abc", "2024.5", "99999999999999999999", ""]


def _get(query=""):
    return RequestFactory().get("/list/" + query)


class _Form(forms.Form):
    title = forms.CharField()


# --- require -------------------------------------------------------------------------------------


def test_require_passes_when_allowed():
    require(True)


def test_require_refuses_with_403_when_not_allowed():
    with pytest.raises(PermissionDenied):
        require(False)


# --- a service's ValidationError on the form -----------------------------------------------------


def test_a_field_error_lands_on_the_named_field():
    form = _Form({"title": "x"})
    assert form.is_valid()
    apply_service_error(form, ValidationError({"title": "Tên đã được dùng."}))
    assert form.errors["title"] == ["Tên đã được dùng."]


def test_an_error_on_a_field_the_form_lacks_becomes_form_wide():
    form = _Form({"title": "x"})
    form.is_valid()
    apply_service_error(form, ValidationError({"status": "Không được sửa."}))
    assert form.non_field_errors() == ["Không được sửa."]


def test_a_plain_error_becomes_form_wide():
    form = _Form({"title": "x"})
    form.is_valid()
    apply_service_error(form, ValidationError("Kế hoạch đã được phê duyệt."))
    assert form.non_field_errors() == ["Kế hoạch đã được phê duyệt."]


def _with_messages(request):
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_flash_errors_joins_a_services_messages_into_one():
    request = _with_messages(_get())
    flash_errors(request, ValidationError(["Thứ nhất.", "Thứ hai."]))
    assert [str(m) for m in get_messages(request)] == ["Thứ nhất. Thứ hai."]


def test_flash_errors_reads_an_invalid_forms_errors():
    request = _with_messages(_get())
    form = _Form({})
    assert not form.is_valid()
    flash_errors(request, form)
    assert [str(m) for m in get_messages(request)] == [form.errors["title"][0]]


# --- query parameters ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", BAD_YEARS)
def test_a_year_that_is_not_a_plausible_year_is_none(value):
    assert year_param(_get(f"?year={value}")) is None


@pytest.mark.parametrize("value", BAD_YEARS)
def test_a_bad_year_falls_back_to_the_default(value):
    assert year_param(_get(f"?year={value}"), default=2024) == 2024


def test_a_good_year_is_read():
    assert year_param(_get("?year=2025")) == 2025
    assert year_param(_get("?nam=2023"), "nam") == 2023
    assert year_param(_get()) is None


@pytest.mark.parametrize("value", ["-1", "0", "abc", "1e20", "99999999999999999999", "", "1.5"])
def test_an_id_that_no_row_can_have_is_none(value):
    assert int_param(_get(f"?component={value}"), "component") is None


def test_an_id_is_read():
    assert int_param(_get("?component=12"), "component") == 12


def test_query_with_keeps_the_filters_and_replaces_the_cursor():
    query = query_with(_get("?year=2024&cursor=old&component=3"), cursor="new")
    assert query.startswith("?")
    assert dict(pair.split("=") for pair in query[1:].split("&")) == {
        "year": "2024",
        "cursor": "new",
        "component": "3",
    }


# --- pages: a hand-edited year never gives a 500 -------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["-1", "32768", "1e20", "abc"])
@pytest.mark.parametrize(
    "url_name",
    [
        "programs:support_list",
        "programs:activity_list",
        "programs:budget_overview",
        "programs:plan_list",
        "reporting:calendar",
        "reporting:dashboard",
        "households:movement_table",
    ],
)
def test_a_bad_year_in_the_url_shows_the_page(client_for, commune, chairman, url_name, value):
    response = client_for(chairman).get(reverse(url_name) + f"?year={value}")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["programs:support_list", "programs:activity_list"])
def test_an_impossible_id_filter_shows_the_page(client_for, commune, labour_officer, url_name):
    response = client_for(labour_officer).get(reverse(url_name) + "?component=99999999999999999999")
    assert response.status_code == 200
