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
    keep their own cache lifetime."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            (user is not None and user.is_authenticated)
            or "HTTP_AUTHORIZATION" in request.META
            or response.get("Content-Disposition", "").startswith("attachment")
        ):
            add_never_cache_headers(response)
        return response
