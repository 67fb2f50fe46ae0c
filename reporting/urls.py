from django.urls import path

from reporting import views, views_reports

app_name = "reporting"

urlpatterns = [
    path("plans/<int:pk>/", views.plan_document, name="plan_document"),
    path("plans/<int:pk>/pdf/", views.plan_pdf, name="plan_pdf"),
    # Reporting regime (section VII): calendar, unit reports, compiled report, dashboard.
    path("calendar/", views_reports.report_calendar, name="calendar"),
    path("dashboard/", views_reports.dashboard, name="dashboard"),
    path(
        "periods/<str:slug>/components/<int:component_pk>/start/",
        views_reports.report_start,
        name="report_start",
    ),
    path("reports/<int:pk>/", views_reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/accept/", views_reports.report_accept, name="report_accept"),
    path("reports/<int:pk>/return/", views_reports.report_return, name="report_return"),
    path("periods/<str:slug>/compiled/start/", views_reports.compiled_start, name="compiled_start"),
    path("compiled/<int:pk>/", views_reports.compiled_detail, name="compiled_detail"),
    path("compiled/<int:pk>/approve/", views_reports.compiled_approve, name="compiled_approve"),
    path("compiled/<int:pk>/return/", views_reports.compiled_return, name="compiled_return"),
    path("compiled/<int:pk>/pdf/", views_reports.compiled_pdf, name="compiled_pdf"),
    path("compiled/<int:pk>/xlsx/", views_reports.compiled_xlsx, name="compiled_xlsx"),
    path("compiled/<int:pk>/pdf-annex/", views_reports.compiled_pdf_job, name="compiled_pdf_job"),
    path("jobs/<int:pk>/", views_reports.job_detail, name="job_detail"),
    path("jobs/<int:pk>/download/", views_reports.job_download, name="job_download"),
]
