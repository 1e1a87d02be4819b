"""What the resource routers share: error shapes, field renames, the clock."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from ninja.parser import Parser

from coffeechat.services.errors import InvalidInput


class Message(Schema):
    message: str


class Invalid(Schema):
    message: str
    errors: dict[str, list[str]]


# The error answers every endpoint may give, for the OpenAPI document.
READ_ERRORS: dict[int, Any] = {401: Message, 404: Message}
WRITE_ERRORS: dict[int, Any] = {401: Message, 403: Message, 404: Message, 422: Invalid}


# What ninja and the error handlers answer before an endpoint runs, for operations
# that did not list it: 401 without credentials, 422 for a parameter or body field
# its type refuses, 400 for a JSON body that does not parse or is not an object.
_MESSAGE = {"$ref": "#/components/schemas/Message"}
_INVALID = {"$ref": "#/components/schemas/Invalid"}
_BEFORE_THE_ENDPOINT = {
    400: ("Bad Request: the body is not a JSON object", _MESSAGE),
    401: ("Unauthorized", _MESSAGE),
    422: ("Unprocessable Entity", _INVALID),
}


def document_answers_before_the_endpoint(schema: dict[str, Any]) -> dict[str, Any]:
    """Add to each operation of an OpenAPI document the statuses it can answer
    before its endpoint runs (``_BEFORE_THE_ENDPOINT``), where they apply.

    ``@paginate`` replaces an endpoint's responses with the page alone, and an
    endpoint lists only the errors it raises itself; schemathesis found both.
    ninja keys responses by int: a status is compared as text, so that the
    JSON never carries one twice (Swagger UI refuses a duplicate key).
    """
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            body = operation.get("requestBody", {}).get("content", {})
            listed = {str(status) for status in responses}
            applies = {
                400: "application/json" in body,
                401: bool(operation.get("security")),
                422: bool(body or operation.get("parameters")),
            }
            for status, (description, ref) in _BEFORE_THE_ENDPOINT.items():
                if applies[status] and str(status) not in listed:
                    content = {"application/json": {"schema": dict(ref)}}
                    responses[status] = {"description": description, "content": content}
    return schema


MAX_PAGE = 500


class Page(LimitOffsetPagination):
    """``?limit&offset`` paging, answering ``{"items": [...], "count": total}``."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_PAGE, description=f"At most {MAX_PAGE} per page.")
        # Bounded so the SQL OFFSET always fits the database's integer.
        offset: int = Field(0, ge=0, le=2**31 - 1)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE, **kwargs)


class ObjectBodyParser(Parser):
    """Every body this API reads is one JSON object.

    Left to itself, django-ninja validates any other JSON value by its attributes:
    a bare string "zzz" reads as a career path titled ``"zzz".title()``, and a
    PATCH of ``[null, null]`` as an empty change answered 200. Refusing here makes
    them the 400 that malformed JSON gets.
    """

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("The request body must be a JSON object.")
        return data


def now() -> datetime:
    return timezone.now()


def to_form(data: Mapping[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    """API field names (``organization_id``) to the service form's (``organization``)."""
    return {renames.get(name, name): value for name, value in data.items()}


@contextmanager
def api_field_names(renames: Mapping[str, str]) -> Iterator[None]:
    """Refused input names the API's fields, not the form's: ``organization_id``."""
    back = {form_name: api_name for api_name, form_name in renames.items()}
    try:
        yield
    except InvalidInput as exc:
        errors = {back.get(field, field): messages for field, messages in exc.errors.items()}
        raise InvalidInput(errors) from exc


def without_none(data: Mapping[str, Any]) -> dict[str, Any]:
    """A create payload without the optional fields left empty: the services' defaults apply."""
    return {name: value for name, value in data.items() if value is not None}
