"""Forms of the plan pages (the parts' forms are in ``plan_parts.py``) and the widgets they share. Forms
check shape; the services in ``programs.services.plans`` check rules.

Every layout is one column (crispy ``FormHelper`` in the form class) so the pages work on a phone.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms

from programs.models import (
    Plan,
    Program,
)
from programs.models.plans import PLAN_TEXT_FIELDS
from thoxuan_gnbv.concurrency import VersionFormMixin
from thoxuan_gnbv.inputs import BoundaryForm, BoundaryModelForm

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
TEXTAREA = forms.Textarea(attrs={"rows": 4})


# Django 6.1 labels a blank choice "- Select an option -" and its Vietnamese catalogue lacks it.
BLANK_LABEL = "— Chọn —"


def vietnamese_blank_choices(form) -> None:
    for field in form.fields.values():
        if getattr(field, "empty_label", None) is not None:
            field.empty_label = BLANK_LABEL
        elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            choices = list(field.choices)
            if choices and choices[0][0] == "":
                field.choices = [("", BLANK_LABEL)] + choices[1:]


def _helper(submit_label: str = "Lưu", *layout) -> FormHelper:
    helper = FormHelper()
    if layout:
        helper.layout = Layout(*layout)
    # Hidden fields outside the layout (the version an edit form was opened at) are rendered too.
    helper.render_hidden_fields = True
    helper.add_input(Submit("submit", submit_label))
    return helper


class PlanCreateForm(BoundaryForm):
    program = forms.ModelChoiceField(
        label="Chương trình",
        queryset=Program.objects.all(),
        required=False,
        empty_label="Theo năm kế hoạch",
        help_text="Để trống: lấy chương trình có hiệu lực trong năm kế hoạch",
    )
    year = forms.IntegerField(label="Năm kế hoạch", min_value=2000, max_value=2100)
    title = forms.CharField(
        label="Trích yếu",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Ví dụ: Triển khai thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững … năm 2025",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Tạo bản dự thảo")


class PlanSectionsForm(VersionFormMixin, BoundaryModelForm):
    """The plan's own texts, grouped as the document's sections."""

    class Meta:
        model = Plan
        fields = ["title", *PLAN_TEXT_FIELDS]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "issuing_statement": forms.Textarea(attrs={"rows": 2}),
            "purpose": forms.Textarea(attrs={"rows": 6}),
            "requirements": forms.Textarea(attrs={"rows": 6}),
            "general_goal": TEXTAREA,
            "funding": TEXTAREA,
            "main_solutions": forms.Textarea(attrs={"rows": 8}),
            "reporting_regime": TEXTAREA,
            "closing": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            "Lưu các mục",
            Fieldset("Tên và lời ban hành", "title", "issuing_statement"),
            Fieldset("I. Mục đích, yêu cầu", "purpose", "requirements"),
            Fieldset("II. Mục tiêu", "general_goal"),
            Fieldset("IV – V. Kinh phí và giải pháp", "funding", "main_solutions"),
            Fieldset("VII. Công tác thông tin báo cáo", "reporting_regime"),
            Fieldset("Đoạn kết và người ký", "closing", "signer_authority", "signer_title", "signer_name"),
        )


class PlanReturnForm(BoundaryForm):
    comment = forms.CharField(
        label="Ý kiến trả lại",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Nói rõ cần sửa những gì",
        error_messages={"required": "Nhập ý kiến: lý do trả lại, cần sửa những gì."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Trả lại", css_class="btn-warning"))
        self.helper.form_id = "return-form"


class PlanApproveForm(BoundaryForm):
    comment = forms.CharField(
        label="Ý kiến (không bắt buộc)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Phê duyệt")
        self.helper.form_id = "approve-form"


class PlanIssueForm(BoundaryForm):
    document_number = forms.CharField(label="Số văn bản", max_length=20, help_text="Chỉ phần số, ví dụ: 45")
    issued_on = forms.DateField(label="Ngày ban hành", widget=DATE_WIDGET)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Ban hành")
        self.helper.form_id = "issue-form"
