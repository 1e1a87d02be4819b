"""A conversation's journey: start it, draft the note, record what happened, take notes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from coffeechat.core.models import Conversation, Message, Note
from coffeechat.domain.stages import Event, TransitionError, furthest_stage, next_stage
from coffeechat.domain.types import Sentiment, Stage
from coffeechat.domain.vocabulary import CloseReason, Direction, MessageKind
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.contacts.actions import merged_with_current
from coffeechat.services.conversations.event_forms import EventForm
from coffeechat.services.errors import InvalidInput
from coffeechat.services.forms import ConversationEditForm, ConversationForm, NoteForm
from coffeechat.services.owned import get_owned

# Which message an event logs on the contact's timeline, if any.
_EVENT_MESSAGES: dict[Event, tuple[MessageKind, Direction]] = {
    Event.REQUEST_SENT: (MessageKind.REQUEST, Direction.OUTGOING),
    Event.FOLLOW_UP_SENT: (MessageKind.FOLLOW_UP, Direction.OUTGOING),
    Event.REPLY_RECEIVED: (MessageKind.REPLY, Direction.INCOMING),
    Event.DECLINED: (MessageKind.REPLY, Direction.INCOMING),
    Event.THANK_YOU_SENT: (MessageKind.THANK_YOU, Direction.OUTGOING),
}


def start_conversation(user: Any, data: dict[str, Any]) -> Conversation:
    """Choose a contact for outreach; the length defaults to the profile's."""
    data = data.copy()  # a QueryDict copy keeps multi-values; a dict copy is fine too
    if not data.get("planned_minutes"):
        data["planned_minutes"] = ensure_profile(user).default_minutes
    data.setdefault("medium", "video")
    form = ConversationForm(data, user=user)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    conversation: Conversation = form.save(commit=False)
    conversation.owner = user
    conversation.save()
    return conversation


def update_conversation(
    user: Any, conversation_id: object, data: dict[str, Any], *, partial: bool = False
) -> Conversation:
    """Change the path, medium, length, place or purpose; stages move by events only."""
    conversation = get_owned(user, Conversation, conversation_id)
    data = merged_with_current(ConversationEditForm, conversation, data, partial)
    form = ConversationEditForm(data, instance=conversation, user=user)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    return form.save()


def save_draft(user: Any, conversation_id: object, data: dict[str, Any]) -> Message:
    """Keep the outreach note being written; its age drives the Today 'send' rule."""
    conversation = get_owned(user, Conversation, conversation_id)
    body = str(data.get("body") or "").strip()
    if not body:
        raise InvalidInput({"body": ["The draft is empty."]})
    subject = str(data.get("subject") or "")[:300]
    draft = open_draft(conversation)
    if draft is None:
        draft = Message(owner=user, contact=conversation.contact, conversation=conversation)
    draft.subject, draft.body = subject, body
    draft.kind = str(data.get("kind") or draft.kind or MessageKind.REQUEST)
    draft.save()
    return draft


def open_draft(conversation: Conversation) -> Message | None:
    """The conversation's unsent outgoing message, if any (one draft at a time)."""
    return (
        conversation.messages.filter(
            sent_at__isnull=True, direction=Direction.OUTGOING, deleted_at__isnull=True
        )
        .order_by("created_at")
        .first()
    )


def record_event(
    user: Any, conversation_id: object, data: dict[str, Any], now: datetime
) -> Conversation:
    """Move the conversation on (request sent, reply, scheduled, held, …) and stamp it.

    Refuses an event that does not fit the stage, with the reason, changing nothing.
    """
    conversation = get_owned(user, Conversation, conversation_id)
    profile = ensure_profile(user)
    form = EventForm(data, user_zone=profile.time_zone)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    event = Event(form.cleaned_data["type"])
    sentiment = (
        Sentiment(form.cleaned_data["sentiment"]) if form.cleaned_data["sentiment"] else None
    )
    try:
        stage = next_stage(
            Stage(conversation.stage),
            event,
            sentiment=sentiment,
            reopen_to=stage_before_closing(conversation),
        )
    except TransitionError as exc:
        raise InvalidInput({"type": [str(exc)]}) from exc
    at = form.moment(now)
    with transaction.atomic():
        _apply(conversation, event, form, at, sentiment)
        conversation.stage = stage
        conversation.save()
        _log_message(user, conversation, event, form, at)
    return conversation


