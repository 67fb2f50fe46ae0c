"""Forms of the ongoing review: shape only (the services check the rules). The survey reuses the
review form (``households.forms.ReviewForm``). One column (crispy) so they work on a phone."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from households.forms import DATE_INPUT_FORMATS
from households.models import RequestKind
from households.ongoing_deadlines import POSTING_WORKING_DAYS
from thoxuan_gnbv.inputs import BoundaryForm


def _date_field(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y"),
        **kwargs,
    )


def _helper(name: str, label: str, css: str = "btn-primary") -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit(name, label, css_class=css))
    return helper


def _inline_helper() -> FormHelper:
    """For a step form on a request's page: the page wraps it in its own form tag and button."""
    helper = FormHelper()
    helper.form_tag = False
    return helper


def survey_date_field() -> forms.DateField:
    """The day of the survey, added to the review form on a request's page."""
    return _date_field("Ngày rà soát")


class RequestForm(BoundaryForm):
    # "household" is the code typed; the view finds the household in the user's scope.
    household = forms.CharField(label="Mã hộ", max_length=30, help_text="Mã hộ trong sổ hộ, ví dụ: KP1-0012")
    kind = forms.ChoiceField(label="Loại giấy đề nghị", choices=RequestKind.choices, widget=forms.RadioSelect)
    received_on = _date_field("Ngày nhận giấy đề nghị")
    note = forms.CharField(label="Ghi chú", required=False, max_length=500)
    code_fields = frozenset({"household"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("save", "Ghi nhận giấy đề nghị")


class PostingForm(BoundaryForm):
    posting_start = _date_field("Niêm yết từ ngày")
    posting_end = _date_field(
        "Niêm yết đến hết ngày",
        required=False,
        help_text=f"Để trống: tính đủ {POSTING_WORKING_DAYS} ngày làm việc (trừ thứ Bảy, Chủ nhật, ngày lễ).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _inline_helper()


class DecisionForm(BoundaryForm):
    decision_number = forms.CharField(label="Số quyết định", max_length=50, help_text="Ví dụ: 35/QĐ-UBND")
    decision_date = _date_field("Ngày quyết định")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _inline_helper()
