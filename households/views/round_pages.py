"""What the round page shows of the stages: the stage table, each khu phố's progress, the postings,
complaints and meetings, one khu phố's households in keyset pages, and the forms of the actions the
user may take. A fixed number of queries, whatever the number of households (tested)."""

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from households.models import Category, Complaint, Household, Meeting, Review, RoundHousehold, RoundStatus
from households.models.review_stages import ListReason
from households.review_forms import (
    ComplaintForm,
    ComplaintResolveForm,
    ListAddForm,
    PostingForm,
    RoundCancelForm,
    RoundSubmitForm,
)
from households.review_law import POSTING_WORKING_DAYS
from households.services import round_checks, round_posting, round_progress
from thoxuan_gnbv import access
from thoxuan_gnbv.pagination import keyset_page
from thoxuan_gnbv.statuses import ComplaintStatus, HouseholdStage
from thoxuan_gnbv.viewkit import int_param


def _url(name: str, review_round) -> str:
    return reverse(f"households:{name}", args=[review_round.pk])


def household_page(request, review_round, neighborhood):
    """One keyset page of ``neighborhood``'s households on the round's list, with stage and result."""
    entries = RoundHousehold.objects.filter(round=review_round, household=OuterRef("pk"))
    reviews = Review.objects.filter(round=review_round, household=OuterRef("pk"))
    # A round entered as history keeps no list: its households are those it has a review for.
    on_round = (
        {"reviews__round": review_round}
        if review_round.is_history
        else {"round_entries__round": review_round}
    )
    queryset = Household.objects.filter(neighborhood=neighborhood, **on_round).annotate(
        round_stage=Subquery(entries.values("stage")[:1]),
        round_reason=Subquery(entries.values("reason")[:1]),
        round_entry=Subquery(entries.values("pk")[:1]),
        screened_out=Subquery(entries.values("quick_screen__screened_out")[:1]),
        round_category=Subquery(reviews.values("category")[:1]),
    )
    page = keyset_page(queryset, after=request.GET.get("after", ""), before=request.GET.get("before", ""))
    for household in page.items:
        household.stage_label = HouseholdStage(household.round_stage).label if household.round_stage else ""
        household.reason_label = ListReason(household.round_reason).label if household.round_reason else ""
        household.category_label = (
            Category(household.round_category).label if household.round_category else ""
        )
    return page


def _forms(review_round, can_manage: bool) -> dict:
    if not can_manage:
        return {}
    status = review_round.status
    forms = {"cancel_form": RoundCancelForm(action=_url("round_cancel", review_round))}
    if status == RoundStatus.OPEN and not review_round.is_history:
        forms["list_form"] = ListAddForm(action=_url("round_list_add", review_round))
    if status == RoundStatus.MEETING:
        today = timezone.localdate()
        forms["posting_form"] = PostingForm(
            action=_url("posting_start", review_round),
            initial={"starts_on": today, "ends_on": round_posting.legal_end(today)},
        )
    if status == RoundStatus.POSTING:
        forms["complaint_form"] = ComplaintForm(action=_url("complaint_create", review_round))
        forms["repost_form"] = PostingForm(action=_url("posting_repeat", review_round), repeat=True)
    if status == RoundStatus.POSTING or (status == RoundStatus.OPEN and review_round.is_history):
        forms["submit_form"] = RoundSubmitForm(action=_url("round_submit", review_round))
    return forms


def stage_context(request, review_round, neighborhoods) -> dict:
    today = timezone.localdate()
    can_manage = access.can_manage_review_rounds(request.user) and review_round.status not in (
        RoundStatus.APPROVED,
        RoundStatus.CANCELLED,
    )
    postings = list(review_round.postings.all())
    complaints = list(
        Complaint.objects.filter(round=review_round, household__neighborhood__in=neighborhoods)
        .select_related("household")
        .order_by("received_on", "pk")
    )
    progress = round_progress.progress_by_neighborhood(review_round, neighborhoods)
    chosen = int_param(request, "kp")
    neighborhood = next(
        (n for n in neighborhoods if n.pk == chosen), neighborhoods[0] if neighborhoods else None
    )
    meetings = list(
        Meeting.objects.filter(round=review_round, neighborhood__in=neighborhoods)
        .select_related("neighborhood")
        .order_by("neighborhood__position", "held_on", "pk")
    )
    unsurveyed = sum(row.unsurveyed for row in progress.rows)
    return {
        "stages": []
        if review_round.is_history
        else round_progress.stages(review_round, today=today, postings=postings, complaints=complaints),
        "progress": progress.rows,
        "progress_stored": progress.stored,
        "category_counts": round_progress.category_counts_shown(review_round, progress),
        "postings": postings,
        "complaints": complaints,
        "resolve_form": ComplaintResolveForm(initial={"rechecked_on": today}),
        "pending_status": ComplaintStatus.PENDING,
        "meetings": meetings,
        "neighborhood": neighborhood,
        "page": household_page(request, review_round, neighborhood) if neighborhood else None,
        "can_manage": can_manage,
        "unsurveyed": unsurveyed,
        "unreposted": round_checks.unreposted_codes(review_round) if postings else [],
        "posting_days": POSTING_WORKING_DAYS,
        **_forms(review_round, can_manage),
    }
