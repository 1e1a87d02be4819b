"""Referrals, report back, stay in touch, action items and reflection.

Monday 2 November 2026 is the usual starting point.
"""

from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest

from coffeechat.domain.nurture import CadenceState, Relationship, stay_in_touch_status
from coffeechat.domain.types import (
    ActionKind,
    Bucket,
    ContactFacts,
    ConversationFacts,
    RuleSettings,
    Sentiment,
    Stage,
)

from .builders import (
    action_item,
    at,
    career_path,
    contact,
    conversation,
    d,
    of_kind,
    referral,
    single,
    snapshot,
    today_list,
)

ANA = contact()
SAM = contact(id=2, name="Sam Lee", organization_id=20, organization_name="Initech")


def thanked(**overrides: Any) -> ConversationFacts:
    fields = {
        "stage": Stage.THANKED,
        "starts_at": at("2026-10-30", "10:00"),
        "held_at": at("2026-10-30", "10:30"),
        "has_notes": True,
        "thanked_at": at("2026-11-02", "09:00"),
    }
    return conversation(**(fields | overrides))


# Referral


@pytest.mark.parametrize(
    ("now", "bucket"),
    [
        (at("2026-11-03"), Bucket.UPCOMING),
        (at("2026-11-04"), Bucket.TODAY),
        (at("2026-11-05"), Bucket.OVERDUE),
    ],
)
def test_a_referral_is_due_two_business_days_after_it_was_captured(
    now: datetime, bucket: Bucket
) -> None:
    snap = snapshot(contacts=[ANA, SAM], referrals=[referral()])
    action = single(today_list(snap, now), ActionKind.REFERRAL)
    assert action.title == "Contact Sam Lee (introduced by Ana Ruiz)"
    assert action.due == d("2026-11-04")
    assert action.bucket is bucket
    assert (action.contact_id, action.organization_id, action.referral_id) == (2, 20, 500)


def test_a_referral_captured_on_friday_is_due_on_tuesday() -> None:
    snap = snapshot(contacts=[ANA, SAM], referrals=[referral(created_at=at("2026-11-06"))])
    assert single(today_list(snap, at("2026-11-06")), ActionKind.REFERRAL).due == d("2026-11-10")


def test_referral_within_business_days_setting_allows_more_time() -> None:
    snap = snapshot(contacts=[ANA, SAM], referrals=[referral()])
    settings = RuleSettings(referral_within_business_days=4)
    action = single(today_list(snap, at("2026-11-02"), settings=settings), ActionKind.REFERRAL)
    assert action.due == d("2026-11-06")


@pytest.mark.parametrize(
    ("person", "conversations", "expected"),
    [
        pytest.param(SAM, [], 1, id="not contacted"),
        pytest.param(SAM, [conversation(id=200, contact_id=2)], 1, id="only planned"),
        pytest.param(
            SAM,
            [
                conversation(
                    id=200, contact_id=2, stage=Stage.REQUESTED, requested_at=at("2026-11-03")
                )
            ],
            0,
            id="request sent",
        ),
        pytest.param(
            contact(id=2, name="Sam Lee", do_not_contact=True), [], 0, id="do not contact"
        ),
    ],
)
def test_a_referral_waits_until_a_request_goes_out(
    person: ContactFacts, conversations: list[ConversationFacts], expected: int
) -> None:
    snap = snapshot(contacts=[ANA, person], conversations=conversations, referrals=[referral()])
    assert len(of_kind(today_list(snap, at("2026-11-04")), ActionKind.REFERRAL)) == expected


def test_a_person_introduced_twice_is_listed_once_from_the_first_introduction() -> None:
    bob = contact(id=3, name="Bob Stone")
    snap = snapshot(
        contacts=[ANA, SAM, bob],
        referrals=[
            referral(id=501, from_contact_id=3, created_at=at("2026-11-03")),
            referral(id=500, from_contact_id=1, created_at=at("2026-11-02")),
        ],
    )
    action = single(today_list(snap, at("2026-11-04")), ActionKind.REFERRAL)
    assert (action.referral_id, action.title) == (500, "Contact Sam Lee (introduced by Ana Ruiz)")


def test_an_introducer_missing_from_the_snapshot_is_named_from_the_contact() -> None:
    sam = contact(id=2, name="Sam Lee", referred_by_name="Dr. Ong")
    snap = snapshot(contacts=[sam], referrals=[referral(from_contact_id=99)])
    action = single(today_list(snap, at("2026-11-04")), ActionKind.REFERRAL)
    assert action.title == "Contact Sam Lee (introduced by Dr. Ong)"


# Report back


