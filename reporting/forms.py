"""Forms of the report pages: shape only (lengths, dates); the services check the rules."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from reporting.models import COMMENT_MAX, NARRATIVE_MAX, RESULTS_MAX

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _helper(*buttons) -> FormHelper:
    helper = FormHelper()
    for name, label, css in buttons:
        helper.add_input(Submit(name, label, css_class=css))
    return helper


class ReportForm(forms.Form):
    results = forms.CharField(
        label="Kết quả thực hiện", max_length=RESULTS_MAX, required=False, widget=_textarea(8),
        help_text="Mỗi đoạn một dòng. Số liệu phía trên được lấy tự động từ dữ liệu.",
    )  # fmt: skip
    problems = forms.CharField(
        label="Tồn tại, vướng mắc", max_length=NARRATIVE_MAX, required=False, widget=_textarea(4)
    )
    proposals = forms.CharField(
        label="Kiến nghị, đề xuất", max_length=NARRATIVE_MAX, required=False, widget=_textarea(4)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            ("save", "Lưu nháp", "btn-outline-primary"), ("submit_report", "Gửi báo cáo", "btn-primary")
        )


class ReturnForm(forms.Form):
    comment = forms.CharField(label="Lý do trả lại", max_length=COMMENT_MAX, widget=_textarea(3))

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(("return", "Trả lại", "btn-outline-danger"))
        self.helper.form_action = action


class CompiledReportForm(forms.Form):
    general_situation = forms.CharField(
        label="I. Tình hình chung", max_length=NARRATIVE_MAX, required=False, widget=_textarea(5)
    )
    steering = forms.CharField(
        label="II. Công tác chỉ đạo, điều hành", max_length=NARRATIVE_MAX, required=False, widget=_textarea(4),
        help_text="Văn bản chỉ đạo đã ban hành, kiểm tra, giám sát, tập huấn trong kỳ.",
    )  # fmt: skip
    results = forms.CharField(
        label="Nhận xét, đánh giá kết quả", max_length=RESULTS_MAX, required=False, widget=_textarea(5),
        help_text="Kết quả của từng dự án lấy từ báo cáo của đơn vị chủ trì; bảng số liệu lấy tự động.",
    )  # fmt: skip
    problems = forms.CharField(
        label="IV. Khó khăn, vướng mắc", max_length=NARRATIVE_MAX, required=False, widget=_textarea(4)
    )
    proposals = forms.CharField(
        label="V. Kiến nghị, đề xuất", max_length=NARRATIVE_MAX, required=False, widget=_textarea(4)
    )
    recipients = forms.CharField(
        label="Nơi nhận",
        max_length=1000,
        required=False,
        widget=_textarea(4),
        help_text="Mỗi nơi nhận một dòng; “Lưu: VT” luôn được in ở cuối",
    )
    figures_cutoff = forms.DateField(
        label="Ngày chốt số liệu (báo cáo năm)",
        required=False,
        widget=DATE_WIDGET,
        help_text="Để trống: 30/11. Số liệu tính đến ngày này, phần còn lại của năm là ước thực hiện.",
    )

    def __init__(self, *args, annual: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not annual:
            # Quarterly and 6-month figures always run to the period's last day.
            del self.fields["figures_cutoff"]
        self.helper = _helper(
            ("save", "Lưu nháp", "btn-outline-primary"), ("submit_report", "Trình Chủ tịch", "btn-primary")
        )


class ApproveForm(forms.Form):
    document_number = forms.CharField(
        label="Số văn bản", max_length=10, help_text="Phần số trong “Số: …/BC-UBND”"
    )
    issued_on = forms.DateField(label="Ngày ban hành", widget=DATE_WIDGET)
    # The fingerprint of the figures shown on the page: approval goes through with changed figures
    # only when the chairman had them in front of him.
    confirmed_figures = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(("approve", "Phê duyệt và ban hành", "btn-success"))
        self.helper.form_action = action
