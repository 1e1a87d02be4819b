"""Request-wide concerns: the user's time zone, NotFound as the 404 page, and no-store
on private responses."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from coffeechat.services.errors import NotFound


class NotFoundMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, NotFound):
            raise Http404(str(exception)) from exception


class UserTimeZoneMiddleware:
    """Show every date and time in the signed-in user's zone, not the server's UTC."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        profile = getattr(user, "profile", None) if user and user.is_authenticated else None
        if profile is not None:
            timezone.activate(ZoneInfo(profile.time_zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class PrivateResponsesNotCachedMiddleware:
    """What a signed-in user or an API client with credentials is shown, and every
    download, is kept by no browser and no shared cache: Django's ``never_cache``
    headers (``Cache-Control: max-age=0, no-cache, no-store, must-revalidate,
    private``). Static files never reach Django (WhiteNoise answers them first) and
    keep their own cache lifetime.

    ``no-store`` also tells coffeechat's own service worker not to keep a copy, so
    a page the signed-in user opened says ``X-Coffeechat-Offline: keep`` besides:
    the worker may keep that one on this device (emptied at sign-out), which is
    how interview mode opens with no network. Downloads, API answers and a view's
    own no-store never say it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        download = response.get("Content-Disposition", "").startswith("attachment")
        # A view that asks for no-store itself means it: not even this device keeps it.
        asked_no_store = "no-store" in response.get("Cache-Control", "")
        if signed_in or "HTTP_AUTHORIZATION" in request.META or download:
            add_never_cache_headers(response)
        if (
            signed_in
            and not asked_no_store
            and _a_page_to_keep_offline(request, response, download)
        ):
            response[OFFLINE_HEADER] = "keep"
        return response


OFFLINE_HEADER = "X-Coffeechat-Offline"


def _a_page_to_keep_offline(request: HttpRequest, response: HttpResponse, download: bool) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not download
        and "HTTP_AUTHORIZATION" not in request.META
        and response.get("Content-Type", "").startswith("text/html")
    )
