"""The client's address as the portal can trust it."""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address of the browser behind ``TRUSTED_PROXY_COUNT`` reverse proxies (0: none, the TCP
    peer is the client). Each trusted proxy appends the address it saw to ``X-Forwarded-For``, so the
    client is the entry that many places from the right; anything further left was written by the
    client itself and is never believed. ``None`` when no valid address can be told."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return _valid(forwarded[-count])
    return _valid(request.META.get("REMOTE_ADDR", ""))


def login_client_ip(request) -> str:
    """The same address for login throttling (``AXES_CLIENT_IP_CALLABLE``), which wants a string."""
    return client_ip(request) or ""
