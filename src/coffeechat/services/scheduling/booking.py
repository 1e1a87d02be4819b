"""Proposing and booking interview times: the user's data through domain.scheduling.

The web page, the API and (later) the CLI call these functions; they read the
profile's availability, the contact's zone, both sides' holidays and the user's
other booked interviews, and book through ``conversations.record_event``.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.core.models import Contact, Conversation, Profile
from coffeechat.domain.businessdays import holiday_dates, supported_countries
from coffeechat.domain.profile import ProfileParseError, Window, availability_from_json
from coffeechat.domain.scheduling import (
    Busy,
    Proposal,
    Slot,
    SlotRequest,
    describe_slot,
    propose_slots,
    snippet,
)
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations import actions as journey
from coffeechat.services.conversations import queries as conversation_queries
from coffeechat.services.errors import InvalidInput
from coffeechat.services.owned import get_owned
from coffeechat.services.today.due_list import rule_settings

MAX_SLOTS = 10
DEFAULT_SLOTS = 3


@dataclass(frozen=True)
class ProposedTimes:
    """A proposal ready to show: the slots in both zones, the snippet and any caveats."""

    conversation: Conversation
    proposal: Proposal
    notes: list[str]

    @property
    def snippet(self) -> str:
        return snippet(self.proposal)

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [self._row(slot) for slot in self.proposal.slots]

    def _row(self, slot: Slot) -> dict[str, Any]:
        user_zone, contact_zone = self.proposal.user_zone, self.proposal.contact_zone
        mine, theirs = slot.in_zone(user_zone), slot.in_zone(contact_zone)
        known = contact_zone if self.proposal.contact_zone_known else None
        return {
            "start": slot.start,
            "user_start": mine[0],
            "user_end": mine[1],
            "contact_start": theirs[0],
            "contact_end": theirs[1],
            "text": describe_slot(slot, user_zone, known),
        }


def zone_or_none(name: str) -> ZoneInfo | None:
    """The zone for a stored name; an empty or unknown name is no zone at all."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


@cache
def _zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country from tzdata's zone.tab (a zone belongs to one country there)."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text()
    pairs = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            code, _coordinates, zone = line.split("\t")[:3]
            pairs[zone] = code
    return pairs


def country_of_zone(name: str) -> str | None:
    """The country a zone belongs to, if the holidays package knows it.

    >>> country_of_zone("Europe/Berlin"), country_of_zone("UTC")
    ('DE', None)
    """
    code = _zone_countries().get(name)
    return code if code and code in supported_countries() else None


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[date]:
    # Two weeks ahead can cross New Year; the years either side cover it.
    return holiday_dates(country or None, range(year - 1, year + 2))


def windows_of(profile: Profile) -> list[Window]:
    try:
        return availability_from_json(profile.availability or [])
    except ProfileParseError:
        return []  # stored values were validated on save; an old bad row offers nothing


def propose_times(
    user: Any, conversation_id: object, now: datetime, count: int = DEFAULT_SLOTS
) -> ProposedTimes:
    """Slots for one conversation over the next two weeks, with the caveats to show."""
    if not 1 <= count <= MAX_SLOTS:
        raise InvalidInput({"count": [f"Ask for 1 to {MAX_SLOTS} slots."]})
    conversation = get_owned(user, Conversation, conversation_id)
    profile = ensure_profile(user)
    contact: Contact = conversation.contact
    user_zone = ZoneInfo(profile.time_zone)
    contact_zone = zone_or_none(contact.time_zone)
    contact_country = country_of_zone(contact.time_zone) if contact_zone else None
    rules = rule_settings(profile)
    request = SlotRequest(
        now=now,
        user_zone=user_zone,
        windows=windows_of(profile),
        minutes=conversation.planned_minutes,
        contact_zone=contact_zone,
        user_holidays=_holidays(profile.holiday_country, now.year),
        contact_holidays=_holidays(contact_country or "", now.year),
        busy=_booked(user, conversation, now, rules.slot_days_ahead),
        count=count,
        taken=frozenset(filter(None, [conversation.starts_at])),
        # The rule settings (Profile → rules); their defaults are the documented 24 h,
        # 14 days, 15 minutes and 09:00–17:00.
        notice=timedelta(hours=rules.slot_notice_hours),
        days=rules.slot_days_ahead,
        buffer=timedelta(minutes=rules.slot_buffer_minutes),
        business_hours=(time(rules.business_day_start_hour), time(rules.business_day_end_hour)),
    )
    proposal = propose_slots(request)
    notes = list(proposal.notes)
    if contact_zone is not None and contact_zone.key != user_zone.key:
        notes.append(f"{contact.name} is in {contact_zone.key}; their times come first.")
    notes.append(_holiday_note(profile, contact.name, contact_country))
    return ProposedTimes(conversation, proposal, notes)


def _holiday_note(profile: Profile, contact_name: str, contact_country: str | None) -> str:
    names = supported_countries()
    yours = names.get(profile.holiday_country, "") if profile.holiday_country else ""
    parts = [f"yours ({yours})" if yours else "none of yours (no country in your profile)"]
    if contact_country:
        parts.append(f"{contact_name}'s ({names[contact_country]}, from their time zone)")
    return "Public holidays skipped: " + " and ".join(parts) + "."


def _booked(user: Any, conversation: Conversation, now: datetime, days: int = 14) -> list[Busy]:
    """The user's other booked, not cancelled interviews around the days slots may use."""
    today = now.date()
    rows = (
        conversation_queries.live(user)
        .filter(
            start_date__isnull=False,
            start_date__gte=today - timedelta(days=2),
            start_date__lte=today + timedelta(days=days + 2),
            closed_at__isnull=True,
        )
        .exclude(pk=conversation.pk)
        .only("start_date", "start_time", "time_zone", "planned_minutes")
    )
    busy = []
    for row in rows:
        start = row.starts_at
        if start is not None:
            busy.append(Busy(start, start + timedelta(minutes=row.planned_minutes)))
    return busy


def book_slot(user: Any, conversation_id: object, start: str, now: datetime) -> Conversation:
    """Book the interview at ``start`` (ISO with offset), stored as wall time in the user's zone.

    Rebooking a booked conversation is a reschedule: the invite's SEQUENCE goes up.
    """
    moment = _aware(start)
    if moment <= now:
        raise InvalidInput({"start": ["That time has already passed; choose another slot."]})
    profile = ensure_profile(user)
    conversation = get_owned(user, Conversation, conversation_id)
    data = {
        "type": "scheduled",
        "starts_at": moment.isoformat(),
        "time_zone": profile.time_zone,
        "minutes": conversation.planned_minutes,
    }
    return journey.record_event(user, conversation_id, data, now)


def _aware(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(text).strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InvalidInput(
            {"start": [f"{text!r} is not a slot start; expected e.g. 2026-12-01T10:00:00-05:00."]}
        )
    return moment


def cancel_interview(user: Any, conversation_id: object, now: datetime) -> Conversation:
    """Close a booked, not yet held interview as cancelled; the invite becomes METHOD:CANCEL."""
    conversation = get_owned(user, Conversation, conversation_id)
    if conversation.start_date is None or conversation.held_at is not None:
        raise InvalidInput(
            {"__all__": ["Only a booked interview that has not happened can be cancelled."]}
        )
    return journey.record_event(
        user, conversation_id, {"type": "closed", "reason": "cancelled"}, now
    )
