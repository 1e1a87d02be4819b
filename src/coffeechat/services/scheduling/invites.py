"""The .ics invite for one booked interview, built with icalendar.

The event keeps its wall time and IANA zone (DTSTART;TZID=... plus the
VTIMEZONE), so a calendar shows 10:00 Chicago time even after a DST change.
The UID is stable per conversation and SEQUENCE comes from the conversation's
counter, so a reschedule replaces the earlier invite and a cancellation
removes it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from coffeechat.core.models import Conversation, PlannedQuestion
from coffeechat.services.accounts.signin import ensure_profile, sender_address
from coffeechat.services.errors import InvalidInput
from coffeechat.services.scheduling.ical_zones import add_vtimezones

PRODID = "-//coffeechat//coffeechat//EN"
REMINDER = timedelta(minutes=15)
MEDIUM_WORDS = {"video": "video call", "phone": "phone call", "in_person": "in person"}


def new_calendar(method: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    return calendar


def event_uid(conversation: Conversation) -> str:
    """Stable for the conversation's life and unique across installs (creation instant)."""
    stamp = int(conversation.created_at.timestamp() * 1_000_000)
    return f"coffeechat-interview-{conversation.owner_id}-{conversation.pk}-{stamp}@coffeechat"


def is_cancelled(conversation: Conversation) -> bool:
    return bool(conversation.closed_at and conversation.start_date and not conversation.held_at)


def invite_ics(conversation: Conversation, now: datetime | None = None) -> bytes:
    """The invite to send to the contact: METHOD:REQUEST, or METHOD:CANCEL once cancelled.

    ``now`` stamps DTSTAMP; it defaults to the conversation's last change so the
    same state always gives the same bytes.
    """
    if conversation.starts_at is None:
        raise InvalidInput({"__all__": ["No interview is booked yet, so there is no invite."]})
    cancelled = is_cancelled(conversation)
    calendar = new_calendar("CANCEL" if cancelled else "REQUEST")
    calendar.add_component(
        interview_event(conversation, stamp=now or conversation.updated_at, for_contact=True)
    )
    add_vtimezones(calendar)
    return calendar.to_ical()


def interview_event(conversation: Conversation, *, stamp: datetime, for_contact: bool) -> Event:
    """The VEVENT; ``for_contact`` adds the agenda, the people and the reminder.

    The feed passes ``for_contact=False``: it carries no purpose or questions.
    """
    start = conversation.starts_at
    assert start is not None
    contact = conversation.contact
    profile = ensure_profile(conversation.owner)
    event = Event()
    event.add("uid", event_uid(conversation))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=conversation.planned_minutes))
    event.add("sequence", conversation.invite_sequence)
    event.add("summary", _summary(conversation, profile.name or "", for_contact))
    event.add("status", "CANCELLED" if is_cancelled(conversation) else "CONFIRMED")
    if conversation.location:
        event.add("location", conversation.location)
    if for_contact:
        event.add("description", agenda(conversation))
        _add_people(event, conversation, profile.name or conversation.owner.get_username())
        event.add_component(_reminder(contact.name))
    else:
        medium = MEDIUM_WORDS.get(conversation.medium, conversation.medium)
        event.add("description", f"{conversation.planned_minutes} minutes, {medium}.")
    return event


def _summary(conversation: Conversation, user_name: str, for_contact: bool) -> str:
    contact = conversation.contact
    if for_contact and user_name:
        return f"Coffee chat: {user_name} and {contact.name}"
    organization = f" ({contact.organization.name})" if contact.organization_id else ""
    return f"Coffee chat with {contact.name}{organization}"


def agenda(conversation: Conversation) -> str:
    """Length and medium, and the planned questions if there is a plan.

    The purpose stays out: it is the user's note to themselves, often about the
    contact, and the invite lands in the contact's calendar.
    """
    medium = MEDIUM_WORDS.get(conversation.medium, conversation.medium)
    lines = [f"An informational interview: {conversation.planned_minutes} minutes, {medium}."]
    questions = planned_questions(conversation)
    if questions:
        lines += ["", "Questions I would like to ask:"]
        lines += [f"{number}. {text}" for number, text in enumerate(questions, start=1)]
    return "\n".join(lines)


def planned_questions(conversation: Conversation) -> list[str]:
    rows = (
        PlannedQuestion.objects.for_user(conversation.owner)
        .filter(conversation=conversation, question__deleted_at__isnull=True)
        .select_related("question")
        .order_by("position", "id")
    )
    return [row.question.text.strip() for row in rows if row.question.text.strip()]


def _add_people(event: Event, conversation: Conversation, user_name: str) -> None:
    organizer = vCalAddress(_mailto(sender_address(conversation.owner)))
    organizer.params["cn"] = vText(user_name)
    event.add("organizer", organizer)
    contact = conversation.contact
    attendee = vCalAddress(_mailto(contact.email))
    attendee.params.update(
        {
            "cn": vText(contact.name),
            "role": vText("REQ-PARTICIPANT"),
            "partstat": vText("NEEDS-ACTION"),
            "rsvp": vText("TRUE"),
        }
    )
    event.add("attendee", attendee)


def _mailto(email: str) -> str:
    # A calendar address must be a URI; without an email the invite still imports
    # (the invite pages then ask the user to add theirs to the profile).
    return f"mailto:{email}" if email else "mailto:unknown@invalid"


def _reminder(contact_name: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Coffee chat with {contact_name} in 15 minutes")
    alarm.add("trigger", -REMINDER)
    return alarm


def invite_filename(conversation: Conversation) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in conversation.contact.name.lower())
    return f"coffee-chat-{slug.strip('-') or conversation.pk}.ics"


def can_attach_invite(conversation: Conversation) -> bool:
    """A booked interview not yet held: its invite (or cancellation) can go with a message."""
    return conversation.starts_at is not None and not conversation.held_at


def invite_to_attach(conversation: Conversation, wanted: object) -> bytes:
    """The invite bytes when the user ticked "Attach the calendar invite", else nothing."""
    if not wanted or not can_attach_invite(conversation):
        return b""
    return invite_ics(conversation)
