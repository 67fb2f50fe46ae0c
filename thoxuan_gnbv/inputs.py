"""Checks every form applies to what a person typed, once, at the boundary: invisible characters in
codes are refused and stripped from other text, and dates must fall in a plausible range."""

import datetime

from django import forms
from django.utils import timezone

from thoxuan_gnbv import messages
from thoxuan_gnbv.formatting import format_date
from thoxuan_gnbv.text import has_invisible, strip_invisible

# Codes and numbers that identify something (a household code, a CCCD, a decision's number): an invisible
# character would make two identical-looking codes differ, so it is refused, never silently removed.
CODE_FIELDS = frozenset(
    {
        "code",
        "head_national_id",
        "national_id",
        "move_to_code",
        "decision_number",
        "document_number",
        "number",
        "voucher_number",
    }
)
EARLIEST_DATE = datetime.date(1900, 1, 1)


def latest_date() -> datetime.date:
    """Today plus one year: a decision or payment may be dated ahead, never decades ahead."""
    today = timezone.localdate()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)


def date_range_error(label: str, value: datetime.date) -> str | None:
    """The message for a date outside 01/01/1900 … today + 1 year, else None. No field of the portal
    (birth, decision, support, allocation, disbursement dates) lies outside it."""
    end = latest_date()
    if EARLIEST_DATE <= value <= end:
        return None
    return messages.DATE_OUT_OF_RANGE.format(
        label=label, start=format_date(EARLIEST_DATE), end=format_date(end)
    )


def validate_date_range(value: datetime.date, label: str = "Ngày") -> None:
    """The range check as a validator (services and imports call it with the field's label)."""
    error = date_range_error(label, value)
    if error:
        raise forms.ValidationError(error, code="date_range")


class BoundaryFormMixin:
    """Every portal form: codes with invisible characters are refused naming the field, other text
    has them stripped, and every date is checked against ``date_range_error``."""

    code_fields = CODE_FIELDS

    def _clean_fields(self):
        super()._clean_fields()
        for name, value in list(self.cleaned_data.items()):
            field = self.fields.get(name)
            label = str(field.label or name) if field else name
            if isinstance(value, str) and has_invisible(value):
                if name in self.code_fields:
                    self.add_error(name, messages.INVISIBLE_IN_CODE.format(label=label))
                else:
                    self.cleaned_data[name] = strip_invisible(value).strip()
            elif isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
                error = date_range_error(label, value)
                if error:
                    self.add_error(name, error)


class BoundaryForm(BoundaryFormMixin, forms.Form):
    """A plain form with the boundary checks."""


class BoundaryModelForm(BoundaryFormMixin, forms.ModelForm):
    """A model form with the boundary checks."""
