"""Forms of the budget pages: allocation, estimate and its lines, decisions, disbursement."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from programs.forms.delivery import DATE_WIDGET, ComponentChoiceField
from programs.models import FundingSource, PlanComponent
from programs.money import MoneyField
from thoxuan_gnbv.inputs import BoundaryForm


def _helper(submit_label: str, css_class: str = "btn-primary") -> FormHelper:
    helper = FormHelper()
    button = Submit("submit", submit_label)
    # Submit starts as "btn btn-primary"; an outline button replaces it, or both colours would apply.
    button.field_classes = f"btn {css_class}"
    helper.add_input(button)
    return helper


class AllocationForm(BoundaryForm):
    component = ComponentChoiceField(label="Dự án/tiểu dự án", queryset=PlanComponent.objects.none())
    source = forms.ChoiceField(label="Nguồn vốn", choices=FundingSource.choices)
    amount = MoneyField(label="Số tiền được phân bổ (đồng)", required=True)
    decision_number = forms.CharField(label="Số quyết định", max_length=100, help_text="Ví dụ: 03/QĐ-UBND")
    decision_date = forms.DateField(label="Ngày quyết định", widget=DATE_WIDGET)
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)

    def __init__(self, *args, components, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = components
        self.helper = _helper("Ghi nhận phân bổ")


class EstimateForm(BoundaryForm):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    title = forms.CharField(
        label="Tên dự toán", max_length=255, help_text="Ví dụ: Dự toán chi Chương trình năm 2024"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Lập dự toán")


class EstimateLineForm(BoundaryForm):
    component = ComponentChoiceField(label="Dự án/tiểu dự án", queryset=PlanComponent.objects.none())
    source = forms.ChoiceField(label="Nguồn vốn", choices=FundingSource.choices)
    content = forms.CharField(label="Nội dung chi", max_length=255)
    amount = MoneyField(label="Số tiền (đồng)", required=True)

    def __init__(self, *args, components, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = components
        self.helper = _helper("Thêm dòng")


class EstimateReturnForm(BoundaryForm):
    comment = forms.CharField(label="Lý do trả lại", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Trả lại dự toán", "btn-outline-danger")


class DisbursementForm(BoundaryForm):
    paid_on = forms.DateField(label="Ngày giải ngân", widget=DATE_WIDGET)
    amount = MoneyField(label="Số tiền (đồng)", required=True)
    voucher_number = forms.CharField(label="Số chứng từ", max_length=50, help_text="Ví dụ: PC-024")
    payee = forms.CharField(label="Người/đơn vị nhận", max_length=200)
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Ghi nhận giải ngân")
