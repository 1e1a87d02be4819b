"""The Today list: the same actions the web page and ``coffeechat today`` show."""

from datetime import date
from typing import Annotated
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from coffeechat.api.common import READ_ERRORS, Invalid, now
from coffeechat.services.accounts import ensure_profile
from coffeechat.services.today import moment_for, today_for

router = Router(tags=["today"])

MIN_DAY, MAX_DAY = date(1900, 1, 1), date(9000, 12, 31)


class TodayAction(Schema):
    kind: str
    title: str
    due: date
    due_at: str | None = Field(description="Set when the action has a time, e.g. an interview.")
    overdue: bool
    bucket: str = Field(description="overdue, today or upcoming.")
    reason: str = Field(description="One line naming the rule.")
    contact_id: int | None
    organization_id: int | None
    conversation_id: int | None
    career_path_id: int | None
    action_item_id: int | None
    referral_id: int | None
    url: str = Field(description="The web page that does it.")


class TodayOut(Schema):
    as_of: date
    actions: list[TodayAction]


@router.get("", response={200: TodayOut, 422: Invalid, **READ_ERRORS}, summary="What is due")
def today(
    request: HttpRequest,
    as_of: Annotated[
        date | None,
        # The rules count weeks on from it; near year 9999 that would overflow.
        Query(description="See the list as at the start of that day.", ge=MIN_DAY, le=MAX_DAY),
    ] = None,
):
    """Overdue first, then by due date. ``as_of`` (YYYY-MM-DD) reads the list as it
    will stand at midnight of that day in your time zone; without it, now."""
    moment = now()
    if as_of is not None:
        moment = moment_for(as_of, ZoneInfo(ensure_profile(request.auth).time_zone))
    listing = today_for(request.auth, moment)
    return {"as_of": listing.as_of, "actions": [item.as_dict() for item in listing.items]}
