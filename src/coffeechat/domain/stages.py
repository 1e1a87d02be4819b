"""Which conversation events are allowed at which stage, and where they lead.

A conversation moves planned -> requested -> (followed_up) -> replied ->
scheduled -> held -> thanked, and can be closed from anywhere. The services
layer records the timestamps; this module only decides whether the move makes
sense, so the web form, the API and the CLI refuse the same impossible moves
with the same words.
"""

from __future__ import annotations

from enum import StrEnum

from coffeechat.domain.types import Sentiment, Stage
from coffeechat.domain.vocabulary import MessageKind


class Event(StrEnum):
    REQUEST_SENT = "request_sent"
    FOLLOW_UP_SENT = "follow_up_sent"
    REPLY_RECEIVED = "reply_received"
    DECLINED = "declined"
    SCHEDULED = "scheduled"
    HELD = "held"
    THANK_YOU_SENT = "thank_you_sent"
    UPDATE_SENT = "update_sent"
    CLOSED = "closed"
    REOPENED = "reopened"


EVENT_LABELS: dict[Event, str] = {
    Event.REQUEST_SENT: "Request sent",
    Event.FOLLOW_UP_SENT: "Follow-up sent",
    Event.REPLY_RECEIVED: "Reply received",
    Event.DECLINED: "They declined",
    Event.SCHEDULED: "Interview scheduled",
    Event.HELD: "Interview held",
    Event.THANK_YOU_SENT: "Thank-you sent",
    Event.UPDATE_SENT: "Update sent",
    Event.CLOSED: "Closed",
    Event.REOPENED: "Reopened",
}


# How each stage is named on pages, in lists and in the API's labels.
STAGE_LABELS = {
    Stage.PLANNED: "Planned",
    Stage.REQUESTED: "Request sent",
    Stage.FOLLOWED_UP: "Followed up",
    Stage.REPLIED: "Reply received",
    Stage.SCHEDULED: "Scheduled",
    Stage.HELD: "Held",
    Stage.THANKED: "Thank-you sent",
    Stage.CLOSED: "Closed",
}


class TransitionError(ValueError):
    """An event that does not fit the conversation's current stage."""


# Asked and not yet answered: follow-ups, replies and "one request at a time per
# organization" all start from this set.
AWAITING_REPLY = frozenset({Stage.REQUESTED, Stage.FOLLOWED_UP})

_ALLOWED: dict[Event, frozenset[Stage]] = {
    Event.REQUEST_SENT: frozenset({Stage.PLANNED}),
    Event.FOLLOW_UP_SENT: frozenset({Stage.REQUESTED}),
    Event.REPLY_RECEIVED: AWAITING_REPLY | {Stage.REPLIED},
    Event.DECLINED: AWAITING_REPLY | {Stage.REPLIED},
    # Scheduling straight from a request covers a reply given by phone; straight from
    # planned, a call arranged in person (met at an event, a friend who rang).
    Event.SCHEDULED: AWAITING_REPLY | {Stage.PLANNED, Stage.REPLIED, Stage.SCHEDULED},
    Event.HELD: frozenset({Stage.SCHEDULED}),
    Event.THANK_YOU_SENT: frozenset({Stage.HELD}),
    Event.UPDATE_SENT: frozenset({Stage.THANKED}),
    Event.CLOSED: frozenset(Stage) - {Stage.CLOSED},
    Event.REOPENED: frozenset({Stage.CLOSED}),
}

_NEXT: dict[Event, Stage] = {
    Event.REQUEST_SENT: Stage.REQUESTED,
    Event.FOLLOW_UP_SENT: Stage.FOLLOWED_UP,
    Event.REPLY_RECEIVED: Stage.REPLIED,
    Event.DECLINED: Stage.CLOSED,
    Event.SCHEDULED: Stage.SCHEDULED,
    Event.HELD: Stage.HELD,
    Event.THANK_YOU_SENT: Stage.THANKED,
    Event.UPDATE_SENT: Stage.THANKED,
    Event.CLOSED: Stage.CLOSED,
}


def allowed_events(stage: Stage) -> list[Event]:
    """The events that make sense now, in the order a form should offer them."""
    return [event for event in Event if stage in _ALLOWED[event]]


def furthest_stage(
    *,
    thanked: bool,
    held: bool,
    scheduled: bool,
    replied: bool,
    followed_up: bool,
    requested: bool,
) -> Stage:
    """The furthest stage a conversation's recorded steps show: where reopening a
    closed one takes it. ``replied`` means a reply that was not a no.

    >>> furthest_stage(thanked=False, held=True, scheduled=True, replied=True,
    ...                followed_up=False, requested=True)
    <Stage.HELD: 'held'>
    >>> furthest_stage(thanked=False, held=False, scheduled=False, replied=False,
    ...                followed_up=False, requested=False)
    <Stage.PLANNED: 'planned'>
    """
    reached = (
        (thanked, Stage.THANKED),
        (held, Stage.HELD),
        (scheduled, Stage.SCHEDULED),
        (replied, Stage.REPLIED),
        (followed_up, Stage.FOLLOWED_UP),
        (requested, Stage.REQUESTED),
    )
    return next((stage for done, stage in reached if done), Stage.PLANNED)


def next_stage(
    stage: Stage,
    event: Event,
    *,
    sentiment: Sentiment | None = None,
    reopen_to: Stage = Stage.PLANNED,
) -> Stage:
    """The stage after ``event``, or TransitionError saying why it cannot happen.

    >>> next_stage(Stage.REQUESTED, Event.REPLY_RECEIVED, sentiment=Sentiment.NEGATIVE)
    <Stage.CLOSED: 'closed'>
    >>> next_stage(Stage.REQUESTED, Event.REPLY_RECEIVED, sentiment=Sentiment.OUT_OF_OFFICE)
    <Stage.REQUESTED: 'requested'>
    """
    if stage not in _ALLOWED[event]:
        raise TransitionError(
            f"'{EVENT_LABELS[event]}' does not fit a conversation at stage '{stage.value}'"
        )
    if event is Event.REOPENED:
        return reopen_to
    if event is Event.REPLY_RECEIVED:
        if sentiment is None:
            raise TransitionError("a reply needs a sentiment: positive, negative or referral_only")
        if sentiment is Sentiment.NEGATIVE:
            return Stage.CLOSED
        # An auto-reply is not an answer: the request's clocks keep running.
        if sentiment is Sentiment.OUT_OF_OFFICE:
            return stage
    return _NEXT[event]


def next_message_kind(stage: Stage, reported_back: bool) -> MessageKind:
    """The message a conversation at ``stage`` needs next: what the composer opens with.

    >>> next_message_kind(Stage.REQUESTED, False).value, next_message_kind(Stage.HELD, False).value
    ('follow-up', 'thank-you')
    >>> next_message_kind(Stage.THANKED, False).value, next_message_kind(Stage.THANKED, True).value
    ('report-back', 'update')
    """
    if stage is Stage.THANKED:
        return MessageKind.UPDATE if reported_back else MessageKind.REPORT_BACK
    return _NEXT_MESSAGE.get(stage, MessageKind.REQUEST)


_NEXT_MESSAGE = {
    Stage.REQUESTED: MessageKind.FOLLOW_UP,
    Stage.SCHEDULED: MessageKind.CONFIRMATION,
    Stage.HELD: MessageKind.THANK_YOU,
}
