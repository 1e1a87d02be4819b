from datetime import date, datetime

import pytest

from coffeechat.domain.businessdays import holiday_dates
from coffeechat.domain.followup import response_speed
from coffeechat.domain.types import ResponseSpeed, RuleSettings, Sentiment

from .builders import NO_HOLIDAYS, NY, at

REQUESTED = at("2026-11-02", "09:00")  # a Monday


def speed(
    replied_at: datetime | None,
    *,
    requested_at: datetime | None = REQUESTED,
    holidays: frozenset[date] = NO_HOLIDAYS,
    settings: RuleSettings | None = None,
    closed: bool = False,
    sentiment: Sentiment | None = None,
) -> ResponseSpeed:
    return response_speed(
        requested_at,
        replied_at,
        zone=NY,
        holidays=holidays,
        settings=settings or RuleSettings(),
        closed=closed,
        sentiment=sentiment,
    )


@pytest.mark.parametrize(
    ("replied_at", "expected"),
    [
        (at("2026-11-02", "17:00"), ResponseSpeed.QUICK),  # same day
        (at("2026-11-05", "23:59"), ResponseSpeed.QUICK),  # business day 3
        (at("2026-11-06", "00:01"), ResponseSpeed.SLOW),  # business day 4
        (at("2026-11-20"), ResponseSpeed.SLOW),
    ],
)
def test_a_reply_within_three_business_days_is_quick(
    replied_at: datetime, expected: ResponseSpeed
) -> None:
    assert speed(replied_at) is expected


def test_a_weekend_does_not_count_against_the_contact() -> None:
    friday_request = at("2026-11-06", "16:00")
    assert speed(at("2026-11-11"), requested_at=friday_request) is ResponseSpeed.QUICK


@pytest.mark.parametrize(
    ("holidays", "expected"),
    [(NO_HOLIDAYS, ResponseSpeed.SLOW), (holiday_dates("US", [2026]), ResponseSpeed.QUICK)],
)
def test_a_public_holiday_does_not_count_against_the_contact(
    holidays: frozenset[date], expected: ResponseSpeed
) -> None:
    # Monday before Thanksgiving to the Friday after it.
    result = speed(at("2026-11-27"), requested_at=at("2026-11-23"), holidays=holidays)
    assert result is expected


def test_quick_reply_business_days_setting_moves_the_boundary() -> None:
    settings = RuleSettings(quick_reply_business_days=1)
    assert speed(at("2026-11-03"), settings=settings) is ResponseSpeed.QUICK
    assert speed(at("2026-11-04"), settings=settings) is ResponseSpeed.SLOW


@pytest.mark.parametrize(
    ("closed", "expected"),
    [(True, ResponseSpeed.NONE), (False, ResponseSpeed.PENDING)],
)
def test_no_reply_is_no_response_once_closed_and_pending_before(
    closed: bool, expected: ResponseSpeed
) -> None:
    assert speed(None, closed=closed) is expected


def test_a_reply_counts_even_if_the_conversation_was_closed_later() -> None:
    assert speed(at("2026-11-03"), closed=True) is ResponseSpeed.QUICK


@pytest.mark.parametrize(
    ("closed", "expected"),
    [(True, ResponseSpeed.NONE), (False, ResponseSpeed.PENDING)],
)
def test_an_out_of_office_reply_is_not_a_response(closed: bool, expected: ResponseSpeed) -> None:
    result = speed(at("2026-11-03"), closed=closed, sentiment=Sentiment.OUT_OF_OFFICE)
    assert result is expected


def test_without_a_request_there_is_nothing_to_classify() -> None:
    assert speed(None, requested_at=None, closed=True) is ResponseSpeed.PENDING
