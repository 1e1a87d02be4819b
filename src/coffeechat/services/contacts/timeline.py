"""A contact's history in one list: messages, conversation milestones, notes,
referrals and action items, newest first.

Six queries whatever the history's length. Anything in the trash is left out,
and so is what hangs off a trashed conversation (its messages, notes and
action items), so restoring the conversation brings them back whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q

from coffeechat.core.models import ActionItem, Contact, Conversation, Message, Note, Referral
from coffeechat.core.models.conversations import MEDIUM_LABELS
from coffeechat.domain.dates import clock, long_day
from coffeechat.domain.types import Medium
from coffeechat.domain.vocabulary import Direction, label

# Requests, replies and thank-yous appear as their messages; these have none.
_MILESTONES = (
    ("created_at", "Chosen for outreach"),
    ("scheduled_at", "Interview booked"),
    ("held_at", "Interview held"),
    ("closed_at", "Closed"),
)
# Among entries at the same moment, the one that happened first in the story
# sorts last (the list is newest first).
_ORDER = {"milestone": 0, "message": 1, "note": 2, "action": 3, "referral": 4}


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str  # milestone, message, note, action, referral
    title: str
    text: str = ""
    conversation_id: int | None = None
    contact_id: int | None = None  # the other person of a referral
    done: bool = False


def contact_timeline(user: Any, contact: Contact) -> list[Entry]:
    conversations = list(Conversation.objects.for_user(user).filter(contact=contact))
    entries: list[Entry] = []
    for conversation in conversations:
        entries.extend(_milestones(conversation))
    entries.extend(_messages(user, contact))
    entries.extend(_notes(user, conversations))
    entries.extend(_referrals(user, contact))
    entries.extend(_action_items(user, conversations))
    return sorted(entries, key=lambda e: (e.at, _ORDER[e.kind]), reverse=True)


def _milestones(conversation: Conversation) -> list[Entry]:
    entries = []
    for field, title in _MILESTONES:
        at = getattr(conversation, field)
        if at:
            entries.append(
                Entry(at, "milestone", title, _milestone_text(conversation, field), conversation.pk)
            )
    return entries


def _milestone_text(conversation: Conversation, field: str) -> str:
    if field == "created_at":
        return conversation.purpose
    if field == "scheduled_at" and conversation.starts_at:
        medium = MEDIUM_LABELS.get(Medium(conversation.medium), conversation.medium)
        moment = conversation.starts_at
        start = f"{long_day(moment.date())} {clock(moment)}"
        return f"For {start} {conversation.time_zone}, {conversation.planned_minutes} min, {medium}"
    if field == "closed_at" and conversation.close_reason:
        return f"Reason: {label(conversation.close_reason)}"
    return ""


def _messages(user: Any, contact: Contact) -> list[Entry]:
    messages = (
        Message.objects.for_user(user)
        .filter(contact=contact, sent_at__isnull=False)
        .exclude(conversation__deleted_at__isnull=False)
    )
    return [_message(m) for m in messages]


def _message(message: Message) -> Entry:
    who = "You wrote" if message.direction == Direction.OUTGOING else "They wrote"
    title = f"{who}: {label(message.kind)}"
    if message.channel != "email":
        title += f" ({label(message.channel)})"
    text = f"{message.subject}\n{message.body}".strip() if message.subject else message.body
    return Entry(
        message.sent_at or message.created_at, "message", title, text, message.conversation_id
    )


def _notes(user: Any, conversations: list[Conversation]) -> list[Entry]:
    notes = Note.objects.for_user(user).filter(conversation__in=conversations)
    return [
        Entry(
            n.created_at,
            "note",
            "Highlight" if n.highlight else "Note",
            n.text + (f"\nTags: {', '.join(n.tags)}" if n.tags else ""),
            n.conversation_id,
        )
        for n in notes
    ]


def _referrals(user: Any, contact: Contact) -> list[Entry]:
    """Both directions: whom they introduced you to, and who introduced you to them."""
    made = Q(from_contact=contact, to_contact__deleted_at__isnull=True)
    received = Q(to_contact=contact, from_contact__deleted_at__isnull=True)
    referrals = (
        Referral.objects.for_user(user)
        .filter(made | received)
        .select_related("to_contact", "from_contact")
    )
    entries = []
    for r in referrals:
        if r.from_contact_id == contact.pk:
            title, other = f"Introduced you to {r.to_contact.name}", r.to_contact_id
        else:
            title, other = f"Introduced to you by {r.from_contact.name}", r.from_contact_id
        entries.append(
            Entry(r.created_at, "referral", title, r.context, r.via_conversation_id, other)
        )
    return entries


def _action_items(user: Any, conversations: list[Conversation]) -> list[Entry]:
    items = ActionItem.objects.for_user(user).filter(conversation__in=conversations)
    entries = []
    for item in items:
        status = "done" if item.done_at else (f"due {long_day(item.due)}" if item.due else "open")
        entries.append(
            Entry(
                item.created_at,
                "action",
                f"Action item ({label(item.kind)}, {status})",
                item.text,
                item.conversation_id,
                done=item.done_at is not None,
            )
        )
    return entries
