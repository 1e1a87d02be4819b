"""Conversations: start one, record what happened, take notes."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    Page,
    api_field_names,
    now,
    to_form,
    without_none,
)
from coffeechat.domain.stages import Event, allowed_events
from coffeechat.domain.types import Medium, Sentiment, Stage
from coffeechat.services.contacts.actions import move_to_trash
from coffeechat.services.conversations import actions as journey
from coffeechat.services.conversations import queries
from coffeechat.services.conversations.card import card_for

router = Router(tags=["conversations"])

RENAMES = {"contact_id": "contact", "career_path_id": "career_path"}


class ConversationIn(Schema):
    contact_id: int
    career_path_id: int | None = None
    medium: Medium | None = Field(None, description="Defaults to video.")
    planned_minutes: int | None = Field(None, description="Defaults to your profile's length.")
    purpose: str = ""


class ConversationOut(Schema):
    id: int
    contact_id: int
    career_path_id: int | None
    stage: str
    allowed_events: list[str] = Field(description="The event types that fit the stage now.")
    medium: str
    planned_minutes: int
    starts_at: datetime | None = Field(description="Local start with its offset, in time_zone.")
    time_zone: str
    location: str
    purpose: str
    requested_at: datetime | None
    followed_up_at: datetime | None
    replied_at: datetime | None
    reply_sentiment: str
    scheduled_at: datetime | None
    held_at: datetime | None
    thanked_at: datetime | None
    report_back_at: datetime | None
    closed_at: datetime | None
    close_reason: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_allowed_events(conversation: Any) -> list[str]:
        events = allowed_events(Stage(conversation.stage))
        return [event.value for event in events]


class EventIn(Schema):
    type: Event
    at: str | None = Field(None, description="When it happened; empty for now. Naive = your zone.")
    sentiment: Sentiment | None = Field(None, description="Required for reply_received.")
    starts_at: str | None = Field(
        None, description="For scheduled: the interview's wall time, e.g. 2026-12-03T10:00."
    )
    time_zone: str | None = Field(None, description="For scheduled; defaults to your zone.")
    minutes: int | None = Field(None, description="For scheduled: the agreed length, 10-120.")
    reason: str | None = Field(None, description="For closed: why.")
    subject: str | None = None
    body: str | None = None


class ConversationPatch(Schema):
    """Every field optional; the contact and the stage do not change here."""

    career_path_id: int | None = None
    medium: Medium | None = None
    planned_minutes: int | None = None
    location: str | None = None
    purpose: str | None = None


class NoteIn(Schema):
    text: str
    highlight: bool = False
    tags: list[str] = []


class NoteOut(NoteIn):
    id: int
    conversation_id: int
    created_at: datetime
    updated_at: datetime


@router.get("", response=list[ConversationOut], summary="Your conversations")
@paginate(Page)
def list_conversations(
    request: HttpRequest, stage: Stage | None = None, contact_id: int | None = None
):
    """Newest first; a trashed contact's conversations are not listed."""
    return queries.listed(
        request.auth, stage=stage.value if stage is not None else "", contact_id=contact_id
    )


@router.post("", response={201: ConversationOut, **WRITE_ERRORS}, summary="Start a conversation")
def start_conversation(request: HttpRequest, payload: ConversationIn):
    """Choose a contact for outreach; it starts at stage ``planned``."""
    data = to_form(without_none(payload.dict()), RENAMES)
    with api_field_names(RENAMES):
        conversation = journey.start_conversation(request.auth, data)
    return Status(201, conversation)


class NextStepOut(Schema):
    kind: str | None = Field(description="The rule's step; null when nothing is due yet.")
    title: str
    due: date | None
    due_at: datetime | None
    reason: str
    on_today: bool = Field(description="True when this is the conversation's Today action.")
    key: str = Field(description="Names the step for POST /today/snooze and /today/dismiss.")


class ConversationDetailOut(ConversationOut):
    next_step: NextStepOut = Field(description="What to do next: the same step as Today.")


@router.get(
    "/{conversation_id}",
    response={200: ConversationDetailOut, **READ_ERRORS},
    summary="One conversation, with its next step",
)
def get_conversation(request: HttpRequest, conversation_id: int):
    conversation = queries.owned_conversation(request.auth, conversation_id)
    card = card_for(request.auth, conversation, now())
    conversation.next_step = {
        "kind": card.kind.value if card.kind else None,
        "title": card.title,
        "due": card.due,
        "due_at": card.due_at,
        "reason": card.reason,
        "on_today": card.on_today,
        "key": card.key,
    }
    return conversation


@router.patch(
    "/{conversation_id}",
    response={200: ConversationOut, **WRITE_ERRORS},
    summary="Change path, medium, length, place or purpose",
)
def patch_conversation(request: HttpRequest, conversation_id: int, payload: ConversationPatch):
    data = to_form(payload.dict(exclude_unset=True), RENAMES)
    with api_field_names(RENAMES):
        return journey.update_conversation(request.auth, conversation_id, data, partial=True)


@router.delete(
    "/{conversation_id}", response={204: None, **WRITE_ERRORS}, summary="Trash a conversation"
)
def delete_conversation(request: HttpRequest, conversation_id: int):
    move_to_trash(request.auth, "conversation", conversation_id, now())
    return Status(204, None)


@router.post(
    "/{conversation_id}/events",
    response={200: ConversationOut, **WRITE_ERRORS},
    summary="Record what happened",
)
def record_event(request: HttpRequest, conversation_id: int, payload: EventIn):
    """Moves the conversation on. An event that does not fit the stage is refused
    (422 naming ``type``) and changes nothing; ``allowed_events`` lists what fits."""
    journey.record_event(request.auth, conversation_id, without_none(payload.dict()), now())
    # Read back, so times come out in UTC like every other answer.
    return queries.owned_conversation(request.auth, conversation_id)


@router.get(
    "/{conversation_id}/notes", response={200: list[NoteOut], **READ_ERRORS}, summary="Notes"
)
def list_notes(request: HttpRequest, conversation_id: int):
    conversation = queries.owned_conversation(request.auth, conversation_id)
    return queries.notes_of(request.auth, conversation)


@router.post(
    "/{conversation_id}/notes", response={201: NoteOut, **WRITE_ERRORS}, summary="Take a note"
)
def add_note(request: HttpRequest, conversation_id: int, payload: NoteIn):
    """``highlight`` marks a specific point to name in the thank-you."""
    return Status(201, journey.add_note(request.auth, conversation_id, payload.dict()))
