"""Prepare, attend, capture and thank: the hour-precise rules around an interview.

The interview is on Thursday 5 November 2026 at 10:00 in New York unless a
test says otherwise.
"""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from coffeechat.domain.types import (
    ActionKind,
    Bucket,
    ConversationFacts,
    Medium,
    RuleSettings,
    Stage,
)

from .builders import NY, at, contact, conversation, d, of_kind, single, snapshot, today_list

STARTS = at("2026-11-05", "10:00")


def booked(**overrides: Any) -> ConversationFacts:
    fields = {"stage": Stage.SCHEDULED, "starts_at": STARTS, "minutes": 30, "plan_minutes": 20}
    return conversation(**(fields | overrides))


def held(**overrides: Any) -> ConversationFacts:
    return booked(**({"stage": Stage.HELD, "held_at": STARTS + timedelta(minutes=30)} | overrides))


# Prepare


@pytest.mark.parametrize(
    ("hours_before", "expected"),
    [(49, 0), (48, 1), (47, 1), (0.1, 1), (0, 0), (-1, 0)],
)
def test_an_incomplete_brief_is_flagged_within_48_hours_of_the_interview(
    hours_before: float, expected: int
) -> None:
    snap = snapshot(conversations=[booked(plan_minutes=0)])
    now = STARTS - timedelta(hours=hours_before)
    assert len(of_kind(today_list(snap, now), ActionKind.PREPARE)) == expected


def test_the_prepare_action_is_due_when_the_interview_starts() -> None:
    snap = snapshot(conversations=[booked(plan_minutes=0)])
    action = single(today_list(snap, at("2026-11-04", "12:00")), ActionKind.PREPARE)
    assert action.title == "Prepare for Ana Ruiz"
    assert action.due_at == STARTS
    assert action.due == d("2026-11-05")
    assert action.bucket is Bucket.UPCOMING
    assert not action.overdue


@pytest.mark.parametrize(
    ("has_research", "plan_minutes", "missing"),
    [
        (False, 20, "no research"),
        (True, 0, "no question plan"),
        (False, 0, "no research, no question plan"),
        (True, 26, "question plan too long (26 min, fits 25)"),
        (False, 40, "no research, question plan too long (40 min, fits 25)"),
    ],
)
def test_the_prepare_reason_names_what_the_brief_is_missing(
    has_research: bool, plan_minutes: int, missing: str
) -> None:
    snap = snapshot(
        contacts=[contact(has_research=has_research)],
        conversations=[booked(plan_minutes=plan_minutes)],
    )
    action = single(today_list(snap, at("2026-11-04")), ActionKind.PREPARE)
    assert action.reason.startswith("Prepare rule:")
    assert action.reason.endswith(f"the brief has {missing}.")


def test_a_plan_that_leaves_five_minutes_free_completes_the_brief() -> None:
    snap = snapshot(conversations=[booked(plan_minutes=25)])
    assert of_kind(today_list(snap, at("2026-11-04")), ActionKind.PREPARE) == []


def test_prepare_margin_minutes_setting_asks_for_more_slack() -> None:
    snap = snapshot(conversations=[booked(plan_minutes=25)])
    settings = RuleSettings(prepare_margin_minutes=10)
    action = single(today_list(snap, at("2026-11-04"), settings=settings), ActionKind.PREPARE)
    assert "question plan too long (25 min, fits 20)" in action.reason


def test_prepare_within_hours_setting_widens_the_window() -> None:
    snap = snapshot(conversations=[booked(plan_minutes=0)])
    now = STARTS - timedelta(hours=60)
    assert of_kind(today_list(snap, now), ActionKind.PREPARE) == []
    settings = RuleSettings(prepare_within_hours=72)
    action = single(today_list(snap, now, settings=settings), ActionKind.PREPARE)
    assert "less than 72 hours away" in action.reason


# Attend


def test_an_interview_today_is_listed_with_its_local_time_length_and_medium() -> None:
    starts_utc = datetime(2026, 11, 5, 15, 0, tzinfo=UTC)  # 10:00 in New York
    snap = snapshot(conversations=[booked(starts_at=starts_utc)])
    action = single(today_list(snap, at("2026-11-05", "08:00")), ActionKind.ATTEND)
    assert action.title == "Interview Ana Ruiz at 10:00 (30 min, video)"
    assert action.due_at == starts_utc
    assert action.due_at is not None and action.due_at.tzinfo == NY
    assert action.bucket is Bucket.TODAY
    assert action.reason == "Attend rule: your interview is today from 10:00 to 10:30."


def test_an_in_person_interview_reads_as_in_person() -> None:
    snap = snapshot(conversations=[booked(minutes=45, medium=Medium.IN_PERSON)])
    action = single(today_list(snap, at("2026-11-05", "08:00")), ActionKind.ATTEND)
    assert action.title == "Interview Ana Ruiz at 10:00 (45 min, in person)"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(at("2026-11-04", "10:00"), 0, id="tomorrow"),
        pytest.param(at("2026-11-05", "00:01"), 1, id="today"),
        pytest.param(at("2026-11-05", "10:29"), 1, id="running"),
        pytest.param(at("2026-11-05", "10:30"), 0, id="ended"),
    ],
)
def test_attend_lists_only_an_interview_today_that_has_not_ended(
    now: datetime, expected: int
) -> None:
    snap = snapshot(conversations=[booked()])
    assert len(of_kind(today_list(snap, now), ActionKind.ATTEND)) == expected


