"""Printing certificates (Mẫu số 03) for a whole list with bounded memory: a khu phố at a time, at most
``CHUNK`` households per query and per WeasyPrint layout, the chunks' PDFs merged page by page with pypdf
into a temporary file the view streams."""

import io
import tempfile

from pypdf import PdfReader, PdfWriter

from reporting.documents.certificates import LISTED, build_certificate, certificate_reviews
from reporting.documents.pdf import render_pdf

TEMPLATE = "reporting/documents/certificate_pdf.html"
CHUNK = 100


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


def render_certificates(reviews, *, can_see_national_id) -> tempfile.SpooledTemporaryFile:
    """The PDF of every poor/near-poor review of ``reviews`` (a queryset), one page each, rendered a
    chunk at a time, merged, and written to a temporary file (rewound). ``can_see_national_id`` takes
    a khu phố head's id and decides whether a row's CCCD prints in full."""
    first: bytes | None = None  # a single chunk (a household, a small khu phố) is sent as rendered
    writer = None
    for chunk in _chunks(reviews):
        docs = [
            build_certificate(r, full_national_id=can_see_national_id(r.household.neighborhood.head_id))
            for r in chunk
        ]
        pdf = render_pdf(TEMPLATE, {"certificates": docs})
        if first is None and writer is None:
            first = pdf
            continue
        if writer is None:
            writer = PdfWriter()
            writer.append(PdfReader(io.BytesIO(first)))
            first = None
        writer.append(PdfReader(io.BytesIO(pdf)))
    # Returned open: the view streams it and FileResponse closes it.
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    if writer is not None:
        writer.write(output)
    elif first is not None:
        output.write(first)
    output.seek(0)
    return output
