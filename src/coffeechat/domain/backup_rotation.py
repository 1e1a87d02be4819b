"""Which automatic backups to keep: 7 daily and 4 weekly, the way borg prunes.

Counting goes by days (and weeks) that *have* a backup, not by the calendar, so
a laptop that was off for a month still keeps its last week of backups instead
of losing them all on the first day back. A weekly backup is the newest one of
its ISO week and is kept *in addition to* the daily ones: a week whose newest
backup is already a daily one does not use up one of the four.

Backups dated after ``today`` are kept and not counted: the clock was wrong when
they were taken, or is wrong now, and deleting on a guess would lose data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

DAILY = 7
WEEKLY = 4


def backups_to_keep(
    days: Iterable[date], today: date, *, daily: int = DAILY, weekly: int = WEEKLY
) -> set[date]:
    """The days whose backup stays; every other day's backup can be deleted.

    Taken every day, the newest seven stay, then the Sunday of each of the four
    weeks before them (3 Nov 2026 is a Tuesday):

    >>> from datetime import timedelta
    >>> every_day = [date(2026, 11, 3) - timedelta(days=n) for n in range(60)]
    >>> sorted(d.isoformat() for d in backups_to_keep(every_day, date(2026, 11, 3)))
    ... # doctest: +NORMALIZE_WHITESPACE
    ['2026-10-04', '2026-10-11', '2026-10-18', '2026-10-25',
     '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31',
     '2026-11-01', '2026-11-02', '2026-11-03']
    """
    past = sorted({day for day in days if day <= today}, reverse=True)
    keep = set(past[:daily])
    keep |= _newest_of_earlier_weeks(past, keep, weekly)
    keep |= {day for day in days if day > today}
    return keep


def _newest_of_earlier_weeks(past: list[date], daily: set[date], weekly: int) -> set[date]:
    """``past`` newest first; a week already represented by a daily backup is skipped."""
    kept: set[date] = set()
    seen: set[tuple[int, int]] = set()
    for day in past:
        week = day.isocalendar()[:2]
        if week in seen:
            continue
        seen.add(week)
        if day in daily:
            continue
        if len(kept) == weekly:
            break
        kept.add(day)
    return kept
