from django.core.management.base import CommandError

from households import messages
from households.models import Commune


def commune_from_option(code: str | None) -> Commune:
    """``--commune CODE``; may be left out when the database holds one commune."""
    if code:
        commune = Commune.objects.filter(code=code).first()
        if commune is None:
            raise CommandError(messages.COMMUNE_UNKNOWN.format(code=code))
        return commune
    communes = list(Commune.objects.all()[:2])
    if len(communes) != 1:
        raise CommandError(messages.COMMUNE_REQUIRED)
    return communes[0]
