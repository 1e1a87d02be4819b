"""The Today list as a whole: silencing, ordering, buckets, the horizon and "today" itself."""

from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from coffeechat.domain.followup import compute_today, group_by_bucket
from coffeechat.domain.types import (
    ActionKind,
    Bucket,
    ContactFacts,
    ConversationFacts,
    RuleSettings,
    Sentiment,
    Snapshot,
    Stage,
)

from .builders import (
    NO_HOLIDAYS,
    action_item,
    at,
    contact,
    conversation,
    d,
    of_kind,
    snapshot,
    today_list,
)

BOB = contact(id=2, name="Bob Stone")
BOOKED = {"stage": Stage.SCHEDULED, "starts_at": at("2026-11-05", "10:00"), "plan_minutes": 20}
HELD = BOOKED | {"stage": Stage.HELD, "held_at": at("2026-11-05", "10:30")}
THANKED = HELD | {"stage": Stage.THANKED, "thanked_at": at("2026-11-02"), "has_notes": True}

# Each scenario makes Ana's one conversation produce an action of ``kind`` at ``now``.
SCENARIOS: dict[str, tuple[dict[str, Any], dict[str, Any], datetime, ActionKind]] = {
    "research": ({"has_research": False}, {}, at("2026-11-02"), ActionKind.RESEARCH),
    "send": ({}, {"draft_created_at": at("2026-11-02")}, at("2026-11-04"), ActionKind.SEND),
    "try another": (
        {},
        {"stage": Stage.REQUESTED, "requested_at": at("2026-11-02")},
        at("2026-11-05"),
        ActionKind.TRY_ANOTHER,
    ),
    "follow up": (
        {},
        {"stage": Stage.REQUESTED, "requested_at": at("2026-11-02")},
        at("2026-11-11"),
        ActionKind.FOLLOW_UP,
    ),
    "let go": (
        {},
        {"stage": Stage.FOLLOWED_UP, "followed_up_at": at("2026-11-02")},
        at("2026-11-11"),
        ActionKind.LET_GO,
    ),
    "schedule": (
        {},
        {
            "stage": Stage.REPLIED,
            "replied_at": at("2026-11-06"),
            "sentiment": Sentiment.POSITIVE,
        },
        at("2026-11-09"),
        ActionKind.SCHEDULE,
    ),
    "prepare": ({}, BOOKED | {"plan_minutes": 0}, at("2026-11-04"), ActionKind.PREPARE),
    "attend": ({}, BOOKED, at("2026-11-05", "08:00"), ActionKind.ATTEND),
    "capture": ({}, HELD, at("2026-11-05", "12:00"), ActionKind.CAPTURE),
    "thank": ({}, HELD, at("2026-11-05", "12:00"), ActionKind.THANK),
    "report back": ({}, THANKED, at("2026-11-09"), ActionKind.STAY_IN_TOUCH),
    "stay in touch": (
        {"last_exchange_at": at("2026-11-02")},
        THANKED | {"report_back_at": at("2026-11-02")},
        at("2026-12-02"),
        ActionKind.STAY_IN_TOUCH,
    ),
}


def _scenario(name: str) -> tuple[ContactFacts, ConversationFacts, datetime, ActionKind]:
    contact_changes, conversation_changes, now, kind = SCENARIOS[name]
    return contact(**contact_changes), conversation(**conversation_changes), now, kind


def _run(ana: ContactFacts, talk: ConversationFacts, now: datetime) -> list[Any]:
    return today_list(snapshot(contacts=[ana, BOB], conversations=[talk]), now)


@pytest.mark.parametrize("name", SCENARIOS)
def test_each_rule_speaks_up_for_an_open_conversation(name: str) -> None:
    ana, talk, now, kind = _scenario(name)
    assert len(of_kind(_run(ana, talk, now), kind)) == 1


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize(
    "silence",
    [
        pytest.param(lambda ana, talk: (replace(ana, do_not_contact=True), talk), id="dnc"),
        pytest.param(lambda ana, talk: (ana, replace(talk, stage=Stage.CLOSED)), id="closed"),
        pytest.param(
            lambda ana, talk: (ana, replace(talk, closed_at=at("2026-11-01"))), id="closed_at"
        ),
    ],
)
def test_do_not_contact_and_closed_conversations_silence_every_rule(
    name: str, silence: Any
) -> None:
    ana, talk, now, _ = _scenario(name)
    ana, talk = silence(ana, talk)
    assert _run(ana, talk, now) == []


NOW = at("2026-11-13", "08:00")  # a Friday


