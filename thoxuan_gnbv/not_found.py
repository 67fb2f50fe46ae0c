"""With DEBUG on (``make run``) Django answers a missing page with its English technical page; the
portal's pages answer with the portal's Vietnamese 404 page instead, as they do in production. The
admin (``/admin/``) keeps Django's debug page, which tells a developer which URL patterns exist."""

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve, reverse

from thoxuan_gnbv.views import error_404


def _portal_page(request) -> bool:
    return settings.DEBUG and not request.path.startswith(reverse("admin:index"))


class PortalNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _portal_page(request):
            try:
                resolve(request.path_info)
            except Resolver404:
                # CommonMiddleware (outside this one) still redirects "/ho-gia-dinh" to "…/".
                return error_404(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and _portal_page(request):
            return error_404(request, exception)
        return None
