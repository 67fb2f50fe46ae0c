"""Giấy chứng nhận hộ nghèo, hộ cận nghèo (QĐ 24/2021/QĐ-TTg, Phụ lục, Mẫu số 03): one A4 page per
household, the NĐ 30/2020 heading, the household, its members, the year and the decision recognising it.

A certificate is printed from an approved review (the decision's snapshot), never from what the
registry says today about the category. Printing many at once: ``certificate_batch``."""

from dataclasses import dataclass

from households.models import Category, Review
from reporting.documents.base import DocumentFrame, Signer, frame_for
from thoxuan_gnbv.formatting import format_date, mask_national_id
from thoxuan_gnbv.models import Role

SYMBOL = "GCN-HN.HCN"
LISTED = (Category.POOR, Category.NEAR_POOR)


@dataclass(frozen=True)
class CertificateMember:
    number: int
    full_name: str
    relation: str
    birth_year: str
    is_male: bool
    is_ethnic_minority: bool


@dataclass(frozen=True)
class Certificate:
    frame: DocumentFrame
    head_name: str
    national_id: str
    ethnic_line: str
    residence: str
    committee: str  # "Ủy ban nhân dân thị trấn Thọ Xuân", mid-sentence
    category_label: str
    year: int
    decision_line: str
    members: list[CertificateMember]


def _signer(review_round) -> Signer:
    user = review_round.approved_by
    if user is not None and user.role == Role.VICE_CHAIRMAN:
        return Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", user.display_name)
    return Signer("", "CHỦ TỊCH", user.display_name if user else "")


def _residence(household, commune, commune_name: str) -> str:
    """Address, khu phố (unless the address names it already), commune and province."""
    parts = [household.address]
    if household.neighborhood.name not in household.address:
        parts.append(household.neighborhood.name)
    parts += [commune_name, str(commune.province or "")]
    return ", ".join(part for part in parts if part)


def build_certificate(review: Review, *, full_national_id: bool) -> Certificate:
    """The certificate of ``review`` (an approved result, poor or near-poor), with its household,
    members (prefetched), round and commune loaded. The CCCD is masked unless ``full_national_id``."""
    household, review_round = review.household, review.round
    commune = review_round.commune
    frame = frame_for(
        commune,
        symbol=SYMBOL,
        number="",
        issued_on=review_round.decision_date,
        year=review_round.year,
        kind_title="GIẤY CHỨNG NHẬN HỘ NGHÈO, HỘ CẬN NGHÈO",
        subject="",
        is_draft=False,
        recipients=[],
        signer=_signer(review_round),
        filename=f"giay-chung-nhan-{household.code}.pdf",
    )
    name = frame.commune_name  # as called on the decision's date
    committee = f"Ủy ban nhân dân {name[:1].lower()}{name[1:]}"
    number = household.head_national_id
    members = [
        CertificateMember(
            number=position,
            full_name=member.full_name,
            relation=member.get_relation_to_head_display(),
            birth_year=str(member.date_of_birth.year) if member.date_of_birth else "",
            is_male=member.sex == "male",
            is_ethnic_minority=member.is_ethnic_minority,
        )
        for position, member in enumerate(household.members.all(), start=1)
    ]
    return Certificate(
        frame=frame,
        head_name=household.head_name,
        national_id=number if full_national_id else mask_national_id(number),
        ethnic_line="Dân tộc thiểu số" if household.is_ethnic_minority else "",
        residence=_residence(household, commune, frame.commune_name),
        committee=committee,
        category_label=review.get_category_display(),
        year=review_round.year,
        decision_line=(
            f"Quyết định số {review_round.decision_number} ngày {format_date(review_round.decision_date)} "
            f"của Chủ tịch {committee}"
        ),
        members=members,
    )


def certificate_reviews(queryset):
    """Approved poor/near-poor results ready for printing, with everything a certificate reads."""
    return (
        queryset.filter(category__in=LISTED, round__status="approved")
        .select_related("household__neighborhood", "round__commune", "round__approved_by")
        .prefetch_related("household__members")
        .order_by("household__neighborhood__position", "household__code")
    )


def latest_listed_review(household):
    """The household's result in its latest approved decision when it is poor or near-poor (the one
    its certificate prints), else None: one query."""
    from households.models import Review

    latest = (
        Review.objects.approved()
        .filter(household=household)
        .order_by("-round__decision_date", "-round__year", "-round__number")
        .first()
    )
    return latest if latest is not None and latest.category in LISTED else None
