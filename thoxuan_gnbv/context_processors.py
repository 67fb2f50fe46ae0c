from django.conf import settings

from thoxuan_gnbv import access
from thoxuan_gnbv.navigation import nav_for


def portal(request):
    """The layout's menu and titles; the commune name comes from the households app's context."""
    user = getattr(request, "user", None)
    province_level = access.is_province_viewer(user) and getattr(request, "commune", None) is None
    items = nav_for(user, province_level=province_level) if user is not None and user.is_authenticated else []
    # The deepest entry whose address starts the current path is the active one.
    matching = [item.url for item in items if request.path.startswith(item.url)]
    return {
        "portal_title": settings.PORTAL_TITLE,
        "nav_items": items,
        "nav_active_url": max(matching, key=len) if matching else "",
    }
