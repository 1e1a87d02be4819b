"""Replies: record one (with its sentiment and date), and classify how fast a contact answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.core.models import Contact, Conversation
from coffeechat.domain.businessdays import business_days_between, local_date
from coffeechat.domain.followup import response_speed
from coffeechat.domain.stages import AWAITING_REPLY
from coffeechat.domain.types import ResponseSpeed, Sentiment, Stage
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today.due_list import holidays_around, rule_settings

SPEED_LABELS = {
    ResponseSpeed.QUICK: "Quick responder",
    ResponseSpeed.SLOW: "Slow responder",
    ResponseSpeed.NONE: "No response",
    ResponseSpeed.PENDING: "Waiting for a reply",
}


def record_reply(
    user: Any, conversation_id: object, data: dict[str, Any], now: datetime
) -> Conversation:
    """Their answer, with its sentiment and date; an out-of-office keeps the clocks running."""
    sentiment = str(data.get("sentiment") or "")
    if sentiment not in {s.value for s in Sentiment}:
        raise InvalidInput(
            {
                "sentiment": [
                    "Say how they replied: positive, negative, referral only or out of office."
                ]
            }
        )
    event = {
        "type": "reply_received",
        "sentiment": sentiment,
        "at": data.get("at") or "",
        "body": data.get("body") or "",
    }
    return conversations.record_event(user, conversation_id, event, now)


@dataclass(frozen=True)
class Speed:
    conversation: Conversation
    speed: ResponseSpeed
    business_days: int | None  # how long the reply took, when there was one

    @property
    def label(self) -> str:
        return SPEED_LABELS[self.speed]


def contact_speeds(user: Any, contact: Contact) -> list[Speed]:
    """Each request to the contact, newest first, with how quickly it was answered."""
    profile = ensure_profile(user)
    zone = ZoneInfo(profile.time_zone)
    settings = rule_settings(profile)
    rows = (
        Conversation.objects.for_user(user)
        .filter(contact=contact, requested_at__isnull=False)
        .order_by("-requested_at")
    )
    speeds = []
    for conversation in rows:
        holidays = holidays_around(profile.holiday_country, conversation.requested_at.year)
        sentiment = (
            Sentiment(conversation.reply_sentiment) if conversation.reply_sentiment else None
        )
        speed = response_speed(
            conversation.requested_at,
            conversation.replied_at,
            zone=zone,
            holidays=holidays,
            settings=settings,
            closed=conversation.closed_at is not None,
            sentiment=sentiment,
        )
        days = None
        if conversation.replied_at and speed in (ResponseSpeed.QUICK, ResponseSpeed.SLOW):
            days = business_days_between(
                local_date(conversation.requested_at, zone),
                local_date(conversation.replied_at, zone),
                holidays,
            )
        speeds.append(Speed(conversation, speed, days))
    return speeds


def awaiting_reply(user: Any, contact: Contact) -> list[Conversation]:
    return list(
        Conversation.objects.for_user(user).filter(contact=contact, stage__in=AWAITING_REPLY)
    )


_CLASSIFIABLE = (Sentiment.POSITIVE, Sentiment.NEGATIVE, Sentiment.REFERRAL_ONLY)


def classify_reply(
    user: Any, conversation_id: object, sentiment: str, now: datetime
) -> Conversation:
    """Say how a reply logged without a sentiment went (an imported message, say).

    A yes leads to proposing times, a pointer to someone else to contacting
    them; a no closes the conversation as declined.
    """
    from coffeechat.domain.vocabulary import CloseReason
    from coffeechat.services.owned import get_owned

    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    if conversation.stage != Stage.REPLIED or conversation.replied_at is None:
        raise InvalidInput({"sentiment": ["There is no reply to classify in this conversation."]})
    if sentiment not in {s.value for s in _CLASSIFIABLE}:
        raise InvalidInput(
            {"sentiment": ["Say how they replied: positive, negative or referral only."]}
        )
    conversation.reply_sentiment = sentiment
    if sentiment == Sentiment.NEGATIVE:
        conversation.stage = Stage.CLOSED
        conversation.closed_at = now
        conversation.close_reason = CloseReason.DECLINED.value
    conversation.save()
    return conversation
