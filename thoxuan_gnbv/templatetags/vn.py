"""Template filters for Vietnamese formatting; loaded as builtins, so no ``{% load %}`` is needed."""

from django import template

from thoxuan_gnbv import formatting

register = template.Library()


@register.filter
def money(value):
    """``{{ amount|money }}`` → ``1.234.567 đ``."""
    return formatting.format_money(value)


@register.filter
def number(value):
    """``{{ count|number }}`` → ``1.234``."""
    return formatting.format_number(value)


@register.filter
def vndate(value):
    """``{{ day|vndate }}`` → ``03/04/2024``."""
    return formatting.format_date(value)


@register.filter
def percent(value, digits=1):
    """``{{ 0.125|percent }}`` → ``12,5 %``."""
    if value is None or value == "":
        return ""
    return f"{float(value) * 100:.{int(digits)}f}".replace(".", ",") + " %"
