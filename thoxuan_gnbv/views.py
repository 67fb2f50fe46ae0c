from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from thoxuan_gnbv import access
from thoxuan_gnbv.filters import AccessLogFilter
from thoxuan_gnbv.forms import LoginForm, OtpTokenForm, PortalPasswordChangeForm
from thoxuan_gnbv.models import AccessLog
from thoxuan_gnbv.navigation import home_sections_for, home_summary
from thoxuan_gnbv.pagination import keyset_page
from thoxuan_gnbv.viewkit import require


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


def home(request):
    """Each role's home page: what it has to do now, contributed by every app, most urgent first."""
    sections = home_sections_for(request.user)
    return render(request, "home.html", {"sections": sections, "summary": home_summary(sections)})


def access_log_list(request):
    """Nhật ký truy cập dữ liệu cá nhân: the newest first, filtered, a page at a time (keyset on time)."""
    require(access.can_view_access_log(request.user))
    logs = access.access_logs_visible_to(request.user, AccessLog.objects.select_related("user"))
    log_filter = AccessLogFilter(request.GET or None, queryset=logs, reader=request.user)
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
    reason = str(exception) if isinstance(exception, PermissionDenied) and exception.args else ""
    return render(request, "403.html", {"reason": reason}, status=403)


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


class PasswordChangeView(auth_views.PasswordChangeView):
    """Every user changes their own password; the session stays logged in afterwards."""

    form_class = PortalPasswordChangeForm
    template_name = "registration/password_change_form.html"


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"


OTP_DEVICE_NAME = "Ứng dụng xác thực"
# django-otp doubles the wait after each wrong code; while it lasts even a right code is refused.
OTP_WRONG = "Mã xác thực không đúng hoặc đã hết hạn. Sau mỗi lần sai phải chờ lâu hơn mới thử lại được."
OTP_THROTTLED = "Nhập sai nhiều lần: hãy chờ ít giây rồi thử lại."


def otp_enrol(request):
    """Set up an authenticator app: show the secret (QR, otpauth address, base32) and confirm one code.

    A user who already has a confirmed authenticator must confirm a code from it first, so that a stolen
    password alone cannot add a second authenticator."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        if not user.is_verified():
            return redirect("otp_verify")
        messages.info(request, "Tài khoản đã có ứng dụng xác thực.")
        return redirect("home")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=OTP_DEVICE_NAME, confirmed=False)
    form = OtpTokenForm(request.POST or None, submit_label="Xác nhận và bật xác thực hai bước")
    if form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", OTP_THROTTLED)
        elif device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Đã bật xác thực hai bước.")
            return redirect("home")
        else:
            form.add_error("token", OTP_WRONG)
    uri = device.config_url
    context = {
        "form": form,
        "otpauth_uri": uri,
        "secret": b32encode(device.bin_key).decode(),
        "qr_data_uri": segno.make(uri, error="m").svg_data_uri(scale=4),
    }
    return render(request, "registration/otp_enrol.html", context)


def otp_verify(request):
    """After the password: the code from the user's authenticator app (django-otp throttles guesses)."""
    user = request.user
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        return redirect("otp_enrol")
    form = OtpTokenForm(request.POST or None)
    if form.is_valid():
        if not any(device.verify_is_allowed()[0] for device in devices):
            form.add_error("token", OTP_THROTTLED)
            return render(request, "registration/otp_verify.html", {"form": form})
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
                target = reverse("home")
            return redirect(target)
        form.add_error("token", OTP_WRONG)
    return render(request, "registration/otp_verify.html", {"form": form})
