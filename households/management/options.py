"""Options shared by the management commands of every app (households is the lowest app with data)."""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from households.models import Commune
from households.queries import commune_by_code


def commune_from_option(code: str | None) -> Commune:
    """``--commune CODE`` through ``commune_by_code``, its refusal as the command's error."""
    try:
        return commune_by_code(code)
    except ValidationError as error:
        raise CommandError(" ".join(error.messages)) from error
