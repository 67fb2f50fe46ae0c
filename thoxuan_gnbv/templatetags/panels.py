"""``{% panels "slot" obj %}``: the panels higher apps registered for a slot of this page
(``thoxuan_gnbv.navigation.register_panel``), so a lower app's template never names their tags or URLs.

A (template, context) panel renders like an inclusion tag, in a new layer of the page's context: the
request, user and CSRF token are there and no context processor runs again (no query more)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from thoxuan_gnbv.navigation import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot, obj=None):
    parts = []
    for result in panels_for(slot, context.get("request"), obj):
        if isinstance(result, tuple):
            name, values = result
            result = context.template.engine.get_template(name).render(context.new(values))
        parts.append(conditional_escape(result))  # a plain string is escaped; a rendered one is safe
    return mark_safe("".join(parts))  # noqa: S308 — every part escaped or rendered above
