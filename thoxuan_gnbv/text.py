"""Vietnamese text at the boundaries: NFC normalisation and accent folding for search."""

import re
import unicodedata

# đ/Đ are letters of their own, not a d with a combining mark, so NFD does not strip them.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(value):
    """Return ``value`` in Unicode NFC; text typed on some phones and pasted from Word arrives decomposed."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def fold(value: str | None) -> str:
    """Accent-fold and lower-case for search: ``"Nguyễn Thị Hường"`` → ``"nguyen thi huong"``."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


# Characters that print as nothing or reorder the text around them: zero-width space/joiners and the
# left-to-right/right-to-left marks (U+200B–U+200F), bidi embeddings and overrides (U+202A–U+202E),
# word joiner and invisible operators (U+2060–U+2064), bidi isolates (U+2066–U+2069), the byte-order
# mark (U+FEFF) and the soft hyphen (U+00AD). Pasted from Zalo, Word or a PDF, they make two codes that
# look the same compare different ("Trojan Source", CVE-2021-42574).
INVISIBLE = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2060, 0x2065)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\ufeff", "\u00ad"]
)
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def has_invisible(value) -> bool:
    """True when ``value`` holds a character of ``INVISIBLE``."""
    return isinstance(value, str) and any(ch in INVISIBLE for ch in value)


def strip_invisible(value):
    """``value`` without the characters of ``INVISIBLE`` (names and free text keep what one sees)."""
    if isinstance(value, str):
        return value.translate(_DROP_INVISIBLE)
    return value


# A 12-digit CCCD, or the 9-digit CMND it replaced; household codes carry shorter numbers.
_NATIONAL_ID_LIKE = re.compile(r"\d{9,}")


def looks_like_national_id(value: str | None) -> bool:
    """Whether a search query holds a CCCD/CMND number (9 digits or more, spaces and dots ignored)."""
    return bool(_NATIONAL_ID_LIKE.search(re.sub(r"[\s.]", "", value or "")))
