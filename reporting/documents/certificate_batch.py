"""Printing certificates (Mẫu số 03) for a whole list with bounded memory: a khu phố at a time, at most
``CHUNK`` households per query and per WeasyPrint layout, the chunks' PDFs merged page by page with pypdf
into a temporary file the view streams (or, for a long list, the worker's job file)."""

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from pypdf import PdfReader, PdfWriter

from households.models import Category
from reporting.documents.certificates import LISTED, build_certificate, certificate_reviews
from reporting.documents.pdf import render_pdf
from thoxuan_gnbv import access

TEMPLATE = "reporting/documents/certificate_pdf.html"
CHUNK = 100


@dataclass(frozen=True)
class RoundCertificates:
    """The certificates of an approved round a user asked for: the reviews in the user's scope, the
    CCCD rule of that user, and the file's name and access-log label."""

    reviews: QuerySet
    can_see_national_id: Callable[[int | None], bool]
    filename: str
    label: str


def national_id_rule(user) -> Callable[[int | None], bool]:
    """Whether ``user`` may see in full the CCCD of a household under khu phố head ``head_id``."""
    return lambda head_id: access.can_see_national_id_in(user, head_id)


def round_certificates(
    user, review_round, *, category: str, neighborhood_id: int | None
) -> RoundCertificates:
    """The poor (``category="poor"``), near-poor or (any other value) both lists of ``review_round``,
    optionally of one khu phố, as ``user`` may see them: the same selection whether the request prints
    it or the worker does for that user. The CCCD prints in full only where ``user`` may see it."""
    categories = [category] if category in LISTED else list(LISTED)
    reviews = access.reviews_visible_to(user, review_round.reviews.filter(category__in=categories))
    if neighborhood_id:
        reviews = reviews.filter(household__neighborhood_id=neighborhood_id)
    label = ", ".join(Category(c).label for c in categories)
    suffix = f"-{category}" if category in LISTED else ""
    return RoundCertificates(
        reviews=reviews,
        can_see_national_id=national_id_rule(user),
        filename=f"giay-chung-nhan-{review_round.year}-dot-{review_round.number}{suffix}.pdf",
        label=f"Giấy chứng nhận {label.lower()} – {review_round}",
    )


def _chunks(reviews):
    """The reviews a khu phố at a time, at most ``CHUNK`` per query (keyset on the household code,
    unique in a commune), in the order the list prints: khu phố, then household code."""
    neighborhoods = (
        reviews.filter(category__in=LISTED)
        .order_by("household__neighborhood__position", "household__neighborhood_id")
        .values_list("household__neighborhood_id", flat=True)
        .distinct()
    )
    for neighborhood_id in list(dict.fromkeys(neighborhoods)):
        last_code = ""
        while True:
            scope = reviews.filter(household__neighborhood_id=neighborhood_id, household__code__gt=last_code)
            chunk = list(certificate_reviews(scope)[:CHUNK])
            if not chunk:
                break
            yield chunk
            last_code = chunk[-1].household.code


def write_certificates(reviews, out, *, can_see_national_id, on_chunk=None) -> int:
    """Write the PDF of every poor/near-poor review of ``reviews`` (a queryset), one page each, to
    ``out`` (a binary file), rendered a chunk at a time and merged; returns the number of pages.
    ``can_see_national_id`` takes a khu phố head's id and decides whether a row's CCCD prints in full;
    ``on_chunk(pages so far)`` is called after each chunk (a job's progress)."""
    first: bytes | None = None  # a single chunk (a household, a small khu phố) is sent as rendered
    writer = None
    pages = 0
    for chunk in _chunks(reviews):
        docs = [
            build_certificate(r, full_national_id=can_see_national_id(r.household.neighborhood.head_id))
            for r in chunk
        ]
        pdf = render_pdf(TEMPLATE, {"certificates": docs})
        pages += len(docs)
        if on_chunk:
            on_chunk(pages)
        if first is None and writer is None:
            first = pdf
            continue
        if writer is None:
            writer = PdfWriter()
            writer.append(PdfReader(io.BytesIO(first)))
            first = None
        writer.append(PdfReader(io.BytesIO(pdf)))
    if writer is not None:
        writer.write(out)
    elif first is not None:
        out.write(first)
    return pages


def render_certificates(reviews, *, can_see_national_id) -> tempfile.SpooledTemporaryFile:
    """``write_certificates`` into a temporary file (rewound) the view streams."""
    # Returned open: the view streams it and FileResponse closes it.
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    write_certificates(reviews, output, can_see_national_id=can_see_national_id)
    output.seek(0)
    return output
