"""Money in đồng: whole numbers only, never negative. One parser for every form that takes an amount,
so "1.500.000", "1500000" and "1.500.000 đ" mean the same and "1,5" or "-200" are refused."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from programs.messages import budget as msg
from thoxuan_gnbv.formatting import format_number

# Dots (or spaces) may group thousands, as Vietnamese documents write them: 1.234.567
_GROUPED = re.compile(r"^\d{1,3}([. ]\d{3})+$")
_PLAIN = re.compile(r"^\d+$")
# The largest amount a money column (a 64-bit integer) holds has 19 digits; a longer string is refused
# before ``int`` (which refuses strings past 4,300 digits with a ValueError, a 500 in a form).
MAX_DIGITS = 19


def parse_money(value) -> int:
    """Return ``value`` as a whole number of đồng, or raise ``ValidationError`` in Vietnamese."""
    if isinstance(value, bool):
        raise ValidationError(msg.MONEY_NOT_INTEGER, code="not_integer")
    if isinstance(value, int):
        number = value
    elif isinstance(value, Decimal | float):
        try:
            if value != int(value):
                raise ValidationError(msg.MONEY_NOT_INTEGER, code="not_integer")
        except (ValueError, OverflowError, InvalidOperation) as error:
            raise ValidationError(msg.MONEY_NOT_INTEGER, code="not_integer") from error
        number = int(value)
    else:
        text = str(value).strip().removesuffix("đ").removesuffix("VNĐ").strip()
        negative = text.startswith("-")
        text = text.removeprefix("-").strip()
        if len(re.sub(r"[. ]", "", text)) > MAX_DIGITS:
            raise ValidationError(msg.MONEY_TOO_LARGE, code="too_large")
        if _PLAIN.match(text):
            number = int(text)
        elif _GROUPED.match(text):
            number = int(re.sub(r"[. ]", "", text))
        else:
            raise ValidationError(msg.MONEY_NOT_INTEGER, code="not_integer")
        if negative:
            number = -number
    if number < 0:
        raise ValidationError(msg.MONEY_NEGATIVE, code="negative")
    return number


def validate_money(value) -> None:
    """Model-field validator: an amount is a whole, non-negative number of đồng."""
    parse_money(value)


class MoneyField(forms.CharField):
    """A text input for đồng that accepts thousand dots and refuses fractions and negatives."""

    def __init__(self, *, required=False, **kwargs):
        kwargs.setdefault("help_text", "Đồng, số nguyên, ví dụ 1.500.000")
        super().__init__(required=required, **kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return format_number(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return 0
        return parse_money(value)
