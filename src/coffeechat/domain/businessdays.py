"""Business days: weekdays that are not one of the user's public holidays.

Holidays are passed in as any container of dates, so the rules never decide
the user's country themselves and tests can use a hand-made set.
"""

from __future__ import annotations

import importlib
from collections.abc import Container, Iterable
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays as holidays_lib
from holidays import registry

_SATURDAY = 5
_ONE_DAY = timedelta(days=1)


def is_business_day(day: date, holidays: Container[date]) -> bool:
    """True on Monday to Friday unless ``day`` is a holiday.

    >>> is_business_day(date(2026, 11, 26), {date(2026, 11, 26)})  # Thanksgiving
    False
    >>> is_business_day(date(2026, 11, 28), set())  # a Saturday
    False
    """
    return day.weekday() < _SATURDAY and day not in holidays


def add_business_days(start: date, n: int, holidays: Container[date]) -> date:
    """The ``n``-th business day after ``start``; ``start`` itself is never counted.

    A negative ``n`` counts backwards, and 0 returns ``start`` unchanged even
    when it is a weekend, because "no delay" should not move a date.

    >>> add_business_days(date(2026, 11, 20), 3, set())  # Friday + 3 = Wednesday
    datetime.date(2026, 11, 25)
    >>> add_business_days(date(2026, 11, 21), 1, set())  # Saturday + 1 = Monday
    datetime.date(2026, 11, 23)
    >>> add_business_days(date(2026, 11, 25), 1, {date(2026, 11, 26)})  # skips Thanksgiving
    datetime.date(2026, 11, 27)
    """
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    day = start
    for _ in range(abs(n)):
        day += step
        while not is_business_day(day, holidays):
            day += step
    return day


def business_days_between(start: date, end: date, holidays: Container[date]) -> int:
    """How many business days fall after ``start`` up to and including ``end``.

    The inverse of ``add_business_days``: counting from a Friday request to the
    following Wednesday gives 3. Negative when ``end`` is before ``start``.

    >>> business_days_between(date(2026, 11, 20), date(2026, 11, 25), set())
    3
    >>> business_days_between(date(2026, 11, 20), date(2026, 11, 22), set())  # weekend only
    0
    >>> business_days_between(date(2026, 11, 25), date(2026, 11, 20), set())
    -3
    """
    if end < start:
        return -business_days_between(end, start, holidays)
    days = (end - start).days
    return sum(
        1 for offset in range(1, days + 1) if is_business_day(start + timedelta(offset), holidays)
    )


def holiday_dates(country: str | None, years: Iterable[int]) -> frozenset[date]:
    """The public holidays of ``country`` (ISO code) in ``years``.

    Pass the years around today (last, this and next) so that windows that
    cross New Year still skip the holidays on the other side.

    >>> date(2026, 11, 26) in holiday_dates("US", [2026])
    True
    >>> holiday_dates(None, [2026])
    frozenset()
    >>> holiday_dates("XX", [2026])
    Traceback (most recent call last):
    ...
    ValueError: unknown holiday country 'XX'
    """
    if not country or not country.strip():
        return frozenset()
    code = country.strip().upper()
    try:
        calendar = holidays_lib.country_holidays(code, years=list(years))
    except NotImplementedError:
        raise ValueError(f"unknown holiday country {country!r}") from None
    return frozenset(calendar.keys())


def supported_countries() -> dict[str, str]:
    """ISO alpha-2 code to country name for every country the holidays package knows.

    Sorted by name, for a select box.

    >>> supported_countries()["DE"]
    'Germany'
    """
    return dict(_supported_countries())


@cache
def _supported_countries() -> tuple[tuple[str, str], ...]:
    # The registry maps module -> (class name, alpha-2, alpha-3, ...); the
    # readable name lives only in the class docstring ("Germany holidays.").
    pairs = []
    for module_name, entry in registry.COUNTRIES.items():
        class_name, code = entry[0], entry[1]
        module = importlib.import_module(f"holidays.countries.{module_name}")
        pairs.append((code, _country_name(getattr(module, class_name), class_name)))
    return tuple(sorted(pairs, key=lambda pair: pair[1].casefold()))


def _country_name(calendar_class: type, fallback: str) -> str:
    """The name from ``"United States of America (the) holidays."``, else the class name."""
    first_line = (calendar_class.__doc__ or "").strip().split("\n", 1)[0]
    suffix = " holidays."
    if not first_line.endswith(suffix):
        return fallback
    return first_line.removesuffix(suffix).removesuffix(" (the)")


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    """The calendar date of an aware ``moment`` on a wall clock in ``zone``.

    Refuses naive datetimes, which would silently be read as the server's zone.

    >>> from datetime import UTC
    >>> local_date(datetime(2026, 3, 8, 3, 0, tzinfo=UTC), ZoneInfo("America/New_York"))
    datetime.date(2026, 3, 7)
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()} has no time zone")
    return moment.astimezone(zone).date()
