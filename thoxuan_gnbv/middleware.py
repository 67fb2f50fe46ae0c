from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from thoxuan_gnbv import messages
from thoxuan_gnbv.text import nfc


def _normalised(query: QueryDict) -> QueryDict:
    copy = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        copy.setlist(nfc(key), [nfc(v) for v in values])
    copy._mutable = False
    return copy


class NfcInputMiddleware:
    """Normalise every submitted field to NFC, so the same name typed on two devices is one string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.GET:
            request.GET = _normalised(request.GET)
        elif request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = _normalised(request.POST)
        return self.get_response(request)


# Pages a user without a commune still reaches: signing in and out, passwords, the Django admin
# (where the administrator gives them a commune), health checks and static files.
COMMUNE_EXEMPT_NAMES = frozenset({"login", "logout", "health"})
COMMUNE_EXEMPT_NAMESPACES = frozenset({"admin"})


def _exempt(request) -> bool:
    match = request.resolver_match
    if request.path.startswith(settings.STATIC_URL) or match is None:
        return True
    name = match.url_name or ""
    return (
        name in COMMUNE_EXEMPT_NAMES
        or name.startswith("password")
        or bool(COMMUNE_EXEMPT_NAMESPACES & set(match.namespaces))
    )


class CommuneMiddleware:
    """``request.commune``: the commune the request works on, the user's own, fetched only when a page
    uses it (None without a user or a commune). A user with a role but no commune sees nothing of any
    commune: every page but the exempt ones answers with a Vietnamese 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.commune_id:
            request.commune = SimpleLazyObject(lambda: user.commune)
        else:
            request.commune = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if user.is_authenticated and user.role and not user.commune_id and not _exempt(request):
            return render(request, "403.html", {"reason": messages.NO_COMMUNE}, status=403)
        return None
