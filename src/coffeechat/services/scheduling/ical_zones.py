"""VTIMEZONE components that every calendar reader understands.

icalendar's own ``add_missing_timezones`` lists the transitions as long RDATE
lines; vobject (and the dateutil reader under it) misreads those and puts a
10:00 Chicago interview in late October at 11:00. Here each transition in the
years the events span is its own STANDARD/DAYLIGHT onset with a plain DTSTART,
the simplest form RFC 5545 allows, read the same way by icalendar and vobject.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard

_DAY = timedelta(days=1)
_MINUTE = timedelta(minutes=1)


def add_vtimezones(calendar: Calendar) -> None:
    """Add one VTIMEZONE per zone used by a DTSTART, covering the years it is used in."""
    years: dict[str, tuple[ZoneInfo, int, int]] = {}
    for event in calendar.walk("VEVENT"):
        start = event.decoded("dtstart")
        zone = getattr(start, "tzinfo", None)
        if isinstance(zone, ZoneInfo) and zone.key != "UTC":
            _, low, high = years.get(zone.key, (zone, start.year, start.year))
            years[zone.key] = (zone, min(low, start.year), max(high, start.year))
    for zone, low, high in years.values():
        calendar.add_component(vtimezone(zone, low, high + 1))


def vtimezone(zone: ZoneInfo, first_year: int, last_year: int) -> Timezone:
    start = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    component = Timezone()
    component.add("tzid", zone.key)
    # The state before the first transition, as an onset at the start of the range.
    before = start.astimezone(zone)
    offset = before.utcoffset() or timedelta(0)
    component.add_component(
        _onset(before.replace(tzinfo=None), offset, offset, bool(before.dst()), before.tzname())
    )
    for moment, old, new in _transitions(zone, start, end):
        local = moment.astimezone(zone)
        wall = (moment + old).replace(tzinfo=None)  # DTSTART is read in the old offset
        component.add_component(_onset(wall, old, new, bool(local.dst()), local.tzname()))
    return component


def _onset(
    wall: datetime, old: timedelta, new: timedelta, daylight: bool, name: str | None
) -> TimezoneStandard | TimezoneDaylight:
    onset = TimezoneDaylight() if daylight else TimezoneStandard()
    onset.add("dtstart", wall)
    onset.add("tzoffsetfrom", old)
    onset.add("tzoffsetto", new)
    if name:
        onset.add("tzname", name)
    return onset


def _offset(zone: ZoneInfo, moment: datetime) -> timedelta:
    return moment.astimezone(zone).utcoffset() or timedelta(0)


def _transitions(
    zone: ZoneInfo, start: datetime, end: datetime
) -> Iterator[tuple[datetime, timedelta, timedelta]]:
    """(instant, offset before, offset after) of each change: by day, then to the minute."""
    day = start
    while day < end:
        following = day + _DAY
        old, new = _offset(zone, day), _offset(zone, following)
        if old != new:
            low, high = day, following
            while high - low > _MINUTE:
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    break
                if _offset(zone, middle) == old:
                    low = middle
                else:
                    high = middle
            yield high, old, new
        day = following
