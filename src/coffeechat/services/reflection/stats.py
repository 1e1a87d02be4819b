"""The statistics page's figures: read the user's rows as plain facts, then ``domain.stats``.

Six queries whatever the campaign's size: the profile, referrals, conversations
(each with the channel of its first request, by subquery), the number of
contacts, the few contacts the referral tree names, and messages sent in the
last weeks. The page, the API and any other caller use
``stats_for``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import OuterRef, Q, Subquery

from coffeechat.core.models import Contact, Message, Referral
from coffeechat.domain.businessdays import holiday_dates
from coffeechat.domain.stats import (
    WEEKS,
    ContactFact,
    ConversationFact,
    ReferralFact,
    Stats,
    StatsInput,
    compute_stats,
    week_start,
)
from coffeechat.domain.types import Sentiment
from coffeechat.domain.vocabulary import Direction, MessageKind
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations.queries import live
from coffeechat.services.today.due_list import rule_settings


def stats_for(user: Any, now: datetime) -> Stats:
    profile = ensure_profile(user)
    zone = ZoneInfo(profile.time_zone)
    today = now.astimezone(zone).date()
    settings = rule_settings(profile)
    referrals = _referrals(user)
    conversations = _conversations(user, zone)
    first_year = min(
        (c.requested_on.year for c in conversations if c.requested_on), default=today.year
    )
    facts = StatsInput(
        identified=Contact.objects.for_user(user).count(),
        contacts=_tree_contacts(user, referrals),
        conversations=conversations,
        messages_sent_on=_messages_sent_on(user, zone, today),
        referrals=referrals,
        holidays=_holidays(profile.holiday_country, first_year, today.year),
        quick_reply_days=settings.quick_reply_business_days,
        settle_days=settings.follow_up_business_days,
    )
    return compute_stats(facts, today)


@lru_cache(maxsize=64)
def _holidays(country: str, first_year: int, last_year: int) -> frozenset[date]:
    return holiday_dates(country or None, range(first_year, last_year + 1))


def _local(moment: datetime | None, zone: ZoneInfo) -> date | None:
    return moment.astimezone(zone).date() if moment else None


def _tree_contacts(user: Any, referrals: list[ReferralFact]) -> list[ContactFact]:
    """Only the people the referral tree draws: in a referral, or referred by someone."""
    in_referrals = {r.from_contact_id for r in referrals} | {r.to_contact_id for r in referrals}
    referrers = Contact.objects.for_user(user).filter(referred_by__isnull=False)
    rows = (
        Contact.objects.for_user(user)
        .filter(
            Q(pk__in=in_referrals)
            | Q(referred_by__isnull=False)
            | Q(pk__in=referrers.values("referred_by_id"))
        )
        .values_list("id", "first_name", "last_name", "source", "referred_by_id")
    )
    return [
        ContactFact(pk, f"{first} {last}".strip(), source, referred_by)
        for pk, first, last, source, referred_by in rows
    ]


def _conversations(user: Any, zone: ZoneInfo) -> list[ConversationFact]:
    first_request = (
        Message.objects.filter(
            conversation=OuterRef("pk"),
            kind=MessageKind.REQUEST,
            direction=Direction.OUTGOING,
            sent_at__isnull=False,
            deleted_at__isnull=True,
        )
        .order_by("sent_at", "pk")
        .values("channel")[:1]
    )
    rows = (
        live(user)
        .annotate(request_channel=Subquery(first_request))
        .values(
            "contact_id",
            "contact__source",
            "career_path__title",
            "career_path__deleted_at",
            "request_channel",
            "requested_at",
            "replied_at",
            "reply_sentiment",
            "held_at",
            "thanked_at",
            "closed_at",
            "planned_minutes",
        )
    )
    return [_conversation_fact(row, zone) for row in rows]


def _conversation_fact(row: dict[str, Any], zone: ZoneInfo) -> ConversationFact:
    path = row["career_path__title"] if not row["career_path__deleted_at"] else ""
    return ConversationFact(
        contact_id=row["contact_id"],
        source=row["contact__source"],
        channel=row["request_channel"],
        career_path=path or "",
        requested_on=_local(row["requested_at"], zone),
        replied_on=_local(row["replied_at"], zone),
        out_of_office=row["reply_sentiment"] == Sentiment.OUT_OF_OFFICE,
        held_on=_local(row["held_at"], zone),
        thanked_on=_local(row["thanked_at"], zone),
        closed=row["closed_at"] is not None,
        minutes=row["planned_minutes"] or 0,
    )


def _messages_sent_on(user: Any, zone: ZoneInfo, today: date) -> list[date]:
    # A day of margin either side: the window is in local dates, the column in UTC.
    first = week_start(today) - timedelta(weeks=WEEKS - 1, days=1)
    since = datetime.combine(first, time.min, tzinfo=zone)
    moments = Message.objects.for_user(user).filter(
        direction=Direction.OUTGOING,
        sent_at__gte=since,
        contact__deleted_at__isnull=True,
    )
    return [moment.astimezone(zone).date() for moment in moments.values_list("sent_at", flat=True)]


def _referrals(user: Any) -> list[ReferralFact]:
    rows = (
        Referral.objects.for_user(user)
        .filter(from_contact__deleted_at__isnull=True, to_contact__deleted_at__isnull=True)
        .values_list("from_contact_id", "to_contact_id")
    )
    return [ReferralFact(source, target) for source, target in rows]
