"""The values the merge fields of a template take for one conversation."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.core.models import (
    ActionItem,
    Conversation,
    Message,
    PathDecision,
    Referral,
)
from coffeechat.domain.merge_phrases import (
    interest_phrase,
    meeting_words,
    point_frames,
    point_placeholder,
    sentence,
)
from coffeechat.domain.scheduling import Slot, describe_slot
from coffeechat.domain.vocabulary import Direction, MessageKind, PathStatus
from coffeechat.services.accounts.signin import ensure_profile

PROGRESS_WINDOW = timedelta(days=30)


def merge_context(user: Any, conversation: Conversation, now: datetime) -> dict[str, str]:
    """Every merge field's value for ``conversation``; unknown values are empty strings.

    The message goes to the contact, so no field carries the user's private notes
    about them (the contact's connection note, a referral's context) nor the
    interview notes themselves: highlights become sentence frames to rewrite.
    """
    contact = conversation.contact
    profile = ensure_profile(user)
    # Not the username ("me" on a personal install): an empty name stays {my_name} in the
    # draft, so the placeholders check asks the user to fill in their profile.
    my_name = profile.name or user.get_full_name()
    points = highlights(conversation)
    values = {
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "full_name": contact.name,
        "their_role": contact.title,
        "organization": contact.organization.name if contact.organization else "",
        "connection": contact.connection_said,
        "my_name": my_name,
        "my_first_name": my_name.split()[0] if my_name else "",
        "my_interest": _interest(conversation, profile.interests),
        "background": sentence(profile.background),
        "purpose": conversation.purpose,
        "minutes": str(conversation.planned_minutes),
        "meeting": meeting_words(conversation.medium),
        "signature": profile.signature or my_name,
        "original_subject": original_subject(conversation),
        "specific_points": _bullets(point_frames(len(points))),
        "first_point": point_placeholder(1) if points else "",
        "action_items_done": _bullets(_done_since(user, conversation, now)),
        "recent_progress": _bullets(recent_progress(user, conversation, now)),
        "referral_name": _referral_name(user, conversation),
        "interview_time": interview_time(conversation, profile.zone),
    }
    return {name: value.strip() for name, value in values.items()}


def interview_time(conversation: Conversation, user_zone: ZoneInfo) -> str:
    """The booked slot as the contact reads it: their time first, the user's in brackets."""
    start = conversation.starts_at
    if start is None:
        return ""
    slot = Slot(start, start + timedelta(minutes=conversation.planned_minutes))
    zone_name = conversation.contact.time_zone or conversation.time_zone
    return describe_slot(slot, user_zone, ZoneInfo(zone_name) if zone_name else None)


def highlights(conversation: Conversation) -> list[str]:
    notes = conversation.notes.filter(highlight=True, deleted_at__isnull=True).order_by(
        "created_at"
    )
    return [" ".join(note.text.split()) for note in notes]


def original_subject(conversation: Conversation) -> str:
    first = (
        conversation.messages.filter(
            kind=MessageKind.REQUEST, direction=Direction.OUTGOING, deleted_at__isnull=True
        )
        .exclude(subject="")
        .order_by("sent_at", "created_at")
        .first()
    )
    subject = first.subject if first else ""
    while subject.lower().startswith("re:"):
        subject = subject[3:].strip()
    return subject


def _interest(conversation: Conversation, interests: object) -> str:
    path = conversation.career_path
    if path is not None:
        return interest_phrase(path.interest_phrase, path.title)
    if isinstance(interests, list) and interests and isinstance(interests[0], dict):
        return str(interests[0].get("name", ""))
    return ""


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _done_since(user: Any, conversation: Conversation, now: datetime) -> list[str]:
    """For the report-back: what the user finished since thanking them.

    Their own advice first (items added from this conversation), then the rest.
    """
    since = conversation.thanked_at or now - PROGRESS_WINDOW
    items = ActionItem.objects.for_user(user).filter(done_at__gte=since, done_at__lte=now)
    ordered = sorted(items, key=lambda i: (i.conversation_id != conversation.pk, i.done_at))
    return [item.text for item in ordered[:6]]


def recent_progress(user: Any, conversation: Conversation, now: datetime) -> list[str]:
    """Interviews held, action items done and path decisions since you last wrote to them.

    "Since" is the last message you sent this contact (the previous update, the
    report-back or the thank-you), so each update tells them only what is new.
    """
    since = _last_written(user, conversation, now)
    lines: list[str] = []
    held = (
        Conversation.objects.for_user(user)
        .filter(held_at__gt=since, held_at__lte=now)
        .exclude(contact_id=conversation.contact_id)
    )
    if count := held.count():
        lines.append(
            f"I have had {count} more conversation{'s' if count > 1 else ''} about the field."
        )
    lines += [f"Done: {text}" for text in _done_between(user, since, now)]
    lines += _decisions_between(user, since, now)
    return lines


_DECISION_WORDS = {
    PathStatus.PURSUING: "I am now pursuing {}.",
    PathStatus.DROPPED: "I set aside {}.",
    PathStatus.PROMISING: "{} looks promising to me.",
    PathStatus.EXPLORING: "I am still exploring {}.",
}


def _decisions_between(user: Any, since: datetime, now: datetime) -> list[str]:
    """Path decisions from the decision log that changed a path's status, latest per path."""
    decisions = (
        PathDecision.objects.for_user(user)
        .filter(decided_at__gt=since, decided_at__lte=now, career_path__deleted_at__isnull=True)
        .select_related("career_path")
        .order_by("decided_at", "id")
    )
    latest: dict[int, str] = {}
    for decision in decisions:
        if decision.status != decision.previous_status:
            words = _DECISION_WORDS[PathStatus(decision.status)]
            latest[decision.career_path_id] = words.format(decision.career_path.title)
    return list(latest.values())


def _last_written(user: Any, conversation: Conversation, now: datetime) -> datetime:
    last = (
        Message.objects.for_user(user)
        .filter(
            contact_id=conversation.contact_id,
            direction=Direction.OUTGOING,
            sent_at__isnull=False,
            sent_at__lte=now,
        )
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    moments = [m for m in (last, conversation.report_back_at, conversation.thanked_at) if m]
    return max(moments) if moments else now - PROGRESS_WINDOW


def _done_between(user: Any, since: datetime, now: datetime) -> list[str]:
    items = ActionItem.objects.for_user(user).filter(done_at__gte=since, done_at__lte=now)
    return [item.text for item in items.order_by("done_at")[:6]]


def _referral_name(user: Any, conversation: Conversation) -> str:
    referral = (
        Referral.objects.for_user(user)
        .filter(from_contact=conversation.contact)
        .select_related("to_contact")
        .order_by("-created_at")
        .first()
    )
    return referral.to_contact.name if referral else ""
