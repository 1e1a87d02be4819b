"""The "Next step" card of a conversation page, read from the same steps as Today.

The card's step *is* the conversation's Today action when it has one (same
kind, due date, reason); otherwise it says what the conversation waits for and
which step comes next, and when. Only the words for waiting, and the extra
doors a page offers beside the main one, are decided here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from coffeechat.domain.businessdays import local_date
from coffeechat.domain.dates import day_and_clock, say_day
from coffeechat.domain.followup_context import awaiting_reply, interview_end
from coffeechat.domain.stages import AWAITING_REPLY
from coffeechat.domain.steps import Door, Step, due_actions
from coffeechat.domain.types import (
    ActionKind,
    ContactFacts,
    ConversationFacts,
    Sentiment,
    Stage,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CardStep:
    title: str
    reason: str
    door: Door | None  # the primary button, if any
    kind: ActionKind | None = None  # the engine's step behind the card, if one is due
    due: date | None = None
    due_at: datetime | None = None
    overdue: bool = False
    on_today: bool = False  # the same action is on the Today list
    key: str = ""
    secondary: tuple[Door, ...] = ()
    reply_form: bool = False  # the "They replied?" form belongs here
    reopen: bool = False


def conversation_card(
    conversation: ConversationFacts,
    contact: ContactFacts,
    steps: Iterable[Step],
    *,
    now: datetime,
    zone: ZoneInfo,
    upcoming_days: int,
    confirmation_sent: bool = False,
) -> CardStep:
    """The card for one conversation; ``steps`` are the engine's steps for it (and for
    its person, conversation-less ones such as the stay-in-touch update)."""
    if conversation.stage is Stage.CLOSED or conversation.closed_at is not None:
        return CardStep(
            title="Closed",
            reason="Reopen it if the conversation comes back to life.",
            door=None,
            reopen=True,
        )
    steps = list(steps)
    extras = _secondary(conversation, contact, confirmation_sent)
    reply_form = conversation.stage in AWAITING_REPLY
    actions = due_actions(steps, now=now, zone=zone, upcoming_days=upcoming_days)
    if actions:
        first = actions[0]
        door = Door(first.door)
        return CardStep(
            title=first.title,
            reason=first.reason,
            door=door,
            kind=first.kind,
            due=first.due,
            due_at=first.due_at,
            overdue=first.overdue,
            on_today=True,
            key=first.key,
            secondary=tuple(d for d in extras if d is not door),
            reply_form=reply_form,
        )
    later = sorted((s for s in steps if s.shows_until is None or now < s.shows_until), key=_when)
    return _waiting(conversation, contact, later[0] if later else None, now, zone, extras)


def _when(step: Step) -> tuple[datetime, str]:
    """When a step first shows: its window's start, its moment, or the start of its day."""
    start = step.shows_from or step.due_at or datetime.combine(step.due, time.min, tzinfo=UTC)
    return (start, step.kind.value)


def _secondary(
    conversation: ConversationFacts, contact: ContactFacts, confirmation_sent: bool
) -> tuple[Door, ...]:
    stage = conversation.stage
    if stage is Stage.PLANNED:
        research = () if contact.has_research else (Door.ADD_RESEARCH,)
        return (Door.WRITE_REQUEST, *research)
    if stage is Stage.REQUESTED:
        return (Door.WRITE_FOLLOW_UP,)
    if stage is Stage.FOLLOWED_UP:
        return (Door.LET_GO,)
    if stage is Stage.REPLIED:
        return (Door.RECORD_TIME,)
    if stage is Stage.SCHEDULED:
        invite = () if confirmation_sent else (Door.SEND_INVITE,)
        return (Door.OPEN_BRIEF, *invite)
    return ()


def _waiting(
    conversation: ConversationFacts,
    contact: ContactFacts,
    later: Step | None,
    now: datetime,
    zone: ZoneInfo,
    extras: tuple[Door, ...],
) -> CardStep:
    """Nothing due by the horizon: what the conversation waits for, and what comes next."""
    today = local_date(now, zone)
    then = f" Next, on {say_day(later.due, today)}: {later.title}." if later else ""
    title, reason, door = _waiting_words(conversation, contact, now, zone, today)
    return CardStep(
        title=title,
        reason=(reason + then).strip(),
        door=door,
        kind=later.kind if later else None,
        due=later.due if later else None,
        due_at=later.due_at.astimezone(zone) if later and later.due_at else None,
        key=later.key if later else "",
        secondary=tuple(d for d in extras if d is not door),
        reply_form=conversation.stage in AWAITING_REPLY,
    )


def _waiting_words(
    conversation: ConversationFacts,
    contact: ContactFacts,
    now: datetime,
    zone: ZoneInfo,
    today: date,
) -> tuple[str, str, Door | None]:
    name = contact.name
    stage = conversation.stage
    if stage is Stage.PLANNED:
        return (
            f"Write to {name}",
            "A short, personal note: how you found them, what you are curious about, a short ask.",
            Door.WRITE_REQUEST,
        )
    if stage in AWAITING_REPLY and awaiting_reply(conversation):
        sent = conversation.followed_up_at or conversation.requested_at
        what = "follow-up" if conversation.followed_up_at else "note"
        went = f"Your {what} went out {say_day(local_date(sent, zone), today)}." if sent else ""
        return f"Waiting for {name}'s reply", went, None
    if stage is Stage.REPLIED and conversation.sentiment is Sentiment.REFERRAL_ONLY:
        return (
            f"Contact the person {name} pointed you to",
            "Add them as a contact introduced by "
            f"{name}; Today then reminds you to reach out while it is fresh.",
            Door.CONTACT_REFERRAL,
        )
    if stage is Stage.SCHEDULED and conversation.starts_at is not None:
        ended = interview_end(conversation)
        if ended is not None and now >= ended:
            return (
                f"End the interview with {name}",
                "Your notes are in; end the interview so the thank-you clock starts.",
                Door.INTERVIEW_MODE,
            )
        start = conversation.starts_at.astimezone(zone)
        when = day_and_clock(start, today)
        return (
            f"Prepare for {name}",
            f"The interview is on {when}. Plan your questions and read the brief.",
            Door.OPEN_BRIEF,
        )
    return (
        f"Stay in touch with {name}",
        "Send an update now and then; Today reminds you when it is time.",
        Door.WRITE_UPDATE,
    )
