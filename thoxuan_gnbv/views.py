from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.decorators import method_decorator

from thoxuan_gnbv.forms import LoginForm
from thoxuan_gnbv.navigation import home_sections_for


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


def home(request):
    """Each role's home page: what it has to do now, contributed by every app."""
    return render(request, "home.html", {"sections": home_sections_for(request.user)})


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
