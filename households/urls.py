from django.urls import path

from households.views import members, ongoing, ongoing_steps, registry, review, rounds, workbook

app_name = "households"

urlpatterns = [
    path("", registry.household_list, name="household_list"),
    path("new/", registry.household_create, name="household_create"),
    path("<int:pk>/", registry.household_detail, name="household_detail"),
    path("<int:pk>/edit/", registry.household_edit, name="household_edit"),
    path("<int:pk>/members/new/", members.member_create, name="member_create"),
    path("members/<int:pk>/edit/", members.member_edit, name="member_edit"),
    path("<int:pk>/review/", review.review_record, name="review_record"),
    path("<int:pk>/review/preview/", review.review_preview, name="review_preview"),
    path("import/", workbook.household_import, name="household_import"),
    path("import/preview/", workbook.household_import_preview, name="household_import_preview"),
    path("import/confirm/", workbook.household_import_confirm, name="household_import_confirm"),
    path("import/template/", workbook.household_import_template, name="household_import_template"),
    path("export/", workbook.household_export, name="household_export"),
    path("rounds/", rounds.round_list, name="round_list"),
    path("rounds/open/", rounds.round_open, name="round_open"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("rounds/<int:pk>/submit/", rounds.round_submit, name="round_submit"),
    path("rounds/<int:pk>/approve/", rounds.round_approve, name="round_approve"),
    path("rounds/<int:pk>/return/", rounds.round_return, name="round_return"),
    path("requests/", ongoing.request_list, name="request_list"),
    path("requests/new/", ongoing.request_create, name="request_create"),
    path("requests/<int:pk>/", ongoing.request_detail, name="request_detail"),
    path("requests/<int:pk>/survey/", ongoing_steps.request_survey, name="request_survey"),
    path("requests/<int:pk>/post/", ongoing_steps.request_post, name="request_post"),
    path("requests/<int:pk>/decide/", ongoing_steps.request_decide, name="request_decide"),
    path("movements/", review.movement_table, name="movement_table"),
]
