"""Pages of the ongoing review (rà soát thường xuyên): the list of requests with their state and
working days left, recording a request, and a request's page with its steps and the form of the next
one (the steps' POSTs are in ``ongoing_steps``)."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from households import messages
from households.classification import thresholds_for
from households.forms import ReviewForm
from households.models import Household, ReviewRequest
from households.ongoing_deadlines import request_rows
from households.ongoing_forms import DecisionForm, PostingForm, RequestForm, survey_date_field
from households.services import ongoing as services
from households.services.review import standard_for
from households.views.common import visible_neighborhoods
from thoxuan_gnbv import access
from thoxuan_gnbv.pagination import keyset_page
from thoxuan_gnbv.statuses import RequestStatus
from thoxuan_gnbv.viewkit import apply_service_error, int_param, query_with, request_commune, require


def request_list(request):
    require(access.can_view_review_requests(request.user))
    commune = request_commune(request)
    neighborhoods = visible_neighborhoods(request.user, commune)
    status = request.GET.get("status", "")
    status = status if status in RequestStatus.values else ""
    neighborhood = int_param(request, "neighborhood")
    queryset = access.review_requests_visible_to(request.user, ReviewRequest.objects.filter(commune=commune))
    if status:
        queryset = queryset.filter(status=status)
    if neighborhood:
        queryset = queryset.filter(household__neighborhood_id=neighborhood)
    page = keyset_page(
        queryset.select_related("household__neighborhood"),
        key="due_on",
        after=request.GET.get("after", ""),
        before=request.GET.get("before", ""),
    )
    context = {
        "rows": request_rows(page.items, timezone.localdate()),
        "page": page,
        "statuses": RequestStatus.choices,
        "status": status,
        "neighborhoods": neighborhoods,
        "neighborhood": neighborhood,
        "can_record": access.can_record_review_request(request.user),
        "next_query": query_with(request, after=page.next_cursor, before=""),
        "previous_query": query_with(request, before=page.previous_cursor, after=""),
    }
    return render(request, "households/ongoing_list.html", context)


def request_create(request):
    require(access.can_record_review_request(request.user))
    commune = request_commune(request)
    initial = {"received_on": timezone.localdate(), "household": request.GET.get("code", "")[:30]}
    form = RequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        household = access.households_visible_to(
            request.user, Household.objects.filter(commune=commune, code=data["household"])
        ).first()
        if household is None:
            form.add_error("household", messages.REQUEST_HOUSEHOLD_UNKNOWN.format(code=data["household"]))
        else:
            try:
                created = services.review_request_record(
                    commune=commune, user=request.user, household=household,
                    kind=data["kind"], received_on=data["received_on"], note=data["note"],
                )  # fmt: skip
            except ValidationError as error:
                apply_service_error(form, error)
            else:
                flash.success(
                    request, f"Đã ghi nhận giấy đề nghị. Hạn quyết định: {created.due_on:%d/%m/%Y}."
                )
                return redirect("households:request_detail", pk=created.pk)
    return render(request, "households/ongoing_form.html", {"form": form})


def get_request_for_user(request, pk) -> ReviewRequest:
    require(access.can_view_review_requests(request.user))
    queryset = ReviewRequest.objects.select_related(
        "household__neighborhood", "household__commune", "commune", "received_by", "surveyed_by",
        "posted_by", "decided_by", "review__round",
    )  # fmt: skip
    return get_object_or_404(access.review_requests_visible_to(request.user, queryset), pk=pk)


def survey_form(review_request, data=None):
    standard = standard_for(review_request.review_day.year)
    thresholds = thresholds_for(standard, review_request.commune.area_type)
    initial = {"household_size": max(review_request.household.members.count(), 1)}
    form = ReviewForm(data, initial=initial, standard=standard, thresholds=thresholds)
    del form.fields["note"]  # the request keeps its own note, given when it was received
    form.fields["surveyed_on"] = survey_date_field()
    form.fields["surveyed_on"].initial = timezone.localdate()
    form.order_fields(["surveyed_on"])
    return form


def request_detail(request, pk, **forms):
    review_request = get_request_for_user(request, pk)
    user = request.user
    context = {
        "item": request_rows([review_request], timezone.localdate())[0],
        "steps": review_request.log_steps,
        "survey_form": forms.get("survey_form"),
        "posting_form": forms.get("posting_form"),
        "decision_form": forms.get("decision_form"),
    }
    if context["survey_form"] is None and access.can_survey_review_request(user, review_request):
        try:
            context["survey_form"] = survey_form(review_request)
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
    if context["posting_form"] is None and access.can_post_review_request(user, review_request):
        context["posting_form"] = PostingForm(initial={"posting_start": timezone.localdate()})
    if context["decision_form"] is None and access.can_decide_review_request(user, review_request):
        context["decision_form"] = DecisionForm(initial={"decision_date": timezone.localdate()})
    return render(request, "households/ongoing_detail.html", context)
