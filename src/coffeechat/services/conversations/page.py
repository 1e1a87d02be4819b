"""The conversations screens' data, read in one place so a view only renders it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coffeechat.core.models import ActionItem, Conversation, Message, Note, Referral
from coffeechat.domain.conversation_step import CardStep
from coffeechat.domain.dates import day_and_clock
from coffeechat.domain.stages import STAGE_LABELS
from coffeechat.domain.vocabulary import MessageKind
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations import queries
from coffeechat.services.conversations.card import card_for
from coffeechat.services.outreach.queries import messages_of
from coffeechat.services.scheduling import invites

# The list page is a working list, not an archive: beyond this many, filter by stage.
LIST_LIMIT = 500

STAGE_CHOICES: list[tuple[str, str]] = [(str(stage), text) for stage, text in STAGE_LABELS.items()]


@dataclass(frozen=True)
class ConversationList:
    conversations: list[Conversation]
    stage: str  # as asked for, so the menu shows it even when it filtered nothing
    stages: list[tuple[str, str]]


def conversation_list(user: Any, stage: str) -> ConversationList:
    rows = list(queries.listed(user, stage=stage)[:LIST_LIMIT])
    return ConversationList(conversations=rows, stage=stage, stages=STAGE_CHOICES)


@dataclass(frozen=True)
class ConversationPage:
    conversation: Conversation
    next_step: CardStep
    draft: Message | None
    sent: list[Message]
    notes: list[Note]
    referrals: list[Referral]
    action_items: list[ActionItem]
    can_attach_invite: bool
    their_start: str
    user_zone: str


def conversation_page(user: Any, pk: object, now: datetime) -> ConversationPage:
    """One conversation with its messages, next step, notes and what it led to."""
    conversation = queries.owned_conversation(user, pk)
    user_zone = ensure_profile(user).time_zone
    messages = list(messages_of(conversation))
    sent = [m for m in messages if m.sent_at is not None]
    confirmed = _confirmation_sent(conversation, sent)
    return ConversationPage(
        conversation=conversation,
        next_step=card_for(user, conversation, now, confirmation_sent=confirmed),
        draft=next((m for m in messages if m.sent_at is None), None),
        sent=sent,
        notes=list(queries.notes_of(user, conversation)),
        referrals=list(queries.referrals_via(user, conversation)),
        action_items=list(queries.action_items_of(user, conversation)),
        can_attach_invite=invites.can_attach_invite(conversation),
        their_start=their_start(conversation, user_zone),
        user_zone=user_zone,
    )


def _confirmation_sent(conversation: Conversation, sent: list[Message]) -> bool:
    """A confirmation went out for the current booking (one sent before a rebooking does not
    count)."""
    return any(
        m.kind == MessageKind.CONFIRMATION
        and (conversation.scheduled_at is None or m.sent_at >= conversation.scheduled_at)
        for m in sent
    )


def their_start(conversation: Conversation, user_zone: str) -> str:
    """The start on the contact's clock, when their zone is known and differs from both
    yours and the interview's (which the page already shows)."""
    zone = conversation.contact.time_zone
    start = conversation.starts_at
    if start is None or not zone or zone in (user_zone, conversation.time_zone):
        return ""
    try:
        local = start.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    # Formatted here: the template's date filter would turn it back into your zone.
    return day_and_clock(local, local.date())
