"""What every administrative document of the commune prints around its body (NĐ 30/2020/NĐ-CP):
the issuing body and number at left, the national motto and the place-and-date line at right, the
type and subject, the recipients and the signer block. Plans ("…/KH-UBND") and reports ("…/BC-UBND")
share it."""

import datetime
from dataclasses import dataclass, field

from households.services.identity import document_date, identity_on
from thoxuan_gnbv.formatting import document_date_line

# Blank space left for the number and the day/month, filled in by hand on an unnumbered document.
_GAP = "\u00a0" * 7


@dataclass(frozen=True)
class Signer:
    authority: str  # "KT. CHỦ TỊCH" when signing in the chairman's stead, else empty
    title: str  # "PHÓ CHỦ TỊCH", "CHỦ TỊCH"
    name: str
    on_behalf: str = ""  # "TM. ỦY BAN NHÂN DÂN" when signing for the collective body


@dataclass(frozen=True)
class DocumentFrame:
    issuer_parent: str
    issuer_name: str
    number_line: str
    date_line: str
    kind_title: str
    subject: str
    is_draft: bool
    recipients: list[str] = field(default_factory=list)
    signer: Signer | None = None
    filename: str = "van-ban.pdf"
    # The commune as it was called on the document's date (its dated identity), for the body text.
    commune_name: str = ""
    reports_to: str = ""


def number_line(number: str, symbol: str) -> str:
    """``Số: 45/KH-UBND``; before a number is given, a gap to write it in: ``Số:        /KH-UBND``."""
    return f"Số: {number}/{symbol}" if number else f"Số:{_GAP}/{symbol}"


def date_line(place: str, issued_on: datetime.date | None, year: int) -> str:
    """The italic place and date with leading zeros, or blanks for day and month before issue."""
    if issued_on:
        return document_date_line(place, issued_on)
    return f"{place}, ngày{_GAP}tháng{_GAP}năm {year}"


def paragraphs(text: str) -> list[str]:
    """One paragraph per non-empty line, as officers type them into the forms."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def frame_for(
    commune,
    *,
    symbol: str,
    number: str,
    issued_on: datetime.date | None,
    year: int,
    kind_title: str,
    subject: str,
    is_draft: bool,
    recipients: list[str],
    signer: Signer | None,
    filename: str,
    undated_on: datetime.date | None = None,
) -> DocumentFrame:
    """The frame with the commune's identity valid on the document's date: ``issued_on`` once issued,
    else ``undated_on`` (a report's period end) or the start of ``year``."""
    identity = identity_on(commune, document_date(commune, issued_on, year, undated_on))
    return DocumentFrame(
        issuer_parent=identity.issuer_parent,
        issuer_name=identity.issuer_name,
        number_line=number_line(number, symbol),
        date_line=date_line(identity.place_name, issued_on, year),
        kind_title=kind_title,
        subject=subject,
        is_draft=is_draft,
        recipients=recipients,
        signer=signer,
        filename=filename,
        commune_name=identity.name,
        reports_to=identity.reports_to,
    )
