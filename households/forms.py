"""Forms check shape; the services check the rules. One column (crispy FormHelper) so they work on a phone."""

import json

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from households import messages
from households.models import Household, Member
from households.services.registry import HOUSEHOLD_FIELDS, MEMBER_FIELDS
from households.services.workbook_parsing import MAX_UPLOAD_BYTES
from thoxuan_gnbv.concurrency import VersionFormMixin
from thoxuan_gnbv.formatting import format_money
from thoxuan_gnbv.inputs import BoundaryForm, BoundaryModelForm

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _helper(*buttons) -> FormHelper:
    helper = FormHelper()
    for name, label, css in buttons:
        helper.add_input(Submit(name, label, css_class=css))
    return helper


class HouseholdForm(VersionFormMixin, BoundaryModelForm):
    class Meta:
        model = Household
        fields = list(HOUSEHOLD_FIELDS)
        help_texts = {
            "is_ethnic_minority": "Tự tính lại từ thành viên khi hộ có thành viên.",
            "has_meritorious_person": "Tự tính lại từ thành viên khi hộ có thành viên.",
            "without_labour_capacity": "Không có thành viên trong độ tuổi lao động có khả năng lao động; "
            "tự tính lại từ thành viên khi hộ có thành viên.",
        }

    def __init__(self, *args, neighborhoods, code_suggestions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighborhood"].queryset = neighborhoods
        self.fields["head_national_id"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        if code_suggestions is not None:
            # A new household: the code is suggested per khu phố (static/js/households-code.js fills it
            # when the khu phố changes) and may be overwritten; left blank, the service takes the next one.
            code = self.fields["code"]
            code.required = False
            code.help_text = (
                "Gợi ý theo khu phố (mã khu phố + số tiếp theo), sửa được; để trống thì tự cấp mã."
            )
            self.fields["neighborhood"].widget.attrs["data-code-suggestions"] = json.dumps(
                {str(pk): value for pk, value in code_suggestions.items()}
            )
            if len(code_suggestions) == 1 and not self.is_bound:
                self.initial["code"] = next(iter(code_suggestions.values()))
                self.initial["neighborhood"] = next(iter(code_suggestions))
        self.helper = _helper(("save", "Lưu", "btn-primary"))

    def validate_unique(self):
        """Uniqueness is the service's job (it names the field in Vietnamese)."""

    def _post_clean(self):
        # Bind the fields without running model validation twice; the service runs full_clean().
        opts = self._meta
        self.instance = forms.models.construct_instance(self, self.instance, opts.fields, opts.exclude)


class MemberForm(VersionFormMixin, BoundaryModelForm):
    move_to_code = forms.CharField(
        label="Chuyển sang hộ (mã hộ)",
        required=False,
        max_length=30,
        help_text="Để trống nếu không chuyển hộ. Chỉ chuyển được sang hộ cùng xã.",
    )

    class Meta:
        model = Member
        fields = list(MEMBER_FIELDS)
        widgets = {"date_of_birth": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")}

    def __init__(self, *args, allow_move=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].input_formats = DATE_INPUT_FORMATS
        self.fields["national_id"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        if not allow_move:
            del self.fields["move_to_code"]
        self.helper = _helper(("save", "Lưu", "btn-primary"))

    def validate_unique(self):
        """Uniqueness is the service's job."""

    def _post_clean(self):
        opts = self._meta
        self.instance = forms.models.construct_instance(self, self.instance, opts.fields, opts.exclude)


class ReviewForm(BoundaryForm):
    """Income or a Phiếu B score, household size, and one box per indicator of the standard in force."""

    income = forms.IntegerField(
        label="Thu nhập bình quân (đồng/người/tháng)",
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1000"}),
    )
    score = forms.IntegerField(label="Điểm Phiếu B (nếu không có số thu nhập)", required=False, help_text="")
    household_size = forms.IntegerField(label="Số nhân khẩu", min_value=1, max_value=99)
    note = forms.CharField(label="Ghi chú", required=False, max_length=255)

    def __init__(self, *args, standard, thresholds, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator_fields = []
        for indicator in standard.indicators.all():
            name = f"ind_{indicator.code}"
            self.fields[name] = forms.BooleanField(
                label=f"{indicator.position}. {indicator.name} ({indicator.service})",
                required=False,
                help_text=indicator.condition,
            )
            self.indicator_fields.append((name, indicator.code))
        if thresholds.points_line is None:
            del self.fields["score"]
        else:
            self.fields["score"].help_text = (
                f"Ngưỡng điểm của khu vực: {thresholds.points_line} điểm "
                f"(bằng hoặc thấp hơn tương đương thu nhập dưới chuẩn)."
            )
        self.fields["income"].help_text = (
            f"Chuẩn nghèo của khu vực: {format_money(thresholds.income_line)}; mức sống trung bình đến "
            f"{format_money(thresholds.average_line)}."
        )
        # The note goes last; the template puts the result box and the two buttons under the fields.
        self.order_fields(
            ["income", "score", "household_size", *[n for n, _ in self.indicator_fields], "note"]
        )
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_income(self):
        income = self.cleaned_data.get("income")
        if income is not None and income < 0:
            raise forms.ValidationError(messages.INCOME_NEGATIVE)
        return income

    def clean_score(self):
        score = self.cleaned_data.get("score")
        if score is not None and score < 0:
            raise forms.ValidationError(messages.SCORE_NEGATIVE)
        return score

    def clean(self):
        data = super().clean()
        if data.get("income") is None and data.get("score") is None and not self.has_error("income"):
            self.add_error("income", messages.INCOME_OR_SCORE_REQUIRED)
        return data

    def deprivations(self) -> list[str]:
        return [code for name, code in self.indicator_fields if self.cleaned_data.get(name)]


class RoundOpenForm(BoundaryForm):
    year = forms.IntegerField(label="Năm rà soát", min_value=2000, max_value=2100)
    history_reason = forms.CharField(
        label="Lý do (chỉ khi nhập đợt của năm trước)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Năm sau năm hiện tại không mở được; năm trước được nhập như lịch sử, cần lý do.",
    )
    uses_quick_screen = forms.BooleanField(
        label="Nhận dạng nhanh bằng Phiếu A trước khi điều tra Phiếu B", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(("open", "Mở đợt rà soát", "btn-primary"))


class RoundApproveForm(BoundaryForm):
    decision_number = forms.CharField(
        label="Số quyết định công nhận", max_length=50, help_text="Ví dụ: 215/QĐ-UBND"
    )
    decision_date = forms.DateField(
        label="Ngày quyết định",
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(("approve", "Phê duyệt", "btn-success"))


class RoundReturnForm(BoundaryForm):
    note = forms.CharField(label="Lý do trả lại", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(("return", "Trả lại để sửa", "btn-outline-danger"))


class ImportForm(BoundaryForm):
    file = forms.FileField(label="Tệp Excel hộ gia đình (.xlsx, tối đa 10 MB)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx"
        self.helper = _helper(("upload", "Tải lên và kiểm tra", "btn-primary"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                messages.FILE_TOO_LARGE.format(limit=MAX_UPLOAD_BYTES // (1024 * 1024))
            )
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(messages.FILE_NOT_XLSX)
        return upload
