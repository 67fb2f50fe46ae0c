from django.urls import path

from reporting.views import (
    calendar,
    certificates,
    compiled,
    dashboard,
    documents,
    jobs,
    minutes,
    province,
    reports,
    review_tables,
)

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
    path("compiled/<int:pk>/annex-xlsx/", compiled.compiled_annex_xlsx, name="compiled_annex_xlsx"),
    # Certificates of poor and near-poor households (QĐ 24/2021/QĐ-TTg Mẫu số 03).
    path(
        "households/<int:pk>/certificate/", certificates.certificate_household, name="certificate_household"
    ),
    path("rounds/<int:pk>/certificates/", certificates.certificate_list, name="certificate_list"),
    # Result tables of an approved review round and the recognition decision (QĐ 24/2021 Mẫu số 02).
    path("rounds/<int:pk>/tables/", review_tables.review_tables, name="review_tables"),
    path("rounds/<int:pk>/tables.xlsx", review_tables.review_tables_xlsx, name="review_tables_xlsx"),
    path("rounds/<int:pk>/tables.pdf", review_tables.review_tables_pdf, name="review_tables_pdf"),
    path("rounds/<int:pk>/decision.pdf", review_tables.review_decision_pdf, name="review_decision_pdf"),
    # The province level (a viewer of the province reads every commune of it).
    path("province/", province.province_rollup, name="province_rollup"),
    path("province/communes/<int:pk>/", province.province_commune, name="province_commune"),
    path("province/workbook.xlsx", province.province_workbook, name="province_workbook"),
    path("province/jobs/<int:pk>/", jobs.province_job, name="province_job"),
    path("province/jobs/<int:pk>/download/", jobs.province_job_download, name="province_job_download"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:pk>/download/", jobs.job_download, name="job_download"),
]
