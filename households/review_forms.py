"""Forms of a review round's stages (QĐ 24/2021/QĐ-TTg Điều 4): shape only, the services check the
rules. One column (crispy FormHelper) so they work on a phone."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from households.models.review_stages import ListReason
from households.review_law import POSTING_WORKING_DAYS
from thoxuan_gnbv.inputs import BoundaryForm
from thoxuan_gnbv.statuses import ComplaintStatus

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        **kwargs,
    )


def _helper(name: str, label: str, css: str = "btn-primary", action: str = "") -> FormHelper:
    helper = FormHelper()
    helper.form_action = action
    helper.add_input(Submit(name, label, css_class=css))
    return helper


class RoundCancelForm(BoundaryForm):
    reason = forms.CharField(
        label="Lý do hủy đợt rà soát", max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("cancel", "Hủy đợt rà soát", "btn-danger", action)


class RoundSubmitForm(BoundaryForm):
    confirm_unsurveyed = forms.BooleanField(
        label="Vẫn trình khi còn hộ trong danh sách chưa điều tra", required=False
    )

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("submit", "Trình Chủ tịch phê duyệt", "btn-primary", action)


class ListAddForm(BoundaryForm):
    code = forms.CharField(label="Mã hộ", max_length=20)
    reason = forms.ChoiceField(
        label="Lý do",
        choices=[
            (ListReason.APPLIED, ListReason.APPLIED.label),
            (ListReason.PROPOSED, ListReason.PROPOSED.label),
        ],
    )
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("add", "Thêm vào danh sách", "btn-secondary", action)


class MeetingForm(BoundaryForm):
    """The minutes of one khu phố meeting, with one "% đồng ý" field per household awaiting it."""

    held_on = _date("Ngày họp")
    place = forms.CharField(label="Địa điểm", max_length=200, initial="Nhà văn hóa khu phố")
    chair_name = forms.CharField(label="Chủ trì (khu trưởng)", max_length=100)
    secretary_name = forms.CharField(label="Thư ký", max_length=100, required=False)
    supervisor_name = forms.CharField(label="Đại diện MTTQ xã giám sát", max_length=100)
    attendance = forms.IntegerField(label="Số người dự họp", min_value=1, max_value=100000)
    note = forms.CharField(label="Ý kiến khác", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.vote_names = {}
        for entry in entries:
            name = f"vote_{entry.household_id}"
            self.fields[name] = forms.DecimalField(
                label=f"{entry.household.code} – {entry.household.head_name}: % đồng ý",
                required=False,
                max_digits=6,
                decimal_places=2,
                min_value=0,
                max_value=100,
                # A text box: the browser's own range check would answer in its language, not ours.
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                error_messages={
                    "max_value": f"Hộ {entry.household.code}: tỷ lệ đồng ý không được quá 100 %%.",
                    "min_value": f"Hộ {entry.household.code}: tỷ lệ đồng ý không được âm.",
                },
            )
            self.vote_names[name] = entry.household_id
        self.helper = _helper("save", "Lưu biên bản họp dân")

    def votes(self) -> dict:
        return {pk: self.cleaned_data.get(name) for name, pk in self.vote_names.items()}


class PostingForm(BoundaryForm):
    starts_on = _date("Ngày bắt đầu niêm yết")
    ends_on = _date(
        "Ngày kết thúc niêm yết",
        help_text=f"Ít nhất {POSTING_WORKING_DAYS} ngày làm việc, không tính ngày lễ.",
    )
    reason = forms.CharField(label="Lý do niêm yết lại", max_length=255, required=False)

    def __init__(self, *args, action: str = "", repeat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not repeat:
            del self.fields["reason"]
        label = "Niêm yết lại kết quả phúc tra" if repeat else "Bắt đầu niêm yết công khai"
        self.helper = _helper("post", label, "btn-primary", action)


class ComplaintForm(BoundaryForm):
    code = forms.CharField(label="Mã hộ bị khiếu nại", max_length=20)
    complainant = forms.CharField(label="Người khiếu nại", max_length=100)
    received_on = _date("Ngày nhận")
    content = forms.CharField(
        label="Nội dung khiếu nại", max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("receive", "Ghi nhận khiếu nại", "btn-secondary", action)


class ComplaintResolveForm(BoundaryForm):
    """Shown inline in each pending complaint's row: the labels ride on aria-label."""

    status = forms.ChoiceField(
        label="Kết quả phúc tra",
        widget=forms.Select(attrs={"aria-label": "Kết quả phúc tra", "class": "form-select form-select-sm"}),
        choices=[
            (ComplaintStatus.UPHELD, ComplaintStatus.UPHELD.label),
            (ComplaintStatus.REJECTED, ComplaintStatus.REJECTED.label),
        ],
    )
    rechecked_on = _date("Ngày phúc tra")
    result_note = forms.CharField(
        label="Kết luận phúc tra", max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("resolve", "Lưu kết luận phúc tra", "btn-success", action)
