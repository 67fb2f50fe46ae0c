from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.decorators import method_decorator

from thoxuan_gnbv import access
from thoxuan_gnbv.filters import AccessLogFilter
from thoxuan_gnbv.forms import LoginForm
from thoxuan_gnbv.models import AccessLog
from thoxuan_gnbv.navigation import home_sections_for
from thoxuan_gnbv.pagination import keyset_page
from thoxuan_gnbv.viewkit import require


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


def home(request):
    """Each role's home page: what it has to do now, contributed by every app."""
    return render(request, "home.html", {"sections": home_sections_for(request.user)})


def access_log_list(request):
    """Nhật ký truy cập dữ liệu cá nhân: the newest first, filtered, a page at a time (keyset on time)."""
    require(access.can_view_access_log(request.user))
    log_filter = AccessLogFilter(request.GET or None, queryset=AccessLog.objects.select_related("user"))
    page = keyset_page(
        log_filter.qs if log_filter.is_bound else log_filter.queryset,
        key="at",
        descending=True,
        after=request.GET.get("after", ""),
        before=request.GET.get("before", ""),
        last=request.GET.get("last") == "1",
    )
    query = request.GET.copy()
    for key in ("after", "before", "last"):
        query.pop(key, None)
    return render(
        request, "access_log.html", {"filter": log_filter, "page": page, "query": query.urlencode()}
    )


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_400(request, exception=None):
    return render(request, "400.html", status=400)


def error_500(request):
    # No context processors: the failure may come from the database they query.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