@pytest.mark.parametrize(
    ("now", "bucket"),
    [(at("2026-11-08"), Bucket.UPCOMING), (at("2026-11-09"), Bucket.TODAY)],
)
def test_one_week_after_the_thank_you_report_back(now: datetime, bucket: Bucket) -> None:
    snap = snapshot(conversations=[thanked()])
    action = single(today_list(snap, now), ActionKind.STAY_IN_TOUCH)
    assert action.title == "Tell Ana Ruiz what you did with their advice"
    assert action.reason.startswith("Report-back rule:")
    assert action.due == d("2026-11-09")
    assert action.bucket is bucket


def test_report_back_after_days_setting_moves_the_report_back() -> None:
    snap = snapshot(conversations=[thanked()])
    settings = RuleSettings(report_back_after_days=3)
    action = single(today_list(snap, at("2026-11-02"), settings=settings), ActionKind.STAY_IN_TOUCH)
    assert action.due == d("2026-11-05")


# Stay in touch


def reported(**contact_overrides: Any) -> tuple[ContactFacts, ConversationFacts]:
    """Ana after her report-back on Monday 2 November, and her conversation."""
    fields = {"last_exchange_at": at("2026-11-02", "12:00")} | contact_overrides
    return contact(**fields), thanked(report_back_at=at("2026-11-02", "12:00"))


@pytest.mark.parametrize(
    ("now", "bucket"),
    [
        (at("2026-12-01"), Bucket.UPCOMING),
        (at("2026-12-02"), Bucket.TODAY),
        (at("2026-12-03"), Bucket.OVERDUE),
    ],
)
def test_after_the_report_back_an_update_is_due_every_thirty_days(
    now: datetime, bucket: Bucket
) -> None:
    ana, talk = reported()
    action = single(
        today_list(snapshot(contacts=[ana], conversations=[talk]), now), ActionKind.STAY_IN_TOUCH
    )
    assert action.title == "Send Ana Ruiz an update"
    assert action.reason.startswith("Stay-in-touch rule: every 30 days")
    assert action.due == d("2026-12-02")
    assert action.bucket is bucket
    assert (action.contact_id, action.organization_id) == (1, 10)


def test_a_contacts_own_cadence_wins_over_the_default() -> None:
    ana, talk = reported(cadence_days=14)
    snap = snapshot(contacts=[ana], conversations=[talk])
    assert single(today_list(snap, at("2026-11-16")), ActionKind.STAY_IN_TOUCH).due == d(
        "2026-11-16"
    )


def test_stay_in_touch_days_setting_changes_the_default_cadence() -> None:
    ana, talk = reported()
    snap = snapshot(contacts=[ana], conversations=[talk])
    settings = RuleSettings(stay_in_touch_days=10)
    action = single(today_list(snap, at("2026-11-12"), settings=settings), ActionKind.STAY_IN_TOUCH)
    assert action.due == d("2026-11-12")


def test_a_newer_exchange_restarts_the_cadence() -> None:
    ana, talk = reported(last_exchange_at=at("2026-11-20"), cadence_days=14)
    snap = snapshot(contacts=[ana], conversations=[talk])
    assert single(today_list(snap, at("2026-12-04")), ActionKind.STAY_IN_TOUCH).due == d(
        "2026-12-04"
    )


def test_the_clock_counts_from_the_last_real_exchange_not_from_the_report_back() -> None:
    # Ana answered the report-back on 9 November: the cadence counts from her message.
    ana, talk = reported(last_exchange_at=at("2026-11-09", "18:00"), cadence_days=14)
    action = single(
        today_list(snapshot(contacts=[ana], conversations=[talk]), at("2026-11-23")),
        ActionKind.STAY_IN_TOUCH,
    )
    assert action.due == d("2026-11-23")
    assert action.reason == (
        "Stay-in-touch rule: every 14 days since your last exchange on Mon 9 Nov; "
        "red from Mon 30 Nov."
    )


@pytest.mark.parametrize(
    ("now", "due", "state"),
    [
        (at("2026-11-15"), False, CadenceState.ON_TRACK),
        (at("2026-11-16"), True, CadenceState.DUE),
        (at("2026-11-23"), True, CadenceState.OVERDUE),
    ],
)
def test_today_and_the_network_colours_agree_at_the_boundaries(
    now: datetime, due: bool, state: CadenceState
) -> None:
    """The update is listed (today or overdue) exactly when the Network page turns amber."""
    ana, talk = reported(cadence_days=14)
    settings = RuleSettings(upcoming_days=0)
    actions = of_kind(
        today_list(snapshot(contacts=[ana], conversations=[talk]), now, settings=settings),
        ActionKind.STAY_IN_TOUCH,
    )
    relationship = Relationship(
        in_network=True, do_not_contact=False, cadence_days=14, last_exchange=d("2026-11-02")
    )
    status = stay_in_touch_status(relationship, default_days=30, today=now.date())
    assert status is not None and status.state is state
    assert bool(actions) is due


