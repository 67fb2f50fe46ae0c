import datetime

from django import forms
from django.utils import translation
from django.utils.formats import date_format


class _DayForm(forms.Form):
    day = forms.DateField()


def test_typed_date_is_read_day_first():
    with translation.override("vi"):
        form = _DayForm(data={"day": "03/04/2024"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == datetime.date(2024, 4, 3)


def test_impossible_day_first_date_is_refused_in_vietnamese():
    with translation.override("vi"):
        form = _DayForm(data={"day": "31/02/2024"})
        assert not form.is_valid()
        assert "ngày hợp lệ" in form.errors["day"][0]


def test_dates_render_dd_mm_yyyy_in_templates():
    with translation.override("vi"):
        assert date_format(datetime.date(2024, 4, 3), "SHORT_DATE_FORMAT") == "03/04/2024"
        assert date_format(datetime.date(2024, 4, 3)) == "03/04/2024"


def test_empty_choice_of_a_select_is_labelled_in_vietnamese():
    from thoxuan_gnbv.models import User

    class RoleForm(forms.ModelForm):
        class Meta:
            model = User
            fields = ["role"]

    html = str(RoleForm()["role"])
    assert "— Chọn —" in html
    assert "Select an option" not in html
