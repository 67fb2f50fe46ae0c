"""Template filters for Vietnamese formatting; loaded as builtins, so no ``{% load %}`` is needed."""

from django import template

from thoxuan_gnbv import access, formatting

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


@register.filter
def masked_national_id(value):
    """``{{ household.head_national_id|masked_national_id }}`` → ``038*******12``."""
    return formatting.mask_national_id(value)


@register.simple_tag
def national_id_for(user, household, value):
    """``{% national_id_for request.user household member.national_id %}``: in full for those
    ``access.can_see_national_id`` allows, masked for everyone else."""
    if access.can_see_national_id(user, household):
        return value or ""
    return formatting.mask_national_id(value)
