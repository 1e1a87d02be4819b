"""What every follow-up rule needs: the calendar, look-ups over the facts, one way to
make a ``Step``.

The rules themselves live in ``followup_outreach``, ``followup_interviews`` and
``followup_network``; ``next_steps`` runs them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from coffeechat.domain.businessdays import add_business_days, local_date
from coffeechat.domain.dates import clock, say_day
from coffeechat.domain.steps import Door, Step
from coffeechat.domain.types import (
    ActionKind,
    ContactFacts,
    ConversationFacts,
    RuleSettings,
    Sentiment,
    Snapshot,
    Stage,
)


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
    return interview_end_of(conversation.starts_at, conversation.minutes, conversation.held_at)


def interview_end_of(
    starts_at: datetime | None, minutes: int, held_at: datetime | None
) -> datetime | None:
    """The one rule for an interview's end, for facts and stored rows alike."""
    if starts_at is not None:
        return utc(starts_at) + timedelta(minutes=minutes)
    if held_at is not None:
        return utc(held_at)
    return None


def plural(count: int, noun: str) -> str:
    """A count with its noun, plural when needed.

    >>> plural(1, "business day"), plural(3, "business day")
    ('1 business day', '3 business days')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@dataclass(frozen=True, slots=True)
class RuleContext:
    """The calendar and look-ups shared by all rules for one computation.

    There is no clock here on purpose: every rule says *when* its step is due
    (and, for the few that only make sense near an interview, the window in
    which it shows), so the same facts always give the same steps and the due
    index can store them. ``next_steps.due_actions`` applies a ``now`` later.
    """

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

    def day(self, day: date, near: date | None = None) -> str:
        """A date as people say it: "Tue 3 Nov", with the year only when it differs from
        ``near`` (the step's due date), so the words never depend on when they are read.

        The one formatter, ``domain.dates``.
        """
        return say_day(day, near if near is not None else day)

    def clock(self, moment: datetime) -> str:
        """The local wall-clock time, 24-hour: "10:00"."""
        return clock(moment.astimezone(self.zone))

    def start_of_day(self, day: date) -> datetime:
        """Midnight at the start of ``day`` on the user's wall clock, as UTC."""
        return datetime.combine(day, time.min, tzinfo=self.zone).astimezone(UTC)

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

    def step(
        self,
        *,
        kind: ActionKind,
        door: Door,
        title: str,
        reason: str,
        due: date | None = None,
        due_at: datetime | None = None,
        shows_from: datetime | None = None,
        shows_until: datetime | None = None,
        contact: ContactFacts | None = None,
        conversation: ConversationFacts | None = None,
        organization_id: int | None = None,
        career_path_id: int | None = None,
        action_item_id: int | None = None,
        referral_id: int | None = None,
    ) -> Step:
        """A Step due on ``due`` (a whole day) or at ``due_at`` (to the minute)."""
        if due_at is not None:
            due_at = utc(due_at)
            due = self.local(due_at)
        elif due is None:
            raise ValueError(f"{kind} step needs a due date or a due time")
        if contact is not None and organization_id is None:
            organization_id = contact.organization_id
        if conversation is not None and career_path_id is None:
            career_path_id = conversation.career_path_id
        return Step(
            kind=kind,
            door=door,
            title=title,
            reason=reason,
            due=due,
            due_at=due_at,
            shows_from=utc(shows_from) if shows_from is not None else None,
            shows_until=utc(shows_until) if shows_until is not None else None,
            contact_id=contact.id if contact is not None else None,
            organization_id=organization_id,
            conversation_id=conversation.id if conversation is not None else None,
            career_path_id=career_path_id,
            action_item_id=action_item_id,
            referral_id=referral_id,
        )


def build_context(
    snapshot: Snapshot,
    *,
    zone: ZoneInfo,
    holidays: Container[date],
    settings: RuleSettings,
) -> RuleContext:
    conversations_of: defaultdict[int, list[ConversationFacts]] = defaultdict(list)
    for conversation in snapshot.conversations:
        conversations_of[conversation.contact_id].append(conversation)
    return RuleContext(
        zone=zone,
        holidays=holidays,
        settings=settings,
        snapshot=snapshot,
        contacts={contact.id: contact for contact in snapshot.contacts},
        conversations_of={key: tuple(value) for key, value in conversations_of.items()},
    )
