"""The log of processing of personal data (Luật 91/2025/QH15, NĐ 356/2025/NĐ-CP): one service writes
a row each time someone views a household or member page, or exports personal data."""

import getpass
import logging
from contextlib import nullcontext

from django.db import transaction

from thoxuan_gnbv.models import AccessLog
from thoxuan_gnbv.net import client_ip

logger = logging.getLogger(__name__)


def log_personal_data_access(
    *,
    action: str,
    request=None,
    user=None,
    obj=None,
    household_code: str = "",
    label: str = "",
    query: str = "",
    os_user: str | bool = "",
    commune=None,
) -> AccessLog | None:
    """Record who did ``action`` (an ``AccessAction``) on ``obj`` (a Household, a Member… or None for
    a list export with its ``query``). From a view pass ``request`` (user, address and path are read
    from it); from a management command pass ``os_user=True`` to record the operating-system account.
    Never raises: a failure is logged and the page or export goes on (inside a savepoint, so an
    enclosing transaction stays usable). The row belongs to ``commune``, else the record's commune,
    else the user's."""
    try:
        user = user if user is not None else getattr(request, "user", None)
        entry = AccessLog(
            commune_id=_commune_id(commune, obj, user),
            user=user if user is not None and user.is_authenticated else None,
            os_user=_os_user() if os_user is True else (os_user or ""),
            action=action,
            object_type=obj._meta.model_name if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            object_label=(label or (str(obj) if obj is not None else ""))[:200],
            household_code=household_code[:30],
            query=query,
            ip_address=client_ip(request) if request is not None else None,
            path=request.get_full_path()[:500] if request is not None else "",
        )
        # Inside a transaction, a savepoint; outside, the insert commits on its own: wrapping it in
        # atomic() there would only add a BEGIN and a COMMIT round trip to every household page.
        with transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext():
            entry.save()
        return entry
    except Exception:
        logger.exception("Không ghi được nhật ký truy cập dữ liệu cá nhân (%s)", action)
        return None


def _commune_id(commune, obj, user):
    household = getattr(obj, "household", None)
    return (
        getattr(commune, "pk", None)
        or getattr(obj, "commune_id", None)
        or getattr(household, "commune_id", None)
        or getattr(user, "commune_id", None)
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
