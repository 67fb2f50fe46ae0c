"""Forms of a correction: the fields a kind allows to change (taken from the form that records it, so
labels and parsing — money as "1.500.000" — are the same), the reason, and the version it was opened at."""

import copy
from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from programs.forms.budget import AllocationForm, DisbursementForm
from programs.forms.delivery import ActivityForm, SupportForm
from programs.models import CorrectedKind
from programs.services.corrections import REASON_MIN_LENGTH
from thoxuan_gnbv import messages
from thoxuan_gnbv.inputs import BoundaryForm

RECORDING_FORMS = {
    CorrectedKind.SUPPORT: SupportForm,
    CorrectedKind.ACTIVITY: ActivityForm,
    CorrectedKind.ALLOCATION: AllocationForm,
    CorrectedKind.DISBURSEMENT: DisbursementForm,
}


def _reason_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        min_length=REASON_MIN_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bắt buộc, ít nhất 10 ký tự: vì sao số liệu đã ghi cần điều chỉnh (ví dụ: nhập nhầm theo phiếu chi PC-024).",
    )


def _version_field(row) -> forms.IntegerField:
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        initial=row.version,
        error_messages={"required": messages.VERSION_MISSING, "invalid": messages.VERSION_MISSING},
    )


class CorrectionEditForm(BoundaryForm):
    """The fields of ``spec`` with the row's current values, then the reason."""

    def __init__(self, *args, spec, row, **kwargs):
        super().__init__(*args, **kwargs)
        source = RECORDING_FORMS[spec.kind].base_fields
        for name in spec.fields:
            self.fields[name] = copy.deepcopy(source[name])
            value = getattr(row, name)
            if isinstance(value, Decimal) and value == value.to_integral_value():
                value = int(value)  # "90", not "90.00"
            self.initial.setdefault(name, value)
        self.fields["reason"] = _reason_field("Lý do điều chỉnh")
        self.fields["version"] = _version_field(row)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Lưu điều chỉnh"))

    def values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name not in ("reason", "version")}


class CorrectionVoidForm(BoundaryForm):
    def __init__(self, *args, row, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = _reason_field("Lý do hủy bỏ")
        self.fields["version"] = _version_field(row)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Hủy bỏ bản ghi", css_class="btn-danger"))


class CorrectionRefuseForm(BoundaryForm):
    comment = forms.CharField(label="Lý do từ chối", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
