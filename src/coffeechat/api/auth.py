"""Who is calling, and how every failure reads: JSON with a ``message``.

Two ways in: ``Authorization: Bearer <token>`` (tokens from
``services.accounts.create_api_token``), or the web app's Django session,
which then needs the CSRF token on POST, PATCH and DELETE like any form.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from coffeechat.services.accounts.signin import user_for_api_token
from coffeechat.services.accounts.throttle import (
    TooManyAttempts,
    check_token_attempt,
    record_token_failure,
)
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.web.client import client_address

# Where ninja puts a value it could not read; the rest of ``loc`` names the field.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


class BearerToken(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get(self.header, "")
        if header and header.split(" ", 1)[0].lower() != self.openapi_scheme:
            # Basic or another scheme: not ours, let the session decide.
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        # After too many invalid tokens from this address, every token is refused
        # (429) until the window passes: a right guess must not be told apart.
        now, address = timezone.now(), client_address(request)
        check_token_attempt(address, now)
        user = user_for_api_token(token.strip(), now)
        if user is None:
            record_token_failure(address, now)
            # A token was offered and is wrong: say so, do not fall back to the session.
            raise AuthenticationError(message="The API token is not valid.")
        return user


class SessionWithCsrf(SessionAuth):
    """The signed-in browser session; unsafe methods need the CSRF token.

    Without a signed-in user there is nothing to protect, so the answer is 401
    (not ninja's CSRF 403) and the client learns it must authenticate.
    """

    def __call__(self, request: HttpRequest) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super().__call__(request)


def install_error_handlers(api: NinjaAPI) -> None:
    """Every error is ``{"message": ...}``; refused input adds ``errors`` per field."""

    @api.exception_handler(InvalidInput)
    def invalid_input(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
        body = {"message": exc.summary(), "errors": exc.errors}
        return api.create_response(request, body, status=422)

    @api.exception_handler(ValidationError)
    def invalid_request(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = validation_errors(exc.errors)
        return invalid_input(request, InvalidInput(errors))

    @api.exception_handler(NotFound)
    def not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
        return api.create_response(request, {"message": str(exc)}, status=404)

    @api.exception_handler(Http404)
    def http_404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, {"message": str(exc) or "Not found."}, status=404)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = exc.message
        if message == "Unauthorized":
            message = "Authentication required: send 'Authorization: Bearer <token>' or sign in."
        response = api.create_response(request, {"message": message}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="coffeechat"'
        return response

    @api.exception_handler(TooManyAttempts)
    def too_many_attempts(request: HttpRequest, exc: TooManyAttempts) -> HttpResponse:
        response = api.create_response(request, {"message": str(exc)}, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(OverflowError)
    def out_of_range(request: HttpRequest, exc: OverflowError) -> HttpResponse:
        # A date near year 1 or 9999 that the services accepted but cannot store or
        # count from; their writes are atomic, so nothing was changed.
        message = "A date is too far in the past or future."
        return invalid_input(request, InvalidInput({"__all__": [message]}))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return api.create_response(request, {"message": exc.message}, status=exc.status_code)


def validation_errors(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Ninja's pydantic errors by field name: ``{"time_zone": ["Input should be ..."]}``."""
    by_field: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        if loc and loc[0] in _SOURCES:
            # body locations also carry the parameter's own name: ("body", "payload", "field").
            loc = loc[2:] if loc[0] == "body" and len(loc) > 2 else loc[1:]
        field = ".".join(loc) or "__all__"
        by_field.setdefault(field, []).append(str(error.get("msg", "Invalid value.")))
    return by_field
