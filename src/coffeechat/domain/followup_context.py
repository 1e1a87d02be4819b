"""What every follow-up rule needs to know about "now", built once per Today list.

The rules themselves live in ``followup_outreach``, ``followup_interviews`` and
``followup_network``; this module gives them the clock, the calendar, look-ups
over the snapshot and one way to turn a due date into an ``Action``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from coffeechat.domain.businessdays import add_business_days, local_date
from coffeechat.domain.types import (
    Action,
    ActionKind,
    Bucket,
    ContactFacts,
    ConversationFacts,
    RuleSettings,
    Sentiment,
    Snapshot,
    Stage,
)

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def utc(moment: datetime) -> datetime:
    """``moment`` as UTC, refusing naive datetimes.

    Elapsed-time arithmetic must happen in UTC: Python adds a timedelta to the
    wall clock of a zoned datetime, so "24 hours after" across a DST change
    would otherwise come out an hour wrong.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()} has no time zone")
    return moment.astimezone(UTC)


def is_closed(conversation: ConversationFacts) -> bool:
    return conversation.stage is Stage.CLOSED or conversation.closed_at is not None


def awaiting_reply(conversation: ConversationFacts) -> bool:
    """No answer yet; an out-of-office auto-reply is not an answer, so the clocks keep running."""
    return conversation.replied_at is None or conversation.sentiment is Sentiment.OUT_OF_OFFICE


def interview_end(conversation: ConversationFacts) -> datetime | None:
    """When the interview ended (UTC): start + agreed length, else when it was marked held."""
    if conversation.starts_at is not None:
        return utc(conversation.starts_at) + timedelta(minutes=conversation.minutes)
    if conversation.held_at is not None:
        return utc(conversation.held_at)
    return None


def plural(count: int, noun: str) -> str:
    """A count with its noun, plural when needed.

    >>> plural(1, "business day"), plural(3, "business day")
    ('1 business day', '3 business days')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@dataclass(frozen=True, slots=True)
class RuleContext:
    """The clock, calendar and look-ups shared by all rules for one computation."""

    now: datetime  # always UTC
    today: date  # now's date in the user's zone
    zone: ZoneInfo
    holidays: Container[date]
    settings: RuleSettings
    snapshot: Snapshot
    contacts: Mapping[int, ContactFacts]
    conversations_of: Mapping[int, tuple[ConversationFacts, ...]]

    def local(self, moment: datetime) -> date:
        return local_date(moment, self.zone)

    def after_business_days(self, moment: datetime, n: int) -> date:
        return add_business_days(self.local(moment), n, self.holidays)

    def day(self, day: date) -> str:
        """A date as people say it: "Tue 3 Nov", with the year only when it is not this one.

        Written out by hand because strftime's %a/%b follow the process locale.
        """
        text = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
        return text if day.year == self.today.year else f"{text} {day.year}"

    def clock(self, moment: datetime) -> str:
        """The local wall-clock time, 24-hour: "10:00"."""
        return f"{moment.astimezone(self.zone):%H:%M}"

    def active(self, contact_id: int) -> ContactFacts | None:
        """The contact, unless unknown or marked do-not-contact (which silences its rules)."""
        contact = self.contacts.get(contact_id)
        return None if contact is None or contact.do_not_contact else contact

    def open_conversations(self) -> Iterator[tuple[ConversationFacts, ContactFacts]]:
        """Conversations the rules may speak about: not closed, with a contactable person."""
        for conversation in self.snapshot.conversations:
            contact = self.active(conversation.contact_id)
            if contact is not None and not is_closed(conversation):
                yield conversation, contact

    def action(
        self,
        *,
        kind: ActionKind,
        title: str,
        reason: str,
        due: date | None = None,
        due_at: datetime | None = None,
        contact: ContactFacts | None = None,
        conversation: ConversationFacts | None = None,
        organization_id: int | None = None,
        career_path_id: int | None = None,
        action_item_id: int | None = None,
        referral_id: int | None = None,
    ) -> Action:
        """An Action due on ``due`` (a whole day) or at ``due_at`` (to the minute).

        Overdue means the day has passed, or for hour-precise rules that the
        moment has; the local date decides between "today" and "upcoming".
        """
        if due_at is not None:
            due_at = utc(due_at)
            due = self.local(due_at)
            overdue = self.now > due_at
        elif due is not None:
            overdue = due < self.today
        else:
            raise ValueError(f"{kind} action needs a due date or a due time")
        if contact is not None and organization_id is None:
            organization_id = contact.organization_id
        if conversation is not None and career_path_id is None:
            career_path_id = conversation.career_path_id
        return Action(
            kind=kind,
            title=title,
            reason=reason,
            due=due,
            due_at=due_at.astimezone(self.zone) if due_at is not None else None,
            overdue=overdue,
            bucket=_bucket(overdue, due, self.today),
            contact_id=contact.id if contact is not None else None,
            organization_id=organization_id,
            conversation_id=conversation.id if conversation is not None else None,
            career_path_id=career_path_id,
            action_item_id=action_item_id,
            referral_id=referral_id,
        )


def _bucket(overdue: bool, due: date, today: date) -> Bucket:
    if overdue:
        return Bucket.OVERDUE
    return Bucket.TODAY if due == today else Bucket.UPCOMING


def build_context(
    snapshot: Snapshot,
    *,
    now: datetime,
    zone: ZoneInfo,
    holidays: Container[date],
    settings: RuleSettings,
) -> RuleContext:
    conversations_of: defaultdict[int, list[ConversationFacts]] = defaultdict(list)
    for conversation in snapshot.conversations:
        conversations_of[conversation.contact_id].append(conversation)
    now_utc = utc(now)
    return RuleContext(
        now=now_utc,
        today=local_date(now_utc, zone),
        zone=zone,
        holidays=holidays,
        settings=settings,
        snapshot=snapshot,
        contacts={contact.id: contact for contact in snapshot.contacts},
        conversations_of={key: tuple(value) for key, value in conversations_of.items()},
    )
