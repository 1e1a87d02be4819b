from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.businessdays import (
    add_business_days,
    business_days_between,
    holiday_dates,
    is_business_day,
    local_date,
    supported_countries,
)

from .builders import NO_HOLIDAYS, NY, d

THANKSGIVING_2026 = d("2026-11-26")


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2026-11-02", 0, "2026-11-02"),  # Monday + 0 stays put
        ("2026-11-02", 1, "2026-11-03"),  # Monday + 1 = Tuesday: the start is not counted
        ("2026-11-06", 1, "2026-11-09"),  # Friday + 1 = Monday
        ("2026-11-06", 3, "2026-11-11"),  # Friday + 3 = Wednesday
        ("2026-11-07", 1, "2026-11-09"),  # Saturday + 1 = Monday
        ("2026-11-02", 5, "2026-11-09"),  # a full week
        ("2026-11-02", 7, "2026-11-11"),
        ("2026-11-11", -3, "2026-11-06"),  # backwards over a weekend
    ],
)
def test_adding_business_days_skips_weekends(start: str, n: int, expected: str) -> None:
    assert add_business_days(d(start), n, NO_HOLIDAYS) == d(expected)


def test_adding_business_days_skips_a_real_public_holiday() -> None:
    us = holiday_dates("US", [2026])
    # Wednesday before Thanksgiving + 1 is the Friday after it.
    assert add_business_days(d("2026-11-25"), 1, us) == d("2026-11-27")
    assert add_business_days(d("2026-11-25"), 1, NO_HOLIDAYS) == THANKSGIVING_2026


def test_adding_business_days_skips_consecutive_synthetic_holidays() -> None:
    closed_week = frozenset({d("2026-11-03"), d("2026-11-04"), d("2026-11-05")})
    assert add_business_days(d("2026-11-02"), 2, closed_week) == d("2026-11-09")


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2026-11-27", True), ("2026-11-26", False), ("2026-11-28", False), ("2026-11-29", False)],
)
def test_weekends_and_holidays_are_not_business_days(day: str, expected: bool) -> None:
    assert is_business_day(d(day), {THANKSGIVING_2026}) is expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-11-06", "2026-11-11", 3),  # Friday to Wednesday
        ("2026-11-06", "2026-11-08", 0),  # only the weekend in between
        ("2026-11-02", "2026-11-02", 0),
        ("2026-11-11", "2026-11-06", -3),
    ],
)
def test_business_days_between_counts_days_after_the_start(
    start: str, end: str, expected: int
) -> None:
    assert business_days_between(d(start), d(end), NO_HOLIDAYS) == expected


def test_business_days_between_leaves_out_holidays() -> None:
    assert business_days_between(d("2026-11-23"), d("2026-11-27"), {THANKSGIVING_2026}) == 3


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    n=st.integers(min_value=0, max_value=60),
)
def test_counting_business_days_undoes_adding_them(start: date, n: int) -> None:
    holidays = frozenset({start + timedelta(days=4), start + timedelta(days=11)})
    assert business_days_between(start, add_business_days(start, n, holidays), holidays) == n


def test_holiday_dates_hold_the_countrys_public_holidays_for_each_year() -> None:
    us = holiday_dates("US", [2025, 2026])
    assert THANKSGIVING_2026 in us
    assert d("2025-11-27") in us  # Thanksgiving 2025
    assert d("2026-11-27") not in us


def test_holiday_country_codes_are_not_case_sensitive() -> None:
    assert holiday_dates("us", [2026]) == holiday_dates("US", [2026])


@pytest.mark.parametrize("country", [None, "", "  "])
def test_no_country_means_no_holidays(country: str | None) -> None:
    assert holiday_dates(country, [2026]) == frozenset()


def test_an_unknown_country_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="'Atlantis'"):
        holiday_dates("Atlantis", [2026])


def test_supported_countries_offer_readable_names_sorted_by_name() -> None:
    countries = supported_countries()
    assert countries["US"] == "United States of America"
    assert countries["DE"] == "Germany"
    assert countries["GB"] == "United Kingdom"
    names = list(countries.values())
    assert names == sorted(names, key=str.casefold)
    assert all(len(code) == 2 for code in countries)


def test_supported_countries_cannot_be_changed_by_a_caller() -> None:
    supported_countries().pop("US")
    assert "US" in supported_countries()


def test_local_date_is_the_date_on_the_users_wall_clock() -> None:
    # 02:30 UTC on Sunday is still Saturday evening in New York.
    assert local_date(datetime(2026, 3, 8, 2, 30, tzinfo=UTC), NY) == d("2026-03-07")
    assert local_date(datetime(2026, 3, 8, 2, 30, tzinfo=UTC), ZoneInfo("UTC")) == d("2026-03-08")


def test_local_date_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match="naive"):
        local_date(datetime(2026, 3, 8, 2, 30), NY)
