from django.conf import settings
from django.http import QueryDict
from django.utils.cache import patch_cache_control

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
