"""Dates and times as coffeechat writes them, the same everywhere and on every machine.

Written out by hand because strftime's ``%a``/``%b`` follow the process locale
and ``%-d`` does not exist on Windows. Pages, messages, the CLI and the
engine's reasons all say a day the same way: "Tue 3 Nov", with the year when
it is not the year of the day it is said near.
"""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def say_day(day: date, near: date) -> str:
    """A day as people say it, with the year only when it differs from ``near``'s.

    >>> say_day(date(2026, 11, 3), date(2026, 11, 5)), say_day(date(2025, 12, 30), date(2026, 1, 2))
    ('Tue 3 Nov', 'Tue 30 Dec 2025')
    """
    text = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return text if day.year == near.year else f"{text} {day.year}"


def long_day(day: date) -> str:
    """A day with its year, whatever the year: headings and records.

    >>> long_day(date(2026, 12, 3))
    'Thu 3 Dec 2026'
    """
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def clock(moment: datetime) -> str:
    """The wall-clock time of ``moment`` as it is (already in the zone meant), 24-hour.

    >>> clock(datetime(2026, 12, 3, 9, 5))
    '09:05'
    """
    return f"{moment.hour:02d}:{moment.minute:02d}"


def day_and_clock(moment: datetime, near: date) -> str:
    """
    >>> day_and_clock(datetime(2026, 12, 3, 14, 30), date(2026, 12, 1))
    'Thu 3 Dec, 14:30'
    """
    return f"{say_day(moment.date(), near)}, {clock(moment)}"
