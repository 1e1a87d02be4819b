"""A contact's history in one list: messages, conversation milestones, notes,
referrals and action items, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coffeechat.core.models import ActionItem, Contact, Conversation, Message, Note, Referral
from coffeechat.domain.vocabulary import Direction, label

# Requests, replies and thank-yous appear as their messages; these have none.
_MILESTONES = (
    ("created_at", "Chosen for outreach"),
    ("scheduled_at", "Interview booked"),
    ("held_at", "Interview held"),
    ("closed_at", "Closed"),
)


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str
    title: str
    text: str = ""
    conversation_id: int | None = None


def contact_timeline(user: Any, contact: Contact) -> list[Entry]:
    entries: list[Entry] = []
    conversations = list(Conversation.objects.for_user(user).filter(contact=contact))
    for conversation in conversations:
        entries.extend(_milestones(conversation))
    messages = Message.objects.for_user(user).filter(contact=contact, sent_at__isnull=False)
    entries.extend(_message(m) for m in messages)
    notes = Note.objects.for_user(user).filter(conversation__in=conversations)
    entries.extend(
        Entry(
            n.created_at, "note", "Highlight" if n.highlight else "Note", n.text, n.conversation_id
        )
        for n in notes
    )
    referrals = (
        Referral.objects.for_user(user).filter(from_contact=contact).select_related("to_contact")
    )
    entries.extend(
        Entry(r.created_at, "referral", f"Introduced you to {r.to_contact.name}", r.context)
        for r in referrals
    )
    items = ActionItem.objects.for_user(user).filter(conversation__in=conversations)
    entries.extend(
        Entry(i.created_at, "action", f"Action item ({label(i.kind)})", i.text, i.conversation_id)
        for i in items
    )
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


def _milestones(conversation: Conversation) -> list[Entry]:
    return [
        Entry(getattr(conversation, field), "milestone", title, conversation_id=conversation.pk)
        for field, title in _MILESTONES
        if getattr(conversation, field)
    ]


def _message(message: Message) -> Entry:
    who = "You wrote" if message.direction == Direction.OUTGOING else "They wrote"
    title = f"{who}: {label(message.kind)}"
    text = f"{message.subject}\n{message.body}".strip() if message.subject else message.body
    return Entry(
        message.sent_at or message.created_at, "message", title, text, message.conversation_id
    )
