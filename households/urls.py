from django.urls import path

from households.views import (
    members,
    ongoing,
    ongoing_steps,
    quick_screen,
    registry,
    review,
    round_stages,
    rounds,
    workbook,
)

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
    # The stages of a round (QĐ 24/2021/QĐ-TTg Điều 4).
    path("rounds/<int:pk>/cancel/", round_stages.round_cancel, name="round_cancel"),
    path("rounds/<int:pk>/list/add/", round_stages.round_list_add, name="round_list_add"),
    path("rounds/<int:pk>/meetings/", round_stages.round_to_meetings, name="round_to_meetings"),
    path(
        "rounds/<int:pk>/meetings/<int:neighborhood_pk>/new/",
        round_stages.meeting_create,
        name="meeting_create",
    ),
    path("rounds/<int:pk>/posting/", round_stages.posting_start, name="posting_start"),
    path("rounds/<int:pk>/posting/again/", round_stages.posting_repeat, name="posting_repeat"),
    path("rounds/<int:pk>/complaints/new/", round_stages.complaint_create, name="complaint_create"),
    path("round-entries/<int:pk>/phieu-a/", quick_screen.quick_screen_edit, name="quick_screen_edit"),
    path("complaints/<int:pk>/resolve/", round_stages.complaint_resolve, name="complaint_resolve"),
    path("movements/", review.movement_table, name="movement_table"),
]