def test_someone_who_pointed_you_on_is_kept_warm_without_an_interview() -> None:
    sam = contact(last_exchange_at=at("2026-11-03", "10:00"))
    talk = conversation(
        stage=Stage.REPLIED,
        requested_at=at("2026-10-27"),
        replied_at=at("2026-11-03", "10:00"),
        sentiment=Sentiment.REFERRAL_ONLY,
    )
    action = single(
        today_list(snapshot(contacts=[sam], conversations=[talk]), at("2026-12-03")),
        ActionKind.STAY_IN_TOUCH,
    )
    assert action.due == d("2026-12-03")


def test_a_thank_you_still_owed_comes_before_any_update() -> None:
    ana = contact(last_exchange_at=at("2026-10-01"))
    talk = conversation(stage=Stage.HELD, held_at=at("2026-10-01"))
    actions = today_list(snapshot(contacts=[ana], conversations=[talk]), at("2026-11-16"))
    assert of_kind(actions, ActionKind.STAY_IN_TOUCH) == []
    assert [a.title for a in of_kind(actions, ActionKind.THANK)] == ["Thank Ana Ruiz"]


def test_a_yes_never_booked_still_gets_an_update_after_the_cadence() -> None:
    ana = contact(last_exchange_at=at("2026-10-01", "12:00"))
    talk = conversation(
        stage=Stage.REPLIED, replied_at=at("2026-10-01", "12:00"), sentiment=Sentiment.POSITIVE
    )
    snap = snapshot(contacts=[ana], conversations=[talk])
    assert single(today_list(snap, at("2026-10-31")), ActionKind.STAY_IN_TOUCH).due == d(
        "2026-10-31"
    )


def test_no_update_is_asked_while_a_report_back_is_still_owed() -> None:
    ana, talk = reported(cadence_days=14)
    second = thanked(id=101, thanked_at=at("2026-11-10"))
    snap = snapshot(contacts=[ana], conversations=[talk, second])
    actions = of_kind(today_list(snap, at("2026-11-16")), ActionKind.STAY_IN_TOUCH)
    assert [action.title for action in actions] == ["Tell Ana Ruiz what you did with their advice"]


def test_no_update_is_asked_of_someone_who_never_answered() -> None:
    snap = snapshot(
        contacts=[contact(last_exchange_at=at("2026-10-01"), cadence_days=14)],
        conversations=[conversation(stage=Stage.REQUESTED, requested_at=at("2026-10-01"))],
    )
    assert of_kind(today_list(snap, at("2026-11-16")), ActionKind.STAY_IN_TOUCH) == []


# Action items


def test_an_open_action_item_is_listed_by_its_text_on_its_due_date() -> None:
    item = action_item(
        contact_id=1, contact_name="Ana Ruiz", conversation_id=100, career_path_id=900
    )
    snap = snapshot(action_items=[item])
    action = single(today_list(snap, at("2026-11-05")), ActionKind.ACTION_ITEM)
    assert action.title == "Take the SQL course"
    assert action.due == d("2026-11-05")
    assert action.bucket is Bucket.TODAY
    assert action.reason == "Action-item rule: a task from Ana Ruiz's advice you set for Thu 5 Nov."
    assert (
        action.action_item_id,
        action.contact_id,
        action.conversation_id,
        action.career_path_id,
    ) == (700, 1, 100, 900)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [({}, 1), ({"done": True}, 0), ({"due": None}, 0)],
)
def test_only_open_action_items_with_a_due_date_are_listed(
    changes: dict[str, Any], expected: int
) -> None:
    snap = snapshot(action_items=[action_item(**changes)])
    assert len(of_kind(today_list(snap, at("2026-11-05")), ActionKind.ACTION_ITEM)) == expected


def test_a_date_in_another_year_than_the_due_date_is_shown_with_its_year() -> None:
    drafted = conversation(draft_created_at=at("2025-12-30"))
    action = single(
        today_list(snapshot(conversations=[drafted]), at("2026-01-02")), ActionKind.SEND
    )
    assert action.due == d("2026-01-01")
    assert action.reason == (
        "Send rule: the note you drafted on Tue 30 Dec 2025 is still unsent after 2 days."
    )
    assert action.overdue


