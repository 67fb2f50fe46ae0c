"""Printing certificates (QĐ 24/2021/QĐ-TTg Mẫu số 03): one household's, from its latest approved
result, or a whole list of an approved round (poor, near-poor or both, optionally one khu phố). Both
are personal data: the printing is logged, and the CCCD prints in full only to who may see it. A list
longer than ``CERTIFICATE_JOB_HOUSEHOLDS`` households (one page each) is printed by the background
worker for the officer who asked, and logged when they download it (``reporting:job_download``)."""

from django.contrib import messages as flash
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect

from households.models import Household, Review, ReviewRound
from reporting.documents.certificate_batch import national_id_rule, render_certificates, round_certificates
from reporting.documents.certificates import latest_listed_review
from reporting.export_tasks import export_job_start
from reporting.models import DocumentJob
from thoxuan_gnbv import access
from thoxuan_gnbv.background import CERTIFICATE_JOB_HOUSEHOLDS, CERTIFICATE_MAX_HOUSEHOLDS
from thoxuan_gnbv.formatting import format_number
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import int_param, require

NOT_LISTED = "Hộ không thuộc danh sách hộ nghèo, hộ cận nghèo theo quyết định công nhận gần nhất."
ROUND_NOT_APPROVED = "Chỉ in giấy chứng nhận theo đợt rà soát đã được phê duyệt."
NOTHING_TO_PRINT = "Không có hộ nào thuộc danh sách đã chọn để in giấy chứng nhận."
TOO_MANY_TO_PRINT = (
    "Danh sách đã chọn có hơn {limit} hộ, quá số giấy chứng nhận cho một lần in: hãy chọn từng khu phố "
    "hoặc từng danh sách (hộ nghèo, hộ cận nghèo)."
)


def _pdf(reviews, filename: str, can_see_national_id):
    output = render_certificates(reviews, can_see_national_id=can_see_national_id)
    return FileResponse(output, content_type="application/pdf", filename=filename)


def certificate_household(request, pk):
    require(access.can_view_households(request.user))
    household = get_object_or_404(access.households_visible_to(request.user, Household.objects.all()), pk=pk)
    require(access.can_print_certificates(request.user))
    latest = latest_listed_review(household)
    if latest is None:
        flash.error(request, NOT_LISTED)
        return redirect("households:household_detail", pk=household.pk)
    log_personal_data_access(
        action=AccessAction.DOWNLOAD_PDF, request=request, obj=household, household_code=household.code,
        label=f"Giấy chứng nhận hộ {household.code}",
    )  # fmt: skip
    return _pdf(
        Review.objects.filter(pk=latest.pk),
        f"giay-chung-nhan-{household.code}.pdf",
        national_id_rule(request.user),
    )


def certificate_list(request, pk):
    require(access.can_view_review_rounds(request.user))
    rounds = access.rounds_visible_to(request.user, ReviewRound.objects.select_related("commune"))
    review_round = get_object_or_404(rounds, pk=pk)
    require(access.can_print_certificates(request.user))
    if not review_round.is_approved:
        flash.error(request, ROUND_NOT_APPROVED)
        return redirect("households:round_detail", pk=review_round.pk)
    category, neighborhood = request.GET.get("category", ""), int_param(request, "neighborhood")
    selection = round_certificates(
        request.user, review_round, category=category, neighborhood_id=neighborhood
    )
    # Counted no further than the cap: a whole commune's list at province scale is refused, and counting
    # all of its rows would cost the request more than the answer is worth.
    households = selection.reviews.order_by()[: CERTIFICATE_MAX_HOUSEHOLDS + 1].count()
    if not households:
        flash.error(request, NOTHING_TO_PRINT)
        return redirect("households:round_detail", pk=review_round.pk)
    if households > CERTIFICATE_MAX_HOUSEHOLDS:
        flash.error(
            request,
            TOO_MANY_TO_PRINT.format(limit=format_number(CERTIFICATE_MAX_HOUSEHOLDS)),
        )
        return redirect("households:round_detail", pk=review_round.pk)
    if households > CERTIFICATE_JOB_HOUSEHOLDS:  # a page each: a long list is laid out by the worker
        job = export_job_start(
            kind=DocumentJob.Kind.CERTIFICATES_PDF,
            commune=review_round.commune,
            user=request.user,
            params={
                "round": review_round.pk, "year": review_round.year, "category": category,
                "neighborhood": neighborhood, "label": selection.label, "query": request.GET.urlencode(),
            },
        )  # fmt: skip
        return redirect("reporting:job_detail", pk=job.pk)
    log_personal_data_access(
        action=AccessAction.DOWNLOAD_PDF, request=request, obj=review_round, commune=review_round.commune,
        label=selection.label, query=request.GET.urlencode(),
    )  # fmt: skip
    return _pdf(selection.reviews, selection.filename, selection.can_see_national_id)
