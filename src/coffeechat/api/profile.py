"""GET and PATCH the user's profile."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.contacts.actions import update_profile

router = Router(tags=["profile"])


class WeightedItem(Schema):
    name: str
    weight: int = 3


class Window(Schema):
    weekday: int
    start: str
    end: str


class ProfileOut(Schema):
    name: str
    email: str
    background: str
    goals: str
    interests: list[WeightedItem]
    skills: list[WeightedItem]
    values: list[WeightedItem]
    time_zone: str
    holiday_country: str
    availability: list[Window]
    default_minutes: int
    signature: str
    elevator_pitch: str
    why_this_field: str
    strict_length: bool
    updated_at: datetime


class ProfilePatch(Schema):
    """Every field optional. Written out because ninja's ``PatchDict`` cannot yet build a
    schema that uses one nested schema twice (``interests`` and ``skills``)."""

    name: str | None = None
    email: str | None = None
    background: str | None = None
    goals: str | None = None
    interests: list[WeightedItem] | None = None
    skills: list[WeightedItem] | None = None
    values: list[WeightedItem] | None = None
    time_zone: str | None = None
    holiday_country: str | None = None
    availability: list[Window] | None = None
    default_minutes: int | None = None
    signature: str | None = None
    elevator_pitch: str | None = None
    why_this_field: str | None = None
    strict_length: bool | None = None


@router.get("", response={200: ProfileOut, **READ_ERRORS}, summary="Your profile")
def get_profile(request: HttpRequest):
    return ensure_profile(request.auth)


@router.patch("", response={200: ProfileOut, **WRITE_ERRORS}, summary="Change your profile")
def patch_profile(request: HttpRequest, payload: ProfilePatch):
    """Only the fields sent change. ``time_zone`` is an IANA name (Europe/Berlin);
    ``holiday_country`` a country code or empty; weights run 1-5; ``weekday`` 0 is Monday."""
    return update_profile(request.auth, payload.dict(exclude_unset=True), partial=True)