def test_the_words_of_a_step_do_not_change_with_the_day_they_are_read() -> None:
    """The due index stores them, so the year shown follows the due date, not today."""
    snap = snapshot(action_items=[action_item(due=d("2025-12-30"))])
    read_then = single(today_list(snap, at("2025-12-29")), ActionKind.ACTION_ITEM)
    read_later = single(today_list(snap, at("2027-01-02")), ActionKind.ACTION_ITEM)
    assert (
        read_then.reason == read_later.reason == "Action-item rule: a task you set for Tue 30 Dec."
    )


def test_action_items_stay_listed_for_a_contact_who_asked_not_to_be_contacted() -> None:
    snap = snapshot(
        contacts=[contact(do_not_contact=True)],
        conversations=[conversation(stage=Stage.CLOSED)],
        action_items=[action_item(contact_id=1, conversation_id=100)],
    )
    assert len(of_kind(today_list(snap, at("2026-11-05")), ActionKind.ACTION_ITEM)) == 1


# Reflect


def held_on(path_id: int, *days: str) -> list[ConversationFacts]:
    return [
        conversation(
            id=300 + n,
            contact_id=1,
            career_path_id=path_id,
            stage=Stage.THANKED,
            held_at=at(day, "11:00"),
            has_notes=True,
        )
        for n, day in enumerate(days)
    ]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (["2026-11-02", "2026-11-03"], 0),
        (["2026-11-02", "2026-11-03", "2026-11-04"], 1),
    ],
)
def test_three_interviews_on_a_path_call_for_reflection(days: list[str], expected: int) -> None:
    snap = snapshot(conversations=held_on(900, *days), career_paths=[career_path()])
    assert len(of_kind(today_list(snap, at("2026-11-05")), ActionKind.REFLECT)) == expected


def test_reflection_is_due_on_the_day_of_the_interview_that_reached_the_count() -> None:
    days = ("2026-11-04", "2026-11-02", "2026-11-05", "2026-11-03")
    snap = snapshot(conversations=held_on(900, *days), career_paths=[career_path()])
    action = single(today_list(snap, at("2026-11-05")), ActionKind.REFLECT)
    assert action.title == "Reflect on path Data journalism"
    assert action.due == d("2026-11-04")
    assert action.career_path_id == 900
    assert (
        action.reason == "Reflect rule: 4 interviews held on this path and its fit never reviewed."
    )


def test_only_interviews_after_the_last_review_count() -> None:
    days = ("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05")
    reviewed = career_path(last_reviewed_at=at("2026-11-03", "18:00"))
    snap = snapshot(conversations=held_on(900, *days), career_paths=[reviewed])
    assert of_kind(today_list(snap, at("2026-11-06")), ActionKind.REFLECT) == []
    more = held_on(900, *days, "2026-11-06")
    action = single(
        today_list(snapshot(conversations=more, career_paths=[reviewed]), at("2026-11-06")),
        ActionKind.REFLECT,
    )
    assert action.due == d("2026-11-06")
    assert "since you last reviewed it on Tue 3 Nov" in action.reason


def test_a_review_made_when_an_interview_was_marked_held_already_covers_it() -> None:
    days = ("2026-11-02", "2026-11-03", "2026-11-04")
    reviewed = career_path(last_reviewed_at=at("2026-11-02", "11:00"))  # the first one's held_at
    snap = snapshot(conversations=held_on(900, *days), career_paths=[reviewed])
    assert of_kind(today_list(snap, at("2026-11-05")), ActionKind.REFLECT) == []


def test_reflect_after_interviews_setting_lowers_the_count() -> None:
    snap = snapshot(
        conversations=held_on(900, "2026-11-02", "2026-11-03"), career_paths=[career_path()]
    )
    settings = RuleSettings(reflect_after_interviews=2)
    action = single(today_list(snap, at("2026-11-05"), settings=settings), ActionKind.REFLECT)
    assert action.due == d("2026-11-03")


def test_a_dropped_path_and_other_paths_interviews_do_not_call_for_reflection() -> None:
    days = ("2026-11-02", "2026-11-03", "2026-11-04")
    snap = snapshot(
        conversations=held_on(901, *days),
        career_paths=[career_path(), career_path(id=901, title="Radio", dropped=True)],
    )
    assert of_kind(today_list(snap, at("2026-11-05")), ActionKind.REFLECT) == []


def test_interviews_count_for_reflection_even_once_closed() -> None:
    closed = [
        replace(talk, stage=Stage.CLOSED)
        for talk in held_on(900, "2026-11-02", "2026-11-03", "2026-11-04")
    ]
    snap = snapshot(conversations=closed, career_paths=[career_path()])
    assert len(of_kind(today_list(snap, at("2026-11-05")), ActionKind.REFLECT)) == 1