def _busy_friday() -> Snapshot:
    cara = contact(id=3, name="Cara Diaz", organization_id=30, organization_name="Globex")
    return snapshot(
        contacts=[contact(), BOB, cara],
        conversations=[
            conversation(id=100, stage=Stage.REQUESTED, requested_at=at("2026-11-02")),
            conversation(
                id=200,
                contact_id=2,
                stage=Stage.HELD,
                starts_at=at("2026-11-12", "10:00"),
                held_at=at("2026-11-12", "10:30"),
            ),
            conversation(
                id=300,
                contact_id=3,
                stage=Stage.SCHEDULED,
                starts_at=at("2026-11-13", "09:00"),
                plan_minutes=20,
            ),
        ],
        action_items=[
            action_item(id=1, text="Buy a notebook", due=d("2026-11-13")),
            action_item(id=2, text="Apply to the course", due=d("2026-11-13")),
            action_item(id=3, text="Read the annual report", due=d("2026-11-20")),
            action_item(id=4, text="Beyond the horizon", due=d("2026-11-21")),
            action_item(id=5, text="Long forgotten", due=d("2025-01-10")),
        ],
    )


def test_the_list_puts_overdue_first_then_timed_actions_then_all_day_ones_then_upcoming() -> None:
    actions = today_list(_busy_friday(), NOW)
    assert [(action.title, action.bucket) for action in actions] == [
        ("Long forgotten", Bucket.OVERDUE),
        ("Follow up with Ana Ruiz", Bucket.OVERDUE),
        ("Write down what Bob Stone said", Bucket.OVERDUE),
        ("Interview Cara Diaz at 09:00 (30 min, video)", Bucket.TODAY),
        ("Thank Bob Stone", Bucket.TODAY),
        ("Apply to the course", Bucket.TODAY),
        ("Buy a notebook", Bucket.TODAY),
        ("Read the annual report", Bucket.UPCOMING),
    ]


def test_the_overdue_flag_matches_the_bucket() -> None:
    actions = today_list(_busy_friday(), NOW)
    assert all(action.overdue is (action.bucket is Bucket.OVERDUE) for action in actions)


@pytest.mark.parametrize(
    ("upcoming_days", "last_due"),
    [(7, "2026-11-20"), (8, "2026-11-21"), (0, "2026-11-13")],
)
def test_upcoming_days_setting_limits_how_far_ahead_the_list_looks(
    upcoming_days: int, last_due: str
) -> None:
    settings = RuleSettings(upcoming_days=upcoming_days)
    actions = today_list(_busy_friday(), NOW, settings=settings)
    assert max(action.due for action in actions) == d(last_due)


def test_grouping_by_bucket_keeps_the_order_and_every_bucket() -> None:
    actions = today_list(_busy_friday(), NOW)
    groups = group_by_bucket(actions)
    assert list(groups) == [Bucket.OVERDUE, Bucket.TODAY, Bucket.UPCOMING]
    assert groups[Bucket.OVERDUE] + groups[Bucket.TODAY] + groups[Bucket.UPCOMING] == actions
    assert [action.title for action in groups[Bucket.UPCOMING]] == ["Read the annual report"]


def test_grouping_nothing_still_gives_every_bucket() -> None:
    assert group_by_bucket([]) == {Bucket.OVERDUE: [], Bucket.TODAY: [], Bucket.UPCOMING: []}


@pytest.mark.parametrize(
    ("zone", "bucket"),
    [(ZoneInfo("America/New_York"), Bucket.TODAY), (ZoneInfo("UTC"), Bucket.OVERDUE)],
)
def test_today_is_the_date_on_the_users_wall_clock(zone: ZoneInfo, bucket: Bucket) -> None:
    # Monday 23:30 in New York is already Tuesday in UTC.
    snap = snapshot(action_items=[action_item(due=d("2026-11-02"))])
    actions = today_list(snap, at("2026-11-02", "23:30"), zone=zone)
    assert [action.bucket for action in actions] == [bucket]


def test_the_same_snapshot_always_gives_the_same_list() -> None:
    snap = _busy_friday()
    reversed_snap = replace(
        snap,
        conversations=snap.conversations[::-1],
        action_items=snap.action_items[::-1],
        contacts=snap.contacts[::-1],
    )
    assert today_list(snap, NOW) == today_list(reversed_snap, NOW)


def test_an_empty_snapshot_gives_an_empty_list() -> None:
    assert today_list(Snapshot(), NOW) == []


def test_a_naive_now_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="naive"):
        compute_today(
            Snapshot(), now=datetime(2026, 11, 2, 9), zone=ZoneInfo("UTC"), holidays=NO_HOLIDAYS
        )


def test_the_default_settings_are_used_when_none_are_given() -> None:
    snap = snapshot(conversations=[conversation(draft_created_at=at("2026-11-02"))])
    actions = compute_today(
        snap, now=at("2026-11-02"), zone=ZoneInfo("America/New_York"), holidays=NO_HOLIDAYS
    )
    assert [action.due for action in actions] == [d("2026-11-04")]
