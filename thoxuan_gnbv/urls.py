from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from thoxuan_gnbv import views
from thoxuan_gnbv.health import health_view

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("xac-thuc-hai-buoc/cai-dat/", views.otp_enrol, name="otp_enrol"),
    path("xac-thuc-hai-buoc/", views.otp_verify, name="otp_verify"),
    path("health/", health_view, name="health"),
    path("access-log/", views.access_log_list, name="access_log"),
    path("households/", include("households.urls")),
    path("programs/", include("programs.urls")),
    path("reporting/", include("reporting.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "thoxuan_gnbv.views.error_400"
handler403 = "thoxuan_gnbv.views.error_403"
handler404 = "thoxuan_gnbv.views.error_404"
handler500 = "thoxuan_gnbv.views.error_500"
