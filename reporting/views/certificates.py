"""Printing certificates (QĐ 24/2021/QĐ-TTg Mẫu số 03): one household's, from its latest approved
result, or a whole list of an approved round (poor, near-poor or both, optionally one khu phố). Both
are personal data: the printing is logged, and the CCCD prints in full only to who may see it."""

from django.contrib import messages as flash
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect

from households.models import Category, Household, Review, ReviewRound
from reporting.documents.certificate_batch import render_certificates
from reporting.documents.certificates import LISTED, latest_listed_review
from thoxuan_gnbv import access
from thoxuan_gnbv.models import AccessAction
from thoxuan_gnbv.personal_data import log_personal_data_access
from thoxuan_gnbv.viewkit import int_param, require

NOT_LISTED = "Hộ không thuộc danh sách hộ nghèo, hộ cận nghèo theo quyết định công nhận gần nhất."
ROUND_NOT_APPROVED = "Chỉ in giấy chứng nhận theo đợt rà soát đã được phê duyệt."
NOTHING_TO_PRINT = "Không có hộ nào thuộc danh sách đã chọn để in giấy chứng nhận."


def _masking(user):
    return lambda head_id: access.can_see_national_id_in(user, head_id)


def _pdf(request, reviews, filename: str):
    output = render_certificates(reviews, can_see_national_id=_masking(request.user))
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
    return _pdf(request, Review.objects.filter(pk=latest.pk), f"giay-chung-nhan-{household.code}.pdf")


def certificate_list(request, pk):
    require(access.can_view_review_rounds(request.user))
    review_round = get_object_or_404(access.rounds_visible_to(request.user, ReviewRound.objects.all()), pk=pk)
    require(access.can_print_certificates(request.user))
    if not review_round.is_approved:
        flash.error(request, ROUND_NOT_APPROVED)
        return redirect("households:round_detail", pk=review_round.pk)
    category = request.GET.get("category", "")
    categories = [category] if category in LISTED else list(LISTED)
    reviews = access.reviews_visible_to(request.user, review_round.reviews.filter(category__in=categories))
    neighborhood = int_param(request, "neighborhood")
    if neighborhood:
        reviews = reviews.filter(household__neighborhood_id=neighborhood)
    if not reviews.exists():
        flash.error(request, NOTHING_TO_PRINT)
        return redirect("households:round_detail", pk=review_round.pk)
    label = ", ".join(Category(c).label for c in categories)
    log_personal_data_access(
        action=AccessAction.DOWNLOAD_PDF, request=request, obj=review_round, commune=review_round.commune,
        label=f"Giấy chứng nhận {label.lower()} – {review_round}", query=request.GET.urlencode(),
    )  # fmt: skip
    suffix = f"-{category}" if category in LISTED else ""
    return _pdf(
        request, reviews, f"giay-chung-nhan-{review_round.year}-dot-{review_round.number}{suffix}.pdf"
    )