def test_an_evening_interview_is_today_although_utc_says_tomorrow() -> None:
    snap = snapshot(conversations=[booked(starts_at=at("2026-11-05", "20:00"))])
    action = single(today_list(snap, at("2026-11-05", "08:00")), ActionKind.ATTEND)
    assert action.title.startswith("Interview Ana Ruiz at 20:00")


def test_a_running_interview_is_overdue_because_it_has_started() -> None:
    snap = snapshot(conversations=[booked()])
    action = single(today_list(snap, at("2026-11-05", "10:15")), ActionKind.ATTEND)
    assert action.overdue
    assert action.bucket is Bucket.OVERDUE


# Capture


@pytest.mark.parametrize(
    ("facts", "now", "expected_due"),
    [
        pytest.param(held(), at("2026-11-06"), "2026-11-05", id="held"),
        pytest.param(
            held(stage=Stage.THANKED, thanked_at=at("2026-11-05", "15:00")),
            at("2026-11-06"),
            "2026-11-05",
            id="thanked",
        ),
        pytest.param(booked(), at("2026-11-05", "10:31"), "2026-11-05", id="scheduled and over"),
        pytest.param(
            held(starts_at=None, held_at=at("2026-11-04", "15:00")),
            at("2026-11-06"),
            "2026-11-04",
            id="held without a start time",
        ),
    ],
)
def test_an_interview_that_ended_without_notes_asks_to_write_them_down(
    facts: ConversationFacts, now: datetime, expected_due: str
) -> None:
    action = single(today_list(snapshot(conversations=[facts]), now), ActionKind.CAPTURE)
    assert action.title == "Write down what Ana Ruiz said"
    assert action.due == d(expected_due)
    assert action.due_at is None


@pytest.mark.parametrize(
    ("facts", "now"),
    [
        pytest.param(held(has_notes=True), at("2026-11-06"), id="notes written"),
        pytest.param(booked(), at("2026-11-05", "10:29"), id="still running"),
        pytest.param(booked(), at("2026-11-05", "10:30"), id="ending this minute"),
        pytest.param(held(starts_at=None, held_at=None), at("2026-11-06"), id="no time known"),
    ],
)
def test_no_capture_is_asked_before_the_end_or_once_notes_exist(
    facts: ConversationFacts, now: datetime
) -> None:
    assert of_kind(today_list(snapshot(conversations=[facts]), now), ActionKind.CAPTURE) == []


def test_a_capture_left_until_the_next_day_is_overdue() -> None:
    action = single(
        today_list(snapshot(conversations=[held()]), at("2026-11-06")), ActionKind.CAPTURE
    )
    assert action.overdue
    assert action.bucket is Bucket.OVERDUE


# Thank


@pytest.mark.parametrize(
    ("clock", "overdue", "bucket"),
    [
        ("23:29", False, Bucket.TODAY),
        ("23:30", False, Bucket.TODAY),
        ("23:31", True, Bucket.OVERDUE),
    ],
)
def test_the_thank_you_is_due_24_hours_after_an_interview_ending_before_midnight(
    clock: str, overdue: bool, bucket: Bucket
) -> None:
    late = held(starts_at=at("2026-11-05", "23:00"), minutes=30)
    action = single(
        today_list(snapshot(conversations=[late]), at("2026-11-06", clock)), ActionKind.THANK
    )
    assert action.title == "Thank Ana Ruiz"
    assert action.due_at == at("2026-11-06", "23:30")
    assert action.due == d("2026-11-06")
    assert action.overdue is overdue
    assert action.bucket is bucket


def test_the_thank_you_deadline_counts_real_hours_across_a_dst_change() -> None:
    # Ends Saturday 7 March 2026 20:00 EST; the clocks spring forward that night.
    interview = held(starts_at=at("2026-03-07", "19:00"), minutes=60)
    snap = snapshot(conversations=[interview])
    action = single(today_list(snap, at("2026-03-08", "12:00")), ActionKind.THANK)
    assert action.due_at == datetime(2026, 3, 9, 1, 0, tzinfo=UTC)
    assert action.due_at is not None
    local = action.due_at.astimezone(NY)
    assert (local.date(), local.hour, local.minute) == (d("2026-03-08"), 21, 0)
    assert local.utcoffset() == timedelta(hours=-4)  # EDT
    assert not single(today_list(snap, at("2026-03-08", "20:30")), ActionKind.THANK).overdue
    assert single(today_list(snap, at("2026-03-08", "21:01")), ActionKind.THANK).overdue


def test_thank_within_hours_setting_moves_the_deadline() -> None:
    snap = snapshot(conversations=[held()])
    settings = RuleSettings(thank_within_hours=48)
    action = single(
        today_list(snap, at("2026-11-05", "12:00"), settings=settings), ActionKind.THANK
    )
    assert action.due_at == at("2026-11-07", "10:30")
    assert "within 48 hours" in action.reason


def test_without_a_start_time_the_thank_you_counts_from_when_it_was_marked_held() -> None:
    interview = held(starts_at=None, held_at=at("2026-11-04", "15:00"))
    action = single(
        today_list(snapshot(conversations=[interview]), at("2026-11-05")), ActionKind.THANK
    )
    assert action.due_at == at("2026-11-05", "15:00")


@pytest.mark.parametrize(
    "facts",
    [
        pytest.param(held(stage=Stage.THANKED, thanked_at=at("2026-11-05", "12:00")), id="thanked"),
        pytest.param(booked(), id="not marked held"),
    ],
)
def test_no_thank_you_is_asked_once_sent_or_before_the_interview_is_held(
    facts: ConversationFacts,
) -> None:
    actions = today_list(snapshot(conversations=[facts]), at("2026-11-05", "12:00"))
    assert of_kind(actions, ActionKind.THANK) == []
