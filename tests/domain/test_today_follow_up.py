"""Follow up, let go and schedule: what happens after a request went out.

Dates are in November 2026: Monday the 2nd, Friday the 6th, Wednesday the
11th (Veterans Day in the US), Thursday the 26th (Thanksgiving).
"""

from datetime import date, datetime
from typing import Any

import pytest

from coffeechat.domain.businessdays import holiday_dates
from coffeechat.domain.types import (
    ActionKind,
    Bucket,
    ConversationFacts,
    RuleSettings,
    Sentiment,
    Stage,
)

from .builders import (
    at,
    conversation,
    d,
    followed_up,
    of_kind,
    requested,
    single,
    snapshot,
    today_list,
)

US = holiday_dates("US", [2026])


# Follow up


@pytest.mark.parametrize(
    ("now", "bucket"),
    [
        (at("2026-11-10"), Bucket.UPCOMING),  # business day 6
        (at("2026-11-11"), Bucket.TODAY),  # business day 7
        (at("2026-11-12"), Bucket.OVERDUE),
    ],
)
def test_follow_up_is_due_on_the_seventh_business_day(now: datetime, bucket: Bucket) -> None:
    snap = snapshot(conversations=[requested("2026-11-02")])
    action = single(today_list(snap, now), ActionKind.FOLLOW_UP)
    assert action.title == "Follow up with Ana Ruiz"
    assert action.due == d("2026-11-11")
    assert action.bucket is bucket
    assert action.reason == (
        "Follow-up rule: no reply 7 business days after your request of Mon 2 Nov."
    )


@pytest.mark.parametrize(
    ("holidays", "expected"),
    [
        pytest.param(frozenset(), "2026-12-01", id="no holidays"),
        pytest.param(US, "2026-12-02", id="US Thanksgiving"),
        pytest.param(frozenset({d("2026-11-24"), d("2026-11-25")}), "2026-12-03", id="synthetic"),
    ],
)
def test_public_holidays_in_the_window_push_the_follow_up_back(
    holidays: frozenset[date], expected: str
) -> None:
    snap = snapshot(conversations=[requested("2026-11-20")])  # a Friday
    actions = today_list(snap, at("2026-11-30"), holidays=holidays)
    assert single(actions, ActionKind.FOLLOW_UP).due == d(expected)


def test_follow_up_business_days_setting_counts_holidays_too() -> None:
    snap = snapshot(conversations=[requested("2026-11-06")])  # Friday before Veterans Day
    settings = RuleSettings(follow_up_business_days=3)
    actions = today_list(snap, at("2026-11-06"), settings=settings, holidays=US)
    assert single(actions, ActionKind.FOLLOW_UP).due == d("2026-11-12")


def test_a_late_evening_request_counts_from_its_local_date() -> None:
    # Thursday 22:00 in New York is already Friday in UTC; the Thursday counts.
    snap = snapshot(conversations=[requested(requested_at=at("2026-11-05", "22:00"))])
    action = single(today_list(snap, at("2026-11-10")), ActionKind.FOLLOW_UP)
    assert action.due == d("2026-11-16")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="no reply"),
        pytest.param(
            {"replied_at": at("2026-11-03"), "sentiment": Sentiment.OUT_OF_OFFICE},
            1,
            id="out-of-office is not a reply",
        ),
        pytest.param(
            {"replied_at": at("2026-11-03"), "sentiment": Sentiment.POSITIVE}, 0, id="replied"
        ),
        pytest.param({"followed_up_at": at("2026-11-11")}, 0, id="already followed up"),
    ],
)
def test_only_one_follow_up_and_only_without_a_reply(
    changes: dict[str, Any], expected: int
) -> None:
    snap = snapshot(conversations=[requested(**changes)])
    assert len(of_kind(today_list(snap, at("2026-11-11")), ActionKind.FOLLOW_UP)) == expected


# Let go


@pytest.mark.parametrize(
    ("now", "bucket"),
    [
        (at("2026-11-10"), Bucket.UPCOMING),
        (at("2026-11-11"), Bucket.TODAY),
        (at("2026-11-12"), Bucket.OVERDUE),
    ],
)
def test_a_follow_up_without_reply_is_let_go_after_seven_business_days(
    now: datetime, bucket: Bucket
) -> None:
    snap = snapshot(conversations=[followed_up("2026-11-02")])
    action = single(today_list(snap, now), ActionKind.LET_GO)
    assert action.title == "Close Ana Ruiz as no response"
    assert action.due == d("2026-11-11")
    assert action.bucket is bucket
    assert action.reason.startswith("Let-go rule: no reply 7 business days after your follow-up")
    assert of_kind(today_list(snap, now), ActionKind.FOLLOW_UP) == []


def test_let_go_business_days_setting_shortens_the_wait() -> None:
    snap = snapshot(conversations=[followed_up("2026-11-02")])
    settings = RuleSettings(let_go_business_days=2)
    action = single(today_list(snap, at("2026-11-02"), settings=settings), ActionKind.LET_GO)
    assert action.due == d("2026-11-04")


def test_a_reply_to_the_follow_up_stops_the_let_go() -> None:
    answered = followed_up(
        "2026-11-02", replied_at=at("2026-11-05"), stage=Stage.REPLIED, sentiment=Sentiment.NEGATIVE
    )
    assert (
        of_kind(today_list(snapshot(conversations=[answered]), at("2026-11-12")), ActionKind.LET_GO)
        == []
    )


# Schedule


def _replied(sentiment: Sentiment, **overrides: Any) -> ConversationFacts:
    fields = {
        "stage": Stage.REPLIED,
        "requested_at": at("2026-11-02"),
        "replied_at": at("2026-11-06", "16:00"),  # a Friday
        "sentiment": sentiment,
    } | overrides
    return conversation(**fields)


@pytest.mark.parametrize(
    ("now", "bucket"),
    [
        (at("2026-11-07"), Bucket.UPCOMING),
        (at("2026-11-09"), Bucket.TODAY),
        (at("2026-11-10"), Bucket.OVERDUE),
    ],
)
def test_a_positive_reply_asks_for_times_by_the_next_business_day(
    now: datetime, bucket: Bucket
) -> None:
    snap = snapshot(conversations=[_replied(Sentiment.POSITIVE)])
    action = single(today_list(snap, now), ActionKind.SCHEDULE)
    assert action.title == "Propose times to Ana Ruiz"
    assert action.due == d("2026-11-09")
    assert action.bucket is bucket


@pytest.mark.parametrize(
    "sentiment", [Sentiment.NEGATIVE, Sentiment.REFERRAL_ONLY, Sentiment.OUT_OF_OFFICE]
)
def test_only_a_positive_reply_asks_for_times(sentiment: Sentiment) -> None:
    snap = snapshot(conversations=[_replied(sentiment)])
    assert of_kind(today_list(snap, at("2026-11-09")), ActionKind.SCHEDULE) == []


def test_a_booked_interview_no_longer_asks_for_times() -> None:
    snap = snapshot(conversations=[_replied(Sentiment.POSITIVE, starts_at=at("2026-11-12"))])
    assert of_kind(today_list(snap, at("2026-11-09")), ActionKind.SCHEDULE) == []


def test_schedule_within_business_days_setting_allows_more_time() -> None:
    snap = snapshot(conversations=[_replied(Sentiment.POSITIVE)])
    settings = RuleSettings(schedule_within_business_days=3)
    action = single(today_list(snap, at("2026-11-09"), settings=settings), ActionKind.SCHEDULE)
    assert action.due == d("2026-11-11")
