"""Forms of a plan's parts: bases, targets with their "trong đó" lines, components, assignments, reporting
rules and recipients. Forms check shape; the services in ``programs.services.plan_parts`` check rules."""

from crispy_forms.helper import FormHelper
from django import forms

from programs.forms.plans import BLANK_LABEL, DATE_WIDGET, TEXTAREA, _helper, vietnamese_blank_choices
from programs.models import (
    Assignment,
    LegalBasis,
    Plan,
    PlanComponent,
    Project,
    Recipient,
    ReportingRule,
    SubProject,
    Target,
    TargetMetric,
    Unit,
)
from thoxuan_gnbv.concurrency import VersionFormMixin
from thoxuan_gnbv.inputs import BoundaryForm, BoundaryModelForm


class PlanPartForm(VersionFormMixin, BoundaryModelForm):
    """A form for one part of a plan; knows the plan to offer only its commune's units and its
    program's projects."""

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        for name in ("lead_unit", "unit", "partner_units"):
            if name in self.fields:
                self.fields[name].queryset = Unit.objects.filter(commune=plan.commune)
        for date_field in ("issued_on", "deadline", "due_date"):
            if date_field in self.fields:
                self.fields[date_field].widget = DATE_WIDGET
        vietnamese_blank_choices(self)
        self.helper = _helper()


class LegalBasisForm(PlanPartForm):
    class Meta:
        model = LegalBasis
        fields = ["kind", "number", "issued_on", "issuer", "subject"]
        widgets = {"subject": forms.Textarea(attrs={"rows": 2})}


class TargetForm(PlanPartForm):
    """Rendered inside one <form> with its breakdown lines (``TargetLineFormSet``)."""

    class Meta:
        model = Target
        fields = ["action", "quantity", "unit", "text", "metric", "counting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class TargetLineForm(BoundaryForm):
    label = forms.CharField(label="Trong đó", max_length=200, required=False)
    quantity = forms.IntegerField(label="Số lượng", required=False, min_value=0)
    unit = forms.CharField(label="Đơn vị tính", max_length=50, required=False, initial="hộ")
    metric = forms.ChoiceField(
        label="Chỉ số theo dõi", choices=[("", BLANK_LABEL)] + list(TargetMetric.choices), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quantity"].error_messages["min_value"] = "Số lượng không được âm."
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        data = super().clean()
        if data.get("label") and data.get("quantity") is None:
            self.add_error("quantity", "Nhập số lượng của dòng này.")
        if data.get("quantity") is not None and not data.get("label"):
            self.add_error("label", "Nhập nội dung của dòng này.")
        return data

    def line(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("label"):
            return None
        return {
            "label": data["label"],
            "quantity": data["quantity"],
            "unit": data.get("unit") or "hộ",
            "metric": data.get("metric") or "",
        }


TargetLineFormSet = forms.formset_factory(TargetLineForm, extra=2, max_num=10)


class PlanComponentForm(PlanPartForm):
    class Meta:
        model = PlanComponent
        fields = [
            "project",
            "subproject",
            "title",
            "objective",
            "beneficiary_groups",
            "support_content",
            "funding_text",
            "lead_unit",
            "lead_role",
            "partner_units",
            "deadline",
        ]
        # The document letters these items a–f itself (and crispy capitalises labels).
        labels = {
            "objective": "Mục tiêu",
            "beneficiary_groups": "Đối tượng",
            "support_content": "Nội dung hỗ trợ",
            "funding_text": "Kinh phí thực hiện",
        }
        widgets = {
            "objective": TEXTAREA,
            "beneficiary_groups": TEXTAREA,
            "support_content": forms.Textarea(attrs={"rows": 6}),
            "funding_text": forms.Textarea(attrs={"rows": 2}),
            "partner_units": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["project"].queryset = Project.objects.filter(program=plan.program)
        self.fields["subproject"].queryset = SubProject.objects.filter(
            project__program=plan.program
        ).select_related("project")


class AssignmentForm(PlanPartForm):
    class Meta:
        model = Assignment
        fields = ["heading", "unit", "role", "duties"]
        widgets = {"duties": forms.Textarea(attrs={"rows": 8})}


class ReportingRuleForm(PlanPartForm):
    class Meta:
        model = ReportingRule
        fields = ["period", "due_date", "recipients"]


class RecipientForm(PlanPartForm):
    class Meta:
        model = Recipient
        fields = ["name"]
