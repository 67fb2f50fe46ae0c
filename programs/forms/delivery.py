"""Forms of the support and activity pages. Forms check shape (whole đồng, dates, choices); the
services in ``programs.services.delivery`` check the rules (eligibility, plan year, commune)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms

from programs.models import ActivityType, Disbursement, PlanComponent, SupportType
from programs.money import MoneyField
from thoxuan_gnbv.inputs import BoundaryForm

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


class ComponentChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", "— Chọn dự án/tiểu dự án —")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return f"Năm {obj.plan.year} – {obj}"


def _helper(submit_label: str, *layout) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*layout)
    helper.add_input(Submit("submit", submit_label))
    return helper


class HouseholdSearchForm(BoundaryForm):
    """Step one of recording support: find the household by code, head's name or CCCD."""

    q = forms.CharField(label="Tìm hộ", max_length=100, help_text="Mã hộ, tên chủ hộ hoặc số CCCD")

    def __init__(self, *args, by_national_id: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not by_national_id:  # access.can_search_by_national_id: only who may see a CCCD searches by it
            self.fields["q"].help_text = "Mã hộ hoặc tên chủ hộ"
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.add_input(Submit("submit", "Tìm", css_class="btn-secondary"))


class SupportForm(BoundaryForm):
    component = ComponentChoiceField(label="Dự án/tiểu dự án", queryset=PlanComponent.objects.none())
    member = forms.ModelChoiceField(
        label="Người được hỗ trợ",
        queryset=None,
        required=False,
        empty_label="— Cả hộ —",
        help_text="Bắt buộc với hỗ trợ dinh dưỡng (trẻ em, bà mẹ) và đào tạo nghề.",
    )
    supported_on = forms.DateField(label="Ngày hỗ trợ", widget=DATE_WIDGET)
    support_type = forms.ChoiceField(label="Loại hỗ trợ", choices=SupportType.choices)
    description = forms.CharField(label="Nội dung hỗ trợ", max_length=255)
    quantity = forms.DecimalField(label="Số lượng", min_value=0, max_digits=12, decimal_places=2, initial=1)
    unit = forms.CharField(label="Đơn vị tính", max_length=30, help_text="Ví dụ: con, kg, suất, khóa học")
    central_amount = MoneyField(label="Ngân sách trung ương (đồng)")
    local_amount = MoneyField(label="Ngân sách địa phương (đồng)")
    mobilised_amount = MoneyField(label="Vốn huy động (đồng)")
    credit_amount = MoneyField(label="Vốn tín dụng (đồng)")
    counterpart_cash = MoneyField(label="Đối ứng của hộ bằng tiền (đồng)")
    counterpart_in_kind = forms.CharField(
        label="Đối ứng bằng hiện vật, ngày công", max_length=255, required=False
    )
    production_model = forms.CharField(label="Thuộc mô hình/dự án sản xuất", max_length=255, required=False)
    production_model_decision = forms.CharField(
        label="Quyết định phê duyệt mô hình", max_length=150, required=False
    )
    production_model_lead = forms.CharField(label="Đơn vị chủ trì mô hình", max_length=200, required=False)
    amount_to_return = MoneyField(label="Số vốn phải hoàn trả (luân chuyển) (đồng)")
    amount_returned = MoneyField(label="Số vốn đã hoàn trả (đồng)")
    low_income_worker = forms.BooleanField(
        label="Người lao động có thu nhập thấp (đã xác nhận) – chỉ cho đào tạo nghề", required=False
    )
    disbursement = forms.ModelChoiceField(
        label="Khoản giải ngân (chứng từ)", queryset=Disbursement.objects.none(), required=False
    )
    is_exception = forms.BooleanField(label="Ghi nhận là trường hợp ngoại lệ", required=False)
    exception_reason = forms.CharField(
        label="Lý do ngoại lệ",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bắt buộc khi ghi ngoại lệ: nêu rõ căn cứ, ý kiến của ai (ít nhất 20 ký tự).",
    )

    def __init__(self, *args, household, components, disbursements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = components
        self.fields["member"].queryset = household.members.order_by("pk")
        self.fields["disbursement"].queryset = disbursements
        self.helper = _helper(
            "Ghi nhận hỗ trợ",
            Fieldset(
                "Hỗ trợ",
                "component",
                "member",
                "supported_on",
                "support_type",
                "description",
                "quantity",
                "unit",
            ),
            Fieldset(
                "Giá trị theo nguồn vốn",
                "central_amount",
                "local_amount",
                "mobilised_amount",
                "credit_amount",
                "counterpart_cash",
                "counterpart_in_kind",
                "disbursement",
            ),
            Fieldset(
                "Mô hình sản xuất, vốn luân chuyển (nếu có)",
                "production_model",
                "production_model_decision",
                "production_model_lead",
                "amount_to_return",
                "amount_returned",
            ),
            Fieldset("Đối tượng đặc biệt", "low_income_worker", "is_exception", "exception_reason"),
        )


class RepaymentForm(BoundaryForm):
    amount_returned = MoneyField(label="Tổng số vốn đã hoàn trả (đồng)", required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Cập nhật số đã hoàn trả", "amount_returned")


class ActivityForm(BoundaryForm):
    component = ComponentChoiceField(label="Dự án/tiểu dự án", queryset=PlanComponent.objects.none())
    activity_type = forms.ChoiceField(label="Loại hoạt động", choices=ActivityType.choices)
    title = forms.CharField(label="Tên hoạt động", max_length=255)
    held_on = forms.DateField(label="Ngày tổ chức", widget=DATE_WIDGET)
    place = forms.CharField(label="Địa điểm", max_length=255)
    participants = forms.IntegerField(label="Số người tham gia", min_value=0)
    participants_women = forms.IntegerField(label="Trong đó: nữ", min_value=0, initial=0)
    participants_poor = forms.IntegerField(
        label="Trong đó: người thuộc hộ nghèo, cận nghèo", min_value=0, initial=0
    )
    participants_ethnic_minority = forms.IntegerField(
        label="Trong đó: người dân tộc thiểu số", min_value=0, initial=0
    )
    household_codes = forms.CharField(
        label="Danh sách hộ tham gia (tùy chọn)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Mã hộ, cách nhau bởi dấu phẩy hoặc xuống dòng, ví dụ: KP1-0012, KP3-0040",
    )
    central_amount = MoneyField(label="Ngân sách trung ương (đồng)")
    local_amount = MoneyField(label="Ngân sách địa phương (đồng)")
    mobilised_amount = MoneyField(label="Vốn huy động (đồng)")
    credit_amount = MoneyField(label="Vốn tín dụng (đồng)")
    disbursement = forms.ModelChoiceField(
        label="Khoản giải ngân (chứng từ)", queryset=Disbursement.objects.none(), required=False
    )
    outputs = forms.CharField(
        label="Sản phẩm",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ví dụ: 1 chương trình phát thanh; in 500 tờ rơi",
    )

    def __init__(self, *args, components, disbursements, households, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = components
        self.fields["disbursement"].queryset = disbursements
        self._households = households
        self.helper = _helper(
            "Ghi nhận hoạt động",
            Fieldset("Hoạt động", "component", "activity_type", "title", "held_on", "place"),
            Fieldset(
                "Người tham gia",
                "participants",
                "participants_women",
                "participants_poor",
                "participants_ethnic_minority",
                "household_codes",
            ),
            Fieldset(
                "Kinh phí và sản phẩm",
                "central_amount",
                "local_amount",
                "mobilised_amount",
                "credit_amount",
                "disbursement",
                "outputs",
            ),
        )

    def clean_household_codes(self):
        """Turn the typed codes into households of the commune; name the codes not found."""
        text = self.cleaned_data["household_codes"]
        codes = [c.strip() for c in text.replace("\n", ",").replace(";", ",").split(",") if c.strip()]
        if not codes:
            return []
        found = {h.code: h for h in self._households.filter(code__in=codes)}
        missing = [c for c in codes if c not in found]
        if missing:
            raise forms.ValidationError("Không tìm thấy hộ có mã: " + ", ".join(missing))
        return list(found.values())
