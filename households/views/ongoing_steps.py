"""The steps of an ongoing review, each a POST from the request's page through its service: the
survey, the public posting, the chairman's decision. A refused step re-renders the page with the
error on its field."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from households.ongoing_forms import DecisionForm, PostingForm
from households.services import ongoing as services
from households.services.ongoing_decision import review_request_decide
from households.views.ongoing import get_request_for_user, request_detail, survey_form
from thoxuan_gnbv import access
from thoxuan_gnbv.viewkit import apply_service_error, require


@require_POST
def request_survey(request, pk):
    review_request = get_request_for_user(request, pk)
    require(access.can_survey_review_request(request.user, review_request))
    form = survey_form(review_request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.review_request_survey(
                request=review_request, user=request.user, deprivations=form.deprivations(),
                income=data["income"], score=data.get("score"), household_size=data["household_size"],
                surveyed_on=data["surveyed_on"],
            )  # fmt: skip
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã ghi kết quả rà soát của hộ.")
            return redirect("households:request_detail", pk=pk)
    return request_detail(request, pk, survey_form=form)


@require_POST
def request_post(request, pk):
    review_request = get_request_for_user(request, pk)
    require(access.can_post_review_request(request.user, review_request))
    form = PostingForm(request.POST)
    if form.is_valid():
        try:
            services.review_request_post(request=review_request, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã ghi nhận niêm yết công khai.")
            return redirect("households:request_detail", pk=pk)
    return request_detail(request, pk, posting_form=form)


@require_POST
def request_decide(request, pk):
    review_request = get_request_for_user(request, pk)
    require(access.can_decide_review_request(request.user, review_request))
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            review_request_decide(request=review_request, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, "Đã quyết định công nhận. Phân loại của hộ đã được cập nhật.")
            return redirect("households:request_detail", pk=pk)
    return request_detail(request, pk, decision_form=form)
