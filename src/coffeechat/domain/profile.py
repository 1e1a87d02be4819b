"""Parsers for the profile's free-text lists: weighted items and availability.

People type these as lines ("Design: 5", "Mon 09:00-12:00"); the API sends
them as JSON. Both end up as the same plain values, and a bad line is refused
with its line number so the user knows what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DEFAULT_WEIGHT = 3


class ProfileParseError(ValueError):
    """A line that cannot be read; ``line`` counts from 1."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}")


@dataclass(frozen=True, slots=True)
class Weighted:
    name: str
    weight: int

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "weight": self.weight}


@dataclass(frozen=True, slots=True)
class Window:
    weekday: int
    start: time
    end: time

    def as_dict(self) -> dict[str, object]:
        return {
            "weekday": self.weekday,
            "start": self.start.strftime("%H:%M"),
            "end": self.end.strftime("%H:%M"),
        }


_WEIGHTED = re.compile(r"^(?P<name>.+?)\s*(?::\s*(?P<weight>-?\d+))?\s*$")


def parse_weighted_lines(text: str) -> list[Weighted]:
    """One item per line, an optional ``: weight`` from 1 to 5 (default 3).

    >>> parse_weighted_lines("Design: 5\\n\\nwriting")
    [Weighted(name='Design', weight=5), Weighted(name='writing', weight=3)]
    >>> parse_weighted_lines("Design: 9")
    Traceback (most recent call last):
    ...
    coffeechat.domain.profile.ProfileParseError: line 1: weight 9 is outside 1-5
    """
    items: list[Weighted] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _WEIGHTED.match(line)
        if match is None or not match["name"].strip():
            raise ProfileParseError(number, f"cannot read {line!r}; write 'name: weight'")
        items.append(_weighted(number, match["name"].strip(), match["weight"], seen))
    return items


def _weighted(number: int, name: str, raw_weight: str | None, seen: set[str]) -> Weighted:
    weight = DEFAULT_WEIGHT if raw_weight is None else int(raw_weight)
    if not 1 <= weight <= 5:
        raise ProfileParseError(number, f"weight {weight} is outside 1-5")
    if len(name) > 100:
        raise ProfileParseError(number, "a name is at most 100 characters")
    if name.casefold() in seen:
        raise ProfileParseError(number, f"{name!r} is listed twice")
    seen.add(name.casefold())
    return Weighted(name, weight)


def weighted_from_json(value: object) -> list[Weighted]:
    """The API form: ``[{"name": "Design", "weight": 5}, ...]`` (item N counts from 1)."""
    if not isinstance(value, list):
        raise ProfileParseError(1, "expected a list of {name, weight}")
    lines = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ProfileParseError(number, "each item needs a text 'name'")
        weight = item.get("weight", DEFAULT_WEIGHT)
        if not isinstance(weight, int) or isinstance(weight, bool):
            raise ProfileParseError(number, "'weight' must be a whole number from 1 to 5")
        lines.append(f"{item['name'].strip()}: {weight}")
    return parse_weighted_lines("\n".join(lines))


def format_weighted(items: list[dict[str, object]]) -> str:
    return "\n".join(f"{item['name']}: {item['weight']}" for item in items)


_WINDOW = re.compile(
    r"^(?P<day>[A-Za-z]{3})[a-z]*\s+(?P<start>\d{1,2}:\d{2})\s*[-–]\s*(?P<end>\d{1,2}:\d{2})$"
)


def parse_availability_lines(text: str) -> list[Window]:
    """Weekly windows like ``Mon 09:00-12:00``, one per line, in the user's zone.

    >>> parse_availability_lines("Tue 14:00-16:30")
    [Window(weekday=1, start=datetime.time(14, 0), end=datetime.time(16, 30))]
    >>> parse_availability_lines("Tue 16:00-14:00")
    Traceback (most recent call last):
    ...
    coffeechat.domain.profile.ProfileParseError: line 1: the window ends before it starts
    """
    windows: list[Window] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _WINDOW.match(line)
        if match is None:
            raise ProfileParseError(number, f"cannot read {line!r}; write 'Mon 09:00-12:00'")
        windows.append(_window(number, match["day"], match["start"], match["end"]))
    return sorted(windows, key=lambda window: (window.weekday, window.start))


def _window(number: int, day: str, start: str, end: str) -> Window:
    day = day.capitalize()
    if day not in WEEKDAYS:
        raise ProfileParseError(number, f"{day!r} is not a weekday (Mon, Tue, … Sun)")
    begins, ends = _clock(number, start), _clock(number, end)
    if ends <= begins:
        raise ProfileParseError(number, "the window ends before it starts")
    return Window(WEEKDAYS.index(day), begins, ends)


def _clock(number: int, text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 23 or minutes > 59:
        raise ProfileParseError(number, f"{text} is not a time of day")
    return time(hours, minutes)


def availability_from_json(value: object) -> list[Window]:
    if not isinstance(value, list):
        raise ProfileParseError(1, "expected a list of {weekday, start, end}")
    lines = []
    for number, item in enumerate(value, start=1):
        weekday = item.get("weekday") if isinstance(item, dict) else None
        if not isinstance(weekday, int) or not 0 <= weekday <= 6:
            raise ProfileParseError(number, "'weekday' must be 0 (Monday) to 6 (Sunday)")
        assert isinstance(item, dict)
        lines.append(f"{WEEKDAYS[weekday]} {item.get('start')}-{item.get('end')}")
    return parse_availability_lines("\n".join(lines))


def format_availability(windows: list[dict[str, object]]) -> str:
    return "\n".join(f"{WEEKDAYS[int(str(w['weekday']))]} {w['start']}-{w['end']}" for w in windows)