def _apply(
    conversation: Conversation,
    event: Event,
    form: EventForm,
    at: datetime,
    sentiment: Sentiment | None,
) -> None:
    data = form.cleaned_data
    if event is Event.REQUEST_SENT:
        conversation.requested_at = at
    elif event is Event.FOLLOW_UP_SENT:
        conversation.followed_up_at = at
    elif event is Event.REPLY_RECEIVED and sentiment is not Sentiment.OUT_OF_OFFICE:
        conversation.replied_at = at
        conversation.reply_sentiment = sentiment.value if sentiment else ""
        if sentiment is Sentiment.NEGATIVE:
            _close(conversation, at, CloseReason.DECLINED)
    elif event is Event.DECLINED:
        conversation.replied_at = conversation.replied_at or at
        conversation.reply_sentiment = Sentiment.NEGATIVE.value
        _close(conversation, at, CloseReason.DECLINED)
    elif event is Event.SCHEDULED:
        _schedule(conversation, form, at)
    elif event is Event.HELD:
        conversation.held_at = at
    elif event is Event.THANK_YOU_SENT:
        conversation.thanked_at = at
    elif event is Event.UPDATE_SENT:
        # The first update after the thank-you is the report-back.
        conversation.report_back_at = conversation.report_back_at or at
    elif event is Event.CLOSED:
        _close(conversation, at, CloseReason(data.get("reason") or CloseReason.DONE))
    elif event is Event.REOPENED:
        conversation.closed_at, conversation.close_reason = None, ""
        if conversation.reply_sentiment == Sentiment.NEGATIVE:
            # Reopening a declined request means they came round: it is open again.
            conversation.replied_at, conversation.reply_sentiment = None, ""


def stage_before_closing(conversation: Conversation) -> Stage:
    """Where reopening a closed conversation takes it: the furthest stage it reached."""
    declined = conversation.reply_sentiment == Sentiment.NEGATIVE
    return furthest_stage(
        thanked=conversation.thanked_at is not None,
        held=conversation.held_at is not None,
        scheduled=conversation.start_date is not None,
        replied=conversation.replied_at is not None and not declined,
        followed_up=conversation.followed_up_at is not None,
        requested=conversation.requested_at is not None,
    )


def _schedule(conversation: Conversation, form: EventForm, at: datetime) -> None:
    start = form.local_start()
    assert start is not None  # the form requires it for this event
    if conversation.start_date is not None:
        conversation.invite_sequence += 1  # scheduling: a reschedule updates the invite
    conversation.start_date, conversation.start_time = start.date(), start.time()
    conversation.time_zone = form.cleaned_data["time_zone"]
    conversation.planned_minutes = form.cleaned_data.get("minutes") or conversation.planned_minutes
    conversation.scheduled_at = at
    if conversation.replied_at is None:
        # Booked without a recorded reply (they answered by phone): that is a yes.
        conversation.replied_at = at
        conversation.reply_sentiment = Sentiment.POSITIVE.value


def _close(conversation: Conversation, at: datetime, reason: CloseReason) -> None:
    if conversation.start_date is not None and conversation.held_at is None:
        conversation.invite_sequence += 1  # scheduling: the invite becomes a cancellation
    conversation.closed_at = at
    conversation.close_reason = reason.value


def _log_message(
    user: Any, conversation: Conversation, event: Event, form: EventForm, at: datetime
) -> None:
    """Log the exchange on the timeline; a waiting draft of that kind becomes the sent one."""
    if event is Event.UPDATE_SENT:
        first = conversation.report_back_at == at
        kind = MessageKind.REPORT_BACK if first else MessageKind.UPDATE
        direction = Direction.OUTGOING
    elif event in _EVENT_MESSAGES:
        kind, direction = _EVENT_MESSAGES[event]
    else:
        return
    message = open_draft(conversation) if direction is Direction.OUTGOING else None
    if message is None or message.kind != kind:
        message = Message(
            owner=user, contact=conversation.contact, conversation=conversation, kind=kind
        )
    message.direction = direction
    message.sent_at = at
    message.subject = form.cleaned_data.get("subject") or message.subject
    message.body = form.cleaned_data.get("body") or message.body
    message.save()


def add_note(user: Any, conversation_id: object, data: dict[str, Any]) -> Note:
    conversation = get_owned(user, Conversation, conversation_id)
    form = NoteForm(data)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    note: Note = form.save(commit=False)
    note.owner, note.conversation = user, conversation
    note.save()
    return note
