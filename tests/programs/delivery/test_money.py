"""Amounts of money are whole đồng, never negative, whatever way they are typed."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from programs.messages import budget as msg
from programs.money import MoneyField, parse_money


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1500000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("1 500 000", 1_500_000),
        ("1.500.000 đ", 1_500_000),
        ("0", 0),
        (2_000, 2_000),
        (Decimal("3000"), 3_000),
    ],
)
def test_amount_typed_with_or_without_thousand_dots_is_read(typed, amount):
    assert parse_money(typed) == amount


@pytest.mark.parametrize(
    "typed", ["1,5", "1.5", "1500000.50", "12.34.567", "mười nghìn", "", Decimal("1.5"), 1.5, True]
)
def test_fractions_and_text_are_refused_as_not_whole_dong(typed):
    with pytest.raises(ValidationError) as caught:
        parse_money(typed)
    assert caught.value.messages == [msg.MONEY_NOT_INTEGER]


@pytest.mark.parametrize("typed", ["-200", "-1.000", -5])
def test_negative_amounts_are_refused(typed):
    with pytest.raises(ValidationError) as caught:
        parse_money(typed)
    assert caught.value.messages == [msg.MONEY_NEGATIVE]


def test_money_field_shows_dots_and_treats_blank_as_zero():
    field = MoneyField()
    assert field.prepare_value(1234567) == "1.234.567"
    assert field.clean("") == 0
    assert field.clean("2.000.000") == 2_000_000


@pytest.mark.parametrize("typed", ["9" * 20, "9" * 4301, "1.000.000.000.000.000.000.000", "-" + "9" * 5000])
def test_amount_with_more_digits_than_a_money_column_holds_is_refused(typed):
    with pytest.raises(ValidationError) as refused:
        parse_money(typed)
    assert refused.value.messages == [msg.MONEY_TOO_LARGE]
