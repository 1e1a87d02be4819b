"""Slot proposals across two time zones: when could the user and the contact talk?

A slot is offered when it lies inside one of the user's weekly windows (wall
time in the user's zone), inside the contact's business hours on a weekday in
the contact's zone, off both sides' public holidays, and clear of the user's
booked interviews plus a buffer. Everything is computed on aware datetimes and
compared as instants, so a DST change on either side moves the overlap the
way the two wall clocks really move.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from coffeechat.domain.dates import say_day
from coffeechat.domain.profile import Window

_SATURDAY = 5
DEFAULT_BUSINESS_HOURS = (time(9, 0), time(17, 0))


@dataclass(frozen=True, slots=True)
class Busy:
    """A booked interview (or anything else) the proposals must keep clear of."""

    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class SlotRequest:
    """Everything the proposal depends on; ``now`` and the holidays come from the caller."""

    now: datetime
    user_zone: ZoneInfo
    windows: Sequence[Window]
    minutes: int
    contact_zone: ZoneInfo | None = None
    user_holidays: Container[date] = frozenset()
    contact_holidays: Container[date] = frozenset()
    busy: Sequence[Busy] = ()
    count: int = 3
    days: int = 14
    buffer: timedelta = timedelta(minutes=15)
    notice: timedelta = timedelta(hours=24)
    step: timedelta = timedelta(minutes=30)
    business_hours: tuple[time, time] = DEFAULT_BUSINESS_HOURS
    taken: Container[datetime] = frozenset()  # starts not to offer again (the current booking)


@dataclass(frozen=True, slots=True)
class Slot:
    start: datetime  # aware, in the user's zone
    end: datetime

    def in_zone(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        return self.start.astimezone(zone), self.end.astimezone(zone)


@dataclass(frozen=True, slots=True)
class Proposal:
    slots: tuple[Slot, ...]
    user_zone: ZoneInfo
    contact_zone: ZoneInfo  # the user's zone when the contact's is unknown
    contact_zone_known: bool
    minutes: int
    notes: tuple[str, ...] = field(default=())  # fallbacks the user should know about
    message: str = ""  # why there are no slots, when there are none


def propose_slots(request: SlotRequest) -> Proposal:
    """Up to ``count`` slots, spread over different days first, earliest first.

    >>> from coffeechat.domain.profile import Window
    >>> ny = ZoneInfo("America/New_York")
    >>> request = SlotRequest(
    ...     now=datetime(2026, 11, 30, 9, 0, tzinfo=ny), user_zone=ny,
    ...     windows=[Window(1, time(10, 0), time(12, 0))], minutes=30,
    ...     contact_zone=ZoneInfo("Europe/Berlin"), count=1)
    >>> print(snippet(propose_slots(request)))
    Would one of these times work for you? (30 minutes)
    - Tue 1 Dec, 16:00–16:30 your time (10:00 for me)
    """
    known = request.contact_zone is not None
    contact_zone = request.contact_zone or request.user_zone
    notes: tuple[str, ...] = ()
    if not known:
        notes = (
            "The contact has no time zone on file, so their business hours are assumed "
            f"to be in your zone ({request.user_zone.key}). Add their zone on the contact page.",
        )
    candidates = list(_candidates(request, contact_zone))
    slots = tuple(_spread(candidates, request.count, request.user_zone))
    return Proposal(
        slots=slots,
        user_zone=request.user_zone,
        contact_zone=contact_zone,
        contact_zone_known=known,
        minutes=request.minutes,
        notes=notes,
        message="" if slots else _nothing_found(request, contact_zone),
    )


def _candidates(request: SlotRequest, contact_zone: ZoneInfo) -> Iterator[Slot]:
    """Every slot that passes all the rules, in time order."""
    earliest = request.now + request.notice
    latest = request.now + timedelta(days=request.days)
    first_day = request.now.astimezone(request.user_zone).date()
    length = timedelta(minutes=request.minutes)
    for offset in range(request.days + 1):
        day = first_day + timedelta(days=offset)
        if day in request.user_holidays:
            continue
        for window in request.windows:
            if window.weekday != day.weekday():
                continue
            for slot in _slots_in_window(day, window, request.user_zone, length, request.step):
                if (
                    earliest <= slot.start
                    and slot.end <= latest
                    and _fits(slot, request, contact_zone)
                ):
                    yield slot


def _slots_in_window(
    day: date, window: Window, zone: ZoneInfo, length: timedelta, step: timedelta
) -> Iterator[Slot]:
    wall = datetime.combine(day, window.start)
    window_end = datetime.combine(day, window.end)
    while wall + length <= window_end:
        start = _existing(wall, zone)
        if start is not None:
            # Add the length as real elapsed time (in UTC): across a DST change
            # a wall-clock addition would make a 30-minute slot 90 or -30 long.
            end = (start.astimezone(UTC) + length).astimezone(zone)
            if end.replace(tzinfo=None) <= window_end:
                yield Slot(start, end)
        wall += step


def _existing(wall: datetime, zone: ZoneInfo) -> datetime | None:
    """The aware moment for a wall time, or None in the hour a spring-forward skips."""
    moment = wall.replace(tzinfo=zone)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
        return None
    return moment


def _fits(slot: Slot, request: SlotRequest, contact_zone: ZoneInfo) -> bool:
    return (
        slot.start not in request.taken
        and _in_business_hours(slot, contact_zone, request)
        and not _clashes(slot, request)
    )


def _in_business_hours(slot: Slot, zone: ZoneInfo, request: SlotRequest) -> bool:
    start, end = slot.in_zone(zone)
    opens, closes = request.business_hours
    return (
        start.date() == end.date()
        and start.weekday() < _SATURDAY
        and start.date() not in request.contact_holidays
        and opens <= start.time()
        and end.time() <= closes
    )


def _clashes(slot: Slot, request: SlotRequest) -> bool:
    return any(
        slot.start < busy.end + request.buffer and busy.start - request.buffer < slot.end
        for busy in request.busy
    )


def _spread(candidates: list[Slot], count: int, zone: ZoneInfo) -> list[Slot]:
    """One slot per day first, so the contact gets a real choice; then fill up in order."""
    chosen: list[Slot] = []
    days: set[date] = set()
    for slot in candidates:
        day = slot.start.astimezone(zone).date()
        if day not in days and len(chosen) < count:
            chosen.append(slot)
            days.add(day)
    for slot in candidates:
        if len(chosen) >= count:
            break
        if slot not in chosen:
            chosen.append(slot)
    return sorted(chosen, key=lambda slot: slot.start)


def _nothing_found(request: SlotRequest, contact_zone: ZoneInfo) -> str:
    if not request.windows:
        return (
            "No slots: you have no weekly availability yet. Add your windows under "
            "Settings → Availability."
        )
    opens, closes = (moment.strftime("%H:%M") for moment in request.business_hours)
    return (
        f"No {request.minutes}-minute slot in the next {request.days} days fits both your "
        f"availability and {opens}–{closes} on a weekday in {contact_zone.key}, off holidays "
        "and clear of your booked interviews. Add wider windows or propose a time by hand."
    )


def describe_slot(slot: Slot, user_zone: ZoneInfo, contact_zone: ZoneInfo | None) -> str:
    """One line for the contact: their time first, the user's in brackets.

    The user's date is repeated only when it differs from the contact's (the
    slot crosses midnight between the two zones).
    """
    if contact_zone is None or contact_zone.key == user_zone.key:
        start, end = slot.in_zone(user_zone)
        return f"{_day(start)}, {_clock(start)}–{_clock(end)} ({user_zone.key} time)"
    their_start, their_end = slot.in_zone(contact_zone)
    my_start = slot.start.astimezone(user_zone)
    mine = _clock(my_start)
    if my_start.date() != their_start.date():
        mine = f"{_day(my_start)} {mine}"
    return (
        f"{_day(their_start)}, {_clock(their_start)}–{_clock(their_end)} your time ({mine} for me)"
    )


def snippet(proposal: Proposal) -> str:
    """The text to paste into the reply, or the reason there is nothing to paste."""
    if not proposal.slots:
        return proposal.message
    zone = proposal.contact_zone if proposal.contact_zone_known else None
    lines = [f"Would one of these times work for you? ({proposal.minutes} minutes)"]
    lines += [f"- {describe_slot(slot, proposal.user_zone, zone)}" for slot in proposal.slots]
    return "\n".join(lines)


def _day(moment: datetime) -> str:
    return say_day(moment.date(), moment.date())


def _clock(moment: datetime) -> str:
    return f"{moment:%H:%M}"
