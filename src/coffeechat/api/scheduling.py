"""Scheduling: slot proposals and the .ics invite of one conversation.

A router of its own, mounted under /conversations beside conversations.py; the
paths (``/{id}/slots``, ``/{id}/invite.ics``) do not overlap with that router's.
"""

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, now
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.errors import NotFound
from coffeechat.services.scheduling import booking as service
from coffeechat.services.scheduling import invites

router = Router(tags=["scheduling"])


class SlotOut(Schema):
    start: datetime = Field(description="Start in your zone, with its offset.")
    end: datetime = Field(description="End in your zone.")
    contact_start: datetime = Field(description="Start in the contact's zone.")
    contact_end: datetime = Field(description="End in the contact's zone.")
    text: str = Field(description="The line for the reply, their time first.")


class SlotsOut(Schema):
    conversation_id: int
    minutes: int
    user_time_zone: str
    contact_time_zone: str = Field(description="Your zone when the contact's is unknown.")
    contact_time_zone_known: bool
    slots: list[SlotOut]
    snippet: str = Field(description="Ready to paste; the reason when there are no slots.")
    message: str = Field(description="Why there are no slots; empty when there are some.")
    notes: list[str] = Field(description="Assumptions made, such as a missing contact zone.")


class SlotsQuery(Schema):
    count: int = Field(service.DEFAULT_SLOTS, ge=1, le=service.MAX_SLOTS)


@router.get(
    "/{conversation_id}/slots",
    response={200: SlotsOut, **WRITE_ERRORS},
    summary="Propose interview times",
)
def get_slots(request: HttpRequest, conversation_id: int, query: Query[SlotsQuery]):
    """Slots over the next two weeks inside your availability and the contact's
    business hours, off both sides' holidays and clear of your booked interviews."""
    times = service.propose_times(request.auth, conversation_id, now(), query.count)
    proposal = times.proposal
    return {
        "conversation_id": times.conversation.pk,
        "minutes": proposal.minutes,
        "user_time_zone": proposal.user_zone.key,
        "contact_time_zone": proposal.contact_zone.key,
        "contact_time_zone_known": proposal.contact_zone_known,
        "slots": [
            {
                "start": row["user_start"],
                "end": row["user_end"],
                "contact_start": row["contact_start"],
                "contact_end": row["contact_end"],
                "text": row["text"],
            }
            for row in times.rows
        ],
        "snippet": times.snippet,
        "message": proposal.message,
        "notes": times.notes,
    }


@router.get(
    "/{conversation_id}/invite.ics",
    response={200: None, **READ_ERRORS},
    summary="The .ics invite",
    openapi_extra={
        "responses": {200: {"description": "text/calendar", "content": {"text/calendar": {}}}}
    },
)
def get_invite(request: HttpRequest, conversation_id: int):
    """METHOD:REQUEST with a stable UID and rising SEQUENCE; METHOD:CANCEL once cancelled.
    404 when no interview is booked."""
    conversation = owned_conversation(request.auth, conversation_id)
    if conversation.starts_at is None:
        raise NotFound("No interview is booked yet, so there is no invite.")
    response = HttpResponse(
        invites.invite_ics(conversation), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{invites.invite_filename(conversation)}"'
    )
    return response
