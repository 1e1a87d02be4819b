"""The Today list: the same actions the web page and ``coffeechat today`` show, paged;
snooze and dismiss an action, and undo either."""

from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, Invalid, now
from coffeechat.domain.types import Bucket
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.today import step_decisions
from coffeechat.services.today.due_list import moment_for, today_for
from coffeechat.web.links import door_url

router = Router(tags=["today"])


class TodayAction(Schema):
    key: str = Field(description="Names the action for snooze and dismiss.")
    kind: str
    door: str = Field(description="What to do, e.g. write_follow_up.")
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
    counts: dict[str, int] = Field(description="How many actions each bucket holds in all.")
    total: int = Field(description="How many actions match (the bucket asked for, or all).")
    limit: int
    offset: int
    actions: list[TodayAction]


@router.get("", response={200: TodayOut, 422: Invalid, **READ_ERRORS}, summary="What is due")
def today(
    request: HttpRequest,
    as_of: Annotated[
        date | None, Query(description="See the list as at the start of that day.")
    ] = None,
    bucket: Annotated[Bucket | None, Query(description="Only overdue, today or upcoming.")] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many actions.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Skip this many first.")] = 0,
):
    """Overdue first, then by due date. ``as_of`` (YYYY-MM-DD, 1970–2199) reads the list
    as it will stand at midnight of that day in your time zone; without it, now."""
    moment = now()
    if as_of is not None:
        moment = moment_for(as_of, ZoneInfo(ensure_profile(request.auth).time_zone))
    listing = today_for(request.auth, moment, bucket=bucket, limit=limit, offset=offset)
    total = listing.counts[bucket.value] if bucket else listing.total
    actions = [{**item.as_dict(), "url": door_url(item.action)} for item in listing.items]
    return {
        "as_of": listing.as_of,
        "counts": listing.counts,
        "total": total,
        "limit": limit,
        "offset": offset,
        "actions": actions,
    }


class SnoozeIn(Schema):
    key: str
    until: date = Field(description="The day the action comes back (after today).")


class DismissIn(Schema):
    key: str
    reason: str = ""


class DecisionOut(Schema):
    id: int
    key: str
    choice: str = Field(description="snooze or dismiss.")
    title: str
    due: date
    until: date | None
    reason: str
    created_at: datetime
    undone_at: datetime | None


@router.post("/snooze", response={201: DecisionOut, **WRITE_ERRORS}, summary="Snooze an action")
def snooze(request: HttpRequest, body: SnoozeIn):
    return Status(201, step_decisions.snooze(request.auth, body.key, body.until, now()))


@router.post("/dismiss", response={201: DecisionOut, **WRITE_ERRORS}, summary="Dismiss an action")
def dismiss(request: HttpRequest, body: DismissIn):
    return Status(201, step_decisions.dismiss(request.auth, body.key, body.reason, now()))


@router.get("/decisions", response={200: list[DecisionOut], **READ_ERRORS}, summary="Set aside")
def decisions(request: HttpRequest):
    """Snoozes and dismissals, newest first, undone ones included."""
    return step_decisions.history(request.auth)


@router.delete(
    "/decisions/{decision_id}", response={200: DecisionOut, **WRITE_ERRORS}, summary="Undo"
)
def undo(request: HttpRequest, decision_id: int):
    return step_decisions.undo(request.auth, decision_id, now())
