"""The category badge of a household, drawn in Python: the list page shows it twice per row, and as
an ``{% include %}`` it cost more than the rest of the row (each include pushes a context and renders
its own template)."""

from django import template
from django.utils.html import format_html

from households.models import Category

register = template.Library()

BADGE_CLASSES = {
    Category.POOR: "badge text-bg-danger",
    Category.NEAR_POOR: "badge text-bg-warning",
    Category.AVERAGE: "badge text-bg-info",
}


@register.simple_tag
def category_badge(category, label):
    """A coloured badge for poor, near-poor and average; muted text for the others; "Chưa rà soát"
    when there is no category yet."""
    if not category:
        return format_html('<span class="text-muted">{}</span>', "Chưa rà soát")
    return format_html('<span class="{}">{}</span>', BADGE_CLASSES.get(category, "text-muted small"), label)
