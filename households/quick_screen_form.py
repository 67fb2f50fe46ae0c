"""The Phiếu A form (TT 07/2021/TT-BLĐTBXH Phụ lục I): the criteria of both groups as checkboxes."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from households.review_forms import DATE_INPUT_FORMATS
from households.review_law import PHIEU_A_GROUP_1, PHIEU_A_GROUP_1_MIN, PHIEU_A_GROUP_2, PHIEU_A_GROUP_2_MIN
from thoxuan_gnbv.inputs import BoundaryForm


class QuickScreenForm(BoundaryForm):
    screened_on = forms.DateField(
        label="Ngày nhận dạng",
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )
    group_1 = forms.MultipleChoiceField(
        label=f"Nhóm 1 (có từ {PHIEU_A_GROUP_1_MIN} tiêu chí: hộ không nghèo)",
        choices=PHIEU_A_GROUP_1,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    group_2 = forms.MultipleChoiceField(
        label=f"Nhóm 2 (có từ {PHIEU_A_GROUP_2_MIN} tiêu chí: hộ không nghèo)",
        choices=PHIEU_A_GROUP_2,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Lưu Phiếu A", css_class="btn-primary"))

    def criteria(self) -> list[str]:
        return list(self.cleaned_data["group_1"]) + list(self.cleaned_data["group_2"])
