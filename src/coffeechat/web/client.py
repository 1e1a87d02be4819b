"""The client's address, as throttling counts it."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR; behind the reverse proxy (COFFEECHAT_HTTPS) the last
    X-Forwarded-For entry, the one the proxy itself added (earlier entries are
    whatever the client sent, and could be anything)."""
    if settings.CLIENT_ADDRESS_FROM_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR", ""))
