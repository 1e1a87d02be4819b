"""Outreach: the composer's checks, templates, and each conversation's drafts and messages."""

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, now
from coffeechat.domain.outreach.model import Severity
from coffeechat.domain.vocabulary import Channel, Direction, MessageKind
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.outreach import composer as outreach
from coffeechat.services.outreach.queries import messages_of, owned_template
from coffeechat.services.outreach.templates import list_templates

router = Router(tags=["outreach"])


class CheckIn(Schema):
    channel: Channel = Channel.EMAIL
    kind: MessageKind = MessageKind.REQUEST
    subject: str = ""
    body: str = ""
    conversation_id: int | None = Field(
        None, description="Optional: adds the thank-you checks' highlights and timing."
    )


class CheckOut(Schema):
    id: str
    passed: bool
    severity: Severity
    message: str
    excerpt: str


class MessageOut(Schema):
    id: int
    conversation_id: int | None
    contact_id: int
    channel: str
    kind: str
    direction: Direction
    subject: str
    body: str
    sent_at: datetime | None = Field(description="Empty for a draft.")
    created_at: datetime
    updated_at: datetime


class TemplateOut(Schema):
    id: int
    name: str
    channel: str
    kind: str
    subject: str
    body: str
    builtin: bool
    hidden: bool


class ComposeIn(Schema):
    template_id: int


class ComposedOut(Schema):
    channel: str
    kind: str
    subject: str
    body: str
    missing: list[str] = Field(description="Merge fields left unfilled, as {field} in the text.")


@router.post("/check", response={200: list[CheckOut], **WRITE_ERRORS})
def check(request: HttpRequest, payload: CheckIn) -> list[dict[str, object]]:
    """Run the same checks as the composer; each failed check names the offending excerpt."""
    conversation = None
    if payload.conversation_id is not None:
        conversation = owned_conversation(request.auth, payload.conversation_id)
    results = outreach.check_draft(request.auth, payload.dict(), now(), conversation)
    return [result.as_dict() for result in results]


@router.get(
    "/conversations/{conversation_id}/messages", response={200: list[MessageOut], **READ_ERRORS}
)
def conversation_messages(
    request: HttpRequest, conversation_id: int, state: Literal["all", "draft", "sent"] = "all"
) -> list[Any]:
    """A conversation's messages, oldest first: drafts (``sent_at`` empty) and sent or received."""
    conversation = owned_conversation(request.auth, conversation_id)
    return list(messages_of(conversation, state))


@router.post(
    "/conversations/{conversation_id}/compose", response={200: ComposedOut, **WRITE_ERRORS}
)
def compose(request: HttpRequest, conversation_id: int, payload: ComposeIn) -> dict[str, object]:
    """A template filled for the conversation (nothing is saved)."""
    filled = outreach.compose(request.auth, conversation_id, payload.template_id, now())
    return {
        "channel": filled.channel,
        "kind": filled.kind,
        "subject": filled.subject,
        "body": filled.body,
        "missing": list(filled.missing),
    }


@router.get("/templates", response={200: list[TemplateOut], **READ_ERRORS})
def templates(request: HttpRequest) -> list[Any]:
    """Your templates, the built-ins included (seeded on first use)."""
    return list_templates(request.auth)


@router.get("/templates/{template_id}", response={200: TemplateOut, **READ_ERRORS})
def template(request: HttpRequest, template_id: int) -> Any:
    return owned_template(request.auth, template_id)
