"""Household codes suggested per khu phố: the khu phố's code and the next number (``KP1-0036``).

A khu phố's code is read from its households' codes (the part before the last "-" of the most
recently added one), so a commune keeps whatever scheme it already uses; a khu phố without households
starts at ``KP<thứ tự>``. The suggestion can be overridden; two officers taking the same number at
once are kept apart by the unique constraint ``household_code_unique_per_commune`` (a form error).
"""

import re

from households.models import Household

CODE_NUMBER = re.compile(r"^(?P<prefix>.+)-(?P<number>\d+)$")
DEFAULT_WIDTH = 4
MAX_TRIES = 20  # codes taken out of order are skipped; past this the officer types one


def neighborhood_prefix(neighborhood) -> str:
    """The khu phố's code: from its latest household's code, else ``KP<position>``. One query."""
    latest = (
        Household.objects.filter(commune_id=neighborhood.commune_id, neighborhood=neighborhood)
        .order_by("-id")
        .values_list("code", flat=True)
        .first()
    )
    match = CODE_NUMBER.match(latest or "")
    return match.group("prefix") if match else f"KP{neighborhood.position or neighborhood.pk}"


def suggest_code(neighborhood) -> str:
    """The next free code of the khu phố: its highest numbered code plus one, same width. Two to a few
    indexed queries (``household_commune_code_idx`` serves the range on the code)."""
    prefix = neighborhood_prefix(neighborhood)
    taken = Household.objects.filter(commune_id=neighborhood.commune_id)
    # Codes "<prefix>-<digits>" sort between "<prefix>-" and "<prefix>-:" (":" follows "9").
    top = (
        taken.filter(code__gte=f"{prefix}-", code__lt=f"{prefix}-:")
        .order_by("-code")
        .values_list("code", flat=True)
        .first()
    )
    match = CODE_NUMBER.match(top or "")
    number, width = (
        (int(match.group("number")) + 1, len(match.group("number"))) if match else (1, DEFAULT_WIDTH)
    )
    for _ in range(MAX_TRIES):
        code = f"{prefix}-{number:0{width}d}"
        if not taken.filter(code=code).exists():
            return code
        number += 1
    return ""


def suggest_codes(neighborhoods) -> dict[int, str]:
    """{neighborhood id: suggested code} for the khu phố a form offers (a few queries per khu phố,
    never per household)."""
    return {n.pk: suggest_code(n) for n in neighborhoods}
