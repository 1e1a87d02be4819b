"""The rotation policy of automatic backups: 7 daily, 4 weekly, nothing lost on a guess."""

from __future__ import annotations

import doctest
from datetime import date, timedelta

from coffeechat.domain import backup_rotation
from coffeechat.domain.backup_rotation import backups_to_keep

TUESDAY = date(2026, 11, 3)


def days_back(*offsets: int) -> list[date]:
    return [TUESDAY - timedelta(days=n) for n in offsets]


def test_a_week_of_daily_backups_is_all_kept():
    week = days_back(*range(7))
    assert backups_to_keep(week, TUESDAY) == set(week)


def test_the_eighth_day_goes_when_its_week_is_covered_by_daily_backups():
    # Day 7 back is last Tuesday; that week's newest (Sunday, day 2 back) is a daily one.
    kept = backups_to_keep(days_back(*range(8)), TUESDAY)
    assert kept == set(days_back(*range(7)))


def test_each_earlier_week_keeps_its_newest_backup_four_weeks_deep():
    kept = backups_to_keep(days_back(*range(60)), TUESDAY)
    weekly = sorted(kept - set(days_back(*range(7))))
    assert weekly == days_back(30, 23, 16, 9)
    assert all(day.weekday() == 6 for day in weekly)  # each week's Sunday
    assert len(kept) == 11


def test_a_fifth_older_week_is_deleted():
    kept = backups_to_keep(days_back(*range(60)), TUESDAY)
    assert TUESDAY - timedelta(days=37) not in kept  # the Sunday of a fifth week


def test_days_without_backups_do_not_count_so_a_long_break_keeps_the_history():
    before_a_month_off = days_back(*range(40, 50))
    kept = backups_to_keep([TUESDAY, *before_a_month_off], TUESDAY)
    # today plus the newest six from before the break are the seven "daily" ones
    assert set(days_back(0, 40, 41, 42, 43, 44, 45)) <= kept


def test_backups_dated_after_today_are_kept_and_not_counted():
    tomorrow_and_later = [TUESDAY + timedelta(days=1), TUESDAY + timedelta(days=30)]
    week = days_back(*range(7))
    assert backups_to_keep(week + tomorrow_and_later, TUESDAY) == set(week + tomorrow_and_later)


def test_the_same_day_listed_twice_counts_once():
    week = days_back(*range(7))
    assert backups_to_keep(week + week, TUESDAY) == set(week)


def test_no_backups_keep_nothing():
    assert backups_to_keep([], TUESDAY) == set()


def test_the_numbers_can_be_changed():
    kept = backups_to_keep(days_back(*range(30)), TUESDAY, daily=2, weekly=1)
    # today and yesterday, then the Sunday of the week before this one
    assert kept == set(days_back(0, 1, 2))


def test_the_docstring_example_holds():
    assert doctest.testmod(backup_rotation).failed == 0
