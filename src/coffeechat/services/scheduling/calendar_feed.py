"""The private calendar feed: interviews and due Today actions at a secret URL.

The secret has 256 bits from ``secrets`` and only its SHA-256 is stored; it is
shown once. Resetting replaces the hash, so the old URL is dead at once. The
feed carries names, times, places and action titles, never notes, research or
the conversation's purpose: a calendar app syncs it to other servers.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from icalendar import Calendar, Event

from coffeechat.core.models import CalendarFeed, hash_secret
from coffeechat.domain.types import Action, ActionKind
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations import queries as conversation_queries
from coffeechat.services.scheduling.ical_zones import add_vtimezones
from coffeechat.services.scheduling.invites import interview_event, new_calendar
from coffeechat.services.today.due_list import today_for

FEED_PAST_DAYS = 90  # interviews this far back stay visible in the calendar


def create_feed_secret(user: AbstractBaseUser) -> str:
    """A new secret for the feed URL, replacing any earlier one; shown to the user once."""
    secret = secrets.token_urlsafe(32)  # 32 bytes = 256 bits
    with transaction.atomic():
        CalendarFeed.objects.filter(owner=user).delete()
        CalendarFeed.objects.create(owner=user, token_hash=hash_secret(secret))
    return secret


def stop_feed(user: AbstractBaseUser) -> None:
    CalendarFeed.objects.filter(owner=user).delete()


def has_feed(user: AbstractBaseUser) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(owner=user).first()


def user_for_feed(secret: str, now: datetime) -> AbstractBaseUser | None:
    """The feed's owner, or None for a wrong, reset or stopped secret."""
    feed = (
        CalendarFeed.objects.select_related("owner").filter(token_hash=hash_secret(secret)).first()
    )
    if feed is None or not feed.owner.is_active:
        return None
    CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    return feed.owner


@dataclass(frozen=True)
class FeedLinks:
    """Where an event links to: the web layer knows the pages (absolute addresses)."""

    conversation: Callable[[int], str]
    action: Callable[[Action], str]


def feed_ics(user: Any, now: datetime, *, links: FeedLinks | None = None) -> bytes:
    """Interviews from 90 days back on, and the Today actions, as one calendar."""
    since = (now - timedelta(days=FEED_PAST_DAYS)).date()
    calendar = _calendar(user, now, since=since, links=links)
    for event in _action_events(user, now, links):
        calendar.add_component(event)
    add_vtimezones(calendar)
    return calendar.to_ical()


def export_ics(user: Any, now: datetime) -> bytes:
    """Every booked interview, past and future (``coffeechat export ics``)."""
    calendar = _calendar(user, now, since=None, links=None)
    add_vtimezones(calendar)
    return calendar.to_ical()


def _calendar(user: Any, now: datetime, *, since: Any, links: FeedLinks | None) -> Calendar:
    calendar = new_calendar()
    calendar.add("x-wr-calname", "coffeechat")
    rows = (
        conversation_queries.live(user)
        .filter(start_date__isnull=False)
        .select_related("contact", "contact__organization", "owner")
        .order_by("start_date", "start_time")
    )
    if since is not None:
        rows = rows.filter(start_date__gte=since)
    for conversation in rows:
        if conversation.starts_at is None:
            continue
        event = interview_event(conversation, stamp=now, for_contact=False)
        if links is not None:
            event.add("url", links.conversation(conversation.pk))
        calendar.add_component(event)
    return calendar


def _action_events(user: Any, now: datetime, links: FeedLinks | None) -> list[Event]:
    """Each due Today action as an all-day event on its day (overdue ones on today)."""
    zone = ZoneInfo(ensure_profile(user).time_zone)
    today = now.astimezone(zone).date()
    events = []
    for item in today_for(user, now).items:
        action = item.action
        if action.kind is ActionKind.ATTEND:
            continue  # the interview itself is already in the feed
        day = max(action.due, today)
        event = Event()
        event.add("uid", _action_uid(action))
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", action.title + (" (overdue)" if action.overdue else ""))
        event.add("description", action.reason)
        event.add("transp", "TRANSPARENT")  # a to-do, not a busy block
        if links is not None:
            event.add("url", links.action(action))
        events.append(event)
    return events


def _action_uid(action: Any) -> str:
    ids = [
        action.contact_id,
        action.organization_id,
        action.conversation_id,
        action.career_path_id,
        action.action_item_id,
        action.referral_id,
    ]
    key = "-".join("" if value is None else str(value) for value in ids)
    return f"coffeechat-today-{action.kind.value}-{key}@coffeechat"
