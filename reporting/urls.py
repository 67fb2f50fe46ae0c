from django.urls import path

from reporting.views import calendar, compiled, dashboard, documents, jobs, minutes, reports

app_name = "reporting"

urlpatterns = [
    path("plans/<int:pk>/", documents.plan_document, name="plan_document"),
    path("plans/<int:pk>/pdf/", documents.plan_pdf, name="plan_pdf"),
    path("meetings/<int:pk>/pdf/", minutes.meeting_minutes_pdf, name="meeting_minutes_pdf"),
    # Reporting regime (section VII): calendar, unit reports, compiled report, dashboard.
    path("calendar/", calendar.report_calendar, name="calendar"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path(
        "periods/<str:slug>/components/<int:component_pk>/start/",
        reports.report_start,
        name="report_start",
    ),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/accept/", reports.report_accept, name="report_accept"),
    path("reports/<int:pk>/return/", reports.report_return, name="report_return"),
    path("periods/<str:slug>/compiled/start/", compiled.compiled_start, name="compiled_start"),
    path("compiled/<int:pk>/", compiled.compiled_detail, name="compiled_detail"),
    path("compiled/<int:pk>/approve/", compiled.compiled_approve, name="compiled_approve"),
    path("compiled/<int:pk>/return/", compiled.compiled_return, name="compiled_return"),
    path("compiled/<int:pk>/pdf/", compiled.compiled_pdf, name="compiled_pdf"),
    path("compiled/<int:pk>/xlsx/", compiled.compiled_xlsx, name="compiled_xlsx"),
    path("compiled/<int:pk>/pdf-annex/", compiled.compiled_pdf_job, name="compiled_pdf_job"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:pk>/download/", jobs.job_download, name="job_download"),
]
