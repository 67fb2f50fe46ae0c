import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django_otp import user_has_device

from thoxuan_gnbv import access, messages
from thoxuan_gnbv.security import second_factor_required
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


class SecondFactorMiddleware:
    """Send a chairman, vice chairman or administrator who has not confirmed a one-time code this session
    to the code page (or to enrolment when they have no authenticator yet) before any other page."""

    # Pages reachable before the code: the code pages themselves, logging out, health and static files.
    open_url_names = frozenset({"otp_verify", "otp_enrol", "logout", "health"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not second_factor_required(user) or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.url_name in self.open_url_names:
            return None
        if request.path.startswith(settings.STATIC_URL):
            return None
        if not user_has_device(user, confirmed=True):
            return redirect("otp_enrol")
        return redirect(f"{reverse('otp_verify')}?{urlencode({'next': request.get_full_path()})}")


# Session key holding when the session's expiry was last pushed forward (seconds since the epoch).
SESSION_REFRESHED_KEY = "_refreshed_at"


class IdleSessionMiddleware:
    """End a session after ``SESSION_COOKIE_AGE`` seconds without a request.

    Marking the session modified makes SessionMiddleware store it with a new expiry and send the cookie
    again; doing so at most every ``SESSION_REFRESH_SECONDS`` keeps ordinary pages free of session writes.
    Must sit below SessionMiddleware, whose response phase runs after this one's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.modified or not session.get("_auth_user_id"):
            return response
        now = int(time.time())
        if now - session.get(SESSION_REFRESHED_KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
            session[SESSION_REFRESHED_KEY] = now
        return response


@receiver(user_logged_in, dispatch_uid="thoxuan_gnbv_session_refreshed_at_login")
def _stamp_session_at_login(sender, request, user, **kwargs):
    # Logging in stores a fresh session: its expiry starts now.
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_REFRESHED_KEY] = int(time.time())


class NoStoreMiddleware:
    """``Cache-Control: private, no-store`` on every response to a signed-in user except static files:
    pages, exports and PDFs carry personal data that no shared or browser cache may keep
    (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15: protect personal data against unlawful disclosure)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(_static_prefixes()):
            patch_cache_control(response, private=True, no_store=True)
            response.headers.pop("Expires", None)
        return response


def _static_prefixes() -> tuple[str, ...]:
    return tuple(prefix for prefix in (settings.STATIC_URL,) if prefix and prefix != "/")


# Pages a user without a commune still reaches: signing in and out, passwords, the Django admin
# (where the administrator gives them a commune), health checks and static files.
COMMUNE_EXEMPT_NAMES = frozenset({"login", "logout", "health", "otp_verify", "otp_enrol"})
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


# The session key naming the commune a province viewer opened from the roll-up (its primary key).
DRILL_SESSION_KEY = "province_commune"
# Routes of the province level itself: a province viewer reaches them without choosing a commune.
PROVINCE_URL_PREFIX = "province_"


def _province_route(request) -> bool:
    match = request.resolver_match
    return bool(match and (match.url_name or "").startswith(PROVINCE_URL_PREFIX))


class CommuneMiddleware:
    """``request.commune``: the commune the request works on, the user's own, fetched only when a page
    uses it (None without a user or a commune). A user with a role but no commune sees nothing of any
    commune: every page but the exempt ones answers with a Vietnamese 403.

    A viewer of the level above who belongs to a province has no commune of their own: their home is
    the province roll-up; from it they open one of the province's communes (kept in the session and
    checked against ``access.covers_commune`` on every request) and then read that commune's pages,
    scoped to it alone (``access.narrow_to``). They change nothing (``access.is_read_only``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        request.commune = None
        if user.is_authenticated and user.commune_id:
            request.commune = SimpleLazyObject(lambda: user.commune)
        elif user.is_authenticated and access.is_province_viewer(user):
            chosen = request.session.get(DRILL_SESSION_KEY)
            if chosen and access.covers_commune(user, chosen):
                request.commune = SimpleLazyObject(lambda: user.province.communes.get(pk=chosen))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (user.is_authenticated and user.role and not user.commune_id) or _exempt(request):
            return None
        if access.is_province_viewer(user):
            if _province_route(request):
                return None
            if request.commune is not None:
                # Every scope of this request covers the opened commune only.
                access.narrow_to(user, request.session[DRILL_SESSION_KEY])
                return None
            if request.resolver_match.url_name == "home":
                return redirect("reporting:province_rollup")
            return render(request, "403.html", {"reason": messages.PROVINCE_CHOOSE_COMMUNE}, status=403)
        return render(request, "403.html", {"reason": messages.NO_COMMUNE}, status=403)
