from django.urls import path

from programs.views import budget, corrections, delivery, plan_parts, plan_workflow, plans

app_name = "programs"

urlpatterns = [
    # Annual plan: the commune's yearly plan for QĐ 90/QĐ-TTg, printed per NĐ 30/2020/NĐ-CP
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/submit/", plan_workflow.plan_submit, name="plan_submit"),
    path("plans/<int:pk>/return/", plan_workflow.plan_return, name="plan_return"),
    path("plans/<int:pk>/approve/", plan_workflow.plan_approve, name="plan_approve"),
    path("plans/<int:pk>/issue/", plan_workflow.plan_issue, name="plan_issue"),
    path("plans/<int:pk>/amend/", plan_workflow.plan_amend, name="plan_amend"),
    path(
        "plans/<int:pk>/copy-next-year/", plan_workflow.plan_copy_to_next_year, name="plan_copy_to_next_year"
    ),
    path("plans/<int:pk>/<slug:kind>/add/", plan_parts.plan_part_edit, name="plan_part_create"),
    path("plans/<int:pk>/<slug:kind>/<int:part_pk>/edit/", plan_parts.plan_part_edit, name="plan_part_edit"),
    path(
        "plans/<int:pk>/<slug:kind>/<int:part_pk>/delete/",
        plan_parts.plan_part_delete,
        name="plan_part_delete",
    ),
    path(
        "plans/<int:pk>/<slug:kind>/<int:part_pk>/move/<str:direction>/",
        plan_parts.plan_part_move,
        name="plan_part_move",
    ),
    # Delivery and budget: support, activities and money of the plan's components (section III)
    path("support/", delivery.support_list, name="support_list"),
    path("support/new/", delivery.support_create, name="support_create"),
    path("support/exceptions/", delivery.support_exceptions, name="support_exceptions"),
    path("support/<int:pk>/", delivery.support_detail, name="support_detail"),
    path("activities/", delivery.activity_list, name="activity_list"),
    path("activities/new/", delivery.activity_create, name="activity_create"),
    path("activities/<int:pk>/", delivery.activity_detail, name="activity_detail"),
    path("components/<int:pk>/", delivery.component_overview, name="component_overview"),
    path("budget/", budget.budget_overview, name="budget_overview"),
    path("budget/allocations/new/", budget.allocation_create, name="allocation_create"),
    path("budget/estimates/new/", budget.estimate_create, name="estimate_create"),
    path("budget/estimates/<int:pk>/", budget.estimate_detail, name="estimate_detail"),
    path("budget/estimates/<int:pk>/lines/add/", budget.estimate_line_add, name="estimate_line_add"),
    path(
        "budget/estimates/<int:pk>/lines/<int:line_pk>/delete/",
        budget.estimate_line_delete,
        name="estimate_line_delete",
    ),
    path("budget/estimates/<int:pk>/submit/", budget.estimate_submit, name="estimate_submit"),
    path("budget/estimates/<int:pk>/return/", budget.estimate_return, name="estimate_return"),
    path("budget/estimates/<int:pk>/approve/", budget.estimate_approve, name="estimate_approve"),
    path("budget/lines/<int:line_pk>/disburse/", budget.disbursement_create, name="disbursement_create"),
    # Corrections of recorded support, activities, allocations and disbursements (edit or void, with a
    # reason); ``kind`` is support, activity, allocation or disbursement, anything else a 404
    path("corrections/", corrections.correction_list, name="correction_list"),
    path("corrections/<int:pk>/", corrections.correction_detail, name="correction_detail"),
    path("corrections/<int:pk>/approve/", corrections.correction_approve, name="correction_approve"),
    path("corrections/<int:pk>/refuse/", corrections.correction_refuse, name="correction_refuse"),
    path("corrections/<slug:kind>/<int:pk>/", corrections.correction_row, name="correction_row"),
    path("corrections/<slug:kind>/<int:pk>/edit/", corrections.correction_edit, name="correction_edit"),
    path("corrections/<slug:kind>/<int:pk>/void/", corrections.correction_void, name="correction_void"),
]
