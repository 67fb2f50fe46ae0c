"""``{% household_support household %}``: the "Hỗ trợ đã nhận" section of a household page.

The registry (households) cannot import programs, so its page loads this tag instead of calling the
query itself: ``{% load programs_delivery %}{% household_support household %}``. One query."""

from django import template
from django.urls import reverse

from programs.queries.delivery import household_support as support_groups_of
from thoxuan_gnbv import access

register = template.Library()


@register.inclusion_tag("programs/includes/household_support.html", takes_context=True)
def household_support(context, household):
    user = context.get("user")
    return {
        "support_groups": support_groups_of(household),
        "record_url": (
            reverse("programs:support_create") + f"?household={household.pk}"
            if access.can_record_any_delivery(user)
            else ""
        ),
    }
