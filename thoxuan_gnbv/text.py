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


# A 12-digit CCCD, or the 9-digit CMND it replaced; household codes carry shorter numbers.
_NATIONAL_ID_LIKE = re.compile(r"\d{9,}")


def looks_like_national_id(value: str | None) -> bool:
    """Whether a search query holds a CCCD/CMND number (9 digits or more, spaces and dots ignored)."""
    return bool(_NATIONAL_ID_LIKE.search(re.sub(r"[\s.]", "", value or "")))
