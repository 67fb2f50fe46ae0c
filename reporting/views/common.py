"""What the reporting pages share: the year a page opens on, and the reporting period named in a
URL (of the request's commune)."""

from django.core.exceptions import ValidationError
from django.http import Http404

from reporting import services
from reporting.periods import parse_period


def default_year(plan_years: list[int], today) -> int:
    """The current year when it has an approved plan, else the latest planned year before it: the
    pages open on figures that exist rather than on an empty year."""
    earlier = [y for y in plan_years if y <= today.year]
    return max(earlier) if earlier else today.year


def period_from_slug(commune, slug: str):
    """The reporting period named in the URL, opened from the plan's rule; 404 in Vietnamese when
    the name does not parse or the plan has no such period."""
    try:
        return services.period_open(commune=commune, period=parse_period(slug))
    except (ValueError, ValidationError) as error:
        raise Http404(str(error)) from error
