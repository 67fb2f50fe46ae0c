from django.conf import settings

from thoxuan_gnbv.navigation import nav_for


def portal(request):
    """The layout's menu and titles; the commune name comes from the households app's context."""
    user = getattr(request, "user", None)
    return {
        "portal_title": settings.PORTAL_TITLE,
        "nav_items": nav_for(user) if user is not None and user.is_authenticated else [],
    }
